package parse

import (
	"os"
	"path/filepath"
	"testing"

	"copydesk/lint"
)

func benchParse(b *testing.B, name string) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "parse", name))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Parse(name, src); err != nil {
			b.Fatal(err)
		}
	}
}

// The draft is ~800 words of fictional news copy in each format.
func BenchmarkParsePlain(b *testing.B)    { benchParse(b, "draft.txt") }
func BenchmarkParseMarkdown(b *testing.B) { benchParse(b, "draft.md") }
func BenchmarkParseHTML(b *testing.B)     { benchParse(b, "draft.html") }

func BenchmarkSentences(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "parse", "draft.txt"))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := Parse("draft.txt", src)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(doc.Text)))
	var buf []lint.Span
	for b.Loop() {
		buf = buf[:0]
		for _, blk := range doc.Blocks {
			buf = appendSentences(buf, doc.Text, blk.Span)
		}
	}
}

func BenchmarkQuoteSpans(b *testing.B) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "parse", "draft.txt"))
	if err != nil {
		b.Fatal(err)
	}
	doc, err := Parse("draft.txt", src)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		QuoteSpans(doc)
	}
}
