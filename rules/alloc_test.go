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

// allocDraft is a fictional draft none of the rules flags: a flat
// headline its body states plainly, sources named and unnamed, a quote.
const allocDraft = `Kelbridge council sells Hale Street depot to Ashby Vale builders

Kelbridge council sold the Hale Street depot to Ashby Vale builders on Monday, the council said in a statement.

Ruth Okafor, the council leader, said the sale would pay for two new tram stops. "It is a good price for a tired site," she said.

One official said the builders had asked for the keys by June. Tom Hale, who chairs the planning committee, said the work would start in the spring.

Priya Nandra of the Dunmere Trust said the depot's old clock tower would be kept and repaired.
`

// TestRuleAllocs pins what a check allocates per draft in steady state
// when it finds nothing: the scratch of every rule in this package is
// pooled, and the shared analyses are memoised (computed once, outside
// the measured runs). A regression (a per-word string, a map per check)
// shows here before it shows in a corpus profile.
func TestRuleAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool (other packages use it) drop items at random")
	}
	doc, err := parse.Parse("alloc.txt", []byte(allocDraft))
	if err != nil {
		t.Fatal(err)
	}
	scare, err := NewHedgedHeadline().Configure(func(v any) error {
		v.(*HedgedHeadlineOptions).MaxScareWords = 2 // not the default: scored in every check
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []lint.Rule{
		NewHedgedHeadline(), scare, NewHeadlineOverstates(), NewAnonymousSourcing(), NewUnattributedClaim(),
		NewScrapeDebris(), NewMojibake(), NewGluedWords(),
	} {
		id := r.Meta().ID
		found := 0
		p := lint.NewPass(doc, id, lint.Warning, func(lint.Finding) { found++ })
		check := func() {
			if err := r.Check(p); err != nil {
				t.Fatal(err)
			}
		}
		check() // memoise the shared analyses, fill the pools
		if found > 0 {
			t.Fatalf("%s: %d findings in the clean draft", id, found)
		}
		if got := testing.AllocsPerRun(100, check); got > 0 {
			t.Errorf("%s: %g allocations per check, want 0", id, got)
		}
	}
	// The memoised default score, computed afresh each time.
	score := func() {
		m := newPooledScore()
		m.score(doc, defaultHedgeLexicon, DefaultHedgedHeadlineOptions())
		m.Release()
	}
	if got := testing.AllocsPerRun(100, score); got > 0 {
		t.Errorf("headline score: %g allocations, want 0", got)
	}
}

// TestPooledFindingsStable lints every fixture draft in turn, keeping the
// findings, then lints each again on its own: findings that pointed into
// pooled scratch would have been overwritten by the drafts linted after
// them.
func TestPooledFindingsStable(t *testing.T) {
	docs := fixtureDrafts(t)
	var active []lint.Active
	for _, r := range All() {
		active = append(active, lint.Active{Rule: r, Severity: r.Meta().Severity})
	}
	kept := make([][]lint.Finding, len(docs))
	for round := 0; round < 2; round++ {
		for i, doc := range docs {
			fs, err := lint.CheckDocument(doc, active)
			if err != nil {
				t.Fatal(err)
			}
			if round == 0 {
				kept[i] = fs
			} else if !reflect.DeepEqual(fs, kept[i]) {
				t.Errorf("%s: findings changed after the other drafts were linted", doc.Path)
			}
		}
	}
	n := 0
	for _, fs := range kept {
		n += len(fs)
	}
	if n < 100 {
		t.Fatalf("only %d findings over the fixtures", n)
	}
}
