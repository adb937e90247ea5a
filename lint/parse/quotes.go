package parse

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"copydesk/lint"
)

// QuoteSpans returns the spans of doc.Text inside direct quotations, marks
// included, sorted and non-overlapping (RULES.md §1.1):
//
//   - straight double quotes open after the start, white space or ([—–: and
//     close before white space, punctuation or the end; they pair within a
//     paragraph;
//   - “…” and «…» open and close explicitly, nesting tracked per mark;
//   - ‘…’ and '…' open after the start, white space or ([—–:“ before a
//     letter or digit and close only while a single quote is open; don't,
//     Rees's, '90s, rock 'n' roll and a plural possessive s' with no single
//     quote open are apostrophes;
//   - a block inside a blockquote (Block.Quoted or Kind Quote) is quoted
//     whole;
//   - a quote still open at the end of a paragraph ends there: news style
//     reopens a continued quote with a mark at the start of the next
//     paragraph, which opens a new span, so a missing mark never swallows
//     the rest of the document.
func QuoteSpans(doc *lint.Document) []lint.Span {
	return appendQuoteSpans(nil, doc)
}

// appendQuoteSpans appends doc's quotation spans (see QuoteSpans) to dst.
func appendQuoteSpans(dst []lint.Span, doc *lint.Document) []lint.Span {
	out := dst
	for _, blk := range doc.Blocks {
		if blk.Span.Empty() || blk.Span.Start < 0 || blk.Span.End > len(doc.Text) {
			continue
		}
		if blk.Quoted || blk.Kind == lint.Quote {
			out = append(out, blk.Span)
			continue
		}
		out = appendQuotes(out, doc.Text, blk.Span)
	}
	return out[:len(dst)+len(normalizeSpans(out[len(dst):]))]
}

// normalizeSpans sorts spans and merges overlapping ones, in place.
func normalizeSpans(s []lint.Span) []lint.Span {
	for i := 1; i < len(s); i++ {
		if s[i].Start < s[i-1].Start {
			sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
			break
		}
	}
	out := s[:0]
	for _, sp := range s {
		if n := len(out); n > 0 && sp.Start < out[n-1].End {
			if sp.End > out[n-1].End {
				out[n-1].End = sp.End
			}
			continue
		}
		out = append(out, sp)
	}
	return out
}

// quoteScan is the state of one paragraph's quotation marks.
type quoteScan struct {
	text       string
	start, end int // the paragraph
	depth      int // open marks of all kinds
	qStart     int // where the outermost open quote started
	dbl        bool
	curly      int
	guil       int
	single     int
	lastCloser int // last offset that could close a single quote; -2 = not computed
	out        []lint.Span
}

func (q *quoteScan) open(i int) {
	if q.depth == 0 {
		q.qStart = i
	}
	q.depth++
}

func (q *quoteScan) close(end int) {
	q.depth--
	if q.depth == 0 {
		q.out = append(q.out, lint.Span{Start: q.qStart, End: end})
	}
}

func appendQuotes(out []lint.Span, text string, blk lint.Span) []lint.Span {
	q := quoteScan{text: text, start: blk.Start, end: blk.End, lastCloser: -2, out: out}
	stops := newStopFinder(text, blk.End, '"', '\'', 0xE2, 0xC2) // the bytes quoteByte marks
	for i := blk.Start; ; {
		if i = stops.find(i); i >= blk.End {
			break
		}
		r, w := utf8.DecodeRuneInString(text[i:blk.End])
		switch r {
		case '"':
			next := q.next(i + w)
			if q.dbl {
				if !isWordRune(next) {
					q.dbl = false
					q.close(i + w)
				}
			} else if opensDouble(q.prev(i)) && next != 0 && !unicode.IsSpace(next) {
				q.dbl = true
				q.open(i)
			}
		case '“':
			q.curly++
			q.open(i)
		case '”':
			if q.curly > 0 {
				q.curly--
				q.close(i + w)
			}
		case '«':
			q.guil++
			q.open(i)
		case '»':
			if q.guil > 0 {
				q.guil--
				q.close(i + w)
			}
		case '‘', '\'', '’':
			prev, next := q.prev(i), q.next(i+w)
			if q.single > 0 && r != '‘' && prev != 0 && !unicode.IsSpace(prev) && !isWordRune(next) {
				// A closing mark, unless it is the apostrophe of a plural
				// possessive with a better closer later in the paragraph.
				if prev == 's' && i < q.closerAfter() {
					break
				}
				q.single--
				q.close(i + w)
				break
			}
			if r != '’' && opensSingle(prev) && isWordRune(next) && !elision(text[i+w:blk.End]) {
				q.single++
				q.open(i)
			}
		}
		i += w
	}
	if q.depth > 0 {
		q.out = append(q.out, lint.Span{Start: q.qStart, End: blk.End})
	}
	return q.out
}

// quoteByte marks the bytes that may start a quotation mark: " ' and the
// lead bytes of “ ” ‘ ’ (0xE2) and « » (0xC2).
var quoteByte = [256]bool{'"': true, '\'': true, 0xE2: true, 0xC2: true}

// prev returns the rune before i in the paragraph, or 0 at its start.
func (q *quoteScan) prev(i int) rune {
	if i <= q.start {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(q.text[q.start:i])
	return r
}

// next returns the rune at i in the paragraph, or 0 at its end.
func (q *quoteScan) next(i int) rune {
	if i >= q.end {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(q.text[i:q.end])
	return r
}

// closerAfter returns the offset of the last single quote in the paragraph
// that could close a quotation (after a non-space, before a non-word
// character).
func (q *quoteScan) closerAfter() int {
	if q.lastCloser != -2 {
		return q.lastCloser
	}
	q.lastCloser = -1
	for e := q.end; e > q.start; {
		r, w := utf8.DecodeLastRuneInString(q.text[q.start:e])
		e -= w
		if (r == '’' || r == '\'') && !isWordRune(q.next(e+w)) {
			if p := q.prev(e); p != 0 && !unicode.IsSpace(p) {
				q.lastCloser = e
				break
			}
		}
	}
	return q.lastCloser
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// opensDouble reports whether a straight double quote after prev opens.
func opensDouble(prev rune) bool {
	switch prev {
	case 0, '(', '[', '{', '—', '–', ':', '“', '‘', '\'', '«':
		return true
	}
	return unicode.IsSpace(prev)
}

// opensSingle reports whether a single quote after prev may open.
func opensSingle(prev rune) bool {
	switch prev {
	case 0, '(', '[', '{', '—', '–', ':', '“', '"', '«':
		return true
	}
	return unicode.IsSpace(prev)
}

// elision reports whether the text after a single quote mark makes it an
// apostrophe: '90s, 'n' (rock 'n' roll), 'em, 'til, 'tis, 'twas, 'cause.
func elision(after string) bool {
	if len(after) >= 3 && isDigit(after[0]) && isDigit(after[1]) && after[2] == 's' {
		return true
	}
	if len(after) >= 2 && after[0] == 'n' && (after[1] == '\'' || len(after) >= 4 && after[1:4] == "’") {
		return true
	}
	j := 0
	for j < len(after) && j < 6 && isASCIILetter(after[j]) {
		j++
	}
	if j == 0 || j < len(after) && isASCIILetter(after[j]) {
		return false
	}
	var w [6]byte
	for k := 0; k < j; k++ {
		w[k] = after[k] | 0x20
	}
	switch string(w[:j]) {
	case "em", "til", "tis", "twas", "cause", "bout", "round", "n", "ere":
		return true
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
