package prose

import (
	"copydesk/lint/linttest/corpus"
	"os"
	"testing"

	"copydesk/lint"
	"copydesk/lint/parse"
)

// BenchmarkAnalyze measures the attribution analysis of an ~800-word
// fictional draft (parsing excluded; the memo is bypassed).
func BenchmarkAnalyze(b *testing.B) {
	src, err := os.ReadFile("testdata/bench_draft.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := parse.Parse("bench_draft.txt", src)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		analyze(doc)
	}
}

// BenchmarkAnalyzeReleased is BenchmarkAnalyze in the steady state of the
// runner: each analysis is released, so the next one reuses its tables.
func BenchmarkAnalyzeReleased(b *testing.B) {
	src, err := os.ReadFile("testdata/bench_draft.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc, err := parse.Parse("bench_draft.txt", src)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(doc.Text)))
	b.ReportAllocs()
	for b.Loop() {
		analyze(doc).Release()
	}
}

// BenchmarkTokens measures the tokenizer alone.
func BenchmarkTokens(b *testing.B) {
	src, err := os.ReadFile("testdata/bench_draft.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(src)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	buf := make([]Token, 0, 4096)
	for b.Loop() {
		buf = AppendTokens(buf[:0], text, spanOf(text))
	}
}

// BenchmarkAnalyzeCorpus measures the analysis over every article of
// $COPYDESK_CORPUS/articles (parsing untimed), releasing each analysis as
// the runner does. It is skipped when COPYDESK_CORPUS is not set.
func BenchmarkAnalyzeCorpus(b *testing.B) {
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
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, doc := range docs {
			analyze(doc).Release()
		}
	}
}
