package prose_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"copydesk/lint"
	"copydesk/lint/linttest/corpus"
	"copydesk/lint/parse"
	"copydesk/rules"
	"copydesk/rules/internal/prose"
)

// TestRulesKeepNoReleasedMemory lints every rule fixture with all built-in
// rules twice, the second time with the analysis' recycled text
// overwritten on Release: the findings (messages, notes, fixes) must not
// change, that is no rule hands out a string that points into the memory
// the next draft's analysis reuses.
func TestRulesKeepNoReleasedMemory(t *testing.T) {
	paths, err := filepath.Glob("../../../testdata/rules/*/*")
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, "testdata/bench_draft.txt")
	n := keepsNoReleasedMemory(t, paths, nil)
	if n == 0 {
		t.Fatal("no findings: the fixtures were not found")
	}
	t.Logf("%d findings compared", n)
}

// TestCorpusKeepsNoReleasedMemory is TestRulesKeepNoReleasedMemory over
// the shared corpus's articles, when COPYDESK_CORPUS names it.
func TestCorpusKeepsNoReleasedMemory(t *testing.T) {
	arts := corpus.Articles(t)
	srcs := make(map[string][]byte, len(arts))
	paths := make([]string, 0, len(arts))
	for _, a := range arts {
		paths = append(paths, a.Path)
		srcs[a.Path] = a.Src
	}
	t.Logf("%d findings compared", keepsNoReleasedMemory(t, paths, srcs))
}

// keepsNoReleasedMemory lints each draft (read from srcs, else from its
// path) with and without poisoning, compares the findings and returns how
// many there were.
func keepsNoReleasedMemory(t *testing.T, paths []string, srcs map[string][]byte) int {
	var active []lint.Active
	for _, r := range rules.All() {
		active = append(active, lint.Active{Rule: r, Severity: r.Meta().Severity})
	}
	check := func(path string, src []byte) []lint.Finding {
		doc, err := parse.Parse(path, src)
		if err != nil {
			t.Fatal(err)
		}
		fs, err := lint.CheckDocument(doc, active)
		if err != nil {
			t.Fatal(err)
		}
		return fs
	}
	defer prose.SetPoisonOnRelease(false)
	n := 0
	for _, p := range paths {
		switch filepath.Ext(p) {
		case ".txt", ".md", ".html":
		default:
			continue
		}
		src, ok := srcs[p]
		if !ok {
			var err error
			if src, err = os.ReadFile(p); err != nil {
				t.Fatal(err)
			}
		}
		prose.SetPoisonOnRelease(false)
		want := check(p, src)
		prose.SetPoisonOnRelease(true)
		got := check(p, src)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: findings change when the released analysis is overwritten:\n got %+v\nwant %+v", p, got, want)
		}
		n += len(want)
	}
	return n
}

// keepingRule is a faulty rule: its message is a string of the analysis,
// kept past Release.
type keepingRule struct{}

func (keepingRule) Meta() lint.Meta { return lint.Meta{ID: "keeps-head", Severity: lint.Warning} }

func (keepingRule) Check(p *lint.Pass) error {
	a := prose.Analyze(p.Doc)
	for _, at := range a.Attributions {
		if at.Head != "" {
			p.Report(lint.Finding{Span: at.Source, Message: at.Head})
		}
	}
	return nil
}

// TestPoisonCatchesKeptStrings checks that the poisoning the test above
// relies on does show a kept string: Attribution.Head shares the recycled
// lower-cased text.
func TestPoisonCatchesKeptStrings(t *testing.T) {
	defer prose.SetPoisonOnRelease(false)
	src := []byte("Marwick bus cuts\n\nRuth Okafor said the route would close.\n")
	active := []lint.Active{{Rule: keepingRule{}, Severity: lint.Warning}}
	for _, poison := range []bool{false, true} {
		prose.SetPoisonOnRelease(poison)
		doc, err := parse.Parse("d.txt", src)
		if err != nil {
			t.Fatal(err)
		}
		fs, err := lint.CheckDocument(doc, active)
		if err != nil || len(fs) != 1 {
			t.Fatalf("poison %v: %d findings, %v", poison, len(fs), err)
		}
		if kept := fs[0].Message == "okafor"; kept == poison {
			t.Errorf("poison %v: message %q", poison, fs[0].Message)
		}
	}
}
