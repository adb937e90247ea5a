package rules

import (
	"fmt"
	"math/bits"
	"strings"
	"unicode/utf8"

	"copydesk/lint"
)

// GluedWordsOptions are the options of glued-words
// ([rule.glued-words.options]).
type GluedWordsOptions struct {
	// Allow adds names that look glued but are spelt that way ("easyJet").
	Allow []string `toml:"allow"`
}

// GluedWords is the glued-words rule: words joined when markup was
// stripped ("planCouncil", "route.Read"). It only asks: brands look the
// same.
type GluedWords struct {
	allow map[string]bool // lower-cased names the config allows, beyond gluedAllow
}

// gluedAllow are names spelt lower-case-then-capital on purpose (looked up
// in the generated word table, lexicon.go).
var gluedAllow = wordList{bit: lexGluedAllow, words: []string{
	"airbnb", "easybus", "easycar", "easyfundraising", "easygroup", "easyhotel", "easyjet", "ebay", "ecobee",
	"ipad", "iphone", "iplayer", "lastminute", "macbook", "mcdonald", "wikihow", "wikileaks", "wikimedia",
}}

// isGluedStarter reports words that open page furniture; glued to a lower-case
// word they are a strong sign of stripped markup.
func isGluedStarter(w string) bool {
	switch w {
	case "Read", "Share", "Watch", "Photo", "Image", "Video", "Advertisement", "Related", "Sign", "Follow",
		"Click", "Subscribe", "Sponsored":
		return true
	}
	return false
}

// isNameParticle reports words that start surnames that keep a capital inside ("vanDyke").
func isNameParticle(w string) bool {
	switch w {
	case "mac", "mc", "van", "von", "der", "den", "del", "della", "di", "da", "de", "le", "la", "du", "ter",
		"ten", "bin", "ibn", "abu", "al", "el", "dos", "das":
		return true
	}
	return false
}

// isTopLevelDomain reports the top-level domains that end an address.
func isTopLevelDomain(w string) bool {
	switch w {
	case "com", "org", "net", "co", "uk", "io", "gov", "edu", "info", "biz", "us", "tv", "me", "ly", "ai",
		"app", "news":
		return true
	}
	return false
}

// NewGluedWords returns glued-words with default options.
func NewGluedWords() *GluedWords {
	return &GluedWords{}
}

// Meta describes glued-words.
func (r *GluedWords) Meta() lint.Meta {
	return lint.Meta{
		ID:       "glued-words",
		Summary:  "Words glued together where markup was stripped (planCouncil, route.Read)",
		Severity: lint.Info,
		Default:  true,
		Doc: `Stripping markup joins the last word of one element to the first word of the next. The rule asks
about three shapes:

  1. three or more lower-case letters then a capitalised word of three or more: "planCouncil"
  2. a lower-case word ending in a word that opens page furniture (Read, Share, Watch, Photo,
     Image, Video, Advertisement, Related, Sign, Follow, Click, Subscribe, Sponsored): "residentsWatch"
  3. a sentence end glued to the next sentence: "route.Read" (not in web or e-mail addresses)

It stays silent for names on the allow list, for a token that appears twice in the draft or in the
headline (a brand the writer uses on purpose), for surnames with particles (McAllister, DeLaney,
vanDyke), abbreviations (e.g., U.S.), camelCase code and hashtags. It reports at info: a brand is one
keystroke away from being broken, so the suggested space is never applied by --fix.`,
		Bad:     "Marwick tram plan approved\n\nCouncil members approved the tram planCouncil leader Ruth Okafor said it was historic.\n",
		Good:    "Marwick firm wins award\n\nThe easyJet crew and the iPhone app team from Kelbridge were praised.\n",
		Options: `allow = []                  # names spelt that way on purpose, e.g. ["myTram"]`,
	}
}

// Configure returns a copy of the rule with options decoded over the defaults.
func (r *GluedWords) Configure(decode func(v any) error) (lint.Rule, error) {
	var opts GluedWordsOptions
	if err := decode(&opts); err != nil {
		return nil, fmt.Errorf("glued-words options: %w", err)
	}
	g := &GluedWords{allow: make(map[string]bool, len(opts.Allow))}
	for _, w := range opts.Allow {
		w = strings.TrimSpace(w)
		if w == "" {
			return nil, fmt.Errorf("glued-words options: allow: empty name")
		}
		g.allow[strings.ToLower(w)] = true
	}
	return g, nil
}

// glue is one candidate: the flagged span and where the space is missing.
type glue struct {
	start, split, end int
}

// Check reports glued words in the body.
func (r *GluedWords) Check(pass *lint.Pass) error {
	doc := pass.Doc
	headline := doc.Slice(doc.Headline)
	for bi := range doc.Blocks {
		if bi == doc.HeadlineBlock {
			continue
		}
		span := doc.Blocks[bi].Span
		text := doc.Text[span.Start:span.End]
		// Only a capital right after a lower-case letter, a sentence end or
		// a closing quote can start glue: find those, then look at the
		// chunk of non-space bytes around each.
		for i := 1; i < len(text); i++ {
			i = nextUpper(text, i)
			if i >= len(text) {
				break
			}
			p := text[i-1]
			if !lowerASCII(p) && p != '.' && p != '!' && p != '?' && p != '\'' && p != '"' && p != 0x99 && p != 0x9D {
				continue
			}
			cs, ce := i, i
			for cs > 0 && !chunkSpace(text[cs-1]) {
				cs--
			}
			for ce < len(text) && !chunkSpace(text[ce]) {
				ce++
			}
			r.checkChunk(pass, doc, headline, span, text, cs, ce)
			i = ce
		}
	}
	return nil
}

func chunkSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' }

// allowed reports whether tok, lower-cased, is on the allow list. An ASCII
// token is lower-cased in a stack buffer, not a new string.
func (r *GluedWords) allowed(tok string) bool {
	var buf [64]byte
	if len(tok) > len(buf) {
		lower := strings.ToLower(tok)
		return gluedAllow.has(lower) || r.allow[lower]
	}
	b := buf[:len(tok)]
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if c >= utf8.RuneSelf {
			lower := strings.ToLower(tok)
			return gluedAllow.has(lower) || r.allow[lower]
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return gluedAllow.has(unsafeString(b)) || r.allow[unsafeString(b)]
}

// checkChunk reports the glue candidates in text[cs:ce] (a block's text
// starting at span.Start).
func (r *GluedWords) checkChunk(p *lint.Pass, doc *lint.Document, headline string, span lint.Span, text string, cs, ce int) {
	chunk := text[cs:ce]
	if skipChunk(chunk) {
		return
	}
	for _, g := range findGlue(chunk) {
		tok := chunk[g.start:g.end]
		if r.allowed(tok) || strings.Contains(headline, tok) || strings.Count(doc.Text, tok) >= 2 {
			continue
		}
		s := lint.Span{Start: span.Start + cs + g.start, End: span.Start + cs + g.end}
		at := span.Start + cs + g.split
		p.Report(lint.Finding{Span: s,
			Message: fmt.Sprintf("Missing space between %q and %q?", doc.Text[s.Start:at], doc.Text[at:s.End]),
			Fix: &lint.Fix{Message: "Insert a space", Safe: false,
				Edits: []lint.Edit{{Span: lint.Span{Start: at, End: at}, New: " "}}}})
	}
}

// skipChunk: web and e-mail addresses, hashtags, handles, code-like tokens.
func skipChunk(c string) bool {
	if strings.HasPrefix(c, "#") {
		return true
	}
	for i := 0; i < len(c); i++ {
		if codeByte[c[i]] {
			return true
		}
	}
	for i := 0; i+4 <= len(c); i++ {
		if c[i]|0x20 == 'w' && strings.EqualFold(c[i:i+4], "www.") {
			return true
		}
	}
	return false
}

func lowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }

// nextUpper returns the offset of the first upper-case ASCII letter in
// s[i:], or len(s). Prose has few capitals: it tests eight bytes at a time
// (SWAR).
func nextUpper(s string, i int) int {
	const (
		ones  = 0x0101010101010101
		highs = 0x8080808080808080
	)
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		v := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		// Per byte, on its low seven bits (no carry crosses a byte): the
		// high bit is set for [A-Z] (bytes with the high bit set excluded).
		v7 := v &^ highs
		if m := (v7 + (0x80-'A')*ones) &^ (v7 + (0x7f-'Z')*ones) &^ v & highs; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < len(s); i++ {
		if upperASCII(s[i]) {
			return i
		}
	}
	return len(s)
}
func upperASCII(c byte) bool { return c >= 'A' && c <= 'Z' }

// findGlue returns the glue candidates in one chunk.
func findGlue(c string) []glue {
	var out []glue
	for i := 0; i < len(c); {
		if !lowerASCII(c[i]) && !upperASCII(c[i]) {
			i++
			continue
		}
		j := i
		for j < len(c) && (lowerASCII(c[j]) || upperASCII(c[j])) {
			j++
		}
		if g, ok := camelGlue(c, i, j); ok {
			out = append(out, g)
		}
		// Shape 3: "route.Read", "continuum.'Click".
		if j+2 < len(c) && (c[j] == '.' || c[j] == '!' || c[j] == '?') && j-i >= 2 && sentenceEnd(c[i:j]) &&
			(i == 0 || !isDigitOrDot(c[i-1])) {
			w := j + 1
			if q := closingQuoteLen(c[w:]); q > 0 {
				w += q
			}
			if w+1 < len(c) && upperASCII(c[w]) && lowerASCII(c[w+1]) {
				k := w
				for k < len(c) && (lowerASCII(c[k]) || upperASCII(c[k])) {
					k++
				}
				word := strings.ToLower(c[w:k])
				after := k < len(c) && (c[k] == '.' || c[k] == '(')
				if !isTopLevelDomain(word) && !after && onlyOneCap(c[w:k]) {
					out = append(out, glue{start: i, split: w, end: k})
				}
			}
		}
		i = j
	}
	return out
}

func isDigitOrDot(b byte) bool { return b >= '0' && b <= '9' || b == '.' }

func onlyOneCap(w string) bool {
	for i := 1; i < len(w); i++ {
		if upperASCII(w[i]) {
			return false
		}
	}
	return true
}

// camelGlue checks a run of ASCII letters c[i:j] for shapes 1 and 2.
func camelGlue(c string, i, j int) (glue, bool) {
	run := c[i:j]
	if !lowerASCII(run[0]) {
		return glue{}, false
	}
	t := -1
	for k := 1; k < len(run); k++ {
		if upperASCII(run[k]) {
			if t >= 0 {
				return glue{}, false // several humps: an identifier
			}
			t = k
		}
	}
	if t < 0 || t+1 >= len(run) {
		return glue{}, false
	}
	// Glued to digits or inside a dotted name: code, not prose.
	if i > 0 && (c[i-1] >= '0' && c[i-1] <= '9' || c[i-1] == '.') || j < len(c) && (c[j] >= '0' && c[j] <= '9' || c[j] == '(') {
		return glue{}, false
	}
	prefix := run[:t]
	if isNameParticle(prefix) {
		return glue{}, false
	}
	rest := run[t:]
	switch {
	case t >= 3 && len(rest) >= 3:
	case t >= 2 && isGluedStarter(rest):
	default:
		return glue{}, false
	}
	return glue{start: i, split: i + t, end: j}, true
}

// closingQuoteLen returns the byte length of a closing quotation mark at
// the start of s (' " ’ ”), or 0.
func closingQuoteLen(s string) int {
	switch {
	case strings.HasPrefix(s, "'"), strings.HasPrefix(s, "\""):
		return 1
	case strings.HasPrefix(s, "’"), strings.HasPrefix(s, "”"):
		return len("’")
	}
	return 0
}

// isAbbreviation reports words that end with a full stop without ending a sentence.
func isAbbreviation(w string) bool {
	switch w {
	case "sen", "rep", "gov", "gen", "col", "capt", "sgt", "lt", "jr", "sr", "st", "ft", "mt", "prof", "corp",
		"inc", "ltd", "bros", "ave", "blvd", "mrs", "mr", "dr", "ms", "no", "vol", "fig", "calif", "colo", "conn",
		"fla", "ill", "ind", "kan", "mass", "mich", "minn", "miss", "nev", "okla", "ore", "penn", "tenn", "tex",
		"wash", "wis", "wyo", "ariz", "ark", "del", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
		"oct", "nov", "dec", "messrs", "rev", "hon", "supt", "dept", "univ", "est", "approx", "vs", "etc", "cf",
		"al":
		return true
	}
	return false
}

// sentenceEnd: a word that can end a sentence before a glued one: lower
// case after its first letter, and no abbreviation ("Sen.", "Calif.").
func sentenceEnd(w string) bool {
	for i := 1; i < len(w); i++ {
		if !lowerASCII(w[i]) {
			return false
		}
	}
	return !isAbbreviation(strings.ToLower(w))
}

// codeByte marks bytes that make a token an address, a handle or code.
var codeByte = func() (t [256]bool) {
	for _, c := range []byte("@/_\\={};") {
		t[c] = true
	}
	return t
}()
