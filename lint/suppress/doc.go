// Package suppress reads copydesk's inline suppression directives from a
// parsed draft and applies them to the findings of a run.
//
// In Markdown and HTML a comment
//
//	<!-- copydesk-ignore RULE[,RULE...]: REASON -->
//
// silences the named rules on the next block (paragraph, heading, list
// item, quoted paragraph; placed before the headline, the headline), and
//
//	<!-- copydesk-ignore-file RULE[,RULE...]: REASON -->
//
// anywhere in the draft silences them in the whole file. Pack and plugin
// rule IDs ("house/slammed") work the same. Plain text has no comments that
// stay out of print, so it has no directives; config [[ignore]] tables
// cover it.
//
// Apply runs after every rule has run, because whether a directive is used
// depends on the other rules' findings. It reports the directives' own
// problems as findings of the rule RuleID: a missing reason, an unknown
// rule (with a "did you mean"), a directive or a rule in it that silenced
// nothing in this run, a misspelled directive. The package imports only the
// standard library and lint.
package suppress
