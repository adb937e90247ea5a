package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"copydesk/lint"
	"copydesk/lint/parse"
	"copydesk/rules"
)

// BenchmarkPipeline measures what the runner does for one file, per format:
// parse the ~800-word fictional draft of testdata/parse, run every built-in
// rule (the shared analyses included), resolve positions and sort. Reading
// the file and formatting the output are left out.
func BenchmarkPipeline(b *testing.B) {
	var active []lint.Active
	for _, r := range rules.All() {
		active = append(active, lint.Active{Rule: r, Severity: r.Meta().Severity})
	}
	for _, name := range []string{"draft.txt", "draft.md", "draft.html"} {
		src, err := os.ReadFile(filepath.Join("..", "testdata", "parse", name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Ext(name)[1:], func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				doc, err := parse.Parse(name, src)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := lint.CheckDocument(doc, active); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
