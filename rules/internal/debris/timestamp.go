package debris

import (
	"strings"
	"unicode/utf8"
)

// dateWords may appear inside a timestamp. They and monthWords are looked
// up in dateTab, generated from the two lists.
var dateWords = []string{
	"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
	"aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
	"mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri",
	"friday", "sat", "saturday", "sun", "sunday", "am", "pm", "gmt", "bst", "utc", "est", "edt", "cst", "cdt",
	"mst", "mdt", "pst", "pdt", "et", "pt", "ct", "cet", "cest", "ist", "aest", "aedt", "on", "at", "st", "nd",
	"rd", "th", "today", "yesterday", "updated", "published", "posted", "last", "first", "modified", "hrs",
	"ago", "minutes", "minute", "hours", "hour", "days", "day", "mins", "min", "seconds", "weeks", "week",
	"h", "m", "d", "hr", "secs", "sec", "months", "month", "a", "an", "p",
}

// Values in dateTab.
const (
	dateWord  uint8 = 1 << iota // in dateWords
	dateMonth                   // in monthWords
)

// dateClass returns the dateTab value of the lower-case word w.
func dateClass(w []byte) uint8 {
	h := fnvOffset
	for _, c := range w {
		h = (h ^ uint32(c)) * fnvPrime
	}
	const mask = uint32(len(dateTab) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &dateTab[i]
		if s.key == "" {
			return 0
		}
		if s.h == h && s.key == string(w) {
			return s.v
		}
	}
}

// zones may be glued to the next word's capital ("14:32 GMTMarwick").
var zones = []string{"GMT", "BST", "UTC", "EST", "EDT", "CST", "CDT", "PST", "PDT", "CET", "CEST", "ET", "PT", "AM", "PM", "am", "pm", "ago"}

var stampStarts = []string{"published", "updated", "last updated", "posted", "first published", "last modified", "modified"}

// ScanTimestamp recognizes a timestamp at the start of line: "Updated 14:32
// GMT", "Published on 3 March 2024, 09:15", "5 hours ago". It returns the
// end offset of the timestamp (0 if there is none) and whether it is glued
// to a capitalised word with no space between ("14:32 GMTThe").
func ScanTimestamp(line string) (end int, glued bool) {
	if line == "" {
		return 0, false
	}
	switch line[0] | 0x20 {
	case 'p', 'u', 'l', 'f', 'm':
	default:
		if line[0] < '0' || line[0] > '9' {
			return 0, false
		}
	}
	i := 0
	keyword := false
	for _, s := range stampStarts {
		if len(line) >= len(s) && strings.EqualFold(line[:len(s)], s) && (len(line) == len(s) || !isLetterByte(line[len(s)])) {
			i, keyword = len(s), true
			break
		}
	}
	digits := false
	agoForm := false
	if !keyword {
		// "\d+ (minutes|hours|days) ago"
		j := 0
		for j < len(line) && line[j] >= '0' && line[j] <= '9' {
			j++
		}
		if j == 0 {
			return 0, false
		}
		digits, agoForm = true, true
		i = j
	}
	last := i // end of the last token that belonged to the stamp
	sawAgo := false
	for i < len(line) {
		c := line[i]
		switch {
		case c == ' ' || c == ',' || c == ':' || c == '|' || c == '-' || c == '/' || c == '.' || c == '\t':
			i++
		case c >= '0' && c <= '9':
			for i < len(line) && clockByte(line, i) {
				i++
			}
			digits = true
			last = i
			if i < len(line) && isUpper(line[i]) && i+1 < len(line) && isLower(line[i+1]) {
				if !agoForm || sawAgo {
					return last, true
				}
				return 0, false
			}
		case isLetterByte(c):
			j := i
			for j < len(line) && isLetterByte(line[j]) && line[j] < utf8.RuneSelf {
				j++
			}
			var buf [16]byte
			w := lowerInto(buf[:0], line[i:j])
			if dateClass(w) != 0 {
				if string(w) == "ago" {
					sawAgo = true
				}
				i, last = j, j
				continue
			}
			// A zone glued to a capitalised word.
			for _, z := range zones {
				if strings.HasPrefix(line[i:j], z) && j-i > len(z)+1 && isUpper(line[i+len(z)]) && isLower(line[i+len(z)+1]) {
					if digits && (!agoForm || sawAgo || z == "ago") {
						return i + len(z), true
					}
				}
			}
			if digits && (!agoForm || sawAgo) && i == last && isUpper(c) && i > 0 && line[i-1] != ' ' {
				return last, true // "2 hours agoThe" handled above; here "14:32The"
			}
			i = len(line) + 1 // stop: an ordinary word
		default:
			i = len(line) + 1
		}
	}
	if !digits && !(keyword && sawAgo) || agoForm && !sawAgo {
		return 0, false
	}
	return last, false
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isLower(c byte) bool { return c >= 'a' && c <= 'z' }

// IsBreadcrumb reports whether line is a navigation trail: at least three
// segments split by ">", "»", "›", "|" or a spaced "/", the first "Home" or
// all of at most three words.
func IsBreadcrumb(line string) bool {
	// Three segments need two separators: a line with no byte of one
	// (">", "|", "/", the last bytes of "»" and "›") is none.
	seps := 0
	for i := 0; i < len(line) && seps < 2; i++ {
		switch line[i] {
		case '>', '|', '/', 0xBB, 0xBA:
			seps++
		}
	}
	if seps < 2 {
		return false
	}
	segs := 0
	allShort := true
	first := ""
	start := 0
	flush := func(seg string) bool {
		seg = strings.TrimSpace(seg)
		if seg == "" {
			return false
		}
		hasLetter := false
		for _, r := range seg {
			if r < utf8.RuneSelf && isLetterByte(byte(r)) || r >= utf8.RuneSelf {
				hasLetter = true
				break
			}
		}
		if !hasLetter {
			return false
		}
		if n := len(strings.Fields(seg)); n > 3 {
			allShort = false
			if n > 8 {
				return false
			}
		}
		switch seg[len(seg)-1] {
		case '.', '!', '?', ',', ';':
			return false
		}
		if segs == 0 {
			first = seg
		}
		segs++
		return true
	}
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		sep := r == '>' || r == '»' || r == '›' || r == '|' ||
			r == '/' && i > 0 && line[i-1] == ' ' && i+1 < len(line) && line[i+1] == ' '
		if sep {
			if !flush(line[start:i]) {
				return false
			}
			start = i + size
		}
		i += size
	}
	if segs == 0 || !flush(line[start:]) {
		return false
	}
	return segs >= 3 && (strings.EqualFold(first, "home") || allShort)
}

// DateLine reports whether line is nothing but a date and time with a year
// or a clock time ("Nov. 21, 2024 9:15 am ET", "Thursday 21 November 2024").
func DateLine(line string) bool {
	ok, _ := DateClock(line)
	return ok
}

// DateClock is DateLine, and reports whether the date has a time of day
// ("Nov. 19, 2019, 6:18 p.m."). A bare "Today 12:01 AM" counts as a date
// with a time.
func DateClock(line string) (date, hasClock bool) {
	words, year, clock, month, day := 0, false, false, false, false
	for i := 0; i < len(line); {
		c := line[i]
		switch {
		case c == ' ' || c == ',' || c == '.' || c == '|' || c == '-' || c == '/' || c == '\t':
			i++
		case c >= '0' && c <= '9':
			j := i
			for j < len(line) && (line[j] >= '0' && line[j] <= '9' || line[j] == ':') {
				j++
			}
			tok := line[i:j]
			if strings.IndexByte(tok, ':') > 0 {
				clock = true
			} else if len(tok) == 4 && (tok[0] == '1' || tok[0] == '2') {
				year = true
			} else if len(tok) > 2 {
				return false, false
			}
			words++
			i = j
		case isLetterByte(c) && c < utf8.RuneSelf:
			j := i
			for j < len(line) && isLetterByte(line[j]) && line[j] < utf8.RuneSelf {
				j++
			}
			var buf [16]byte
			w := lowerInto(buf[:0], line[i:j])
			dc := dateClass(w)
			if dc == 0 || string(w) == "ago" || string(w) == "updated" || string(w) == "published" || string(w) == "posted" {
				return false, false
			}
			if len(w) >= 3 && dc&dateMonth != 0 {
				month = true
			}
			if string(w) == "today" || string(w) == "yesterday" {
				day = true
			}
			words++
			i = j
		default:
			return false, false
		}
	}
	date = words >= 2 && words <= 10 && (month && (year || clock) || day && clock)
	return date, date && clock
}

var monthWords = []string{"jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
	"june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december"}

// clockByte: a digit, a colon, or a dot followed by a digit ("14:32", "9.30").
func clockByte(line string, i int) bool {
	c := line[i]
	if c >= '0' && c <= '9' || c == ':' {
		return true
	}
	return c == '.' && i+1 < len(line) && line[i+1] >= '0' && line[i+1] <= '9'
}

// lowerInto appends the ASCII lower case of s to dst (a stack buffer: a
// word longer than it simply grows, which only costs for odd words).
func lowerInto(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
