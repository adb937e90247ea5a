package lint

import (
	"bytes"
	"sort"
	"unicode"
	"unicode/utf8"
)

// LostText is a property check for fixes: it reports a word of orig that
// lies wholly outside every flagged span but does not survive, in order, in
// fixed. A word is a maximal run of letters and digits; it survives if its
// bytes occur in fixed after those of the word before it, so a word may
// merge with text a fix put next to it ("naÃ¯ve" → "naïve" keeps "ve").
// lost is false when every such word survives: fixes may add text and may
// remove or change any word that touches a flagged span.
//
// Pass the spans of the findings whose fixes were applied. Markup that a
// fix removes around a flagged block (a list marker, an HTML tag) is not
// prose: compare Document.Text before and after with the findings' Text
// spans, or Source with Source spans for plain text.
func LostText(orig, fixed []byte, flagged []Span) (word string, offset int, lost bool) {
	spans := append([]Span(nil), flagged...)
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start < spans[j].Start })
	si, pos := 0, 0
	for off := 0; off < len(orig); {
		s, e := wordAt(orig, off)
		if s < 0 {
			break
		}
		off = e
		for si < len(spans) && spans[si].End <= s {
			si++
		}
		flaggedWord := false
		for k := si; k < len(spans) && spans[k].Start < e; k++ {
			if (Span{s, e}).Overlaps(spans[k]) {
				flaggedWord = true
				break
			}
		}
		if flaggedWord {
			continue
		}
		i := bytes.Index(fixed[pos:], orig[s:e])
		if i < 0 {
			return string(orig[s:e]), s, true
		}
		pos += i + e - s
	}
	return "", 0, false
}

// wordAt finds the first word starting at or after off; s is -1 if none.
func wordAt(b []byte, off int) (s, e int) {
	s = -1
	for i := off; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		isWord := r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
		switch {
		case isWord && s < 0:
			s = i
		case !isWord && s >= 0:
			return s, i
		}
		i += n
	}
	if s < 0 {
		return -1, -1
	}
	return s, len(b)
}
