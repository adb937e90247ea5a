package rules

import "copydesk/lint"

// All returns the built-in rules in a fixed order. Add a rule here, with one
// line, and give it fixtures under testdata/rules/<rule-id>/.
func All() []lint.Rule {
	return []lint.Rule{
		// rules: one line each, grouped by family.
		NewUnattributedClaim(), NewAnonymousSourcing(),
		NewHedgedHeadline(), NewHeadlineOverstates(),
		NewScrapeDebris(), NewMojibake(), NewGluedWords(),
		NewSuppression(),
	}
}

// Registry returns a registry holding the built-in rules. It panics only if
// a built-in rule is malformed, which the tests rule out.
func Registry() *lint.Registry {
	reg, err := lint.NewRegistry(All()...)
	if err != nil {
		panic("copydesk: built-in rules: " + err.Error())
	}
	return reg
}
