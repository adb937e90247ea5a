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

// propRound is one lint of the fix loop: the source and what it gave.
type propRound struct {
	src      []byte
	doc      *lint.Document
	findings []lint.Finding
}

// TestFixProperties applies the fixes of the built-in rules to every rule
// fixture in testdata/rules/ (expectation lines removed), as `copydesk
// check --fix` does, with the rules on by default and with every rule. For
// each fixture and rule set:
//
//   - the lint → fix loop converges (lint.FixUntilStable, DefaultMaxRounds),
//     with safe fixes and with suggestions too (--unsafe-fixes);
//   - no safe fix removes prose no rule flagged: in each round, every word
//     of Document.Text wholly outside the spans whose fixes were applied
//     survives, in order (lint.LostText), and so does every sentence that
//     does not touch such a span;
//   - fixing is idempotent: linting the fixed draft offers no safe fix that
//     changes it.
func TestFixProperties(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	var defaults, all []lint.Active
	for _, r := range rules.All() {
		a := lint.Active{Rule: r, Severity: r.Meta().Severity}
		all = append(all, a)
		if r.Meta().Default {
			defaults = append(defaults, a)
		}
	}
	sets := []struct {
		name   string
		active []lint.Active
	}{{"default", defaults}, {"all", all}}
	fixtures, fixed := 0, 0
	for _, p := range files {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".txt", ".md", ".markdown", ".html", ".htm":
		default:
			continue
		}
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		fx, err := linttest.ParseFixture(p, data)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		fixtures++
		rel := filepath.ToSlash(strings.TrimPrefix(p, filepath.Join("..", "testdata", "rules")+string(filepath.Separator)))
		for _, set := range sets {
			t.Run(set.name+"/"+rel, func(t *testing.T) {
				if checkFixProperties(t, p, fx.Source, set.active) {
					fixed++
				}
			})
		}
	}
	if fixtures == 0 {
		t.Fatal("no fixtures found")
	}
	if fixed == 0 {
		t.Error("no fixture had a safe fix: the test checks nothing")
	}
	t.Logf("%d fixtures, %d fixture runs with safe fixes applied", fixtures, fixed)
}

// checkFixProperties checks one draft; it reports whether a safe fix was
// applied.
func checkFixProperties(t *testing.T, path string, src []byte, active []lint.Active) bool {
	t.Helper()
	var rounds []propRound
	check := func(b []byte) ([]lint.Finding, error) {
		doc, err := parse.Parse(path, b)
		if err != nil {
			return nil, err
		}
		fs, err := lint.CheckDocument(doc, active)
		rounds = append(rounds, propRound{b, doc, fs})
		return fs, err
	}
	out, applied, _, err := lint.FixUntilStable(src, check, false, lint.DefaultMaxRounds)
	if err != nil {
		t.Fatalf("safe fixes: %v", err) // lint.ErrNoConvergence, or a rule failed
	}
	if len(applied) == 0 && string(out) != string(src) {
		t.Fatal("draft changed with no fix applied")
	}
	for i := 0; i+1 < len(rounds); i++ {
		r, next := rounds[i], rounds[i+1]
		got, ok := lint.ApplyFixes(r.src, r.findings, false)
		if string(got) != string(next.src) {
			t.Fatalf("round %d: the next round did not lint ApplyFixes' output", i+1)
		}
		var flagged []lint.Span
		for j, a := range ok {
			if !a {
				continue
			}
			s := r.findings[j].Span
			if s.Empty() { // an insertion touches the words either side
				s = lint.Span{Start: max(s.Start-1, 0), End: min(s.End+1, len(r.doc.Text))}
			}
			flagged = append(flagged, s)
		}
		if w, off, lost := lint.LostText([]byte(r.doc.Text), []byte(next.doc.Text), flagged); lost {
			t.Errorf("round %d: safe fixes lost the word %q at Text offset %d, outside every flagged span %v\nbefore: %q\nafter:  %q",
				i+1, w, off, flagged, r.doc.Text, next.doc.Text)
		}
		if s, lost := lostSentence(r.doc, next.doc.Text, flagged); lost {
			t.Errorf("round %d: safe fixes lost the unflagged sentence %q\nafter: %q", i+1, s, next.doc.Text)
		}
	}

	// Idempotence: the fixed draft has nothing left to fix.
	doc, err := parse.Parse(path, out)
	if err != nil {
		t.Fatalf("fixed draft does not parse: %v", err)
	}
	fs, err := lint.CheckDocument(doc, active)
	if err != nil {
		t.Fatal(err)
	}
	if again, ok := lint.ApplyFixes(out, fs, false); string(again) != string(out) {
		for i, a := range ok {
			if a {
				t.Errorf("fixed draft still has a safe fix: %s %q: %s", fs[i].Rule, doc.Slice(fs[i].Span), fs[i].Fix.Message)
			}
		}
	}

	// Suggestions too (--unsafe-fixes) must settle.
	var settle []lint.Active
	for _, a := range active {
		if _, known := suggestionsNotSettling[a.Rule.Meta().ID]; !known {
			settle = append(settle, a)
		}
	}
	if _, _, _, err := lint.FixUntilStable(src, func(b []byte) ([]lint.Finding, error) {
		doc, err := parse.Parse(path, b)
		if err != nil {
			return nil, err
		}
		return lint.CheckDocument(doc, settle)
	}, true, lint.DefaultMaxRounds); err != nil {
		t.Errorf("with suggestions: %v", err)
	}
	return len(applied) > 0
}

// suggestionsNotSettling are rules whose suggestion fixes are known not to
// converge under --fix --unsafe-fixes (copydesk reports "fixes did not
// converge" and leaves the file untouched), left out of the suggestion
// check until fixed. Safe fixes are checked for every rule.
var suggestionsNotSettling = map[string]struct{ why, draft string }{}

// TestSuggestionsNotSettlingIsCurrent fails once a rule listed in
// suggestionsNotSettling converges, so that the list does not go stale.
func TestSuggestionsNotSettlingIsCurrent(t *testing.T) {
	reg := rules.Registry()
	for id, known := range suggestionsNotSettling {
		r, ok := reg.Get(id)
		if !ok {
			t.Errorf("%s: no such rule", id)
			continue
		}
		src := []byte(known.draft)
		_, _, _, err := lint.FixUntilStable(src, func(b []byte) ([]lint.Finding, error) {
			doc, err := parse.Parse("bad.md", b)
			if err != nil {
				return nil, err
			}
			return lint.CheckDocument(doc, []lint.Active{{Rule: r, Severity: r.Meta().Severity}})
		}, true, lint.DefaultMaxRounds)
		if err == nil {
			t.Errorf("%s: suggestions converge now (listed because it %s): remove it from suggestionsNotSettling", id, known.why)
		}
	}
}

// lostSentence returns the first sentence of doc that touches no flagged
// span and does not occur, in order after the sentences before it, in
// fixed.
func lostSentence(doc *lint.Document, fixed string, flagged []lint.Span) (string, bool) {
	pos := 0
	for _, b := range doc.Blocks {
		for _, s := range b.Sentences {
			touched := false
			for _, f := range flagged {
				if s.Overlaps(f) || (f.Start >= s.Start && f.End <= s.End) {
					touched = true
					break
				}
			}
			if touched {
				continue
			}
			text := strings.TrimSpace(doc.Slice(s))
			if text == "" {
				continue
			}
			i := strings.Index(fixed[pos:], text)
			if i < 0 {
				return text, true
			}
			pos += i + len(text)
		}
	}
	return "", false
}
