package format_test

import (
	"copydesk/lint/linttest/corpus"
	"io"
	"sync"
	"testing"

	"copydesk/lint"
	"copydesk/lint/format"
	"copydesk/lint/parse"
	"copydesk/rules"
)

var (
	corpusOnce    sync.Once
	corpusResults []lint.FileResult
)

// lintedCorpus lints the articles of $COPYDESK_CORPUS once with the default
// built-in rules, for the formatter benchmarks, which are skipped without
// it. Nothing from the corpus is stored.
func lintedCorpus(b *testing.B) []lint.FileResult {
	arts := corpus.Articles(b)
	corpusOnce.Do(func() {
		var active []lint.Active
		for _, r := range rules.All() {
			if m := r.Meta(); m.Default {
				active = append(active, lint.Active{Rule: r, Severity: m.Severity})
			}
		}
		run := &lint.Runner{Parse: parse.Parse, Rules: func(string) ([]lint.Active, error) { return active, nil }}
		for _, a := range arts {
			corpusResults = append(corpusResults, run.Lint(a.Path, a.Src))
		}
	})
	return corpusResults
}

// BenchmarkCorpusFormat writes the report of the whole article corpus,
// linted once beforehand with the default rules, in each format: the cost
// of output alone in a corpus-scale run.
func BenchmarkCorpusFormat(b *testing.B) {
	for _, c := range []struct {
		name, format string
		opts         format.Options
	}{
		{"text", "text", format.Options{}},
		{"text-color", "text", format.Options{Color: true}},
		{"json", "json", format.Options{}},
		{"sarif", "sarif", ciOpts},
		{"github", "github", format.Options{}},
		{"checkstyle", "checkstyle", format.Options{}},
		{"junit", "junit", format.Options{}},
	} {
		b.Run(c.name, func(b *testing.B) {
			rs := lintedCorpus(b)
			var size int64
			for i := range rs {
				size += int64(len(rs[i].Source()))
			}
			mk, _ := format.Lookup(c.format)
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				if err := format.Write(mk(io.Discard, c.opts), rs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
