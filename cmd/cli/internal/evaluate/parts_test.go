package evaluate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/lint"
)

func TestSourceClass(t *testing.T) {
	tests := []struct{ source, want string }{
		{"Officials", SourceAnonymous},
		{"officials", SourceAnonymous},
		{"council officials", SourceAnonymous},
		{"a senior Marwick Council official", SourceAnonymous},
		{"People familiar with the matter", SourceAnonymous},
		{"A source close to the club", SourceAnonymous},
		{"one of his aides", SourceAnonymous},
		{"Another", SourceAnonymous},
		{"Critics", SourceAnonymous},
		{"some residents", SourceAnonymous},
		{"many Kelbridge fans", SourceAnonymous},
		{"the official", SourceAnonymous},
		{"media reports", SourceAnonymous},
		{"Two people briefed on the talks,", SourceAnonymous},
		{"officials ... who", SourceAnonymous},
		{"Ruth Okafor", SourceNamed},
		{"Council leader Ruth Okafor", SourceNamed},
		{"Okafor’s", SourceNamed},
		{"aide Tom Hale", SourceNamed},
		{"an aide, Tom Hale,", SourceNamed},
		{"A spokeswoman for Ana Ruiz", SourceNamed},
		{"a council spokesperson", SourceNamed},
		{"Police", SourceNamed},
		{"the report", SourceNamed},
		{"Kelbridge Insider", SourceNamed},
		{"a trust started by a former aide", SourceNamed},
		{"voters", SourceNamed}, // approximation: a bare collective
		{"he", SourceUnresolved},
		{"They", SourceUnresolved},
		{"which", SourceUnresolved},
		{"his", SourceUnresolved},
		{"", SourceUnresolved},
	}
	for _, tt := range tests {
		if got := SourceClass(tt.source); got != tt.want {
			t.Errorf("SourceClass(%q) = %s, want %s", tt.source, got, tt.want)
		}
	}
}

func TestOverlaps(t *testing.T) {
	item := lint.Span{Start: 10, End: 20}
	tests := []struct {
		s    lint.Span
		want bool
	}{
		{lint.Span{Start: 0, End: 10}, false},
		{lint.Span{Start: 0, End: 11}, true},
		{lint.Span{Start: 19, End: 30}, true},
		{lint.Span{Start: 20, End: 30}, false},
		{lint.Span{Start: 12, End: 14}, true},
		{lint.Span{Start: 0, End: 40}, true},
		{lint.Span{Start: 10, End: 10}, true}, // empty span inside
		{lint.Span{Start: 20, End: 20}, false},
	}
	for _, tt := range tests {
		if got := overlaps(item, tt.s); got != tt.want {
			t.Errorf("overlaps(%v, %v) = %v, want %v", item, tt.s, got, tt.want)
		}
	}
}

func TestRuneOffsets(t *testing.T) {
	ro := newRuneOffsets("Café “open” now")
	s, ok := ro.span(5, 11)
	if !ok || "Café “open” now"[s.Start:s.End] != "“open”" {
		t.Errorf("span(5, 11) = %v %v", s, ok)
	}
	if _, ok := ro.span(3, 40); ok {
		t.Error("span out of range accepted")
	}
	ascii := newRuneOffsets("plain")
	if s, ok := ascii.span(1, 3); !ok || s != (lint.Span{Start: 1, End: 3}) {
		t.Errorf("ascii span = %v %v", s, ok)
	}
}

func TestPolNeARLayout(t *testing.T) {
	drafts, err := ReadDrafts(Source{Dataset: PolNeAR, Path: filepath.Join(corpus, PolNeAR, "dev.jsonl")})
	if err != nil {
		t.Fatal(err)
	}
	if len(drafts) != 2 {
		t.Fatalf("got %d drafts, want 2", len(drafts))
	}
	want := "Marwick tram plan faces new delay; Council says costs rose\n\n" +
		"The tram scheme is said to be two years late.\n\n" +
		"Council leader Ruth Okafor said the budget would hold.\n\n" +
		"“We will not give up. We have waited ten years,” she said.\n\n" +
		"Officials said the contract was reportedly signed in May.\n\n" +
		"Questions about the depot remain.\n\n" +
		"Share this article\n\n" +
		"An aide said the vote would be close."
	if drafts[0].Source != want {
		t.Errorf("article source:\n%s\nwant:\n%s", drafts[0].Source, want)
	}
	// Sentences given out of order come back in sentence_index order, and
	// spans after a non-ASCII character are converted to bytes.
	d := drafts[1]
	if !strings.HasPrefix(d.Source, "Kelbridge stadium sale could collapse\n\nA source close") {
		t.Errorf("second article starts %q", d.Source[:60])
	}
	var got []string
	for _, it := range d.Items {
		if it.Slice == "attribution" {
			got = append(got, it.Label+":"+it.Text(&d))
		}
	}
	wantAttr := []string{
		"anonymous:A source close to the club said",
		"named:Priya Nandra, a spokeswoman for the club, said",
		"anonymous:Critics say",
	}
	if strings.Join(got, "|") != strings.Join(wantAttr, "|") {
		t.Errorf("attributions %q, want %q", got, wantAttr)
	}
}

func TestScrapinghubLayout(t *testing.T) {
	drafts, err := ReadDrafts(Source{Dataset: Scrapinghub, Path: filepath.Join(corpus, Scrapinghub, "dev.jsonl")})
	if err != nil {
		t.Fatal(err)
	}
	if len(drafts) != 3 {
		t.Fatalf("got %d drafts, want 3 (raw and newspaper of page one, raw of page two)", len(drafts))
	}
	// Page one's raw text is used as it is: its lines align.
	d := drafts[0]
	if !strings.Contains(d.Source, "\n  Share this article\n") || !strings.Contains(d.Source, "•••") {
		t.Errorf("raw text not kept: %q", d.Source)
	}
	if it := d.Items[3]; it.Text(&d) != "Share this article" || it.Label != "debris" {
		t.Errorf("item 4 = %q (%s)", it.Text(&d), it.Label)
	}
	// Page two has a labeled line missing from its text: one line per item.
	d = drafts[2]
	want := neutralHeadline + "\n\nDunmere Water fined\nThe fine was £2m, the regulator said.\nShare prices at Fenwick Rail fell 4%.\nSign up to our newsletter"
	if d.Source != want {
		t.Errorf("fallback layout:\n%q\nwant\n%q", d.Source, want)
	}
}

func TestLocate(t *testing.T) {
	dir := t.TempDir()
	// A data set in a folder with another name is recognized by content.
	data, err := os.ReadFile(filepath.Join(corpus, Emergent, "dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "headlines-copy"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "headlines-copy", "dev.jsonl"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	// A folder of other JSON lines is skipped.
	if err := os.MkdirAll(filepath.Join(dir, "other"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "other", "dev.jsonl"), []byte(`{"x": 1}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	src, err := Locate([]string{dir}, "dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(src) != 1 || src[0].Dataset != Emergent {
		t.Errorf("Locate = %+v, want the emergent copy only", src)
	}
	// The same file twice counts once; a corpus folder orders data sets.
	src, err = Locate([]string{corpus, filepath.Join(corpus, Szeged)}, "dev")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range src {
		names = append(names, s.Dataset)
	}
	if strings.Join(names, ",") != strings.Join(DatasetNames, ",") {
		t.Errorf("Locate order %v, want %v", names, DatasetNames)
	}
	// Errors: a missing path, an unknown file, no data set in a folder.
	if _, err := Locate([]string{filepath.Join(dir, "missing")}, "dev"); err == nil {
		t.Error("missing path: no error")
	}
	if _, err := Locate([]string{filepath.Join(dir, "other", "dev.jsonl")}, "dev"); err == nil || !strings.Contains(err.Error(), "not a known data set") {
		t.Errorf("unknown file: %v", err)
	}
	if _, err := Locate([]string{dir}, "heldout"); err == nil {
		t.Error("no heldout files: no error")
	}
}

func TestBadJSONNamesLine(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, Emergent, "dev.jsonl")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	body := `{"id": "e1", "headline": "Marwick fair returns", "label": "for", "claim_id": "c"}` + "\n\n{broken\n"
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := ReadDrafts(Source{Dataset: Emergent, Path: path})
	if err == nil || !strings.Contains(err.Error(), "dev.jsonl:3:") {
		t.Errorf("error %v, want one naming line 3", err)
	}
}

func TestWorstGroupsPatterns(t *testing.T) {
	c := func(key, id string, size int) candidate { return candidate{key, Example{ID: id}, size} }
	got := worst([]candidate{c("a", "1", 5), c("b", "2", 1), c("b", "3", 1), c("c", "4", 1), c("b", "5", 1), c("c", "6", 1), c("d", "7", 9)}, 3)
	if len(got) != 3 || got[0].ID != "2" || got[0].Count != 3 || got[1].ID != "4" || got[1].Count != 2 || got[2].ID != "7" {
		t.Errorf("worst = %+v", got)
	}
	if got := shorten(strings.Repeat("word ", 100)); len([]rune(got)) != ExampleWidth || !strings.HasSuffix(got, "…") {
		t.Errorf("shorten gave %d characters: %q", len([]rune(got)), got)
	}
}

// TestReadmeNamesEveryMapping keeps the README's mapping table in step with
// Mappings: every mapped rule and data set must appear in the section.
func TestReadmeNamesEveryMapping(t *testing.T) {
	data, err := os.ReadFile("../../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	start := strings.Index(text, "### Evaluation: detection quality")
	if start < 0 {
		t.Fatal("README has no Evaluation: detection quality section")
	}
	section := text[start:]
	if end := strings.Index(section[4:], "\n### "); end >= 0 {
		section = section[:end+4]
	}
	for _, m := range Mappings {
		if !strings.Contains(section, "`"+m.Rule+"`") {
			t.Errorf("README eval section does not mention rule %s", m.Rule)
		}
		if !strings.Contains(section, m.Dataset) {
			t.Errorf("README eval section does not mention data set %s", m.Dataset)
		}
		for _, l := range append(append([]string{}, m.Positive...), m.Negative...) {
			if !strings.Contains(section, l) {
				t.Errorf("README eval section does not mention label %q (%s, %s)", l, m.Dataset, m.Rule)
			}
		}
	}
}

func TestSpecLabel(t *testing.T) {
	attr := func(typ, cue, src string) polnearAttribution {
		return polnearAttribution{Type: typ, Cue: cue, Source: src}
	}
	for _, tc := range []struct {
		label string
		attrs []polnearAttribution
		want  string
	}{
		{"attribution", []polnearAttribution{attr("sourced", "argue", "critics")}, LabelWeasel},
		{"attribution", []polnearAttribution{attr("sourced", "said", "Many observers")}, LabelWeasel},
		{"attribution", []polnearAttribution{attr("sourced", "according to", "press reports")}, LabelWeasel},
		{"attribution", []polnearAttribution{attr("sourced", "is reportedly planning", "The council")}, LabelWeasel},
		{"attribution", []polnearAttribution{attr("sourced", "is expected to vote", "The board")}, LabelWeasel},
		{"attribution", []polnearAttribution{attr("sourced", "said", "Ruth Okafor")}, "attribution"},
		{"attribution", []polnearAttribution{attr("sourced", "said", "the critics of the plan")}, "attribution"},
		{"attribution", []polnearAttribution{attr("sourced", "said", "tax experts at the council")}, "attribution"},
		{"none", nil, "none"},
		{"sourceless_attribution", []polnearAttribution{attr("sourceless", "is said", "")}, "sourceless_attribution"},
	} {
		if got := specLabel(polnearRow{Label: tc.label, Attributions: tc.attrs}); got != tc.want {
			t.Errorf("specLabel(%s %+v) = %q, want %q", tc.label, tc.attrs, got, tc.want)
		}
	}
}
