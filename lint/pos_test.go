package lint_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/lint"
)

// TestPosColumns checks line and column of every offset against a count
// from the start of the line, on long lines (column checkpoints) with
// multi-byte characters around the checkpoint boundaries, a BOM and CRLF.
func TestPosColumns(t *testing.T) {
	long := strings.Repeat("ab€dé ", 700) // ~6 KB, characters of 1-3 bytes
	for _, src := range []string{
		"\xEF\xBB\xBF" + long + "\r\n" + long + "\nshort\n" + long,
		strings.Repeat("x", 5000) + "\n" + strings.Repeat("€", 3000),
		"a\nb",
	} {
		doc := lint.NewBuilder("d.txt", lint.Plain, []byte(src)).Finish()
		line, start := 1, 0
		if strings.HasPrefix(src, "\xEF\xBB\xBF") {
			start = 3
		}
		for off := 0; off <= len(src); off++ {
			if off > 0 && (src[off-1] == '\n' || src[off-1] == '\r' && (off == len(src) || src[off] != '\n')) {
				line, start = line+1, off
			}
			if !(off == len(src) || utf8.RuneStart(src[off])) {
				continue
			}
			col := 1
			if off >= start {
				col = utf8.RuneCountInString(src[start:off]) + 1
			}
			if p := doc.Pos(off); p.Line != line || p.Column != col {
				t.Fatalf("Pos(%d) = %d:%d, want %d:%d", off, p.Line, p.Column, line, col)
			}
		}
	}
}

// BenchmarkPosLongLine resolves, in order, the start and end of 35,000
// findings on a 1 MB single-line draft (the text formatter's long-line
// benchmark resolved by the runner first).
func BenchmarkPosLongLine(b *testing.B) {
	src := []byte(strings.Repeat("Ruth Okafor said the council’s plan was “fine”. ", 1<<20/52))
	doc := lint.NewBuilder("d.txt", lint.Plain, src).Finish()
	step := len(src) / 35000
	b.ReportAllocs()
	for b.Loop() {
		for off := 0; off+10 < len(src); off += step {
			doc.Pos(off)
			doc.Pos(off + 10)
		}
	}
}
