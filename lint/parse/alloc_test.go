package parse

import (
	"os"
	"path/filepath"
	"testing"

	"copydesk/lint"
)

// TestParseAllocs pins the allocation a run over many drafts pays per
// draft once its memory is warm: parsing a draft and releasing its result
// (lint.FileResult.Release, as the CLI does once the report is written)
// allocates nothing for plain text, and for Markdown and HTML only what
// goldmark and x/net/html allocate inside (their AST, tokenizer and
// buffers), which we cannot recycle. Fresh memory costs more than the
// work done on it (a new 4 KB page costs ~19 µs on the VMs we measure), so
// a regression here is a slowdown of every corpus run.
func TestParseAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items at random")
	}
	for _, tc := range []struct {
		name string
		max  float64
	}{
		{"draft.txt", 0},
		{"draft.md", 190},
		{"draft.html", 35},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "parse", tc.name))
			if err != nil {
				t.Fatal(err)
			}
			parse := func() {
				doc, err := Parse(tc.name, src)
				if err != nil {
					t.Fatal(err)
				}
				r := lint.FileResult{Path: tc.name, Doc: doc}
				r.Release()
			}
			parse() // warm the pools
			if got := testing.AllocsPerRun(100, parse); got > tc.max {
				t.Errorf("Parse and Release allocate %.1f times per draft, want at most %v", got, tc.max)
			} else {
				t.Logf("%.1f allocations per draft", got)
			}
		})
	}
}
