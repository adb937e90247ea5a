package debris

import (
	"copydesk/lint/linttest/corpus"
	"strings"
	"testing"
)

// corpusLines returns the lines of the articles in $COPYDESK_CORPUS, or
// skips the benchmark.
func corpusLines(b *testing.B) ([]string, int) {
	var lines []string
	size := 0
	for _, a := range corpus.Articles(b) {
		for _, l := range strings.Split(string(a.Src), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
				size += len(l)
			}
		}
	}
	if len(lines) == 0 {
		b.Skip("no articles")
	}
	return lines, size
}

// BenchmarkAnalyzeArticles runs Analyze over every line of the articles.
func BenchmarkAnalyzeArticles(b *testing.B) {
	lines, size := corpusLines(b)
	var sc Scratch
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			sc.Analyze(l)
		}
	}
}

// BenchmarkClassifyArticles runs Analyze and Classify over every line of
// the articles.
func BenchmarkClassifyArticles(b *testing.B) {
	lines, size := corpusLines(b)
	var sc Scratch
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			f := sc.Analyze(l)
			Default.Classify(l, &f, &sc)
		}
	}
}
