package evaluate

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"copydesk/lint"
)

var update = flag.Bool("update", false, "rewrite golden files")

const corpus = "../../../../testdata/eval"

// fakeRule is a test-only rule with a real rule ID: it reports every match
// of re in the text it looks at.
type fakeRule struct {
	id       string
	re       *regexp.Regexp
	headline bool // look at the headline instead of the body
	related  bool // one finding at the first match, the others Related
}

func (r fakeRule) Meta() lint.Meta {
	return lint.Meta{ID: r.id, Summary: "test rule", Doc: "Test rule.", Severity: lint.Warning, Default: true}
}

func (r fakeRule) Check(p *lint.Pass) error {
	doc := p.Doc
	var spans []lint.Span
	for i, b := range doc.Blocks {
		if (i == doc.HeadlineBlock) != r.headline {
			continue
		}
		text := doc.Slice(b.Span)
		for _, m := range r.re.FindAllStringIndex(text, -1) {
			spans = append(spans, lint.Span{Start: b.Span.Start + m[0], End: b.Span.Start + m[1]})
		}
	}
	if r.related && len(spans) > 0 {
		f := lint.Finding{Span: spans[0], Message: "anonymous stack"}
		for _, s := range spans[1:] {
			f.Related = append(f.Related, lint.Related{Span: s, Message: "also anonymous"})
		}
		p.Report(f)
		return nil
	}
	for _, s := range spans {
		p.Reportf(s, "flagged %q", doc.Slice(s))
	}
	return nil
}

func testRegistry(t *testing.T, skip ...string) *lint.Registry {
	t.Helper()
	all := []lint.Rule{
		fakeRule{id: "unattributed-claim", re: regexp.MustCompile(`is said to|is believed|reportedly`)},
		fakeRule{id: "anonymous-sourcing", re: regexp.MustCompile(`Officials|An aide|A source`), related: true},
		fakeRule{id: "hedged-headline", re: regexp.MustCompile(`could|\?$`), headline: true},
		fakeRule{id: "headline-overstates", re: regexp.MustCompile(`^never matches$`), headline: true},
		fakeRule{id: "scrape-debris", re: regexp.MustCompile(`(?m)^\s*(Share|Advertisement|Read more).*$`)},
		fakeRule{id: "glued-words", re: regexp.MustCompile(`[a-z]{3,}[A-Z][a-z]{2,}`)},
	}
	var rules []lint.Rule
outer:
	for _, r := range all {
		for _, s := range skip {
			if r.Meta().ID == s {
				continue outer
			}
		}
		rules = append(rules, r)
	}
	reg, err := lint.NewRegistry(rules...)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

func evaluateTestdata(t *testing.T, reg *lint.Registry, opt Options) *Report {
	t.Helper()
	src, err := Locate([]string{corpus}, "dev")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Evaluate(reg, src, opt)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestCounts(t *testing.T) {
	rep := evaluateTestdata(t, testRegistry(t), Options{Workers: 3})
	type counts struct{ tp, fp, fn, tn int }
	want := map[string]counts{
		"polnear-attribution/sentence/unattributed-claim":           {2, 1, 1, 10},
		"polnear-attribution/sentence-spec/unattributed-claim":      {2, 1, 2, 9},
		"polnear-attribution/attribution/anonymous-sourcing":        {3, 0, 1, 2},
		"polnear-attribution/discard/scrape-debris":                 {1, 1, 0, 12},
		"szeged-wiki-uncertainty/sentence/unattributed-claim":       {1, 1, 1, 2},
		"emergent-headlines/headline/hedged-headline":               {2, 1, 1, 2},
		"emergent-headlines/headline/headline-overstates":           {0, 0, 2, 4},
		"scrapinghub-boilerplate/raw/scrape-debris":                 {3, 1, 2, 2},
		"scrapinghub-boilerplate/raw/glued-words":                   {1, 0, 0, 3},
		"scrapinghub-boilerplate/extracted.newspaper/scrape-debris": {0, 0, 0, 2},
		"scrapinghub-boilerplate/extracted.newspaper/glued-words":   {0, 0, 0, 2},
	}
	got := map[string]counts{}
	for _, r := range rep.Rows {
		got[r.Dataset+"/"+r.Slice+"/"+r.Rule] = counts{r.TP, r.FP, r.FN, r.TN}
	}
	for k, w := range want {
		if g, ok := got[k]; !ok {
			t.Errorf("%s: no row", k)
		} else if g != w {
			t.Errorf("%s: got tp/fp/fn/tn %v, want %v", k, g, w)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected row %s", k)
		}
	}
	for _, d := range rep.Datasets {
		if d.Errors != 0 {
			t.Errorf("%s: %d errors: %s", d.Dataset, d.Errors, d.FirstError)
		}
	}
}

func TestRelatedSpansCount(t *testing.T) {
	maps := make([]Mapping, 0, 1)
	for _, m := range Mappings {
		if m.Rule == "anonymous-sourcing" {
			m.Related = false
			maps = append(maps, m)
		}
	}
	rep := evaluateTestdata(t, testRegistry(t), Options{Mappings: maps})
	if len(rep.Rows) != 1 {
		t.Fatalf("got %d rows, want 1", len(rep.Rows))
	}
	// Without Related spans, "An aide" (reported only as Related) is a miss.
	if r := rep.Rows[0]; r.TP != 2 || r.FN != 2 {
		t.Errorf("got tp %d fn %d, want 2 and 2", r.TP, r.FN)
	}
}

func TestRuleFilterAndMissingRules(t *testing.T) {
	rep := evaluateTestdata(t, testRegistry(t, "glued-words"), Options{})
	if strings.Join(rep.MissingRules, ",") != "glued-words" {
		t.Errorf("missing rules %v, want [glued-words]", rep.MissingRules)
	}
	rep = evaluateTestdata(t, testRegistry(t), Options{Rules: []string{"hedged-headline"}})
	if len(rep.Rows) != 1 || rep.Rows[0].Rule != "hedged-headline" {
		t.Errorf("rows %+v, want only hedged-headline", rep.Rows)
	}
	if len(rep.MissingRules) != 0 {
		t.Errorf("missing rules %v, want none", rep.MissingRules)
	}
}

func TestMetrics(t *testing.T) {
	rep := evaluateTestdata(t, testRegistry(t), Options{})
	for _, r := range rep.Rows {
		if r.Rule == "headline-overstates" {
			if r.Precision != nil || r.F1 != nil || r.Recall == nil || *r.Recall != 0 {
				t.Errorf("headline-overstates: precision %v recall %v f1 %v, want nil, 0, nil", r.Precision, r.Recall, r.F1)
			}
		}
		if r.Dataset == Emergent && r.Rule == "hedged-headline" {
			if *r.Precision != 0.6667 || *r.Recall != 0.6667 || *r.F1 != 0.6667 {
				t.Errorf("hedged-headline: %v %v %v, want 0.6667 each", *r.Precision, *r.Recall, *r.F1)
			}
		}
	}
}

// TestDeterministic runs with different worker counts and compares output.
func TestDeterministic(t *testing.T) {
	var outs []string
	for _, w := range []int{1, 4} {
		rep := evaluateTestdata(t, testRegistry(t), Options{Workers: w, Examples: 5})
		var b bytes.Buffer
		if err := WriteJSON(&b, rep); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, b.String())
	}
	if outs[0] != outs[1] {
		t.Error("output differs between 1 and 4 workers")
	}
}

func TestGolden(t *testing.T) {
	rep := evaluateTestdata(t, testRegistry(t), Options{Examples: 2})
	for _, tc := range []struct {
		file  string
		write func(*bytes.Buffer, *Report) error
	}{
		{"eval.txt.golden", func(b *bytes.Buffer, r *Report) error { return WriteText(b, r) }},
		{"eval.json.golden", func(b *bytes.Buffer, r *Report) error { return WriteJSON(b, r) }},
	} {
		var b bytes.Buffer
		if err := tc.write(&b, rep); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(corpus, tc.file)
		if *update {
			if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update)", err)
		}
		if !bytes.Equal(want, b.Bytes()) {
			t.Errorf("%s differs; got:\n%s", tc.file, b.String())
		}
	}
}
