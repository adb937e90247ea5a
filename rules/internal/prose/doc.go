// Package prose holds the linguistics shared by copydesk's editorial rules:
// a fast word tokenizer over Document.Text and the attribution model of a
// draft (who says what, and where a claim is reported with no source), as
// specified in RULES.md §1.
//
// Everything here works in Document.Text byte offsets. The attribution
// analysis is computed once per document and memoized on the Document, so
// unattributed-claim, anonymous-sourcing and headline-overstates share it;
// when lint.CheckDocument releases it, its tables (and the Analysis itself)
// are recycled for the next draft, so that a run allocates next to nothing
// per draft. The lexicon is compiled into lexicon_table.go by go generate.
package prose
