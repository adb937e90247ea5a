package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"copydesk/lint"
	"copydesk/lint/parse"
)

// TestFoldLowerInto checks that folding into a scratch buffer gives what
// foldLower (strings.Map) gives, invalid UTF-8 included, and that the
// views stay intact while later words are appended.
func TestFoldLowerInto(t *testing.T) {
	words := []string{"", "tram", "Tram", "MARWICK", "Okafor’s", "don'T", "ʼTIS", "Ærø", "İstanbul", "\u212Aelvin",
		"ÅSA", "日本", "a\xffB", "\xc3", "£12M", "Hale-Cross", "x\u0301Y"}
	var buf []byte
	var got []string
	for _, w := range words {
		got = append(got, foldLowerInto(&buf, w))
	}
	for i, w := range words {
		if want := foldLower(w); got[i] != want {
			t.Errorf("foldLowerInto(%q) = %q, want %q", w, got[i], want)
		}
	}
}

// fixtureDrafts returns the rule fixtures, parsed (expectation lines
// included: they only add body text).
func fixtureDrafts(t testing.TB) []*lint.Document {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var docs []*lint.Document
	for _, p := range paths {
		if strings.HasSuffix(p, ".golden") {
			continue
		}
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parse.Parse(p, src)
		if err != nil {
			continue
		}
		docs = append(docs, doc)
	}
	if len(docs) < 50 {
		t.Fatalf("only %d fixture drafts", len(docs))
	}
	return docs
}

// TestHeadlineScorePooled checks that the pooled, memoised score is the
// plain one, draft after draft, with the pool's memory reused in between.
func TestHeadlineScorePooled(t *testing.T) {
	docs := fixtureDrafts(t)
	want := make([]headlineScore, len(docs))
	for i, doc := range docs {
		if doc.HasHeadline() {
			want[i] = scoreHeadline(doc, defaultHedgeLexicon, DefaultHedgedHeadlineOptions())
		}
	}
	for round := 0; round < 2; round++ {
		for i, doc := range docs {
			if !doc.HasHeadline() {
				continue
			}
			m := newPooledScore()
			m.score(doc, defaultHedgeLexicon, DefaultHedgedHeadlineOptions())
			got := m.sc
			if len(got.weighted) == 0 {
				got.weighted = nil
			}
			w := want[i]
			if len(w.weighted) == 0 {
				w.weighted = nil
			}
			if !reflect.DeepEqual(got, w) {
				t.Errorf("%s: pooled score %+v, want %+v", doc.Path, got, w)
			}
			m.Release()
		}
	}
}
