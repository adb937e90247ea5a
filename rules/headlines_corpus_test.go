package rules

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/lint"
	"copydesk/lint/parse"
)

// TestHeadlinesCorpus guards the headline rules against the shared corpus:
// hedged-headline's precision for "observing" headlines on Emergent, and
// how often either rule fires on published articles, where a flood of
// findings would mean a regression. It runs only when COPYDESK_CORPUS names
// the corpus directory (../shared/corpus); nothing from the corpus is kept
// or printed but counts. COPYDESK_SPLIT picks the Emergent split (dev).
func TestHeadlinesCorpus(t *testing.T) {
	dir := corpusDir(t)
	split := os.Getenv("COPYDESK_SPLIT")
	if split == "" {
		split = "dev"
	}
	hh, ho := NewHedgedHeadline(), NewHeadlineOverstates()
	fires := func(r lint.Rule, path string, src []byte) bool {
		doc, err := parse.Parse(path, src)
		if err != nil {
			return false
		}
		fs, err := lint.CheckDocument(doc, []lint.Active{{Rule: r, Severity: lint.Warning}})
		if err != nil {
			t.Fatal(err)
		}
		return len(fs) > 0
	}

	f, err := os.Open(filepath.Join(dir, "emergent-headlines", split+".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	tp, fp, pos := 0, 0, 0
	for sc.Scan() {
		var row struct{ Headline, Label string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatalf("emergent row: %v", err)
		}
		h := strings.Join(strings.Fields(row.Headline), " ")
		observing := row.Label == "observing"
		if observing {
			pos++
		}
		if fires(hh, "h.txt", []byte(h+"\n\nBody.\n")) {
			if observing {
				tp++
			} else {
				fp++
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	prec := float64(tp) / float64(max(1, tp+fp))
	t.Logf("emergent %s: hedged-headline flagged %d, precision %.3f, recall %.3f", split, tp+fp, prec, float64(tp)/float64(max(1, pos)))
	if tp+fp < 20 || prec < 0.8 {
		t.Errorf("hedged-headline on emergent %s: %d flagged at precision %.3f (want ≥ 20 at ≥ 0.80)", split, tp+fp, prec)
	}

	files, err := filepath.Glob(filepath.Join(dir, "articles", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no articles in %s: %v", dir, err)
	}
	nh, no := 0, 0
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if fires(hh, p, src) {
			nh++
		}
		if fires(ho, p, src) {
			no++
		}
	}
	t.Logf("articles: %d files, hedged-headline fires on %d, headline-overstates on %d", len(files), nh, no)
	if limit := len(files) * 3 / 100; nh > limit || no > limit {
		t.Errorf("headline rules fire on too many published articles: %d and %d of %d (limit %d)", nh, no, len(files), limit)
	}
}
