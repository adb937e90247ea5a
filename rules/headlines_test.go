package rules

import (
	"errors"
	"strings"
	"testing"

	"copydesk/lint"
	"copydesk/lint/parse"
)

func lintWith(t testing.TB, r lint.Rule, path, src string) (*lint.Document, []lint.Finding) {
	t.Helper()
	doc, err := parse.Parse(path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	fs, err := lint.CheckDocument(doc, []lint.Active{{Rule: r, Severity: lint.Warning}})
	if err != nil {
		t.Fatal(err)
	}
	return doc, fs
}

// TestHeadlineScore pins the score of headlines signal by signal.
func TestHeadlineScore(t *testing.T) {
	tests := []struct {
		headline string
		score    float64
		question bool
	}{
		{"Hale Street library could close by spring, report suggests", 2, false},
		{"Hale Street library could close by spring", 1, false},
		{"Marwick fair returns in May", 0, false},
		{"May 12 vote on Marwick trams", 0, false},
		{"Hale Cross Pool May Close", 1, false},
		{"Hale Street library would close under plan", 0.5, false},
		{"Ashby Vale depot likely to shut as council poised to sell land", 1, false},
		{"Ashby Vale depot set to shut on Friday", 0, false},
		{"Man allegedly stole £40,000 from Kelbridge charity, court told", 0, false},
		{"Kelbridge treasurer allegedly took charity funds", 1, false},
		{"Fenwick Rail denies claims it hid safety reports", 0, false},
		{"Fenwick Rail claims council hid safety reports", 0.5, false},
		{"Fenwick Rail may cut Marwick services in February rumour", 2, false},
		{"Hale Street library could close, council says", 0, false},
		{"Hale Street library could close, sources say", 2, false},
		{"Is Marwick's tram plan already dead?", 2, true},
		{"Why is the Marwick tram late?", 0, false},
		{"Marwick tram plan dead?", 2, true},
		{"Will you pay £3 for a Marwick tram ticket?", 0, false},
		{"With Okafor out and Hale in, what's next for Marwick trams?", 0, false},
		{"Marwick tram is late again so what did the council do?", 0, false},
		{"Dunmere Water may have 'misled' regulator over leaks", 2, false},
		{"'Marwick Nights' returns for a second series", 0, false},
		{"Okafor says Marwick trams could run by 2027", 0, false},
		{"Sources say Marwick trams could run late", 2, false},
		{"Marwick trams could run late sources say", 2, false},
		{"Kelbridge council could not agree budget", 0, false},
		{"Fenwick Rail chief said to be quitting", 1, false},
		{"Fenwick Rail chief said to reporters he would stay", 0.5, false},
		{"Report: Marwick tram could be scrapped", 2, false},
		{"Flood insurance claims could double in Dunmere", 1, false},
		{"Kelbridge stadium could be sold: report", 2, false},
		{"Kelbridge stadium could be sold - sources", 2, false},
		{"Hale Street library could close: Marwick Gazette", 0, false},
		{"Marwick trams could reach Hale Cross, Dunmere and others", 1, false},
		{"Marwick residents not told the truth about tram costs", 0, false},
		{"Hale Street library could close, sources say | Marwick Gazette", 2, false},
		{"Hale Street library could close | Marwick Gazette", 1, false},
	}
	for _, tt := range tests {
		doc, err := parse.Parse("h.txt", []byte(tt.headline+"\n\nBody.\n"))
		if err != nil {
			t.Fatal(err)
		}
		sc := scoreHeadline(doc, defaultHedgeLexicon, DefaultHedgedHeadlineOptions())
		if sc.total != tt.score || sc.question != tt.question {
			var got []string
			for _, s := range sc.weighted {
				got = append(got, s.label)
			}
			t.Errorf("%q: score %g question %v (signals %q), want %g %v", tt.headline, sc.total, sc.question, got, tt.score, tt.question)
		}
	}
}

// TestHedgedHeadlineFix checks the suggested headline with the removable
// hedges dropped, and that the fix is never applied by --fix.
func TestHedgedHeadlineFix(t *testing.T) {
	tests := []struct {
		src, want string // want "" = no fix
	}{
		{"# Kelbridge stadium reportedly sold as board could split\n\nBody.\n", "# Kelbridge stadium sold as board could split\n\nBody.\n"},
		{"Hale Street library could close, sources say\n\nBody.\n", "Hale Street library could close\n\nBody.\n"},
		{"Report: Marwick tram could be scrapped\n\nBody.\n", "Marwick tram could be scrapped\n\nBody.\n"},
		{"Report: reportedly, trams could stop\n\nBody.\n", "Reportedly, trams could stop\n\nBody.\n"},
		{"Hale Street library could close and may move\n\nBody.\n", ""},
		{"Is Marwick's tram plan already dead?\n\nBody.\n", ""},
		{"Kelbridge man allegedly stole £40,000 as charity could fold\n\nBody.\n", ""},
		{"<h1>Kelbridge stadium <em>reportedly</em> sold, sources say</h1><p>Body.</p>\n", "<h1>Kelbridge stadium <em>reportedly</em> sold</h1><p>Body.</p>\n"},
	}
	for _, tt := range tests {
		path := "d.txt"
		if strings.HasPrefix(tt.src, "#") {
			path = "d.md"
		} else if strings.HasPrefix(tt.src, "<") {
			path = "d.html"
		}
		doc, fs := lintWith(t, NewHedgedHeadline(), path, tt.src)
		if len(fs) != 1 {
			t.Fatalf("%q: %d findings, want 1", tt.src, len(fs))
		}
		fx := fs[0].Fix
		if tt.want == "" {
			if fx != nil {
				t.Errorf("%q: unexpected fix %q", tt.src, fx.Message)
			}
			continue
		}
		if fx == nil {
			t.Errorf("%q: no fix, want %q", tt.src, tt.want)
			continue
		}
		if fx.Safe {
			t.Errorf("%q: the fix must be a suggestion (Safe=false)", tt.src)
		}
		got, _ := lint.ApplyFixes(doc.Source, fs, true)
		if string(got) != tt.want {
			t.Errorf("%q: fixed to %q, want %q", tt.src, got, tt.want)
		}
		if safe, _ := lint.ApplyFixes(doc.Source, fs, false); string(safe) != tt.src {
			t.Errorf("%q: --fix applied a suggestion", tt.src)
		}
	}
}

// TestHedgedHeadlineReport checks the message, span and related hedges.
func TestHedgedHeadlineReport(t *testing.T) {
	doc, fs := lintWith(t, NewHedgedHeadline(), "d.md", "# Ashby Vale depot may shut as council reportedly poised to sell land\n\nBody.\n")
	if len(fs) != 1 {
		t.Fatalf("%d findings, want 1", len(fs))
	}
	f := fs[0]
	if got := doc.Slice(f.Span); got != "may" {
		t.Errorf("span %q, want \"may\"", got)
	}
	want := `Headline hedges with "may": can it state what is known, or say who says so?`
	if f.Message != want {
		t.Errorf("message %q, want %q", f.Message, want)
	}
	var rel []string
	for _, r := range f.Related {
		rel = append(rel, doc.Slice(r.Span))
	}
	if strings.Join(rel, "|") != "reportedly|poised to" {
		t.Errorf("related %q, want reportedly, poised to", rel)
	}
	if f.Start.Line != 1 || f.Start.Column != 20 {
		t.Errorf("position %d:%d, want 1:20", f.Start.Line, f.Start.Column)
	}

	_, fs = lintWith(t, NewHedgedHeadline(), "d.md", "# Council 'cover-up' could cost Dunmere millions\n\nBody.\n")
	if len(fs) != 1 || fs[0].Message != "Scare quotes around 'cover-up' with no speaker: whose word is it?" {
		t.Errorf("scare quotes: got %+v", fs)
	}
}

func decodeInto(fill func(o any)) func(v any) error {
	return func(v any) error { fill(v); return nil }
}

// TestHedgedHeadlineOptions checks Configure: defaults, overrides, extra
// cues and bad values.
func TestHedgedHeadlineOptions(t *testing.T) {
	src := "Hale Street library tipped to close\n\nBody.\n"
	r, err := NewHedgedHeadline().Configure(decodeInto(func(v any) {
		o := v.(*HedgedHeadlineOptions)
		o.MinScore = 1
		o.Hedges = map[string]float64{"Tipped to": 1}
	}))
	if err != nil {
		t.Fatal(err)
	}
	if _, fs := lintWith(t, r, "d.txt", src); len(fs) != 1 {
		t.Errorf("extra cue at min-score 1: %d findings, want 1", len(fs))
	}
	if _, fs := lintWith(t, NewHedgedHeadline(), "d.txt", src); len(fs) != 0 {
		t.Errorf("defaults: %d findings, want 0", len(fs))
	}
	// The receiver is unchanged by Configure.
	if _, fs := lintWith(t, NewHedgedHeadline(), "d.txt", "Why is the Marwick tram late?\n\nBody.\n"); len(fs) != 0 {
		t.Errorf("wh-question with defaults fired")
	}
	wh, err := NewHedgedHeadline().Configure(decodeInto(func(v any) { v.(*HedgedHeadlineOptions).WhQuestions = true }))
	if err != nil {
		t.Fatal(err)
	}
	if _, fs := lintWith(t, wh, "d.txt", "Why is the Marwick tram late?\n\nBody.\n"); len(fs) != 1 {
		t.Errorf("wh-questions = true: %d findings, want 1", len(fs))
	}
	off, err := NewHedgedHeadline().Configure(decodeInto(func(v any) {
		v.(*HedgedHeadlineOptions).Hedges = map[string]float64{"could": 0}
	}))
	if err != nil {
		t.Fatal(err)
	}
	if _, fs := lintWith(t, off, "d.txt", "Hale Street library could close, sources say\n\nBody.\n"); len(fs) != 0 {
		t.Errorf("could = 0: %d findings, want 0", len(fs))
	}

	bad := []func(o *HedgedHeadlineOptions){
		func(o *HedgedHeadlineOptions) { o.MinScore = 0 },
		func(o *HedgedHeadlineOptions) { o.MaxScareWords = -1 },
		func(o *HedgedHeadlineOptions) { o.Hedges = map[string]float64{"tipped to": -1} },
		func(o *HedgedHeadlineOptions) { o.Hedges = map[string]float64{" ": 1} },
		func(o *HedgedHeadlineOptions) { o.Hedges = map[string]float64{"tipped (to)": 1} },
	}
	for i, b := range bad {
		if _, err := NewHedgedHeadline().Configure(decodeInto(func(v any) { b(v.(*HedgedHeadlineOptions)) })); err == nil {
			t.Errorf("bad options %d: no error", i)
		}
	}
	sentinel := errors.New("unknown key")
	if _, err := NewHedgedHeadline().Configure(func(any) error { return sentinel }); !errors.Is(err, sentinel) {
		t.Errorf("decode error not wrapped: %v", err)
	}
}

// TestHeadlineOverstatesOptions checks Configure and the effect of each option.
func TestHeadlineOverstatesOptions(t *testing.T) {
	src := "Dunmere Water hid leak figures from regulator\n\nTwo people familiar with the inquiry said Dunmere Water hid leak figures from the regulator.\n"
	if _, fs := lintWith(t, NewHeadlineOverstates(), "d.txt", src); len(fs) != 1 {
		t.Fatalf("defaults: %d findings, want 1", len(fs))
	}
	r, err := NewHeadlineOverstates().Configure(decodeInto(func(v any) { v.(*HeadlineOverstatesOptions).AnonymousIsHedge = false }))
	if err != nil {
		t.Fatal(err)
	}
	if _, fs := lintWith(t, r, "d.txt", src); len(fs) != 0 {
		t.Errorf("anonymous-is-hedge = false: %d findings, want 0", len(fs))
	}
	strict, err := NewHeadlineOverstates().Configure(decodeInto(func(v any) { v.(*HeadlineOverstatesOptions).MinSharedWords = 7 }))
	if err != nil {
		t.Fatal(err)
	}
	if _, fs := lintWith(t, strict, "d.txt", src); len(fs) != 0 {
		t.Errorf("min-shared-words = 7: %d findings, want 0", len(fs))
	}
	for i, b := range []func(o *HeadlineOverstatesOptions){
		func(o *HeadlineOverstatesOptions) { o.MinOverlap = 0 },
		func(o *HeadlineOverstatesOptions) { o.MinOverlap = 1.5 },
		func(o *HeadlineOverstatesOptions) { o.MinSharedWords = 0 },
	} {
		if _, err := NewHeadlineOverstates().Configure(decodeInto(func(v any) { b(v.(*HeadlineOverstatesOptions)) })); err == nil {
			t.Errorf("bad options %d: no error", i)
		}
	}
}

// TestHeadlineOverstatesReport checks message and related sentences.
func TestHeadlineOverstatesReport(t *testing.T) {
	src := "# Hale Street library to close in June\n\nThe council met on Monday.\n\nHale Street library may close in June if the budget is cut.\n"
	doc, fs := lintWith(t, NewHeadlineOverstates(), "d.md", src)
	if len(fs) != 1 {
		t.Fatalf("%d findings, want 1", len(fs))
	}
	f := fs[0]
	want := `Headline states as fact what the body only hedges ("may", para 2): can the story stand it up, or should the headline carry the caveat?`
	if f.Message != want {
		t.Errorf("message %q, want %q", f.Message, want)
	}
	if doc.Slice(f.Span) != "Hale Street library to close in June" || f.Fix != nil {
		t.Errorf("span %q fix %v", doc.Slice(f.Span), f.Fix)
	}
	if len(f.Related) != 1 || doc.Slice(f.Related[0].Span) != "Hale Street library may close in June if the budget is cut." {
		t.Errorf("related %+v", f.Related)
	}
}

// TestClaimStem pins the light stemmer: inflections meet, stop words go.
func TestClaimStem(t *testing.T) {
	same := [][]string{
		{"close", "closes", "closed", "closing"},
		{"resign", "resigns", "resigned"},
		{"hide", "hid", "hidden"},
		{"sell", "sold"},
		{"company", "companies", "company's"},
		{"stop", "stopped", "stopping"},
		{"12m", "£12m"},
	}
	for _, group := range same {
		base := claimStem(group[0])
		for _, w := range group[1:] {
			if got := claimStem(w); got != base {
				t.Errorf("claimStem(%q) = %q, want %q (as %q)", w, got, base, group[0])
			}
		}
	}
	for _, w := range []string{"the", "says", "after", "new", "will"} {
		if got := claimStem(w); got != "" {
			t.Errorf("claimStem(%q) = %q, want stop word", w, got)
		}
	}
}

// benchDraft is a fictional ~800-word draft with a hedged headline and a
// body that hedges the same claim.
var benchDraft = func() string {
	var b strings.Builder
	b.WriteString("Kelbridge stadium sold for £12m to Ashby Vale investors\n\n")
	paras := []string{
		"Kelbridge stadium has reportedly been sold for £12m to a group of Ashby Vale investors, people familiar with the talks said on Monday.",
		"The club's board met for six hours on Sunday, and Ruth Okafor, the chair, declined to comment when asked about the sale.",
		"\"We have always said the ground belongs to the town,\" said Tom Hale, who has run the supporters' trust for eleven years. \"Nothing has changed that.\"",
		"Officials at Kelbridge council said they had not been told of any sale, and a council spokesperson said planning rules would apply to any new owner.",
		"The stadium could be rebuilt with 8,000 seats if the investors secure a loan, according to a document seen by the Marwick Gazette.",
		"Fans queued outside the ground on Saturday for tickets to the last match of the season, many of them wearing scarves from the 1970s.",
		"Priya Nandra, an engineer who surveyed the stands in 2023, said the roof would need repairs within five years whatever happened.",
	}
	for b.Len() < 5200 {
		for _, p := range paras {
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}()

// benchRule runs a rule over one parsed draft: the rule's own cost, the
// parser's left out (see BenchmarkHeadlineParseBaseline).
func benchRule(b *testing.B, r lint.Rule, src []byte) {
	doc, err := parse.Parse("bench.txt", src)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	sink := func(lint.Finding) { n++ }
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if err := r.Check(lint.NewPass(doc, r.Meta().ID, lint.Warning, sink)); err != nil {
			b.Fatal(err)
		}
	}
	if n == 0 {
		b.Fatal("the rule found nothing in the benchmark draft")
	}
}

func BenchmarkHedgedHeadline(b *testing.B) {
	benchRule(b, NewHedgedHeadline(), []byte("Kelbridge stadium could be sold for £12m, sources say"+benchDraft[strings.IndexByte(benchDraft, '\n'):]))
}

func BenchmarkHeadlineOverstates(b *testing.B) {
	benchRule(b, NewHeadlineOverstates(), []byte(benchDraft))
}

func BenchmarkHeadlineParseBaseline(b *testing.B) {
	src := []byte(benchDraft)
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := parse.Parse("bench.txt", src); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzHeadlineRules runs both rules over arbitrary drafts in every format:
// no panic, every span inside the text.
func FuzzHeadlineRules(f *testing.F) {
	f.Add("Hale Street library could close, sources say\n\nHale Street library may close in June.\n", ".txt")
	f.Add("# Is 'it' May?\n\n\"Could\" it, said Okafor.\n", ".md")
	f.Add("<title>Report: 'x' could</title><p>x could y z</p>", ".html")
	f.Add("'''\"\"“”‘’: , ? ; — – -\n\n", ".txt")
	rs := []lint.Rule{NewHedgedHeadline(), NewHeadlineOverstates()}
	f.Fuzz(func(t *testing.T, src, ext string) {
		if ext != ".txt" && ext != ".md" && ext != ".html" {
			ext = ".txt"
		}
		doc, err := parse.Parse("f"+ext, []byte(src))
		if err != nil {
			return
		}
		for _, r := range rs {
			fs, err := lint.CheckDocument(doc, []lint.Active{{Rule: r, Severity: lint.Warning}})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range fs {
				if f.Span.Start < 0 || f.Span.End > len(doc.Text) || f.Span.Start > f.Span.End {
					t.Fatalf("span %v outside text of %d bytes", f.Span, len(doc.Text))
				}
			}
		}
	})
}
