// Package evaluate measures how well copydesk's rules detect what labeled
// corpora say they should: it reads a data set, rebuilds its items into
// plain-text drafts, lints each draft through the same path as `copydesk
// check` (parse.Parse, then lint.CheckDocument with every rule at its
// default configuration and severity) and scores, per rule and data set,
// true and false positives, misses, precision, recall and F1.
//
// # Data sets
//
// Four JSON-lines formats are read (one object per line; see each corpus
// folder's README). A data set is recognized by its folder name or, failing
// that, by the keys of its first line:
//
//   - polnear-attribution: sentences of political news articles with
//     attribution labels. Articles are rebuilt from `article` and
//     `sentence_index`: sentence 0 (the title) is the headline line (line
//     breaks inside it become spaces), then a blank line, then the body,
//     one sentence per paragraph except that a sentence is joined to the
//     previous one with a space while a quotation opened earlier is still
//     open (at most four sentences), so multi-sentence quotes stay whole.
//   - szeged-wiki-uncertainty: Wikipedia sentences with uncertainty cues.
//     The sentences of one `doc` form one paragraph (joined by spaces) under
//     a neutral headline.
//   - emergent-headlines: one draft per headline, the headline alone.
//   - scrapinghub-boilerplate: scraped pages. Each of `raw` and
//     `extracted.<tool>` is its own draft under a neutral headline, scored
//     separately. The draft is the text itself when every labeled line can
//     be found in it in order (lines are matched after trimming white
//     space); otherwise the labeled lines, one per line.
//
// Offsets in the corpora count Unicode code points; they are converted to
// byte offsets into the draft.
//
// # Scoring
//
// Every labeled unit (a sentence, an attribution, a line, a headline) is an
// item with a byte span in its draft's source. The rule predicts an item
// positive when one of its findings overlaps the item's span in Source
// coordinates (Finding.Source; an empty span counts when it lies inside the
// item). For anonymous-sourcing, the findings' Related spans count too,
// since the rule reports each anonymous source of a stack. Which labels are
// positives and negatives for which rule is defined once, in Mappings; items
// with any other label are not scored.
//
// Examples of errors are ranked "worst first": false positives by how many
// false positives share the same flagged text (the pattern that costs the
// most; on a tie, the longer item first), misses by how many misses share
// the same cue or source string (or, without one, the same line text folded
// to lower case with digits masked), then by corpus order. One example is
// shown per pattern.
package evaluate
