package parse

import (
	"copydesk/lint/linttest/corpus"
	"testing"
)

// BenchmarkParseCorpus parses every draft of the article corpus per
// iteration (what a `--select mojibake` run does besides walking and
// reading); BenchmarkParseCorpusRelease also releases each document, as the
// runner does once a file's output is written.
func BenchmarkParseCorpus(b *testing.B)        { benchCorpus(b, false) }
func BenchmarkParseCorpusRelease(b *testing.B) { benchCorpus(b, true) }

func benchCorpus(b *testing.B, release bool) {
	arts := corpus.Articles(b) // skipped without $COPYDESK_CORPUS
	var total int64
	for _, a := range arts {
		total += int64(len(a.Src))
	}
	b.ReportAllocs()
	b.SetBytes(total)
	for b.Loop() {
		for _, a := range arts {
			doc, err := Parse(a.Path, a.Src)
			if err != nil {
				b.Fatal(err)
			}
			if release {
				doc.Release()
			}
		}
	}
}
