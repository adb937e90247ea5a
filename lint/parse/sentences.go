package parse

import (
	"unicode"
	"unicode/utf8"

	"copydesk/lint"
)

// Sentences splits the block span of text into sentences and returns their
// spans, trimmed of white space, in order. A sentence ends at ".", "!", "?"
// or an ellipsis (with any closing quotes and brackets right after it, so
// `He said "no." Then` ends after the closing quote) when white space and a
// character that can start a sentence follow. It does not end after titles
// and other abbreviations (Mr., Dr., St., Prof., e.g., i.e.), dotted
// initialisms (U.S., U.K.), initials (J. K. Rowling), "No." before a number,
// inside decimals (4.2), or before a lower-case word. An ellipsis ends a
// sentence only when it follows a word and a capital letter follows it.
func Sentences(text string, block lint.Span) []lint.Span {
	return appendSentences(nil, text, block)
}

func appendSentences(dst []lint.Span, text string, blk lint.Span) []lint.Span {
	end := blk.End
	if end > len(text) {
		end = len(text)
	}
	start := blk.Start
	if start < 0 {
		start = 0
	}
	for start < end && !utf8.RuneStart(text[start]) {
		start++
	}
	for end > start && end < len(text) && !utf8.RuneStart(text[end]) {
		end--
	}
	sent := skipSpace(text, start, end)
	i := sent
	checked := sent                                        // text[sent:checked] has no letter or digit
	stops := newStopFinder(text, end, '.', '!', '?', 0xE2) // the bytes sentenceStop marks
	for i < end {
		if i = stops.find(i); i >= end {
			break
		}
		c := text[i]
		var term int // end of the run of terminators
		ellipsis := false
		switch {
		case c == '.' || c == '!' || c == '?':
			term = i + 1
			for term < end && (text[term] == '.' || text[term] == '!' || text[term] == '?') {
				term++
			}
			ellipsis = c == '.' && term-i >= 3 && text[i+1] == '.' && text[i+2] == '.'
		case i+2 < end && text[i+1] == 0x80 && text[i+2] == 0xA6: // …
			term = i + 3
			ellipsis = true
			for term < end && (text[term] == '.' || text[term] == '!' || text[term] == '?') {
				term++
			}
		default:
			i++
			continue
		}
		k := skipClosers(text, term, end)
		if k < end && spaceAt(text, k, end) == 0 {
			i = term
			continue
		}
		n := skipSpace(text, k, end)
		if n >= end {
			break
		}
		if checked < sent {
			checked = sent
		}
		if hasWord(text, &checked, i) && isBoundary(text, sent, i, term, n, end, ellipsis) {
			dst = append(dst, lint.Span{Start: sent, End: k})
			sent = n
		}
		i = n
	}
	e := end
	for e > sent {
		if w := spaceBefore(text, sent, e); w > 0 {
			e -= w
			continue
		}
		break
	}
	if e > sent {
		dst = append(dst, lint.Span{Start: sent, End: e})
	}
	return dst
}

// sentenceStop marks the bytes that may start a sentence terminator: . ! ?
// and 0xE2, the first byte of "…".
var sentenceStop = [256]bool{'.': true, '!': true, '?': true, 0xE2: true}

// hasWord reports whether text[*checked:i] holds a letter or digit (any
// non-ASCII byte counts). It leaves *checked at the first such byte, or at
// i if there is none, so no byte is looked at twice.
func hasWord(text string, checked *int, i int) bool {
	for p := *checked; p < i; p++ {
		if c := text[p]; c >= 0x80 || isAlnum(c) {
			*checked = p
			return true
		}
	}
	*checked = i
	return false
}

// isBoundary decides whether the terminator text[i:term] ends the sentence
// that started at sent, given that the next sentence would start at n.
func isBoundary(text string, sent, i, term, n, end int, ellipsis bool) bool {
	r, w := utf8.DecodeRuneInString(text[n:end])
	if isOpener(r) && n+w < end {
		r, _ = utf8.DecodeRuneInString(text[n+w : end])
	}
	if unicode.IsLower(r) || r == ',' || r == ';' || r == ':' || r == ')' || r == ']' || r == '.' || r == '…' {
		return false
	}
	if ellipsis {
		// "... and then" never splits; " ... The" marks an omission.
		if i == sent || spaceBefore(text, sent, i) > 0 {
			return false
		}
		return unicode.IsUpper(r) || isOpener(r)
	}
	if text[i] != '.' || term != i+1 {
		return true // ! ? and runs like ?! end sentences
	}
	// A full stop: look at the word before it.
	ws := i
	for ws > sent && (isASCIILetter(text[ws-1]) || text[ws-1] == '.') {
		ws--
	}
	if ws > sent {
		p, _ := utf8.DecodeLastRuneInString(text[sent:ws])
		if !unicode.IsSpace(p) && !isOpener(p) && p != 0xA0 {
			return true // the word has non-ASCII letters or digits: no abbreviation
		}
	}
	word := text[ws:i]
	if word == "" {
		return true
	}
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
		return false // an initial: J. K. Rowling
	}
	if isDotted(word) {
		return false // U.S., U.K., e.g., i.e., a.m.
	}
	if isTitleAbbrev(word) {
		return false
	}
	if r >= '0' && r <= '9' && isNumberAbbrev(word) {
		return false
	}
	return true
}

// isTitleAbbrev reports whether word never ends a sentence: titles and
// street words that come before a name. (A switch: the compiler searches
// the cases by length and bytes, cheaper than hashing every word before a
// full stop.)
func isTitleAbbrev(word string) bool {
	switch word {
	case "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Rev", "Fr", "Sr", "Jr",
		"St", "Mt", "Ft", "Sgt", "Cpl", "Capt", "Col", "Gen", "Lt", "Maj",
		"Cmdr", "Adm", "Gov", "Sen", "Rep", "Hon", "Supt", "Insp", "Det",
		"Cllr", "Messrs", "Mme", "Mlle", "vs", "v", "approx", "cf", "eg", "ie":
		return true
	}
	return false
}

// isNumberAbbrev reports whether word does not end a sentence before a
// number: "No. 10", "Fig. 3".
func isNumberAbbrev(word string) bool {
	switch word {
	case "No", "no", "Nos", "Nr", "Fig", "fig", "Vol", "vol", "p", "pp",
		"Art", "art", "Sec", "sec", "Ch", "ch", "Jan", "Feb", "Mar", "Apr",
		"Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Rs", "Op":
		return true
	}
	return false
}

// isDotted reports whether word is single letters joined by dots ("U.S",
// "e.g", "a.m").
func isDotted(word string) bool {
	if len(word) < 3 {
		return false
	}
	for j := 0; j < len(word); j++ {
		if j%2 == 0 {
			if !isASCIILetter(word[j]) {
				return false
			}
		} else if word[j] != '.' {
			return false
		}
	}
	return true
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// isOpener reports whether r opens a quotation or bracket.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '“', '‘', '«', '‹', '¿', '¡':
		return true
	}
	return false
}

// skipClosers returns the offset after any closing quotes and brackets that
// start at i.
func skipClosers(text string, i, end int) int {
	for i < end {
		switch c := text[i]; {
		case c == '"' || c == '\'' || c == ')' || c == ']':
			i++
		case c == 0xE2 && i+2 < end && text[i+1] == 0x80 && (text[i+2] == 0x9D || text[i+2] == 0x99 || text[i+2] == 0xBA): // ” ’ ›
			i += 3
		case c == 0xC2 && i+1 < end && text[i+1] == 0xBB: // »
			i += 2
		default:
			return i
		}
	}
	return i
}

// spaceAt returns the width of the white space character at i (ASCII white
// space or a no-break space), or 0.
func spaceAt(text string, i, end int) int {
	switch c := text[i]; {
	case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
		return 1
	case c == 0xC2 && i+1 < end && text[i+1] == 0xA0:
		return 2
	}
	return 0
}

// spaceBefore returns the width of the white space character ending at e
// (not before start), or 0.
func spaceBefore(text string, start, e int) int {
	if e <= start {
		return 0
	}
	switch c := text[e-1]; {
	case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v':
		return 1
	case c == 0xA0 && e-2 >= start && text[e-2] == 0xC2:
		return 2
	}
	return 0
}

func skipSpace(text string, i, end int) int {
	for i < end {
		w := spaceAt(text, i, end)
		if w == 0 {
			break
		}
		i += w
	}
	return i
}
