package parse

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusDrafts reads the shared article corpus (../shared/corpus/articles
// from the repository root, or $COPYDESK_CORPUS/articles) for the
// corpus-scale benchmark, which is skipped when it is absent. Nothing from
// the corpus is stored.
func corpusDrafts(b *testing.B) (names []string, srcs [][]byte, total int64) {
	root := filepath.Join("..", "..", "..", "shared", "corpus")
	if env := os.Getenv("COPYDESK_CORPUS"); env != "" {
		root = env
	}
	dir := filepath.Join(root, "articles")
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Skipf("no corpus: %v", err)
	}
	for _, e := range entries {
		if e.IsDir() || FormatOf(e.Name()) != FormatOf("x.txt") && FormatOf(e.Name()) != FormatOf("x.md") {
			continue
		}
		src, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		names = append(names, e.Name())
		srcs = append(srcs, src)
		total += int64(len(src))
	}
	if len(srcs) == 0 {
		b.Skip("no drafts in the corpus")
	}
	return names, srcs, total
}

// BenchmarkParseCorpus parses every draft of the article corpus per
// iteration (what a `--select mojibake` run does besides walking and
// reading); BenchmarkParseCorpusRelease also releases each document, as the
// runner does once a file's output is written.
func BenchmarkParseCorpus(b *testing.B)        { benchCorpus(b, false) }
func BenchmarkParseCorpusRelease(b *testing.B) { benchCorpus(b, true) }

func benchCorpus(b *testing.B, release bool) {
	names, srcs, total := corpusDrafts(b)
	b.ReportAllocs()
	b.SetBytes(total)
	for b.Loop() {
		for i, src := range srcs {
			doc, err := Parse(names[i], src)
			if err != nil {
				b.Fatal(err)
			}
			if release {
				doc.Release()
			}
		}
	}
}
