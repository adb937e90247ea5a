package lint_test

import (
	"testing"

	"copydesk/lint"
)

// TestLines checks line starts and positions with and without carriage
// returns (the CR-free path searches for line feeds only).
func TestLines(t *testing.T) {
	for _, src := range []string{
		"", "a", "a\n", "\n", "\n\n", "a\nb", "ab\ncd\n\nef", "a\r\nb", "a\rb\nc\r\n\r\nd\r", "é\nü\n€x",
	} {
		doc := lint.NewBuilder("d.txt", lint.Plain, []byte(src)).Finish()
		// Reference: a line ends after \n, after \r not followed by \n.
		starts := []int{0}
		for i := 0; i < len(src); i++ {
			if src[i] == '\n' || src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
				starts = append(starts, i+1)
			}
		}
		if got := doc.LineCount(); got != len(starts) {
			t.Errorf("%q: %d lines, want %d", src, got, len(starts))
			continue
		}
		for off := 0; off <= len(src); off++ {
			line := 0
			for line+1 < len(starts) && starts[line+1] <= off {
				line++
			}
			if p := doc.Pos(off); p.Line != line+1 {
				t.Errorf("%q: Pos(%d).Line = %d, want %d", src, off, p.Line, line+1)
			}
		}
	}
}
