package parse

import (
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/lint"
)

// checkDoc asserts the invariants every parsed document must keep, whatever
// the input: spans inside Text, on character boundaries, sorted; sentences
// inside their block and trimmed; source spans inside Source; quotes sorted
// and non-overlapping.
func checkDoc(t testing.TB, doc *lint.Document) {
	t.Helper()
	text := doc.Text
	if !utf8.ValidString(text) {
		t.Fatalf("Text is not valid UTF-8: %q", text)
	}
	if strings.Contains(text, "\r") {
		t.Fatalf("Text contains CR: %q", text)
	}
	onBoundary := func(off int) bool { return off == len(text) || utf8.RuneStart(text[off]) }
	inText := func(s lint.Span) bool {
		return s.Start >= 0 && s.Start <= s.End && s.End <= len(text) && onBoundary(s.Start) && onBoundary(s.End)
	}
	prevEnd := 0
	for i, b := range doc.Blocks {
		if !inText(b.Span) || b.Span.Empty() {
			t.Fatalf("block %d span %v bad (len %d)", i, b.Span, len(text))
		}
		if b.Span.Start < prevEnd {
			t.Fatalf("block %d span %v overlaps previous end %d", i, b.Span, prevEnd)
		}
		prevEnd = b.Span.End
		if isSpaceByteT(text[b.Span.Start]) || isSpaceByteT(text[b.Span.End-1]) {
			t.Fatalf("block %d not trimmed: %q", i, doc.Slice(b.Span))
		}
		ss, _ := doc.SourceSpan(b.Span)
		if ss.Start < 0 || ss.Start > ss.End || ss.End > len(doc.Source) {
			t.Fatalf("block %d source span %v outside source (len %d)", i, ss, len(doc.Source))
		}
		if i < 20 && len(doc.Source) < 1<<20 { // keep the check linear on large inputs
			for _, off := range []int{ss.Start, ss.End} {
				line, col := lineCol(doc.Source, off)
				if p := doc.Pos(off); p.Line != line || p.Column != col || p.Offset != off {
					t.Fatalf("block %d: Pos(%d) = %+v, want line %d column %d", i, off, p, line, col)
				}
			}
		}
		last := b.Span.Start
		if len(b.Sentences) == 0 {
			t.Fatalf("block %d %q has no sentences", i, doc.Slice(b.Span))
		}
		for j, s := range b.Sentences {
			if !inText(s) || s.Empty() || !b.Span.Covers(s) || s.Start < last {
				t.Fatalf("block %d sentence %d span %v bad (block %v, prev end %d)", i, j, s, b.Span, last)
			}
			if isSpaceByteT(text[s.Start]) || isSpaceByteT(text[s.End-1]) {
				t.Fatalf("block %d sentence %d not trimmed: %q", i, j, doc.Slice(s))
			}
			last = s.End
		}
	}
	if doc.HeadlineBlock >= 0 {
		if doc.HeadlineBlock >= len(doc.Blocks) || doc.Headline != doc.Blocks[doc.HeadlineBlock].Span {
			t.Fatalf("headline %v does not match block %d", doc.Headline, doc.HeadlineBlock)
		}
	} else if !doc.Headline.Empty() {
		t.Fatalf("headline span %v without a headline block", doc.Headline)
	}
	prevEnd = 0
	for i, q := range doc.Quotes {
		if !inText(q) || q.Empty() || q.Start < prevEnd {
			t.Fatalf("quote %d span %v bad (prev end %d)", i, q, prevEnd)
		}
		prevEnd = q.End
	}
	for i, c := range doc.Comments {
		if c.Source.Start < 0 || c.Source.Start > c.Source.End || c.Source.End > len(doc.Source) {
			t.Fatalf("comment %d source %v outside source", i, c.Source)
		}
	}
}

func isSpaceByteT(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// blockView is a compact description of a block for table tests.
type blockView struct {
	Kind lint.BlockKind
	Tag  string
	Text string
}

func views(doc *lint.Document) []blockView {
	out := make([]blockView, len(doc.Blocks))
	for i, b := range doc.Blocks {
		out[i] = blockView{b.Kind, b.Tag, doc.Slice(b.Span)}
	}
	return out
}

func mustParse(t testing.TB, path, src string) *lint.Document {
	t.Helper()
	doc, err := Parse(path, []byte(src))
	if err != nil {
		t.Fatalf("Parse(%s): %v", path, err)
	}
	checkDoc(t, doc)
	return doc
}
