package prose

import (
	"os"
	"testing"

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
