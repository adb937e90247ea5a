package rules

import (
	"copydesk/lint/linttest/corpus"
	"os"
	"testing"

	"copydesk/lint"
	"copydesk/lint/parse"
)

// benchAttributionRule runs one rule over the ~800-word fictional draft used
// by prose.BenchmarkAnalyze through lint.CheckDocument, as the runner does:
// the document is parsed once, and CheckDocument releases the memoized
// attribution analysis after the rule, so each iteration computes it anew
// (and resolves and sorts the findings).
func benchAttributionRule(b *testing.B, rs ...lint.Rule) {
	src, err := os.ReadFile("internal/prose/testdata/bench_draft.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := parse.Parse("bench_draft.txt", src)
	if err != nil {
		b.Fatal(err)
	}
	active := activeRules(rs)
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := lint.CheckDocument(doc, active); err != nil {
			b.Fatal(err)
		}
	}
}

func activeRules(rs []lint.Rule) []lint.Active {
	active := make([]lint.Active, len(rs))
	for i, r := range rs {
		active[i] = lint.Active{Rule: r, Severity: r.Meta().Severity}
	}
	return active
}

func BenchmarkUnattributedClaim(b *testing.B) { benchAttributionRule(b, NewUnattributedClaim()) }

func BenchmarkAnonymousSourcing(b *testing.B) { benchAttributionRule(b, NewAnonymousSourcing()) }

// BenchmarkAttributionCorpus runs the three rules that share the attribution
// analysis (unattributed-claim, anonymous-sourcing, headline-overstates)
// over every article of $COPYDESK_CORPUS/articles, parsed once beforehand.
// It is skipped when COPYDESK_CORPUS is not set.
func BenchmarkAttributionCorpus(b *testing.B) {
	var docs []*lint.Document
	size := 0
	for _, a := range corpus.Articles(b) {
		doc, err := parse.Parse(a.Path, a.Src)
		if err != nil {
			continue
		}
		docs = append(docs, doc)
		size += len(doc.Text)
	}
	active := activeRules([]lint.Rule{NewUnattributedClaim(), NewAnonymousSourcing(), NewHeadlineOverstates()})
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			if _, err := lint.CheckDocument(doc, active); err != nil {
				b.Fatal(err)
			}
		}
	}
}
