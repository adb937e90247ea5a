// Package corpus finds the shared evaluation corpus for opt-in tests and
// benchmarks. The corpus is external data (../shared/corpus beside the
// repository): it is read at run time only, never stored in the
// repository, and `go test ./...` must pass without it, so everything here
// skips the calling test or benchmark unless COPYDESK_CORPUS names it.
//
//	COPYDESK_CORPUS=$PWD/../shared/corpus go test -run '^$' -bench Corpus ./...
package corpus

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// Env is the variable that names the corpus directory.
const Env = "COPYDESK_CORPUS"

// Dir returns the corpus directory named by COPYDESK_CORPUS, or skips tb.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv(Env)
	if dir == "" {
		tb.Skipf("set %s to the corpus directory (../shared/corpus)", Env)
	}
	return dir
}

// Article is one draft of the corpus's articles folder.
type Article struct {
	Path string // its path under Dir
	Src  []byte // its bytes
}

// Articles reads every plain-text article (articles/*.txt) of the corpus,
// in name order, or skips tb when there is none.
func Articles(tb testing.TB) []Article {
	tb.Helper()
	dir := filepath.Join(Dir(tb), "articles")
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		tb.Skipf("no articles under %s (%v)", dir, err)
	}
	sort.Strings(paths)
	out := make([]Article, 0, len(paths))
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			tb.Fatalf("corpus: %v", err)
		}
		out = append(out, Article{Path: p, Src: src})
	}
	return out
}
