package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/lint"
	"copydesk/lint/linttest"
	"copydesk/lint/parse"
	"copydesk/rules"
)

func debrisRules() []lint.Active {
	return []lint.Active{
		{Rule: rules.NewScrapeDebris(), Severity: lint.Error},
		{Rule: rules.NewMojibake(), Severity: lint.Error},
		{Rule: rules.NewGluedWords(), Severity: lint.Info},
	}
}

// TestDebrisFixesKeepStory applies every safe fix of the three debris rules
// to each of their fixtures, round after round, and checks that every
// sentence no finding touched is still in the fixed draft, word for word.
func TestDebrisFixesKeepStory(t *testing.T) {
	check := func(path string, src []byte) (*lint.Document, []lint.Finding, error) {
		doc, err := parse.Parse(path, src)
		if err != nil {
			return nil, nil, err
		}
		fs, err := lint.CheckDocument(doc, debrisRules())
		return doc, fs, err
	}
	for _, id := range []string{"scrape-debris", "mojibake", "glued-words"} {
		paths, _ := filepath.Glob(filepath.Join("../testdata/rules", id, "*"))
		for _, path := range paths {
			switch filepath.Ext(path) {
			case ".txt", ".md", ".html":
			default:
				continue
			}
			t.Run(id+"/"+filepath.Base(path), func(t *testing.T) {
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				fx, err := linttest.ParseFixture(path, data)
				if err != nil {
					t.Fatal(err)
				}
				lost, ok, err := fixKeepsStory(path, fx.Source, check)
				if err != nil || !ok {
					t.Fatalf("fixes did not converge: %v", err)
				}
				for _, sent := range lost {
					t.Errorf("sentence lost by the fixes: %q", sent)
				}
			})
		}
	}
}

// fixKeepsStory applies safe fixes round by round (as --fix does) and
// returns the sentences that a round removed although no finding of that
// round touched them, and whether the rounds converged.
func fixKeepsStory(path string, src []byte, check linttest.Linter) (lost []string, converged bool, err error) {
	for round := 0; round < 10; round++ {
		doc, findings, err := check(path, src)
		if err != nil {
			return lost, false, err
		}
		out, applied := lint.ApplyFixes(src, findings, false)
		anyApplied := false
		for _, a := range applied {
			anyApplied = anyApplied || a
		}
		if !anyApplied || string(out) == string(src) {
			return lost, true, nil
		}
		after, err := parse.Parse(path, out)
		if err != nil {
			return lost, false, err
		}
		for _, blk := range doc.Blocks {
			for _, s := range blk.Sentences {
				touched := false
				for _, f := range findings {
					if f.Span.Start < s.End && s.Start < f.Span.End {
						touched = true
						break
					}
				}
				sent := strings.TrimSpace(doc.Slice(s))
				if !touched && sent != "" && !strings.Contains(after.Text, sent) {
					lost = append(lost, sent)
				}
			}
		}
		src = out
	}
	return lost, false, nil
}

// TestDebrisOptions checks option decoding and that options change
// behavior: extra and keep phrases, wire credits, duplicates, allow list.
func TestDebrisOptions(t *testing.T) {
	run := func(r lint.Rule, src string) []lint.Finding {
		t.Helper()
		doc, err := parse.Parse("draft.txt", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		fs, err := lint.CheckDocument(doc, []lint.Active{{Rule: r, Severity: r.Meta().Severity}})
		if err != nil {
			t.Fatal(err)
		}
		return fs
	}
	configure := func(r lint.Configurable, set func(v any)) lint.Rule {
		t.Helper()
		out, err := r.Configure(func(v any) error { set(v); return nil })
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	const wire = "Fenwick Rail shares fall\n\nShares fell 4% on Tuesday.\n\n(Reporting by Tom Hale; Editing by Priya Nandra)\n"
	const house = "Fenwick Rail shares fall\n\nShares fell 4% on Tuesday.\n\nDownload the Gazette app\n"
	const keep = "Fenwick Rail shares fall\n\nShares fell 4% on Tuesday.\n\nShare this article\n"
	const glued = "Fenwick Rail shares fall\n\nThe new tramLink app was launched by the firm on Tuesday.\n"
	tests := []struct {
		name string
		rule lint.Rule
		src  string
		want int
	}{
		{"wire kept by default", rules.NewScrapeDebris(), wire, 0},
		{"wire flagged", configure(rules.NewScrapeDebris(), func(v any) { v.(*rules.ScrapeDebrisOptions).WireCredits = "flag" }), wire, 1},
		{"house phrase silent by default", rules.NewScrapeDebris(), house, 0},
		{"extra phrase", configure(rules.NewScrapeDebris(), func(v any) {
			v.(*rules.ScrapeDebrisOptions).ExtraPhrases = []string{"Download the Gazette app"}
		}), house, 1},
		{"share prompt by default", rules.NewScrapeDebris(), keep, 1},
		{"keep phrase", configure(rules.NewScrapeDebris(), func(v any) {
			v.(*rules.ScrapeDebrisOptions).KeepPhrases = []string{"share this article"}
		}), keep, 0},
		{"glued by default", rules.NewGluedWords(), glued, 1},
		{"allowed brand", configure(rules.NewGluedWords(), func(v any) { v.(*rules.GluedWordsOptions).Allow = []string{"tramLink"} }), glued, 0},
	}
	for _, tt := range tests {
		if got := len(run(tt.rule, tt.src)); got != tt.want {
			t.Errorf("%s: %d findings, want %d", tt.name, got, tt.want)
		}
	}
	bad := []struct {
		name string
		r    lint.Configurable
		set  func(v any)
	}{
		{"wire-credits", rules.NewScrapeDebris(), func(v any) { v.(*rules.ScrapeDebrisOptions).WireCredits = "drop" }},
		{"min-duplicate-words", rules.NewScrapeDebris(), func(v any) { v.(*rules.ScrapeDebrisOptions).MinDuplicateWords = 0 }},
		{"max-layers", rules.NewMojibake(), func(v any) { v.(*rules.MojibakeOptions).MaxLayers = 0 }},
		{"empty allow", rules.NewGluedWords(), func(v any) { v.(*rules.GluedWordsOptions).Allow = []string{" "} }},
	}
	for _, tt := range bad {
		if _, err := tt.r.Configure(func(v any) error { tt.set(v); return nil }); err == nil {
			t.Errorf("%s: bad option accepted", tt.name)
		}
	}
}

// benchDraft is a fictional ~800-word draft with a little debris.
func benchDraft() []byte {
	var b strings.Builder
	b.WriteString("Marwick council approves tram plan after long debate\n\n")
	paras := []string{
		"Marwick council has approved the tram plan by 31 votes to 12 after a debate that lasted more than six hours on Tuesday night.",
		"Council leader Ruth Okafor said the first trams would run between Marwick and Hale Cross in 2027, and that the line would carry 20,000 passengers a day.",
		"Opposition council members said the cost, put at £410m, had risen by a third since the scheme was first proposed, and asked who would pay if it rose again.",
		"Share this article",
		"The video referee at Kelbridge stadium, a familiar figure to fans, was among those who spoke in support of the plan at the public meeting.",
		"Residents in Ashby Vale, where the depot will be built, have collected 2,000 signatures against it, said campaign leader Tom Hale.",
		"Advertisement",
		"The club's newsletter said supporters would benefit from a stop outside the ground, which is expected to open in the second phase.",
		"Fenwick Rail, which runs the existing bus network, said it would bid to operate the trams and would keep its drivers on the same terms.",
	}
	for b.Len() < 5200 {
		for _, p := range paras {
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	}
	b.WriteString("Itâ€™s the biggest project in the cafÃ© quarter since 1990, said Priya Nandra.\n")
	return []byte(b.String())
}

func benchRule(b *testing.B, r lint.Rule) {
	src := benchDraft()
	doc, err := parse.Parse("draft.txt", src)
	if err != nil {
		b.Fatal(err)
	}
	id := r.Meta().ID
	var n int
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	cpu0 := processCPU()
	for i := 0; i < b.N; i++ {
		pass := lint.NewPass(doc, id, lint.Error, func(lint.Finding) { n++ })
		if err := r.Check(pass); err != nil {
			b.Fatal(err)
		}
	}
	// Throughput per CPU second: wall-clock MB/s is meaningless on a
	// machine shared with other jobs.
	if cpu := processCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(len(src))*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
	if n == 0 && id != "glued-words" {
		b.Fatal("no findings")
	}
}

func BenchmarkScrapeDebris(b *testing.B) { benchRule(b, rules.NewScrapeDebris()) }
func BenchmarkMojibake(b *testing.B)     { benchRule(b, rules.NewMojibake()) }
func BenchmarkGluedWords(b *testing.B)   { benchRule(b, rules.NewGluedWords()) }
