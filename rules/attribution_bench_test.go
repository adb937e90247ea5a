package rules

import (
	"os"
	"testing"

	"copydesk/lint"
	"copydesk/lint/parse"
)

// benchAttributionRule runs one rule over the ~800-word fictional draft used by
// prose.BenchmarkAnalyze, calling Check directly (position resolution by
// the runner is not timed). Each iteration gets a freshly parsed document
// (parsing untimed), so the shared attribution analysis is included.
func benchAttributionRule(b *testing.B, r lint.Rule) {
	src, err := os.ReadFile("internal/prose/testdata/bench_draft.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := parse.Parse("bench_draft.txt", src)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		doc, _ = parse.Parse("bench_draft.txt", src)
		b.StartTimer()
		pass := lint.NewPass(doc, r.Meta().ID, r.Meta().Severity, func(lint.Finding) {})
		if err := r.Check(pass); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnattributedClaim(b *testing.B) { benchAttributionRule(b, NewUnattributedClaim()) }

func BenchmarkAnonymousSourcing(b *testing.B) { benchAttributionRule(b, NewAnonymousSourcing()) }
