package prose

import (
	"copydesk/lint/freelist"
	"sort"

	"copydesk/lint"
)

// Class is the kind of source an attribution names (RULES.md §1.3).
type Class uint8

// Source classes. Unknown is a source the analysis found but could not
// classify ("a lawyer for the family"): it covers its sentence, and is
// counted neither as named nor as anonymous.
const (
	NoSource    Class = iota
	Named             // a person by name, honorific + surname, role + name, or a definite role ("the mayor")
	Institution       // an organisation on the record, incl. an unnamed spokesperson and "police"
	Record            // a document: "according to a council report", "court papers show"
	Anonymous         // a specific but unnamed person or group: "an official", "people familiar with..."
	Weasel            // a vague collective: "critics", "some", "many people", bare "experts", "reports"
	Absent            // no source at all: agentless passive, writer's-voice "reportedly"
	Unknown           // a source phrase the lexicon cannot place
)

var classNames = [...]string{"none", "named", "institution", "document", "anonymous", "weasel", "absent", "unknown"}

// String returns the lower-case name of the class.
func (c Class) String() string {
	if int(c) < len(classNames) {
		return classNames[c]
	}
	return "unknown"
}

// OnRecord reports whether the class puts a source on the record (named,
// institution or document).
func (c Class) OnRecord() bool { return c == Named || c == Institution || c == Record }

// Covers reports whether an attribution of this class covers a claim for
// unattributed-claim: any source but a weasel or an absent one.
func (c Class) Covers() bool { return c != NoSource && c != Weasel && c != Absent }

// Attribution is one speech or belief event outside direct quotes: a cue and
// the source it names.
type Attribution struct {
	Cue    lint.Span // the cue: "said", "according to", ":" of a colon quote; empty for a reopened quote
	Source lint.Span // the source phrase ("A source close to the club"); empty when there is none
	Class  Class
	// Head is the lower-cased identity key of the source: a surname, an
	// organisation's name, or the head noun ("officials", "police").
	Head     string
	Sentence int // index in Analysis.Sentences
	Block    int // index in Document.Blocks
	// Ref is, for a reference to an earlier source (a pronoun, "the
	// official" after "an official", a reopened quote), the index of that
	// source's first attribution; -1 for a new source.
	Ref int
	// Pronoun marks a continuation by pronoun ("he added") or by a reopened
	// quote: a place the story leans on nobody new.
	Pronoun  bool
	Reopened bool // a paragraph that reopens the previous paragraph's quote
	// Spokesperson marks "a council spokesperson", "a spokesman for X".
	Spokesperson bool
	// Granted marks a source whose anonymity the story grants explicitly
	// ("on condition of anonymity"); Reason, one that says why (§1.6).
	Granted, Reason bool
	// Definite marks a source phrase led by "the" ("the officials").
	Definite bool
	// Question marks a cue that asks ("asked"): a question carries no
	// information, so anonymous-sourcing does not count it.
	Question bool
}

// New reports whether the attribution introduces a source (not a
// reference back to an earlier one).
func (a *Attribution) New() bool { return a.Ref < 0 }

// CueKind is the category of an unattributed construction (RULES.md §2).
type CueKind uint8

// Cue kinds.
const (
	Passive    CueKind = iota // "is said to", "it is understood that"
	Adverb                    // "reportedly", "allegedly", "according to reports"
	WeaselCue                 // "critics argue", "many people believe"
	Prediction                // "is expected to"
)

var cueKindNames = [...]string{"passive", "adverb", "weasel", "prediction"}

// String returns the lower-case name of the kind.
func (k CueKind) String() string {
	if int(k) < len(cueKindNames) {
		return cueKindNames[k]
	}
	return "unknown"
}

// Cue is a construction that presents a claim as reported, believed or
// disputed: the candidates of unattributed-claim. The analysis finds them
// outside quotes in every block and records what the rule needs to decide.
type Cue struct {
	Span lint.Span // the construction as reported ("is said to", "It is understood that", "Critics argue")
	Kind CueKind
	// Key is the canonical lexicon entry ("is said to", "reportedly",
	// "critics argue", "it is understood that"), lower-case, for ignore
	// lists. That of a weasel construction is valid until Release.
	Key string
	// Verb is the participle to ask about: "said" → "said by whom?".
	Verb     string
	Sentence int
	Block    int
	// Covered is true when an attribution of a covering class (§1.4) holds
	// the clause; CoveredBy is its index, or -1.
	Covered   bool
	CoveredBy int
	// Legal marks "allegedly", "alleged to" and "it is alleged": subject to
	// the court-reporting exclusion, which the rule decides with its window.
	Legal bool
	// Scheduled marks "expected to" before a procedural verb in a sentence
	// that names a time (a calendar fact, not a forecast).
	Scheduled bool
	// Idiom marks "in what is seen as": the writer's gloss, never covered.
	Idiom bool
	// Named marks a weasel phrase that contains a name ("critics, including
	// Cllr Hale, argue").
	Named bool
}

// Hedge is a modal or epistemic hedge outside quotes ("may", "could",
// "appears").
type Hedge struct {
	Span lint.Span
	Word string // lower-cased
}

// Sentence is one sentence of the draft with its attribution facts.
type Sentence struct {
	Span     lint.Span
	Block    int
	Headline bool // in the headline block
	// Body is true for the prose §2 checks: body paragraphs, list items and
	// captions outside blockquotes.
	Body bool
	// Quoted is true when every word of the sentence is inside a quote.
	Quoted bool
	// Tokens indexes Analysis.Tokens: [TokStart, TokEnd).
	TokStart, TokEnd int
	// Attributions, Cues and Hedges index the analysis' lists.
	AttrStart, AttrEnd   int
	CueStart, CueEnd     int
	HedgeStart, HedgeEnd int
	// Speaker is the attribution whose quote this sentence continues (a
	// reopened quote paragraph), or -1.
	Speaker int
}

// Analysis is the attribution model of one document (RULES.md §1).
type Analysis struct {
	Doc *lint.Document
	// Tokens are the tokens of every block in reading order; InQuote
	// marks those inside direct quotes (quote marks included).
	Tokens []Token
	// Sentences are every block's sentences in reading order, the headline
	// included.
	Sentences []Sentence
	// Attributions are all attributions outside quotes, in reading order.
	Attributions []Attribution
	// Cues are all unattributed constructions outside quotes, in reading order.
	Cues []Cue
	// Hedges are modal and epistemic hedges outside quotes, in reading order.
	Hedges []Hedge
	// BlockSentences gives, per Document block, the range of its sentences:
	// [BlockSentences[i][0], BlockSentences[i][1]).
	BlockSentences [][2]int
	// Court holds, per sentence, whether it contains court vocabulary.
	Court []bool

	// lower is Doc.Text with ASCII letters lower-cased (see Lower). It
	// shares memory with bufs: the strings of the analysis taken from it
	// (Lower, Attribution.Head, Hedge.Word, the Key of a weasel Cue) are
	// valid until Release.
	lower string

	// bufs holds the tables' memory while the analysis is in use; nil once
	// released.
	bufs *tables
}

// tables is the memory of an Analysis, the Analysis itself included,
// recycled from one document to the next: allocating (and zeroing, and
// faulting in) tens of kilobytes of fresh tables for every draft was a
// large part of the analysis' cost. In the steady state of a run an
// analysis allocates nothing.
type tables struct {
	an             Analysis
	tokens         []Token
	sentences      []Sentence
	attributions   []Attribution
	cues           []Cue
	hedges         []Hedge
	blockSentences [][2]int
	court          []bool
	sent           []sentClasses
	lower          []byte
	keys           []byte // the keys of weasel cues (analyzer.joinKey)
	// recycled is set once the tables have been released: their user
	// releases, so they may grow generously (see minLower).
	recycled bool
}

// freeTables holds released tables for the next analysis, the most
// recently used (the warmest) first out. It is a free list rather than a
// sync.Pool (see package freelist): a Pool made a second set of tables even
// for a one-worker run, whose worker the scheduler moves between
// processors, and faulted its pages in too.
var freeTables freelist.List[tables]

// poisonOnRelease makes Release overwrite the lower-cased text (tests set
// it to catch a string kept past Release).
var poisonOnRelease bool

// getTables returns released tables, or new ones.
func getTables() *tables { return freeTables.Get() }

// putTables keeps t for reuse.
func putTables(t *tables) { freeTables.Put(t) }

// maxPooledTokens bounds the tables kept for reuse: those of a draft of
// more than about half a megabyte (3 MB of tokens) are left to the garbage
// collector. Kept tables are never freed (see freeTables), so this bounds
// the memory a run keeps to about 5 MB per worker.
const maxPooledTokens = 1 << 17

// Release implements lint.Releaser: lint.CheckDocument calls it once the
// rules are done with the document, and the tables go to the next
// document's analysis. The analysis must not be used afterwards (its
// tables are nil, and the next Analyze may hand out the same *Analysis for
// another document), nor the strings taken from it (Lower,
// Attribution.Head, Hedge.Word and the Key of a weasel Cue share the
// recycled memory of its lower-cased text; Cue.Verb and the other keys are
// static strings): a rule copies what it keeps, as fmt does for a finding's
// message (TestRulesKeepNoReleasedMemory). Analyze on the same document
// computes a new one. A second Release, before the analysis is handed out
// again, does nothing.
func (a *Analysis) Release() {
	t := a.bufs
	if t == nil {
		return
	}
	pool := cap(a.Tokens) <= maxPooledTokens
	if poisonOnRelease {
		// Tests: whatever still points into the lower-cased text (a
		// string kept past Release) now reads as 0xFF bytes.
		for i := range t.lower {
			t.lower[i] = 0xFF
		}
		for i := range t.keys {
			t.keys[i] = 0xFF
		}
	}
	if pool {
		// Attributions hold strings: clear them so that a pooled table
		// keeps no draft's text alive.
		clear(a.Attributions)
		clear(a.Cues)
		clear(a.Hedges)
		t.tokens, t.sentences, t.attributions = a.Tokens[:0], a.Sentences[:0], a.Attributions[:0]
		t.cues, t.hedges, t.blockSentences, t.court = a.Cues[:0], a.Hedges[:0], a.BlockSentences[:0], a.Court[:0]
		t.sent, t.lower, t.keys = t.sent[:0], t.lower[:0], t.keys[:0]
		t.recycled = true
	}
	*a = Analysis{}
	if pool {
		putTables(t)
	}
}

// Lower returns the lower-cased text of token t of the analysis (ASCII
// letters lower-cased; byte offsets are those of Doc.Text).
func (a *Analysis) Lower(t Token) string { return a.lower[t.Start:t.End] }

type memoKey struct{}

// Analyze returns the attribution model of doc, computing it once per
// document (memoized with Document.Memo).
func Analyze(doc *lint.Document) *Analysis {
	return doc.Memo(memoKey{}, func() any { return analyze(doc) }).(*Analysis)
}

// SentenceAttributions returns the attributions of sentence i.
func (a *Analysis) SentenceAttributions(i int) []Attribution {
	s := &a.Sentences[i]
	return a.Attributions[s.AttrStart:s.AttrEnd]
}

// SentenceCues returns the unattributed constructions of sentence i.
func (a *Analysis) SentenceCues(i int) []Cue {
	s := &a.Sentences[i]
	return a.Cues[s.CueStart:s.CueEnd]
}

// SentenceHedges returns the hedges of sentence i.
func (a *Analysis) SentenceHedges(i int) []Hedge {
	s := &a.Sentences[i]
	return a.Hedges[s.HedgeStart:s.HedgeEnd]
}

// SentenceTokens returns the tokens of sentence i.
func (a *Analysis) SentenceTokens(i int) []Token {
	s := &a.Sentences[i]
	return a.Tokens[s.TokStart:s.TokEnd]
}

// Hedged reports whether sentence i carries a hedge or an unattributed
// construction outside quotes.
func (a *Analysis) Hedged(i int) bool {
	s := &a.Sentences[i]
	return s.HedgeEnd > s.HedgeStart || s.CueEnd > s.CueStart
}

// SourceClass returns the strongest class of source attributed in sentence
// i, or of the speaker whose quote it continues: on-record classes first,
// then unknown, anonymous, weasel. NoSource when nothing attributes it.
func (a *Analysis) SourceClass(i int) Class {
	best := NoSource
	rank := func(c Class) int {
		switch c {
		case Named, Institution, Record:
			return 5
		case Unknown:
			return 4
		case Anonymous:
			return 3
		case Weasel:
			return 2
		}
		return 0
	}
	consider := func(c Class) {
		if rank(c) > rank(best) {
			best = c
		}
	}
	for _, at := range a.SentenceAttributions(i) {
		consider(at.Class)
	}
	if sp := a.Sentences[i].Speaker; sp >= 0 {
		consider(a.Attributions[sp].Class)
	}
	return best
}

// Covered reports whether sentence i is attributed to a source that covers
// it (any class but weasel), directly or as a continued quote.
func (a *Analysis) Covered(i int) bool {
	c := a.SourceClass(i)
	return c.Covers()
}

// Root returns the index of the attribution that introduced the source of
// attribution i (following Ref), i itself for a new source.
func (a *Analysis) Root(i int) int {
	for n := 0; n < len(a.Attributions) && a.Attributions[i].Ref >= 0 && a.Attributions[i].Ref != i; n++ {
		i = a.Attributions[i].Ref
	}
	return i
}

// SentenceAt returns the index of the sentence containing Text offset off, or -1.
func (a *Analysis) SentenceAt(off int) int {
	i := sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].Span.End > off })
	if i < len(a.Sentences) && a.Sentences[i].Span.Start <= off {
		return i
	}
	return -1
}

// PhraseWords splits a cue phrase into the lower-cased words MatchPhrase
// expects ("Is Tipped To" → ["is" "tipped" "to"]).
func PhraseWords(phrase string) []string {
	toks := Tokens(phrase, lint.Span{Start: 0, End: len(phrase)})
	lower := lowerASCII(phrase)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, t.Text(lower))
	}
	return out
}

// MatchPhrase returns the spans where words (lower-cased tokens, as from
// PhraseWords) occur in sentence si, consecutively and outside quotes.
func (a *Analysis) MatchPhrase(si int, words []string) []lint.Span {
	if len(words) == 0 {
		return nil
	}
	toks := a.SentenceTokens(si)
	var out []lint.Span
	for j := 0; j+len(words) <= len(toks); j++ {
		ok := true
		for k, w := range words {
			t := toks[j+k]
			if t.Flags&InQuote != 0 || a.Lower(t) != w {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, lint.Span{Start: int(toks[j].Start), End: int(toks[j+len(words)-1].End)})
		}
	}
	return out
}

// HasWord reports whether sentence si has a word in set (lower-cased),
// quoted or not.
func (a *Analysis) HasWord(si int, set map[string]bool) bool {
	for _, t := range a.SentenceTokens(si) {
		if t.Kind == Word && set[a.Lower(t)] {
			return true
		}
	}
	return false
}
