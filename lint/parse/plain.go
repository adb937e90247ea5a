package parse

import (
	"bytes"

	"copydesk/lint"
)

// parsePlain reads a plain-text draft: the first non-blank line is the
// headline, blank lines separate paragraphs, and a line starting with a
// bullet ("- ", "* ", "• ", "– ", "1. ", "1) ") is a list item of its own
// whose span leaves the marker out. Indented lines after a list item
// continue it. Text is the source itself (without a BOM, CRLF and lone CR
// read as LF): blank lines and bullet markers lie between the blocks.
func parsePlain(path string, src []byte, start int) (*lint.Document, *lint.Builder) {
	return parseLines(path, lint.Plain, src, start)
}

// parseLines is parsePlain for a document of the given format (Markdown too
// hostile for goldmark is read as lines).
func parseLines(path string, format lint.Format, src []byte, start int) (*lint.Document, *lint.Builder) {
	b := lint.NewBuilder(path, format, src)
	body := src[start:]
	crs := bytes.Count(body, []byte{'\r'})
	hasCR := crs > 0
	// Text is the source: without CR it is one verbatim run (one map
	// segment, no copy); each CR adds a replaced line ending and the run
	// after it. A block takes at least two lines but for the headline, and
	// a paragraph is rarely under 64 bytes.
	lines := bytes.Count(body, []byte{'\n'}) + crs
	b.Reserve(len(body), min(lines/2, len(body)/64)+4, 2*crs+1)
	emitted := start // source bytes before this are in Text
	extend := func(p int) {
		emitLines(b, src, emitted, p)
		emitted = p
	}
	openAt := func(kind lint.BlockKind, tag string, p int) {
		b.CloseBlock()
		extend(p)
		b.OpenBlock(kind, tag)
	}
	open := false
	openKind := lint.Paragraph
	headline := false
	for i := start; i < len(src); {
		ce, next := lineEnd(src, i, hasCR)
		fs := skipBlank(src, i, ce)
		switch {
		case fs == ce: // blank line
			b.CloseBlock()
			open = false
		case !headline:
			openAt(lint.Heading, "headline", fs)
			b.MarkHeadline()
			extend(ce)
			b.CloseBlock()
			headline = true
		default:
			if m := bulletEnd(src, fs, ce); m > 0 {
				openAt(lint.ListItem, "li", m)
				open, openKind = true, lint.ListItem
			} else if !open || (openKind == lint.ListItem && fs == i) {
				openAt(lint.Paragraph, "p", fs)
				open, openKind = true, lint.Paragraph
			}
			extend(ce)
		}
		i = next
	}
	b.CloseBlock()
	extend(len(src))
	return b.Finish(), b
}

// separate closes the open block and, unless Text is empty, appends the
// synthetic blank line that separates blocks.
func separate(b *lint.Builder) {
	b.CloseBlock()
	if b.Len() > 0 {
		b.Synthetic("\n\n")
	}
}

// lineEnd returns the end of the line starting at i (before its line
// ending) and the start of the next line. LF, CRLF and a lone CR end lines.
func lineEnd(src []byte, i int, hasCR bool) (contentEnd, next int) {
	var j int
	if hasCR {
		j = indexEOL(src[i:])
	} else {
		j = bytes.IndexByte(src[i:], '\n')
	}
	if j < 0 {
		return len(src), len(src)
	}
	e := i + j
	if src[e] == '\r' && e+1 < len(src) && src[e+1] == '\n' {
		return e, e + 2
	}
	return e, e + 1
}

// indexEOL returns the offset of the first CR or LF in s, or -1. It runs
// the vectorised single-byte search for each over chunks that double in
// size (bytes.IndexAny looks at one byte at a time), so its cost stays
// proportional to the offset it returns, however the two bytes are spread.
func indexEOL(s []byte) int {
	for off, w := 0, 128; off < len(s); w = min(2*w, 1<<16) {
		c := s[off:min(off+w, len(s))]
		lf := bytes.IndexByte(c, '\n')
		if lf >= 0 {
			c = c[:lf]
		}
		if cr := bytes.IndexByte(c, '\r'); cr >= 0 {
			return off + cr
		}
		if lf >= 0 {
			return off + lf
		}
		off += len(c)
	}
	return -1
}

// skipBlank returns the offset of the first byte in src[i:end] that is not
// a space or tab (or form feed, vertical tab), or end.
func skipBlank(src []byte, i, end int) int {
	for i < end && (src[i] == ' ' || src[i] == '\t' || src[i] == '\f' || src[i] == '\v') {
		i++
	}
	return i
}

// bulletEnd returns the offset where the text of a list item starts if the
// line content src[i:end] starts with a bullet marker and white space, else 0.
func bulletEnd(src []byte, i, end int) int {
	m := 0
	switch {
	case i+1 < end && (src[i] == '-' || src[i] == '*'):
		m = i + 1
	case i+3 < end && src[i] == 0xE2 && src[i+1] == 0x80 && (src[i+2] == 0xA2 || src[i+2] == 0x93): // • –
		m = i + 3
	default:
		j := i
		for j < end && j-i < 3 && src[j] >= '0' && src[j] <= '9' {
			j++
		}
		if j > i && j < end && (src[j] == '.' || src[j] == ')') {
			m = j + 1
		}
	}
	if m == 0 || m >= end || (src[m] != ' ' && src[m] != '\t') {
		return 0
	}
	if e := skipBlank(src, m, end); e < end {
		return e
	}
	return 0
}
