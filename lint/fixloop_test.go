package lint_test

import (
	"errors"
	"strings"
	"testing"

	"copydesk/lint"
)

// replaceRule reports every non-overlapping occurrence of Old in the text,
// with a fix replacing it by New.
type replaceRule struct {
	ID, Old, New string
	Safe         bool
}

func (r replaceRule) Meta() lint.Meta {
	return lint.Meta{ID: r.ID, Summary: "test rule", Doc: "test rule", Severity: lint.Warning, Default: true, Fixable: true}
}

func (r replaceRule) Check(p *lint.Pass) error {
	text := p.Doc.Text
	for off := 0; ; {
		i := strings.Index(text[off:], r.Old)
		if i < 0 {
			return nil
		}
		s := lint.Span{Start: off + i, End: off + i + len(r.Old)}
		p.Report(lint.Finding{Span: s, Message: "found " + r.Old, Fix: &lint.Fix{
			Message: "Replace " + r.Old, Safe: r.Safe, Edits: []lint.Edit{{Span: s, New: r.New}},
		}})
		off = s.End
	}
}

// failRule always fails.
type failRule struct{}

func (failRule) Meta() lint.Meta {
	return lint.Meta{ID: "fail", Summary: "fails", Doc: "fails", Severity: lint.Error}
}
func (failRule) Check(*lint.Pass) error { return errors.New("broken") }

// plainCheck lints src as one plain paragraph with rules.
func plainCheck(rules ...lint.Rule) func([]byte) ([]lint.Finding, error) {
	return func(src []byte) ([]lint.Finding, error) {
		b := lint.NewBuilder("draft.txt", lint.Plain, src)
		b.OpenBlock(lint.Paragraph, "p")
		b.Verbatim(0, len(src))
		doc := b.Finish()
		var active []lint.Active
		for _, r := range rules {
			active = append(active, lint.Active{Rule: r, Severity: r.Meta().Severity})
		}
		return lint.CheckDocument(doc, active)
	}
}

type applied struct {
	Rule        string
	Round       int
	Line, Col   int
	OrigFlagged string
}

func TestFixUntilStable(t *testing.T) {
	deleteVery := replaceRule{ID: "delete-very", Old: "very ", New: "", Safe: true}
	squeeze := replaceRule{ID: "squeeze", Old: "  ", New: " ", Safe: true}
	perCent := replaceRule{ID: "per-cent", Old: "per cent", New: "percent", Safe: true}
	cent := replaceRule{ID: "cent", Old: "cent", New: "c", Safe: true}
	suggest := replaceRule{ID: "suggest", Old: "is said to", New: "has", Safe: false}
	noop := replaceRule{ID: "noop", Old: "Marwick", New: "Marwick", Safe: true}

	for _, tc := range []struct {
		name      string
		src       string
		rules     []lint.Rule
		unsafe    bool
		want      string
		applied   []applied
		remaining []string // rules of the remaining findings
	}{
		{
			name:  "nothing to fix",
			src:   "Marwick council met.\n",
			rules: []lint.Rule{deleteVery},
			want:  "Marwick council met.\n",
		},
		{
			name:  "one round",
			src:   "A very big\nand very very late budget.\n",
			rules: []lint.Rule{deleteVery},
			want:  "A big\nand late budget.\n",
			applied: []applied{
				{"delete-very", 1, 1, 3, "very "},
				{"delete-very", 1, 2, 5, "very "},
				{"delete-very", 1, 2, 10, "very "},
			},
		},
		{
			// Four spaces: two fixes in round 1 leave two spaces, fixed in
			// round 2; its position maps back into the original.
			name:  "two rounds",
			src:   "Tom Hale\nspoke    at last.\n",
			rules: []lint.Rule{squeeze},
			want:  "Tom Hale\nspoke at last.\n",
			applied: []applied{
				{"squeeze", 1, 2, 6, "  "},
				{"squeeze", 1, 2, 8, "  "},
				{"squeeze", 2, 2, 6, "    "}, // spans the text both round-1 edits left
			},
		},
		{
			// per-cent and cent overlap: the earlier fix wins, the other
			// waits; in round 2 "percent" still contains "cent".
			name:  "overlapping fixes wait",
			src:   "Up 5 per cent.\n",
			rules: []lint.Rule{cent, perCent},
			want:  "Up 5 perc.\n",
			applied: []applied{
				{"per-cent", 1, 1, 6, "per cent"},
				{"cent", 2, 1, 6, "per cent"}, // "cent" in round 2 lies in text round 1 inserted
			},
		},
		{
			name:      "suggestions are not applied",
			src:       "The mayor is said to be leaving very soon.\n",
			rules:     []lint.Rule{suggest, deleteVery},
			want:      "The mayor is said to be leaving soon.\n",
			applied:   []applied{{"delete-very", 1, 1, 33, "very "}},
			remaining: []string{"suggest"},
		},
		{
			name:    "unsafe applies suggestions",
			src:     "The mayor is said to be leaving.\n",
			rules:   []lint.Rule{suggest},
			unsafe:  true,
			want:    "The mayor has be leaving.\n",
			applied: []applied{{"suggest", 1, 1, 11, "is said to"}},
		},
		{
			name:      "a fix that changes nothing stops the loop",
			src:       "Marwick council.\n",
			rules:     []lint.Rule{noop},
			want:      "Marwick council.\n",
			remaining: []string{"noop"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(tc.src)
			fixed, got, remaining, err := lint.FixUntilStable(src, plainCheck(tc.rules...), tc.unsafe, 10)
			if err != nil {
				t.Fatal(err)
			}
			if string(fixed) != tc.want {
				t.Errorf("fixed = %q, want %q", fixed, tc.want)
			}
			if string(src) != tc.src {
				t.Errorf("input modified: %q", src)
			}
			var gotA []applied
			for _, a := range got {
				gotA = append(gotA, applied{a.Finding.Rule, a.Round, a.Start.Line, a.Start.Column, tc.src[a.Orig.Start:a.Orig.End]})
			}
			if len(gotA) != len(tc.applied) {
				t.Fatalf("applied = %+v\nwant %+v", gotA, tc.applied)
			}
			for i := range gotA {
				if gotA[i] != tc.applied[i] {
					t.Errorf("applied[%d] = %+v, want %+v", i, gotA[i], tc.applied[i])
				}
			}
			var rem []string
			for _, f := range remaining {
				rem = append(rem, f.Rule)
			}
			if strings.Join(rem, ",") != strings.Join(tc.remaining, ",") {
				t.Errorf("remaining = %v, want %v", rem, tc.remaining)
			}
			// Idempotence: fixing the fixed draft changes nothing.
			again, more, _, err := lint.FixUntilStable(fixed, plainCheck(tc.rules...), tc.unsafe, 10)
			if err != nil || string(again) != string(fixed) || len(more) != 0 {
				t.Errorf("second fix: %q, %d applied, %v", again, len(more), err)
			}
		})
	}
}

func TestFixUntilStableNoConvergence(t *testing.T) {
	grow := replaceRule{ID: "grow", Old: "ab", New: "aab", Safe: true} // re-creates its own match
	toColor := replaceRule{ID: "to-color", Old: "colour", New: "color", Safe: true}
	toColour := replaceRule{ID: "to-colour", Old: "color", New: "colour", Safe: true}
	for _, tc := range []struct {
		name  string
		src   string
		rules []lint.Rule
		msg   string
	}{
		{"fix re-creates its match", "ab\n", []lint.Rule{grow}, "after 3 rounds (still fixing: grow)"},
		{"two rules undo each other", "The colour red.\n", []lint.Rule{toColor, toColour}, "undoes an earlier round"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(tc.src)
			fixed, applied, remaining, err := lint.FixUntilStable(src, plainCheck(tc.rules...), false, 3)
			if !errors.Is(err, lint.ErrNoConvergence) {
				t.Fatalf("err = %v, want ErrNoConvergence", err)
			}
			if !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("err = %q, want it to contain %q", err, tc.msg)
			}
			if string(fixed) != tc.src || applied != nil {
				t.Errorf("on no convergence got fixed=%q applied=%v, want the original and nothing", fixed, applied)
			}
			if len(remaining) == 0 {
				t.Error("want the last round's findings")
			}
		})
	}
}

func TestFixUntilStableCheckError(t *testing.T) {
	src := []byte("A very late budget.\n")
	fixed, _, _, err := lint.FixUntilStable(src, plainCheck(replaceRule{ID: "delete-very", Old: "very ", Safe: true}, failRule{}), false, 0)
	if err == nil || !strings.Contains(err.Error(), "fix round 1") || !strings.Contains(err.Error(), "broken") {
		t.Errorf("err = %v", err)
	}
	if string(fixed) != string(src) {
		t.Errorf("fixed = %q, want the original", fixed)
	}
}

func TestLostText(t *testing.T) {
	for _, tc := range []struct {
		name, orig, fixed string
		flagged           []string // substrings of orig (first occurrence)
		lost              string
	}{
		{"flagged line removed", "Budget passed.\nRead more\nTom Hale spoke.\n", "Budget passed.\nTom Hale spoke.\n", []string{"Read more"}, ""},
		{"unflagged sentence removed", "Budget passed.\nRead more\nTom Hale spoke.\n", "Budget passed.\n", []string{"Read more"}, "Tom"},
		{"word changed inside flag", "The councilâ€™s plan.\n", "The council’s plan.\n", []string{"â€™"}, ""},
		{"words added", "Rates rose.\n", "Rates rose sharply.\n", nil, ""},
		{"reordered", "Ruth Okafor said.\n", "Okafor Ruth said.\n", nil, "Okafor"},
		{"word merges with the repair", "The naÃ¯ve murals.\n", "The naïve murals.\n", []string{"Ã¯"}, ""},
		{"glued words split", "Thecouncil met in Dunmere.\n", "The council met in Dunmere.\n", []string{"Thecouncil"}, ""},
		{"word next to a flag lost", "Priya Nandra\nShare this\n", "Priya\n", []string{"Share this"}, "Nandra"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var spans []lint.Span
			for _, f := range tc.flagged {
				i := strings.Index(tc.orig, f)
				spans = append(spans, lint.Span{Start: i, End: i + len(f)})
			}
			word, off, lost := lint.LostText([]byte(tc.orig), []byte(tc.fixed), spans)
			if tc.lost == "" {
				if lost {
					t.Errorf("lost %q at %d, want nothing lost", word, off)
				}
				return
			}
			if !lost || word != tc.lost || tc.orig[off:off+len(word)] != word {
				t.Errorf("LostText = %q at %d (%v), want %q", word, off, lost, tc.lost)
			}
		})
	}
}

// TestFixesKeepUnflaggedText is the property test over the fixes of the
// test rules: every word outside the applied findings' spans survives.
func TestFixesKeepUnflaggedText(t *testing.T) {
	rules := []lint.Rule{
		replaceRule{ID: "delete-very", Old: "very ", Safe: true},
		replaceRule{ID: "squeeze", Old: "  ", New: " ", Safe: true},
		replaceRule{ID: "per-cent", Old: "per cent", New: "percent", Safe: true},
	}
	for _, src := range []string{
		"Ashby Vale rates rose 5 per cent, a very  large rise.\n",
		"very very very\n",
		"Kelbridge   council, per cent per cent.\n",
	} {
		check := plainCheck(rules...)
		cur := []byte(src)
		for round := 0; round < 10; round++ {
			findings, err := check(cur)
			if err != nil {
				t.Fatal(err)
			}
			out, ok := lint.ApplyFixes(cur, findings, false)
			var spans []lint.Span
			for i, a := range ok {
				if a {
					spans = append(spans, findings[i].Source)
				}
			}
			if len(spans) == 0 {
				break
			}
			if w, off, lost := lint.LostText(cur, out, spans); lost {
				t.Errorf("%q round %d: lost %q at %d", src, round+1, w, off)
			}
			cur = out
		}
	}
}

func plainParse(path string, src []byte) (*lint.Document, error) {
	if strings.Contains(string(src), "\x00") {
		return nil, errors.New(path + ": binary file")
	}
	b := lint.NewBuilder(path, lint.Plain, src)
	b.OpenBlock(lint.Paragraph, "p")
	b.Verbatim(0, len(src))
	return b.Finish(), nil
}

func testRunner(rules ...lint.Rule) *lint.Runner {
	return &lint.Runner{
		Parse: plainParse,
		Rules: func(string) ([]lint.Active, error) {
			var active []lint.Active
			for _, r := range rules {
				active = append(active, lint.Active{Rule: r, Severity: r.Meta().Severity})
			}
			return active, nil
		},
	}
}

func TestRunnerFix(t *testing.T) {
	r := testRunner(
		replaceRule{ID: "squeeze", Old: "  ", New: " ", Safe: true},
		replaceRule{ID: "suggest", Old: "is said to", New: "has", Safe: false},
	)
	src := "Tom Hale    is said to agree.\n"
	fr := r.Lint("draft.txt", []byte(src))
	got, applied, err := r.Fix(fr, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	if string(got.Doc.Source) != "Tom Hale is said to agree.\n" || got.Path != "draft.txt" {
		t.Errorf("fixed = %q (%s)", got.Doc.Source, got.Path)
	}
	if len(applied) != 3 {
		t.Errorf("applied %d fixes, want 3", len(applied))
	}
	// What remains is positioned in the fixed text.
	if len(got.Findings) != 1 || got.Findings[0].Rule != "suggest" || got.Findings[0].Start.Column != 10 {
		t.Errorf("remaining = %+v", got.Findings)
	}
	if string(fr.Doc.Source) != src {
		t.Error("input result modified")
	}

	// Nothing applicable: the result comes back as it is.
	clean := r.Lint("clean.txt", []byte("Ruth Okafor is said to agree.\n"))
	same, applied, err := r.Fix(clean, false, 0)
	if err != nil || applied != nil || same.Doc != clean.Doc {
		t.Errorf("clean file: %v %v", applied, err)
	}
	// Unreadable input: untouched, no error of its own.
	bad := r.Lint("bad.txt", []byte("a\x00b"))
	if _, applied, err := r.Fix(bad, false, 0); err != nil || applied != nil {
		t.Errorf("bad file: %v %v", applied, err)
	}
}

func TestRunnerFixNoConvergence(t *testing.T) {
	r := testRunner(replaceRule{ID: "grow", Old: "ab", New: "aab", Safe: true})
	fr := r.Lint("loop.txt", []byte("ab\n"))
	got, applied, err := r.Fix(fr, false, 2)
	if !errors.Is(err, lint.ErrNoConvergence) || !strings.HasPrefix(err.Error(), "loop.txt: ") {
		t.Fatalf("err = %v", err)
	}
	if applied != nil || string(got.Doc.Source) != "ab\n" {
		t.Errorf("got %q, %v", got.Doc.Source, applied)
	}
}

// TestFixFilePostProcess checks that every round sees post-processed
// results: a finding dropped after linting (a suppression) is never fixed.
func TestFixFilePostProcess(t *testing.T) {
	r := testRunner(replaceRule{ID: "delete-very", Old: "very ", Safe: true})
	suppress := func(fr *lint.FileResult) {
		kept := fr.Findings[:0]
		for _, f := range fr.Findings {
			if !strings.HasPrefix(string(fr.Doc.Source[f.Source.End:]), "keep") {
				kept = append(kept, f)
			}
		}
		fr.Findings = kept
	}
	lintFn := func(path string, src []byte) lint.FileResult {
		fr := r.Lint(path, src)
		suppress(&fr)
		return fr
	}
	fr := lintFn("draft.txt", []byte("A very very keep and very late draft.\n"))
	got, applied, err := lint.FixFile(fr, lintFn, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	if want := "A very keep and late draft.\n"; string(got.Doc.Source) != want || len(applied) != 2 {
		t.Errorf("fixed = %q with %d fixes, want %q with 2", got.Doc.Source, len(applied), want)
	}
}

// greedyRule flags "Ad" but its fix also deletes the words after it: the
// kind of bug the fix engine must catch rather than write.
type greedyRule struct{}

func (greedyRule) Meta() lint.Meta {
	return lint.Meta{ID: "greedy", Summary: "greedy", Doc: "greedy", Severity: lint.Error}
}

func (greedyRule) Check(p *lint.Pass) error {
	if i := strings.Index(p.Doc.Text, "Ad "); i >= 0 {
		s := lint.Span{Start: i, End: i + 2}
		p.Report(lint.Finding{Span: s, Message: "ad marker", Fix: &lint.Fix{
			Message: "Remove", Safe: true, Edits: []lint.Edit{{Span: lint.Span{Start: i, End: len(p.Doc.Text)}}},
		}})
	}
	return nil
}

func TestFixFileRefusesLosingText(t *testing.T) {
	r := testRunner(greedyRule{})
	src := "Ad The council met on Monday.\n"
	fr := r.Lint("greedy.txt", []byte(src))
	got, applied, err := r.Fix(fr, false, 0)
	if !errors.Is(err, lint.ErrUnsafeFix) || !strings.Contains(err.Error(), `"The"`) {
		t.Fatalf("err = %v, want ErrUnsafeFix naming the lost word", err)
	}
	if applied != nil || string(got.Doc.Source) != src {
		t.Errorf("file changed: %q, %v", got.Doc.Source, applied)
	}
}
