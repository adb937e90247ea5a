package prose

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"copydesk/lint/parse"
)

// TestGoldenDump writes every table of the analysis (tokens with their
// classes included) of each draft under $PROSE_GOLDEN_DIR (a list of
// directories) to
// $PROSE_GOLDEN_OUT: a change meant to be a pure speed-up must leave the
// file byte-identical. Skipped unless both are set.
func TestGoldenDump(t *testing.T) {
	dir, out := os.Getenv("PROSE_GOLDEN_DIR"), os.Getenv("PROSE_GOLDEN_OUT")
	if dir == "" || out == "" {
		t.Skip("PROSE_GOLDEN_DIR and PROSE_GOLDEN_OUT not set")
	}
	var paths []string
	for _, root := range filepath.SplitList(dir) {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			switch filepath.Ext(p) {
			case ".txt", ".md", ".html":
				paths = append(paths, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	sort.Strings(paths)
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parse.Parse(p, src)
		if err != nil {
			continue
		}
		fmt.Fprintf(w, "== %s\n", p)
		goldenDump(w, analyze(doc))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
}

func goldenDump(w io.Writer, a *Analysis) {
	for i, tk := range a.Tokens {
		fmt.Fprintf(w, "T%d %d %d %d %d %d %x %q\n", i, tk.Start, tk.End, tk.Kind, tk.Flags, tk.Rune, uint64(tk.cls&^(wAttrCue|wReasonCue|wPassiveAdverb|wPassiveTo|wBaseForm|wDefAnon|wWeaselVerb|wPoll)), a.Lower(tk))
	}
	for i, s := range a.Sentences {
		fmt.Fprintf(w, "S%d %+v court=%v\n", i, s, a.Court[i])
	}
	for i, at := range a.Attributions {
		fmt.Fprintf(w, "A%d %+v\n", i, at)
	}
	for i, c := range a.Cues {
		fmt.Fprintf(w, "C%d %+v\n", i, c)
	}
	for i, h := range a.Hedges {
		fmt.Fprintf(w, "H%d %+v\n", i, h)
	}
	fmt.Fprintf(w, "B %v\n", a.BlockSentences)
}
