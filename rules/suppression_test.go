package rules_test

import (
	"strings"

	"copydesk/lint"
	"copydesk/lint/linttest"
	"copydesk/lint/parse"
	"copydesk/lint/suppress"
	"copydesk/rules"
)

// checkerFor is the fixture linter for rule r: r alone, except for
// suppression, whose findings exist only after the other rules have run:
// its fixtures are linted with every built-in rule that is on by default,
// then the suppression pass, as copydesk check does. Their expectations
// therefore list the findings the directives leave standing.
func checkerFor(r lint.Rule) linttest.Linter {
	if r.Meta().ID != suppress.RuleID {
		return checker(r)
	}
	reg := rules.Registry()
	var active []lint.Active
	for _, rule := range reg.Rules() {
		if m := rule.Meta(); m.Default {
			active = append(active, lint.Active{Rule: rule, Severity: m.Severity})
		}
	}
	return func(path string, src []byte) (*lint.Document, []lint.Finding, error) {
		doc, err := parse.Parse(path, src)
		if err != nil {
			return nil, nil, err
		}
		fs, err := lint.CheckDocument(doc, active)
		kept, _ := suppress.Apply(doc, fs, suppress.Options{
			Known:    func(id string) bool { _, ok := reg.Get(id); return ok },
			Suggest:  reg.Suggest,
			Severity: r.Meta().Severity,
		})
		return doc, kept, err
	}
}

// exampleName is the file name a rule's Bad or Good example is linted
// under: Markdown when it holds a comment (suppression directives exist
// only there), plain text otherwise.
func exampleName(base, example string) string {
	if strings.Contains(example, "<!--") {
		return base + ".md"
	}
	return base + ".txt"
}
