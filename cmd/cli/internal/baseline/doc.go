// Package baseline records the findings of a run in a file and, in later
// runs, tells the findings recorded there from new ones, so that copydesk
// can be adopted on an archive that cannot be fixed at once.
//
// A finding is recorded by its path (relative to the baseline file's
// directory, slash-separated), rule, flagged text and a short hash of the
// sentence it sits in, never by line number: edits elsewhere in the draft
// leave it baselined, and an edit to the sentence itself makes it new.
// Matching counts: two identical findings need two entries.
package baseline
