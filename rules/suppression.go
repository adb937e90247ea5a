package rules

import (
	"copydesk/lint"
	"copydesk/lint/suppress"
)

// Suppression is the suppression rule: problems with the draft's own
// copydesk-ignore directives. Whether a directive silenced anything is only
// known once every other rule has run, so the findings are made by the
// suppression pass (package lint/suppress, run by copydesk check after all
// rules); Check itself reports nothing. The rule exists so that the
// findings have an ID, documentation and a severity, and can be configured
// and switched off like any other ([rule.suppression]).
type Suppression struct{}

// NewSuppression returns the suppression rule.
func NewSuppression() Suppression { return Suppression{} }

// Meta describes suppression.
func (Suppression) Meta() lint.Meta {
	return lint.Meta{
		ID:       suppress.RuleID,
		Summary:  "Suppression directive without a reason, naming an unknown rule, or silencing nothing",
		Severity: lint.Warning,
		Default:  true,
		Doc: `In Markdown and HTML drafts a comment silences rules, with a reason that reviewers can read:

  <!-- copydesk-ignore RULE[,RULE...]: REASON -->        the next block (paragraph, heading, list
                                                        item, quotation; before the headline, the
                                                        headline; right after a front-matter
                                                        title, that title too)
  <!-- copydesk-ignore-file RULE[,RULE...]: REASON -->   the whole draft

Pack and plugin rules are named the same way (house/slammed). The comment is never published text.
Plain text has no such comments: use an [[ignore]] table in the config instead.

This rule reports the directives themselves: one with no reason, one naming a rule that does not
exist in this run (with a "did you mean"), a misspelled directive, and, so that stale suppressions do
not pile up, a directive (or a rule in it) that silenced nothing in this run. A rule that did not
run on the draft (disabled, not selected, excluded for the file) is never called unused. A
directive without a reason still applies; the warning asks for the reason. Unused [[ignore]]
entries of the config are noted once per run on standard error, at info.

The findings come from the suppression pass that runs after all other rules; --no-suppress reports
every finding and skips the unused check. An unused directive on lines of its own carries a
suggestion (--unsafe-fixes) that deletes it.`,
		Bad: `<!-- copydesk-ignore hedged-headlin -->
# Marwick council approves tram budget

The council approved the budget on Tuesday, its leader Ruth Okafor said.
`,
		Good: `<!-- copydesk-ignore hedged-headline: the question is the council's own, put to residents in the consultation -->
# Should Marwick build a tram?

The council asked residents on Tuesday whether Marwick should build a tram, its leader Ruth Okafor said.
`,
	}
}

// Check reports nothing: the suppression pass makes this rule's findings
// (see the type's documentation).
func (Suppression) Check(*lint.Pass) error { return nil }
