package evaluate

// Mapping says which items of a data set are positives and negatives for a
// rule. Items whose label is in neither list are not scored.
type Mapping struct {
	Dataset  string
	Slice    string   // which items: Item.Slice
	Rule     string   // the rule scored
	Positive []string // labels the rule should flag
	Negative []string // labels it should leave alone
	// Related counts a finding's Related spans as well as its own span
	// (for document-level rules that report every part of a pattern).
	Related bool
	// Info marks a row that is not a quality measure of the rule, only a
	// check on how it behaves on this data.
	Info bool
	// Approx says where the labels only approximate the rule's target.
	Approx string
}

const (
	approxDebris = "labels come from aligning lines with the clean text: captions, sub-heads and bylines count as debris; ~15% of pages are not English"
	approxGlued  = "mixed = a clean paragraph plus extra text, not always glued"
)

// Mappings is the one table from corpus labels to rules. README's
// "Evaluation: detection quality" section and RULES.md §6 describe it.
var Mappings = []Mapping{
	{Dataset: PolNeAR, Slice: "sentence", Rule: "unattributed-claim",
		Positive: []string{"sourceless_attribution"}, Negative: []string{"attribution", "none"},
		Approx: "sourceless also covers non-speech cues (questions about, criticism, asked, appears) the rule skips on purpose: judge precision; titles are not scored"},
	{Dataset: PolNeAR, Slice: "sentence-spec", Rule: "unattributed-claim",
		Positive: []string{"sourceless_attribution", LabelWeasel}, Negative: []string{"attribution", "none"},
		Approx: "spec-aligned: sentences PolNeAR codes as sourced to a bare weasel ('critics', 'some analysts') or to the subject of a writer's-voice 'reportedly'/'is expected to' count as positives, since RULES.md §2 flags them; otherwise as the sentence row"},
	{Dataset: PolNeAR, Slice: "attribution", Rule: "anonymous-sourcing", Related: true,
		Positive: []string{SourceAnonymous}, Negative: []string{SourceNamed},
		Approx: "anonymity is decided from the source string by our rule (SourceClass); the rule fires only on stacks, so lone anonymous sources count as misses; pronoun sources are not scored"},
	{Dataset: PolNeAR, Slice: "discard", Rule: "scrape-debris",
		Positive: []string{"discard"}, Negative: []string{"clean"},
		Approx: "Discard spans include tweet text glued inside sentences, which is not line debris"},
	{Dataset: Szeged, Slice: "sentence", Rule: "unattributed-claim",
		Positive: []string{"doxastic"}, Negative: []string{"certain"},
		Approx: "encyclopedic text; doxastic cues include sourced beliefs; weasels the annotators left without a cue ('is said to', 'some say') count as negatives"},
	{Dataset: Emergent, Slice: "headline", Rule: "hedged-headline",
		Positive: []string{"observing"}, Negative: []string{"for", "against"},
		Approx: "observing includes named tails the rule leaves alone; against headlines use claims/rumour to debunk; some for headlines carry could"},
	{Dataset: Emergent, Slice: "headline", Rule: "headline-overstates", Info: true,
		Positive: []string{"for"}, Negative: []string{"observing", "against"},
		Approx: "no article body, which the rule needs: it should stay silent, so this only counts findings"},
	{Dataset: Scrapinghub, Slice: "raw", Rule: "scrape-debris",
		Positive: []string{"debris"}, Negative: []string{"body"},
		Approx: approxDebris},
	{Dataset: Scrapinghub, Slice: "raw", Rule: "glued-words",
		Positive: []string{"mixed"}, Negative: []string{"body"},
		Approx: approxGlued},
	{Dataset: Scrapinghub, Slice: "extracted.newspaper", Rule: "scrape-debris",
		Positive: []string{"debris"}, Negative: []string{"body"}, Approx: approxDebris},
	{Dataset: Scrapinghub, Slice: "extracted.newspaper", Rule: "glued-words",
		Positive: []string{"mixed"}, Negative: []string{"body"}, Approx: approxGlued},
	{Dataset: Scrapinghub, Slice: "extracted.readability", Rule: "scrape-debris",
		Positive: []string{"debris"}, Negative: []string{"body"}, Approx: approxDebris},
	{Dataset: Scrapinghub, Slice: "extracted.readability", Rule: "glued-words",
		Positive: []string{"mixed"}, Negative: []string{"body"}, Approx: approxGlued},
	{Dataset: Scrapinghub, Slice: "extracted.trafilatura", Rule: "scrape-debris",
		Positive: []string{"debris"}, Negative: []string{"body"}, Approx: approxDebris},
	{Dataset: Scrapinghub, Slice: "extracted.trafilatura", Rule: "glued-words",
		Positive: []string{"mixed"}, Negative: []string{"body"}, Approx: approxGlued},
	{Dataset: Scrapinghub, Slice: "extracted.boilerpipe", Rule: "scrape-debris",
		Positive: []string{"debris"}, Negative: []string{"body"}, Approx: approxDebris},
	{Dataset: Scrapinghub, Slice: "extracted.boilerpipe", Rule: "glued-words",
		Positive: []string{"mixed"}, Negative: []string{"body"}, Approx: approxGlued},
}

// Mapped reports whether any mapping scores rule id.
func Mapped(id string) bool {
	for _, m := range Mappings {
		if m.Rule == id {
			return true
		}
	}
	return false
}

// classOf returns +1 for a positive label, -1 for a negative one, 0 otherwise.
func (m *Mapping) classOf(label string) int {
	for _, l := range m.Positive {
		if l == label {
			return 1
		}
	}
	for _, l := range m.Negative {
		if l == label {
			return -1
		}
	}
	return 0
}
