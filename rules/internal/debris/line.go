package debris

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stopWords are English function words. jusText counts a block as prose
// when about a third of its words are stop words; page furniture has few.
var stopWords = set([]string{
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
})

// attributionCues mark a line as reported speech: never page furniture.
var attributionCues = set([]string{
	"said", "says", "say", "told", "tells", "according", "added", "adds", "stated", "explained", "wrote", "writes",
	"announced", "confirmed", "claimed", "insisted", "argued", "noted", "warned", "replied", "recalled",
	"acknowledged", "admitted", "spokesman", "spokeswoman", "spokesperson", "testified", "alleged",
})

var secondPerson = set([]string{"you", "your", "yours", "youre", "youll", "youve", "yourself"})
var firstPlural = set([]string{"we", "our", "ours", "us"})

const (
	classStop uint8 = 1 << iota
	classAttribution
	classSecond
	classPlural
)

// wordClass merges the word lists into one table: one lookup per word.
var wordClass, maxClassWord = func() (map[string]uint8, int) {
	m := map[string]uint8{}
	longest := 0
	for _, l := range []struct {
		words map[string]bool
		c     uint8
	}{{stopWords, classStop}, {attributionCues, classAttribution}, {secondPerson, classSecond}, {firstPlural, classPlural}} {
		for w := range l.words {
			m[w] |= l.c
			longest = max(longest, len(w))
		}
	}
	return m, longest
}()

const (
	fnvOffset uint32 = 2166136261
	fnvPrime  uint32 = 16777619
)

// classSlot is one entry of the word-class table: open addressing over the
// FNV-1a hash that Analyze computes while it reads each word.
type classSlot struct {
	h     uint32
	class uint8
	word  string
}

const classTableSize = 1024 // power of two, well above twice the word count

var classTable = func() (t [classTableSize]classSlot) {
	for w, c := range wordClass {
		h := fnvOffset
		for i := 0; i < len(w); i++ {
			h = (h ^ uint32(w[i])) * fnvPrime
		}
		for i := h & (classTableSize - 1); ; i = (i + 1) & (classTableSize - 1) {
			if t[i].word == "" {
				t[i] = classSlot{h: h, class: c, word: w}
				break
			}
		}
	}
	return t
}()

// classOf returns the classes of the (lower-case) word w whose hash is h.
func classOf(w []byte, h uint32) uint8 {
	for i := h & (classTableSize - 1); ; i = (i + 1) & (classTableSize - 1) {
		s := &classTable[i]
		if s.word == "" {
			return 0
		}
		if s.h == h && s.word == string(w) {
			return s.class
		}
	}
}

// Features are the shallow features of one line.
type Features struct {
	Words       int    // words (runs of letters and digits)
	Stop        int    // stop words among them
	Digit       bool   // some word contains a digit
	Second      bool   // addresses the reader ("you", "your")
	FirstPlural bool   // "we", "our", "us"
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
	sc.key = sc.key[:0]
	sc.words = sc.words[:0]
	inWord := false
	wordStart := 0
	var wh uint32
	firstLetter := true
	endWord := func() {
		if !inWord {
			return
		}
		inWord = false
		w := sc.key[wordStart:]
		f.Words++
		if len(w) > maxClassWord {
			return
		}
		if c := classOf(w, wh); c != 0 {
			if c&classStop != 0 {
				f.Stop++
			}
			if c&classAttribution != 0 {
				f.Attribution = true
			}
			if c&classSecond != 0 {
				f.Second = true
			}
			if c&classPlural != 0 {
				f.FirstPlural = true
			}
		}
	}
	for i := 0; i < len(line); {
		c := line[i]
		r := rune(c)
		size := 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(line[i:])
		}
		switch {
		case c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'):
			if !inWord {
				if len(sc.key) > 0 {
					sc.key = append(sc.key, ' ')
				}
				inWord, wordStart = true, len(sc.key)
				sc.words = append(sc.words, wordStart)
				wh = fnvOffset
			}
			if c >= 'A' && c <= 'Z' {
				if firstLetter {
					f.Capital = true
				}
				c += 'a' - 'A'
			}
			if c >= '0' && c <= '9' {
				f.Digit = true
			}
			firstLetter = firstLetter && c >= '0' && c <= '9'
			sc.key = append(sc.key, c)
			wh = (wh ^ uint32(c)) * fnvPrime
		case c >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if !inWord {
				if len(sc.key) > 0 {
					sc.key = append(sc.key, ' ')
				}
				inWord, wordStart = true, len(sc.key)
				sc.words = append(sc.words, wordStart)
				wh = fnvOffset
			}
			if firstLetter && unicode.IsUpper(r) {
				f.Capital = true
			}
			firstLetter = false
			for k := i; k < i+size; k++ {
				wh = (wh ^ uint32(line[k])) * fnvPrime
			}
			sc.key = append(sc.key, line[i:i+size]...)
		case (r == '\'' || r == '’') && inWord && i+size < len(line) && isLetterByte(line[i+size]):
			// don't → dont: the apostrophe stays inside the word.
		default:
			endWord()
		}
		i += size
	}
	endWord()
	f.Key = unsafeString(sc.key)
	if len(sc.words) > 0 {
		end := len(sc.key)
		if len(sc.words) > 1 {
			end = sc.words[1] - 1
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
		return m
	}
	// One pass of the multi-pattern matcher over the line.
	sc.hits = l.match.find(sc.hits[:0], line)
	var player, weak, news, cookie = -1, -1, -1, -1
	for _, h := range sc.hits {
		end := int(h.end)
		start := end - l.match.lens[h.pat]
		if start > 0 && isLetterByte(line[start-1]) {
			continue
		}
		fam := l.fams[h.pat]
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
		}
	}
	if m.Wire && f.Words <= 40 {
		m.Cat = WireCredit
		return m
	}
	m.Wire = false
	if f.StartsQuote || f.Prose() {
		return m
	}
	// Whole-line phrases.
	if f.Words <= 8 {
		if c, ok := l.whole[f.Key]; ok {
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
	}
	// Related-links headings naming the site: "More from the Gazette",
	// "Popular on Gazette TV".
	if f.Words <= 5 && !f.FinalStop && f.Words >= 2 {
		switch f.First {
		case "more", "popular", "also", "trending":
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
		trim := strings.TrimLeft(line, " \t")
		for _, lb := range labels {
			if f.Words <= lb.maxWords && len(trim) >= len(lb.prefix) && strings.EqualFold(trim[:len(lb.prefix)], lb.prefix) {
				if lb.cat == ReadOn || lb.cat == RelatedItem {
					if f.FinalStop && f.Words > 12 {
						continue // a sentence after the label: prose
					}
				}
				m.Cat = lb.cat
				return m
			}
		}
	}
	// A credit line: "Name/Agency/Getty Images".
	if f.Words <= 12 && !f.FinalStop && hasCreditSuffix(f.Key) {
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
		for _, p := range l.prefixes[f.First] {
			if strings.HasPrefix(f.Key, p.words) && (len(f.Key) == len(p.words) || f.Key[len(p.words)] == ' ') {
				m.Cat = p.cat
				return m
			}
		}
	}
	switch {
	case player >= 0 && f.Words <= 40:
		m.Cat, m.Cue = Player, player
	case weak >= 0 && f.Words <= 8:
		m.Cat, m.Cue = Player, weak
	case news >= 0 && f.Words <= 30 && (l.imperative[f.First] || f.Second):
		m.Cat, m.Cue = Newsletter, news
	case cookie >= 0 && f.Words <= 40 && (f.Second || f.FirstPlural || l.imperative[f.First] || f.Words <= 6):
		m.Cat, m.Cue = Cookie, cookie
	}
	return m
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
		return l.single[f.Key]
	}
	named := 0
	for i := 0; i < f.Words; i++ {
		w := sc.word(i)
		switch {
		case l.networks[w]:
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
				if l.networks[sc.word(j)] {
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

// counters are the nouns of a page's engagement counters ("44 comments",
// "858 shares"), with the category of the line.
var counters = map[string]Category{
	"comments": ReadOn, "comment": ReadOn, "replies": ReadOn, "responses": ReadOn, "reactions": ReadOn,
	"shares": Share, "share": Share, "likes": Share, "tweets": Share, "views": ReadOn,
}

// counter: a whole line that is a number and a counter noun.
func counter(f *Features, sc *Scratch) Category {
	if f.Words != 2 || !isDigits(sc.word(0)) {
		return None
	}
	return counters[sc.word(1)]
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
	" pa wire", " pa media", " alamy", " reuters", " via reuters", " epa", " ap", " istock"}

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

// hasCopyright: a rights notice ("All rights reserved", "© 2024 ...",
// "may not be published, broadcast, rewritten or redistributed").
func hasCopyright(line, key string) bool {
	if strings.Contains(key, "all rights reserved") || strings.Contains(key, "may not be published broadcast") ||
		strings.Contains(key, "may not be reproduced") {
		return true
	}
	t := strings.TrimSpace(line)
	return (strings.HasPrefix(t, "©") || len(t) >= len("copyright ©") && strings.EqualFold(t[:len("copyright ©")], "copyright ©")) &&
		len(strings.Fields(t)) <= 20
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

var relatedLeads = []string{"more from ", "more on ", "popular on ", "also on ", "trending on ", "most popular on ", "more stories from "}
