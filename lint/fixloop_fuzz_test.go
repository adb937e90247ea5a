package lint_test

import (
	"testing"

	"copydesk/lint"
)

// FuzzApplyFixes applies up to three fixes with arbitrary spans to an
// arbitrary source: no panic, the output is the source outside the applied
// edits plus their new text, and LostText finds no word lost outside them.
func FuzzApplyFixes(f *testing.F) {
	f.Add([]byte("Marwick council met. Read more\n"), 21, 30, "", 0, 7, "Kelbridge", 5, 12, "x", true)
	f.Add([]byte("cafÃ© and naÃ¯ve\r\n"), 3, 5, "é", 11, 13, "ï", 3, 4, "", false)
	f.Fuzz(func(t *testing.T, src []byte, s1, e1 int, n1 string, s2, e2 int, n2 string, s3, e3 int, n3 string, safe bool) {
		mk := func(s, e int, n string) lint.Finding {
			return lint.Finding{Rule: "r", Fix: &lint.Fix{Message: "m", Safe: safe, Edits: []lint.Edit{{Span: lint.Span{Start: s, End: e}, New: n, Raw: true}}}}
		}
		fs := []lint.Finding{mk(s1, e1, n1), mk(s2, e2, n2), mk(s3, e3, n3)}
		for _, f := range fs {
			sp := f.Fix.Edits[0].Span
			if sp.Start < 0 || sp.End > len(src) || sp.Start > sp.End {
				return // the runner never hands out such edits (Resolve drops them)
			}
		}
		out, applied := lint.ApplyFixes(src, fs, true)
		var edits []lint.Edit
		var spans []lint.Span
		for i, a := range applied {
			if a {
				edits = append(edits, fs[i].Fix.Edits...)
				spans = append(spans, fs[i].Fix.Edits[0].Span)
			}
		}
		for i := range edits {
			for j := range edits {
				if i != j && edits[i].Span.Overlaps(edits[j].Span) {
					t.Fatalf("overlapping edits applied: %v %v", edits[i].Span, edits[j].Span)
				}
			}
		}
		if got := lint.ApplyEdits(src, edits); string(got) != string(out) {
			t.Fatalf("ApplyFixes = %q, ApplyEdits of the applied edits = %q", out, got)
		}
		// Words wholly outside the edits survive. Insertions are empty spans:
		// widen them by one byte so a word split by an insertion counts as touched.
		for i, sp := range spans {
			if sp.Empty() {
				spans[i] = lint.Span{Start: max(sp.Start-1, 0), End: min(sp.End+1, len(src))}
			}
		}
		if w, off, lost := lint.LostText(src, out, spans); lost {
			t.Fatalf("lost %q at %d: %q → %q", w, off, src, out)
		}
	})
}
