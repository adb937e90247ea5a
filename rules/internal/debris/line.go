package debris

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopWords are English function words. jusText counts a block as prose
// when about a third of its words are stop words; page furniture has few.
var stopWords = []string{
	"a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
	"be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
	"do", "does", "doing", "down", "during", "each", "even", "few", "for", "from", "further", "had", "has", "have",
	"having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is",
	"it", "its", "itself", "just", "many", "may", "me", "might", "more", "most", "much", "must", "my", "no", "nor",
	"not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same",
	"she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then", "there",
	"these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we",
	"were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your",
	"yours", "its", "shall", "since", "though", "although", "unless", "whether", "yet", "still", "already", "who",
	"whose", "said", "says", "one", "two", "new", "last", "first", "year", "years", "told",
}

// attributionCues mark a line as reported speech: never page furniture.
var attributionCues = []string{
	"said", "says", "say", "told", "tells", "according", "added", "adds", "stated", "explained", "wrote", "writes",
	"announced", "confirmed", "claimed", "insisted", "argued", "noted", "warned", "replied", "recalled",
	"acknowledged", "admitted", "spokesman", "spokeswoman", "spokesperson", "testified", "alleged",
}

var secondPerson = []string{"you", "your", "yours", "youre", "youll", "youve", "yourself"}
var firstPlural = []string{"we", "our", "ours", "us"}

// cueWords are the words of the reader-addressed promotions that run long
// enough to pass for prose (cookie banners, newsletter and membership
// pitches, affiliate disclosures): a long line with one of them is run
// through the matcher after all.
var cueWords = []string{
	"cookie", "cookies", "inbox", "newsletter", "newsletters", "subscribe", "subscription",
	"affiliate", "enjoyed",
}

// creditWords mark a possible photo credit at the end of a caption.
var creditWords = []string{"credit"}

// Word classes: the values in classTab, generated from the lists above
// (one lookup per word).
const (
	classStop uint8 = 1 << iota // must be 1: Analyze adds it up
	classAttribution
	classSecond
	classPlural
	classCue
	classCredit
)

// classOf returns the classes of the (lower-case) word key[start:end],
// at most maxClassWord (≤ 12) bytes long; key must extend 12 bytes past
// start. classTab is a two-choice cuckoo table keyed by the word's bytes
// as two zero-padded little-endian words: a word is in one of its two
// slots or nowhere, so the lookup needs no loop, no string comparison and
// no branch (whether a word is a stop word is unpredictable).
func classOf(key []byte, start, end int) uint8 {
	n := (end - start) & 15
	x := binary.LittleEndian.Uint64(key[start:]) & loMask[n]
	y := binary.LittleEndian.Uint32(key[start+8:]) & hiMask[n]
	return wordClass(x, y)
}

// wordClass returns the classes of a word given as its two zero-padded
// little-endian words: both of its slots are read and the matching one's
// value kept, without a branch.
func wordClass(x uint64, y uint32) uint8 {
	h1, h2 := wordSlots(x, y)
	s1, s2 := &classTab[h1], &classTab[h2]
	e1 := (s1.x ^ x) | uint64(s1.y^y)
	e2 := (s2.x ^ x) | uint64(s2.y^y)
	hit1 := uint8((e1|-e1)>>63) ^ 1 // 1 if e1 == 0
	hit2 := uint8((e2|-e2)>>63) ^ 1
	return s1.v&-hit1 | s2.v&-hit2
}

// wordSlots returns the two classTab slots of a word given as its two
// zero-padded little-endian words.
func wordSlots(x uint64, y uint32) (uint32, uint32) {
	const mask = uint32(len(classTab) - 1)
	h := (x ^ uint64(y)<<29 ^ uint64(y)) * wordMul
	return uint32(h>>40) & mask, uint32(h>>16) & mask
}

// loMask and hiMask keep the bytes of a word of n bytes in its first and
// second little-endian word.
var loMask = [16]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff,
	^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)}
var hiMask = [16]uint32{8: 0, 9: 0xff, 10: 0xffff, 11: 0xffffff, 12: 0xffffffff, 13: 0xffffffff, 14: 0xffffffff, 15: 0xffffffff}

// wordSlot is an entry of classTab: a word as its two zero-padded
// little-endian words (x == 0 marks a free slot) and its classes.
type wordSlot struct {
	x uint64
	y uint32
	v uint8
}

// wordKey returns w (at most 12 bytes) as two zero-padded little-endian words.
func wordKey(w string) (uint64, uint32) {
	var b [16]byte
	copy(b[:], w)
	return binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint32(b[8:12])
}

// wordByte maps an ASCII letter or digit to its lower case and every other
// byte to 0.
var wordByte = [256]byte{
	'0': '0', '1': '1', '2': '2', '3': '3', '4': '4', '5': '5', '6': '6', '7': '7', '8': '8', '9': '9',
	'a': 'a', 'b': 'b', 'c': 'c', 'd': 'd', 'e': 'e', 'f': 'f', 'g': 'g', 'h': 'h', 'i': 'i', 'j': 'j', 'k': 'k',
	'l': 'l', 'm': 'm', 'n': 'n', 'o': 'o', 'p': 'p', 'q': 'q', 'r': 'r', 's': 's', 't': 't', 'u': 'u', 'v': 'v',
	'w': 'w', 'x': 'x', 'y': 'y', 'z': 'z',
	'A': 'a', 'B': 'b', 'C': 'c', 'D': 'd', 'E': 'e', 'F': 'f', 'G': 'g', 'H': 'h', 'I': 'i', 'J': 'j', 'K': 'k',
	'L': 'l', 'M': 'm', 'N': 'n', 'O': 'o', 'P': 'p', 'Q': 'q', 'R': 'r', 'S': 's', 'T': 't', 'U': 'u', 'V': 'v',
	'W': 'w', 'X': 'x', 'Y': 'y', 'Z': 'z',
}

// Features are the shallow features of one line.
type Features struct {
	Words       int    // words (runs of letters and digits)
	Stop        int    // stop words among them
	Digit       bool   // some word contains a digit
	Second      bool   // addresses the reader ("you", "your")
	FirstPlural bool   // "we", "our", "us"
	Cue         bool   // has a word of a long promotion ("cookies", "newsletter", "affiliate")
	Credit      bool   // has the word "credit"
	Attribution bool   // has an attribution cue ("said", "according")
	FinalStop   bool   // ends with . ! or ? (closing quotes and brackets skipped)
	EndsColon   bool   // ends with a colon
	Question    bool   // ends with a question mark
	StartsQuote bool   // opens with a quotation mark
	Capital     bool   // the first letter is upper case
	First       string // the first word, normalized (aliases Scratch memory)
	Key         string // the whole line normalized (aliases Scratch memory)
}

// Prose reports whether the prose guard protects the line: a long line
// with a prose-like share of stop words, or one with an attribution cue.
func (f *Features) Prose() bool {
	return f.Attribution || f.Words >= 20 && f.Stop*100 >= 32*f.Words
}

// HeadlineShaped reports whether the line could be a headline: at most
// maxWords words and no final full stop.
func (f *Features) HeadlineShaped(maxWords int) bool {
	return f.Words >= 1 && f.Words <= maxWords && !f.FinalStop
}

// Scratch is reusable memory for analyzing lines. The zero value is ready.
// A Scratch must not be shared between goroutines.
type Scratch struct {
	key   []byte
	words []int // start offsets of words in key
	hits  []hit
}

// Analyze computes the features of line. The strings in the result alias
// sc and are valid until the next call.
func (sc *Scratch) Analyze(line string) Features {
	var f Features
	n := len(line)
	// The key is never longer than the line: each word keeps its bytes
	// (apostrophes dropped) and the one space between two words stands for
	// at least one byte that ended the first. 16 bytes more let classOf
	// load any word as two little-endian words.
	if cap(sc.key) < n+16 {
		sc.key = make([]byte, n+n/2+16)
	}
	key := sc.key[:cap(sc.key)]
	// At most one word per two bytes, and one more.
	if cap(sc.words) < n/2+1 {
		sc.words = make([]int, n/2+n/4+1)
	}
	words := sc.words[:cap(sc.words)]
	k, nw, stop := 0, 0, 0
	classes := uint8(0) // the classes of all words
	dig := uint64(0)    // nonzero once a word had an ASCII digit
	for i := 0; i < n; {
		// Plain ASCII words and the separators between them.
		i, k, nw, stop, classes, dig = fastWords(key, line, words, i, k, nw, stop, classes, dig)
		if i >= n {
			break
		}
		// What fastWords leaves: a non-ASCII separator, an apostrophe,
		// or a word with an apostrophe or a non-ASCII letter or digit.
		if c := line[i]; c < utf8.RuneSelf {
			if wordByte[c] == 0 {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(line[i:]); !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += size
			continue
		}
		// A word: ASCII letters and digits folded to lower case, other
		// letters and digits kept as they are, an apostrophe followed by
		// a letter dropped (don't → dont).
		if k > 0 {
			key[k] = ' '
			k++
		}
		start := k
		words[nw] = start
		nw++
		for {
			var d bool
			k, i, d = asciiRun(key, k, line, i)
			if d {
				dig = 1
			}
			if i >= n {
				break
			}
			c := line[i]
			if c == '\'' {
				if i+1 < n && isLetterByte(line[i+1]) {
					i++
					continue
				}
				break
			}
			if c < utf8.RuneSelf {
				break
			}
			r, size := utf8.DecodeRuneInString(line[i:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				k += copy(key[k:], line[i:i+size])
				i += size
				continue
			}
			if r == '’' && i+size < n && isLetterByte(line[i+size]) {
				i += size
				continue
			}
			break
		}
		if k-start <= maxClassWord {
			c := classOf(key, start, k)
			stop += int(c & classStop)
			classes |= c
		}
	}
	words = words[:nw]
	f.Words, f.Stop = nw, stop
	digit := dig != 0
	f.Attribution = classes&classAttribution != 0
	f.Second = classes&classSecond != 0
	f.FirstPlural = classes&classPlural != 0
	f.Cue = classes&classCue != 0
	f.Credit = classes&classCredit != 0
	sc.key = key[:k]
	sc.words = words
	f.Digit = digit
	f.Capital = capitalStart(line)
	f.Key = unsafeString(sc.key)
	if len(words) > 0 {
		end := len(sc.key)
		if len(words) > 1 {
			end = words[1] - 1
		}
		f.First = f.Key[:end]
	}
	// Final and opening punctuation.
	t := strings.TrimRightFunc(line, func(r rune) bool {
		return unicode.IsSpace(r) || r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' || r == '»'
	})
	if t != "" {
		switch t[len(t)-1] {
		case '.', '!', '?':
			f.FinalStop = !strings.HasSuffix(t, "...")
		case ':':
			f.EndsColon = true
		}
		f.Question = t[len(t)-1] == '?'
		if strings.HasSuffix(t, "…") {
			f.FinalStop = false
		}
	}
	lt := strings.TrimLeftFunc(line, unicode.IsSpace)
	if lt != "" {
		r, _ := utf8.DecodeRuneInString(lt)
		f.StartsQuote = r == '"' || r == '“' || r == '‘' || r == '\'' || r == '«'
	}
	return f
}

// fastWords is Analyze's loop over plain ASCII words: from line[i:] it
// skips ASCII separators and copies ASCII words to the key (as Analyze
// does: folded, one space between words, offsets in words), counts them,
// their stop words and classes and notes digits in dig. It reads eight
// bytes at a time (SWAR), looks words up in classTab from registers and
// calls nothing, so that its loop keeps its state in registers. It stops
// at an apostrophe or a non-ASCII byte; a word running into one is left
// whole to the caller (i and k as before it).
func fastWords(key []byte, line string, words []int, i, k, nw, stop int, classes uint8, dig uint64) (int, int, int, int, uint8, uint64) {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	n := len(line)
	for i < n {
		c := line[i]
		if wordByte[c] == 0 {
			if c >= utf8.RuneSelf || c == '\'' {
				break
			}
			i++
			continue
		}
		wi, wk := i, k
		if k > 0 {
			key[k] = ' '
			k++
		}
		start := k
		var x0, x1 uint64 // the word's first and second eight bytes, folded
		for step := 0; ; step++ {
			var v uint64
			if i+8 <= n {
				w := line[i : i+8]
				v = uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
					uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
			} else {
				// The line's last bytes; the zeros after them end the word.
				for j := 0; i+j < n; j++ {
					v |= uint64(line[i+j]) << (8 * j)
				}
			}
			// Per byte, on its low seven bits (no carry crosses a byte):
			// the high bit of letter is set for [A-Za-z], of d for [0-9].
			v7 := v &^ highs
			l := v7 | 0x20*ones
			letter := (l + (0x80-'a')*ones) &^ (l + (0x7f-'z')*ones) &^ v & highs
			d := (v7 + (0x80-'0')*ones) &^ (v7 + (0x7f-'9')*ones) &^ v & highs
			low := v | letter>>2 // 0x80>>2 = 0x20: lower case
			binary.LittleEndian.PutUint64(key[k:], low)
			t := bits.TrailingZeros64(^(letter|d)&highs) >> 3 // word bytes before the first other, 8 if none
			dig |= d & (1<<(8*t) - 1)
			switch step {
			case 0:
				x0 = low
			case 1:
				x1 = low
			}
			k += t
			i += t
			if t < 8 {
				break
			}
		}
		if i < n && (line[i] >= utf8.RuneSelf || line[i] == '\'') {
			i, k = wi, wk
			break
		}
		words[nw] = start
		nw++
		if m := k - start; m <= maxClassWord {
			// wordClass, inlined by hand (a call would spill the loop's
			// registers): no branch, stop words are unpredictable.
			x, y := x0&loMask[m&15], uint32(x1)&hiMask[m&15]
			h1, h2 := wordSlots(x, y)
			s1, s2 := &classTab[h1], &classTab[h2]
			e1 := (s1.x ^ x) | uint64(s1.y^y)
			e2 := (s2.x ^ x) | uint64(s2.y^y)
			v := s1.v&-(uint8((e1|-e1)>>63)^1) | s2.v&-(uint8((e2|-e2)>>63)^1)
			stop += int(v & classStop)
			classes |= v
		}
	}
	return i, k, nw, stop, classes, dig
}

// asciiRun copies the run of ASCII letters and digits at line[i:] to
// key[k:], folded to lower case, and returns the new offsets and whether
// the run has a digit. It reads eight bytes at a time (SWAR) and may write
// up to eight bytes past the run's end (key needs the room; the caller
// overwrites them). Not inlined: as a leaf function it keeps everything in
// registers.
//
//go:noinline
func asciiRun(key []byte, k int, line string, i int) (int, int, bool) {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	digit := false
	for i+8 <= len(line) && k+8 <= len(key) {
		s := line[i : i+8]
		v := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		// Per byte, on its low seven bits (no carry crosses a byte):
		// the high bit of letter is set for [A-Za-z], of dig for [0-9].
		v7 := v &^ highs
		l := v7 | 0x20*ones
		letter := (l + (0x80-'a')*ones) &^ (l + (0x7f-'z')*ones) &^ v & highs
		dig := (v7 + (0x80-'0')*ones) &^ (v7 + (0x7f-'9')*ones) &^ v & highs
		alnum := letter | dig
		binary.LittleEndian.PutUint64(key[k:], v|letter>>2) // 0x80>>2 = 0x20: lower case
		t := bits.TrailingZeros64(^alnum&highs) >> 3        // alnum bytes before the first other, 8 if none
		if dig&(1<<(8*t)-1) != 0 {
			digit = true
		}
		k += t
		i += t
		if t < 8 {
			return k, i, digit
		}
	}
	for ; i < len(line); i++ {
		l := wordByte[line[i]]
		if l == 0 {
			break
		}
		if l <= '9' {
			digit = true
		}
		key[k] = l
		k++
	}
	return k, i, digit
}

// capitalStart reports whether the line's first letter (ASCII digits
// skipped) is upper case.
func capitalStart(line string) bool {
	for i := 0; i < len(line); {
		c := line[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'A' && c <= 'Z':
				return true
			case c >= 'a' && c <= 'z':
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.IsUpper(r)
		}
		i += size
	}
	return false
}

func isLetterByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf
}

// Match is what Classify found in a line.
type Match struct {
	Cat Category
	// Cue is the offset in the line of the phrase that decided the
	// category (0 for whole-line and prefix matches); a caller drops the
	// match when the cue lies inside a quotation.
	Cue int
	// ReadMore is the offset of a "Read more:" tail inside a longer line,
	// or -1.
	ReadMore int
	// Wire is set when the line is a wire-service credit.
	Wire bool
}

// Classify tries the lexicon categories of RULES.md §5.1 on one line (the
// line's text without list marker) whose features are f. Position-dependent
// gates (source tails, image adjacency, related blocks) are the caller's.
func (l *Lexicon) Classify(line string, f *Features, sc *Scratch) Match {
	m := Match{ReadMore: -1}
	if f.Words == 0 {
		return m
	}
	if len(l.keep) > 0 {
		low := strings.ToLower(line)
		for _, k := range l.keep {
			if strings.Contains(low, k) {
				return m
			}
		}
	}
	// A long prose line can only hold a "Read more:" tail: skip the
	// matcher and look for that alone.
	if f.Words >= 20 && f.Prose() {
		if k := ReadMoreIndex(line); k > 0 {
			m.ReadMore = k
		}
		// Unless it is a promotion addressed to the reader that runs to
		// prose length (a cookie banner, a newsletter pitch, an affiliate
		// disclosure), or a photo caption ending with its credit.
		if !f.Attribution && !f.StartsQuote && f.Words <= 60 {
			if f.Cue {
				m.Cat, m.Cue = l.longPromo(line, f, sc)
			}
			if m.Cat == None && captionCredit(line, f) {
				m.Cat = Caption
			}
		}
		return m
	}
	// One pass of the multi-pattern matcher over the line.
	sc.hits = find(sc.hits[:0], line)
	var player, weak, news, cookie, aff, com, legal = -1, -1, -1, -1, -1, -1, -1
	pitch := false // a newsletter cue other than "your inbox", which says "you" by itself
	for _, h := range sc.hits {
		end := int(h.end)
		pat := &patterns[h.pat]
		start := end - len(pat.text)
		if start > 0 && isLetterByte(line[start-1]) {
			continue
		}
		fam := pat.fam
		if end < len(line) && isLetterByte(line[end]) && line[end-1] != ':' && fam != famPlayer {
			continue
		}
		switch fam {
		case famPlayer:
			if player < 0 {
				player = start
			}
		case famPlayerWeak:
			if weak < 0 {
				weak = start
			}
		case famNewsletter:
			if news < 0 {
				news = start
			}
			if !strings.HasSuffix(pat.text, "your inbox") {
				pitch = true
			}
		case famCookie:
			if cookie < 0 {
				cookie = start
			}
		case famReadMore:
			if m.ReadMore < 0 && start > 0 {
				m.ReadMore = start
			}
		case famWire:
			m.Wire = true
		case famAffiliate:
			if aff < 0 {
				aff = start
			}
		case famComments:
			if com < 0 {
				com = start
			}
		case famLegal:
			if legal < 0 {
				legal = start
			}
		}
	}
	if m.Wire && f.Words <= 40 {
		m.Cat = WireCredit
		return m
	}
	m.Wire = false
	// A related headline tagged by its kind: "... [VIDEO]", "... [INSIGHT]".
	if f.Words <= 20 && f.Words >= 3 {
		if k := bracketTag(line); k > 0 {
			m.Cat, m.Cue = RelatedItem, k
			return m
		}
	}
	if f.StartsQuote {
		return m
	}
	if commenter(line, f) {
		m.Cat = CommentNotice
		return m
	}
	// A read-on or related-link label ("READ MORE: ...", "Also read: ...")
	// says what the line is, whatever verb the linked headline has.
	if f.Words <= 20 && f.Attribution {
		if c := l.label(line, f, true); c != None {
			m.Cat = c
			return m
		}
	}
	if f.Prose() {
		return m
	}
	// Whole-line phrases.
	if f.Words <= 8 {
		if c, ok := l.whole(f.Key); ok {
			m.Cat = c
			return m
		}
		if l.namesOnly(f, sc) {
			m.Cat = Share
			return m
		}
		if isImageCounter(f, sc) {
			m.Cat = ReadOn
			return m
		}
		if c := counter(f, sc); c != None {
			m.Cat = c
			return m
		}
		if c := l.counted(f, sc); c != None {
			m.Cat = c
			return m
		}
		if readingTime(f, sc) {
			m.Cat = Timestamp
			return m
		}
		if galleryCounter(line, f) {
			m.Cat = ReadOn
			return m
		}
		// A newsletter named alone, a sign-up box's title: "Rovers
		// newsletter", "5-Minute Fix newsletter".
		if f.Words >= 2 && f.Words <= 4 && f.Capital && !f.FinalStop && sc.word(f.Words-1) == "newsletter" &&
			!contains(determiners, f.First) {
			m.Cat = Newsletter
			return m
		}
	}
	// Related-links headings naming the site: "More from the Gazette",
	// "Popular on Gazette TV".
	if f.Words <= 5 && !f.FinalStop && f.Words >= 2 {
		switch f.First {
		case "more", "popular", "also", "trending", "top", "next", "latest":
			for _, p := range relatedLeads {
				if strings.HasPrefix(f.Key, p) {
					m.Cat = RelatedHeading
					return m
				}
			}
		}
	}
	// Labels with punctuation ("Photo:", "(Photo by").
	if f.Words <= 20 {
		if c := l.label(line, f, false); c != None {
			m.Cat = c
			return m
		}
	}
	// A link to the site's other stories: "On Gazette.com: <headline>",
	// "Also on gazette.com <headline>".
	if f.Words <= 24 && (f.First == "on" || f.First == "also") && siteLink(line) {
		m.Cat = RelatedItem
		return m
	}
	// A credit line: "Name/Agency/Getty Images".
	if f.Words <= 12 && !f.FinalStop && hasCreditSuffix(f.Key) && agencyCase(line, f.Key) {
		m.Cat = ImageCredit
		return m
	}
	if f.Words <= 40 && hasCopyright(line, f.Key) {
		m.Cat = Copyright
		return m
	}
	// Prefix phrases: share and read-on prompts.
	if f.First == "follow" && f.Words >= 2 && f.Words <= 5 && sc.word(f.Words-1) == "on" && !f.FinalStop {
		m.Cat = Share // "Follow the Gazette on" with its icons stripped
		return m
	}
	if f.Words <= 16 && f.First == "follow" && l.followOn(sc, f) {
		m.Cat = Share
		return m
	}
	if f.Words <= 12 && !f.Question {
		for _, p := range sharePrefixes {
			if hasPrefix(f.Key, p) {
				m.Cat = Share
				return m
			}
		}
		for _, p := range readOnPrefixes {
			if hasPrefix(f.Key, p) {
				m.Cat = ReadOn
				return m
			}
		}
	}
	switch {
	case player >= 0 && f.Words <= 40:
		m.Cat, m.Cue = Player, player
	case weak >= 0 && f.Words <= 8:
		m.Cat, m.Cue = Player, weak
	case news >= 0 && f.Words <= 30 && (contains(imperatives, f.First) || f.Second && pitch ||
		f.FirstPlural && (!pitch || imperativeSentence(line))):
		m.Cat, m.Cue = Newsletter, news
	case cookie >= 0 && f.Words <= 40 && (f.Second || f.FirstPlural || contains(imperatives, f.First) || f.Words <= 6):
		m.Cat, m.Cue = Cookie, cookie
	case aff >= 0 && f.Words >= 12 && (f.Second || f.FirstPlural):
		// A disclosure explains itself; a short line naming affiliate
		// links may be a sub-head or a fragment of the story.
		m.Cat, m.Cue = Affiliate, aff
	case com >= 0 && f.Words <= 30 && (f.Second || f.FirstPlural || contains(imperatives, f.First) || f.Words <= 8):
		m.Cat, m.Cue = CommentNotice, com
	case legal >= 0 && f.Words <= 40 && (f.Second || f.FirstPlural || legal == 0):
		m.Cat, m.Cue = Legal, legal
	}
	if m.Cat != None {
		return m
	}
	if f.Words <= 25 && linkLine(line, f) {
		m.Cat = LinkLine
		return m
	}
	if f.Words >= 6 && captionCredit(line, f) {
		m.Cat = Caption
	}
	return m
}

// longPromo classifies a long line that the prose guard would keep but
// that has a promotion's cue word: a cookie banner that leads with its cue
// and addresses the reader, an affiliate disclosure in the first person
// plural or addressed to the reader, a newsletter or membership pitch with
// a sentence that opens with an imperative ("Sign up", "Join", "Get").
func (l *Lexicon) longPromo(line string, f *Features, sc *Scratch) (Category, int) {
	sc.hits = find(sc.hits[:0], line)
	news, cookie, aff := -1, -1, -1
	for _, h := range sc.hits {
		end := int(h.end)
		pat := &patterns[h.pat]
		start := end - len(pat.text)
		if start > 0 && isLetterByte(line[start-1]) || end < len(line) && isLetterByte(line[end]) {
			continue
		}
		switch pat.fam {
		case famNewsletter:
			if news < 0 {
				news = start
			}
		case famCookie:
			if cookie < 0 {
				cookie = start
			}
		case famAffiliate:
			if aff < 0 {
				aff = start
			}
		}
	}
	switch {
	case cookie >= 0 && cookie < 80 && f.Second:
		return Cookie, cookie
	case aff >= 0 && (f.Second || f.FirstPlural):
		return Affiliate, aff
	case news >= 0 && (f.Second || f.FirstPlural) && imperativeSentence(line):
		return Newsletter, news
	}
	return None, 0
}

// imperativeSentence reports whether a sentence of line opens with one of
// the imperatives of a reader prompt ("Sign up", "Subscribe", "Join").
func imperativeSentence(line string) bool {
	at := 0
	for {
		for at < len(line) && (line[at] == ' ' || line[at] == '\t') {
			at++
		}
		j := at
		for j < len(line) && isLetterByte(line[j]) && line[j] < utf8.RuneSelf {
			j++
		}
		if j > at && j-at <= 12 {
			var buf [16]byte
			if contains(imperatives, string(lowerInto(buf[:0], line[at:j]))) {
				return true
			}
		}
		// The next sentence: after ". ", "! ", "? " or ": ".
		k := strings.IndexAny(line[j:], ".!?:")
		if k < 0 {
			return false
		}
		at = j + k + 1
		if at >= len(line) || line[at] != ' ' {
			continue
		}
	}
}

// bracketTags are the kinds a site appends to a linked headline in
// capitals or brackets: "... [VIDEO]", "... [INSIGHT]", "... (PHOTOS)".
var bracketTags = []string{
	"video", "videos", "photos", "pictures", "pics", "gallery", "insight", "news", "latest", "analysis", "poll",
	"watch", "listen", "audio", "podcast", "live", "revealed", "update", "warning", "report", "opinion",
	"comment", "exclusive", "explained", "interview", "reaction", "speculation", "quiz", "map", "graphic",
}

// bracketTag returns the offset of a kind tag ending the line ("[VIDEO]",
// "[Video]", "(PHOTOS)"; in parentheses only in capitals), after a
// headline with no final full stop, or 0.
func bracketTag(line string) int {
	t := trimRightBlank(line)
	if len(t) < 6 {
		return 0
	}
	closer := t[len(t)-1]
	var opener byte
	switch closer {
	case ']':
		opener = '['
	case ')':
		opener = '('
	default:
		return 0
	}
	k := strings.LastIndexByte(t, opener)
	if k <= 0 || len(t)-k > 14 {
		return 0
	}
	tag := t[k+1 : len(t)-1]
	upper := true
	for i := 0; i < len(tag); i++ {
		c := tag[i]
		if c >= 'a' && c <= 'z' {
			upper = false
		} else if c < 'A' || c > 'Z' {
			return 0
		}
	}
	if tag == "" || opener == '(' && !upper || !upper && (tag[0] < 'A' || tag[0] > 'Z') {
		return 0
	}
	var buf [16]byte
	if !contains(bracketTags, string(lowerInto(buf[:0], tag))) {
		return 0
	}
	before := strings.TrimRight(t[:k], " ")
	if before == "" {
		return 0
	}
	switch before[len(before)-1] {
	case '.', ',', ';':
		return 0
	}
	return k
}

// linkOpeners open a line that sends the reader to an address: "Follow
// our coverage at <address>", "Reach the reporter at <address>".
var linkOpeners = []string{"follow", "reach", "contact", "download", "listen", "subscribe", "email"}

// linkLine: a line that is a bare web or e-mail address
// ("reporter@gazette.example", "www.gazette.example/tram"), or that sends
// the reader to one ("Follow the Gazette's tram coverage at <address>").
func linkLine(line string, f *Features) bool {
	opener := contains(linkOpeners, f.First)
	if !opener && f.Words > 8 {
		return false
	}
	t := strings.TrimSpace(line)
	if strings.IndexByte(t, ' ') < 0 {
		// Alone, only a reporter's contact: an e-mail address or a
		// social profile. A bare link may be the story's own (a list of
		// products, a list of sources).
		w := strings.TrimRight(t, ".,;")
		return isAddress(w) && (isEmail(w) || isProfile(w))
	}
	if !opener || f.FinalStop && f.Words > 20 {
		return false
	}
	for _, w := range strings.Fields(t) {
		if isAddress(strings.TrimRight(w, ".,;)")) {
			return true
		}
	}
	return false
}

// isAddress reports whether w is a web address (http://, https://, www.,
// or a domain with a path: "twitter.com/gazette") or an e-mail address.
func isAddress(w string) bool {
	if len(w) < 6 {
		return false
	}
	if hasPrefixFold(w, "http://") || hasPrefixFold(w, "https://") || hasPrefixFold(w, "www.") {
		return len(w) > 10
	}
	if at := strings.IndexByte(w, '@'); at > 0 {
		dom := w[at+1:]
		dot := strings.LastIndexByte(dom, '.')
		return dot > 0 && len(dom)-dot >= 3 && strings.IndexByte(dom, '@') < 0
	}
	slash := strings.IndexByte(w, '/')
	if slash < 0 {
		return false
	}
	host := w[:slash]
	for _, tld := range []string{".com", ".org", ".net", ".co.uk", ".io", ".gov", ".edu"} {
		if len(host) > len(tld) && strings.EqualFold(host[len(host)-len(tld):], tld) {
			return true
		}
	}
	return false
}

func hasPrefixFold(s, p string) bool { return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p) }

// siteLink: a line opening "On <domain>:" or "Also on <domain>".
func siteLink(line string) bool {
	t := strings.TrimSpace(line)
	colon := true
	switch {
	case hasPrefixFold(t, "also on "):
		t, colon = t[len("also on "):], false
	case hasPrefixFold(t, "on "):
		t = t[len("on "):]
	default:
		return false
	}
	end := strings.IndexByte(t, ' ')
	if end < 0 {
		return false
	}
	dom := t[:end]
	if colon {
		if !strings.HasSuffix(dom, ":") {
			return false
		}
		dom = dom[:len(dom)-1]
	}
	for _, tld := range []string{".com", ".org", ".net", ".co.uk", ".news"} {
		if len(dom) > len(tld) && strings.EqualFold(dom[len(dom)-len(tld):], tld) {
			return true
		}
	}
	return false
}

// isEmail: w is an e-mail address and nothing else (not "From:ana@..."
// or "ana@...>" from a quoted message header).
func isEmail(w string) bool {
	at := strings.IndexByte(w, '@')
	if at <= 0 {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' ||
			c == '_' || c == '+' || i == at) {
			return false
		}
	}
	return true
}

// isProfile: a social network profile address ("twitter.com/tomhale"),
// not a post (an embedded tweet's address is the story's source).
func isProfile(w string) bool {
	if strings.Contains(w, "/status/") || strings.Count(strings.TrimRight(w, "/"), "/") > 3 {
		return false
	}
	low := w
	for _, p := range []string{"https://", "http://", "www."} {
		if hasPrefixFold(low, p) {
			low = low[len(p):]
		}
	}
	for _, p := range []string{"twitter.com/", "x.com/", "facebook.com/", "instagram.com/", "linkedin.com/in/", "threads.net/@", "bsky.app/profile/"} {
		if hasPrefixFold(low, p) && len(low) > len(p) {
			return true
		}
	}
	return false
}

// captionCredit: a caption ending with its photo credit in parentheses,
// "(AP Photo/Tom Hale)", "(Photo: Priya Nandra)", "(Image credit: Marwick
// Gazette)", or after a sentence as "Credit: Marwick Council" or
// "Credit...Tom Hale/Gazette". The line itself need not be short: a
// caption reads like prose, its credit says what it is.
func captionCredit(line string, f *Features) bool {
	t := trimRightBlank(line)
	if t == "" {
		return false
	}
	if t[len(t)-1] == ')' {
		k := strings.LastIndexByte(t, '(')
		if k < 0 || len(t)-k > 90 {
			return false
		}
		in := t[k+1 : len(t)-1]
		if strings.Count(in, " ") > 10 {
			return false
		}
		for _, p := range creditOpeners {
			if len(in) >= len(p) && strings.EqualFold(in[:len(p)], p) {
				return true
			}
		}
		for _, p := range creditMarks {
			if indexFold(in, p) >= 0 {
				return true
			}
		}
		for _, p := range agencies {
			if in == p {
				return true
			}
		}
		return false
	}
	// "… a sentence.Tom Hale / AP file"
	from := max(0, len(t)-20)
	if k := strings.LastIndex(t[from:], " / "); k >= 0 && from+k > 0 {
		k += from
		tail := t[k+3:]
		for _, p := range agencies {
			if strings.HasPrefix(tail, p) && (len(tail) == len(p) || tail[len(p):] == " file") {
				return strings.ContainsAny(t[:k], ".!?")
			}
		}
	}
	// "… a sentence. Credit: Marwick Council" / "…Credit...Tom Hale/Gazette"
	if !f.Credit {
		return false
	}
	from = max(0, len(t)-80)
	k := strings.LastIndex(t[from:], "Credit")
	if k < 0 {
		return false
	}
	k += from
	rest := t[k+len("Credit"):]
	switch {
	case strings.HasPrefix(rest, ":"):
		rest = rest[1:]
	case strings.HasPrefix(rest, "..."):
		rest = rest[3:]
	case strings.HasPrefix(rest, "…"):
		rest = rest[len("…"):]
	default:
		return false
	}
	rest = strings.TrimSpace(rest)
	if k == 0 || rest == "" || strings.Count(rest, " ") > 7 || strings.ContainsAny(rest, "!?") {
		return false
	}
	before := strings.TrimRight(t[:k], " ")
	switch before[len(before)-1] {
	case '.', '!', '?', '"', ')':
		return true
	}
	return false
}

// indexFold is strings.Index for an ASCII lower-case pattern, ignoring
// ASCII case in s.
func indexFold(s, pat string) int {
	for i := 0; i+len(pat) <= len(s); i++ {
		if s[i]|0x20 == pat[0] && strings.EqualFold(s[i:i+len(pat)], pat) {
			return i
		}
	}
	return -1
}

// creditOpeners open a parenthesised photo credit; creditMarks are found
// anywhere in one.
var creditOpeners = []string{
	"ap photo", "photo:", "photo by", "photos:", "photos by", "photograph:", "photograph by", "image:",
	"image credit", "image by", "image courtesy", "picture:", "pictures:", "picture by", "credit:", "credits:",
	"photo credit", "courtesy of", "courtesy:", "file photo", "getty images", "reuters/", "afp/", "ap/", "epa/",
	"photo courtesy",
}

// agencies credit a photo alone, spelt as they sign ("(AP)", "/ Reuters
// file"); case matters: "(ePA)" is an abbreviation in the story.
var agencies = []string{"AP", "Reuters", "REUTERS", "AFP", "EPA", "Getty Images", "AP Photo", "PA", "ANSA", "dpa", "EFE"}
var creditMarks = []string{"/getty images", "/ap photo", "/afp", "/reuters", "via getty", "shutterstock", "istock"}

// label matches the line against the labels ("Photo:", "Read more:"); with
// links, only the read-on and related-link ones.
func (l *Lexicon) label(line string, f *Features, links bool) Category {
	trim := strings.TrimLeft(line, " \t")
	// A label's first byte is a lower-case letter or "(": a line
	// whose first byte, folded, differs cannot match it, not even
	// under Unicode folding (the prefixes are ASCII and as long).
	first := byte(0)
	if trim != "" {
		first = trim[0] | 0x20
	}
	for _, lb := range labels {
		if lb.prefix[0] != first || links && lb.cat != ReadOn && lb.cat != RelatedItem {
			continue
		}
		if f.Words <= lb.maxWords && len(trim) >= len(lb.prefix) && strings.EqualFold(trim[:len(lb.prefix)], lb.prefix) {
			if lb.cat == ReadOn || lb.cat == RelatedItem {
				if f.FinalStop && f.Words > 12 {
					continue // a sentence after the label: prose
				}
			}
			return lb.cat
		}
	}
	return None
}

// word returns the i-th normalized word of the last analyzed line.
func (sc *Scratch) word(i int) string {
	start := sc.words[i]
	end := len(sc.key)
	if i+1 < len(sc.words) {
		end = sc.words[i+1] - 1
	}
	return unsafeString(sc.key[start:end])
}

// namesOnly: a share bar made of network names ("Facebook Twitter Email").
func (l *Lexicon) namesOnly(f *Features, sc *Scratch) bool {
	if f.Words == 1 {
		return contains(singleNetworks, f.Key)
	}
	named := 0
	for i := 0; i < f.Words; i++ {
		w := sc.word(i)
		switch {
		case contains(networks, w):
			named++
		case w == "on" || w == "via" || w == "and" || w == "us" || w == "follow" || w == "e" || w == "google":
		default:
			return false
		}
	}
	return named >= 2
}

// followOn: "Follow Ruth Okafor on Twitter", "Follow the Gazette's opinion
// desk on Facebook, Twitter (@gazette) and Instagram".
func (l *Lexicon) followOn(sc *Scratch, f *Features) bool {
	for i := 1; i+1 < f.Words; i++ {
		if sc.word(i) == "on" {
			named := 0
			for j := i + 1; j < f.Words; j++ {
				if contains(networks, sc.word(j)) {
					named++
				}
			}
			return named*2 >= f.Words-i-1
		}
	}
	return false
}

// isImageCounter: "Image 3 of 12".
func isImageCounter(f *Features, sc *Scratch) bool {
	if f.Words != 4 {
		return false
	}
	switch sc.word(0) {
	case "image", "photo", "picture", "slide":
	default:
		return false
	}
	return isDigits(sc.word(1)) && sc.word(2) == "of" && isDigits(sc.word(3))
}

// determiners open a noun phrase of the story's own ("The club
// newsletter", a sub-head), not a sign-up box's title.
var determiners = []string{"the", "a", "an", "this", "that", "their", "his", "her", "its", "my"}

// counted: a whole-line phrase followed by a count, "View all (23)",
// "Comments 12".
func (l *Lexicon) counted(f *Features, sc *Scratch) Category {
	if f.Words < 2 || f.Words > 5 || !f.Digit || !isDigits(sc.word(f.Words-1)) {
		return None
	}
	c, ok := lookup(wholeTab[:], f.Key[:sc.words[f.Words-1]-1], fnv32(f.Key[:sc.words[f.Words-1]-1]))
	if !ok {
		return None
	}
	switch cat := Category(c); cat {
	case ReadOn, Share, CommentNotice:
		return cat
	}
	return None
}

// readingTime: "4 min read", "2 minute read".
func readingTime(f *Features, sc *Scratch) bool {
	if f.Words != 3 || !isDigits(sc.word(0)) || sc.word(2) != "read" {
		return false
	}
	switch sc.word(1) {
	case "min", "mins", "minute", "minutes":
		return true
	}
	return false
}

// trimRightBlank drops the spaces and tabs ending s.
func trimRightBlank(s string) string {
	for len(s) > 0 && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t') {
		s = s[:len(s)-1]
	}
	return s
}

// galleryCounter: a whole line "3 / 12", a gallery's position.
func galleryCounter(line string, f *Features) bool {
	if f.Words != 2 || !f.Digit {
		return false
	}
	t := strings.TrimSpace(line)
	k := strings.IndexByte(t, '/')
	if k <= 0 || k+1 >= len(t) {
		return false
	}
	a, b := strings.TrimSpace(t[:k]), strings.TrimSpace(t[k+1:])
	return len(a) <= 3 && len(b) <= 3 && isDigits(a) && isDigits(b) && a[0] != '0' && b[0] != '0'
}

// commenter: a comment thread's author line, a user name alone before
// "says:" ("marwickfan77 says:"). A name with a capital or a space is
// left alone: an interview transcript may read "Tom Hale says:".
func commenter(line string, f *Features) bool {
	if f.Words != 2 || f.Capital || !f.EndsColon {
		return false
	}
	t := strings.TrimSpace(line)
	name, ok := strings.CutSuffix(t, " says:")
	if !ok || name == "" || strings.ContainsAny(name, " \t") {
		return false
	}
	for i := 0; i < len(name); i++ {
		if c := name[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// counters are the nouns of a page's engagement counters ("44 comments",
// "858 shares"), with the category of the line.
func counterNoun(w string) Category {
	switch w {
	case "comments", "comment", "replies", "responses", "reactions", "views":
		return ReadOn
	case "shares", "share", "likes", "tweets":
		return Share
	}
	return None
}

// counter: a whole line that is a number and a counter noun.
func counter(f *Features, sc *Scratch) Category {
	if f.Words == 3 && sc.word(0) == "rating" && isDigits(sc.word(1)) && sc.word(2) == "votes" {
		return ReadOn // "Rating: 36 Votes", a comment's score
	}
	if f.Words != 2 || !isDigits(sc.word(0)) {
		return None
	}
	return counterNoun(sc.word(1))
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

var creditSuffixes = []string{" getty images", " via getty images", " shutterstock", " istockphoto", " afp", " ap photo",
	" pa wire", " pa media", " alamy", " reuters", " via reuters", " epa", " ap", " istock", " submitted photo",
	" file photo", " contributed photo", " courtesy photo", " ap file", " reuters file"}

// hasCreditSuffix: a short line ending with an agency's name after another
// credit ("Tom Hale/AFP/Getty Images"), i.e. the agency is not the only word.
func hasCreditSuffix(key string) bool {
	for _, s := range creditSuffixes {
		if strings.HasSuffix(key, s) && len(key) > len(s) {
			return strings.Count(key, " ") <= 8
		}
	}
	return false
}

// agencyCase: a credit ending with a short agency name spells it in
// capitals ("/AP", "/EPA"); "(ePA)" is an abbreviation in the story.
func agencyCase(line, key string) bool {
	for _, a := range []string{"ap", "epa", "afp"} {
		if strings.HasSuffix(key, " "+a) {
			t := strings.TrimRight(trimRightBlank(line), ").")
			return strings.HasSuffix(t, strings.ToUpper(a))
		}
	}
	return true
}

// hasCopyright: a rights notice ("All rights reserved", "© 2024 ...",
// "may not be published, broadcast, rewritten or redistributed").
func hasCopyright(line, key string) bool {
	// strings.Contains hops from one first byte ('a', 'm': common) to the
	// next; hop on a rarer byte of the phrase instead.
	if containsBy(key, "all rights reserved", 6) || containsBy(key, "may not be published broadcast", 2) ||
		containsBy(key, "may not be reproduced", 2) {
		return true
	}
	t := strings.TrimSpace(line)
	return (strings.HasPrefix(t, "©") || len(t) >= len("copyright ©") && strings.EqualFold(t[:len("copyright ©")], "copyright ©")) &&
		len(strings.Fields(t)) <= 20
}

// containsBy reports whether s contains pat (as strings.Contains), looking
// for pat[at] first.
func containsBy(s, pat string, at int) bool {
	c := pat[at]
	for i := at; i < len(s); i++ {
		k := strings.IndexByte(s[i:], c)
		if k < 0 {
			return false
		}
		i += k
		if p := i - at; p+len(pat) <= len(s) && s[p:p+len(pat)] == pat {
			return true
		}
	}
	return false
}

// ReadMoreIndex finds "read more:" (any case) in line, or returns -1.
func ReadMoreIndex(line string) int {
	for from := 0; ; {
		k := strings.IndexByte(line[from:], ':')
		if k < 0 {
			return -1
		}
		k += from
		if k >= 9 && strings.EqualFold(line[k-9:k], "read more") && (k == 9 || !isLetterByte(line[k-10])) {
			return k - 9
		}
		from = k + 1
	}
}

var relatedLeads = []string{"more from ", "more on ", "popular on ", "also on ", "trending on ", "most popular on ", "more stories from ",
	"top stories in ", "next up in ", "latest in ", "more stories in ", "top stories from "}
