package parse

import (
	"os"
	"path/filepath"
	"testing"

	"copydesk/lint"
)

func benchParse(b *testing.B, name string, release bool) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "parse", name))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		doc, err := Parse(name, src)
		if err != nil {
			b.Fatal(err)
		}
		if release {
			doc.Release()
		}
	}
}

// The draft is ~800 words of fictional news copy in each format. The
// Release variants hand each document's buffers back to the pool, as a
// run over many drafts does.
func BenchmarkParsePlain(b *testing.B)           { benchParse(b, "draft.txt", false) }
func BenchmarkParseMarkdown(b *testing.B)        { benchParse(b, "draft.md", false) }
func BenchmarkParseHTML(b *testing.B)            { benchParse(b, "draft.html", false) }
func BenchmarkParsePlainRelease(b *testing.B)    { benchParse(b, "draft.txt", true) }
func BenchmarkParseMarkdownRelease(b *testing.B) { benchParse(b, "draft.md", true) }
func BenchmarkParseHTMLRelease(b *testing.B)     { benchParse(b, "draft.html", true) }

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
