package rules

import (
	"copydesk/lint/freelist"
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unsafe"

	"copydesk/lint"
	"copydesk/rules/internal/prose"
)

// HeadlineOverstatesOptions are the options of headline-overstates
// ([rule.headline-overstates.options]).
type HeadlineOverstatesOptions struct {
	// MinOverlap is the share of the headline's content words a body
	// sentence must contain to carry the headline's claim.
	MinOverlap float64 `toml:"min-overlap"`
	// MinSharedWords is the least number of shared content words.
	MinSharedWords int `toml:"min-shared-words"`
	// AnonymousIsHedge counts a sentence whose only sources are anonymous
	// as hedged.
	AnonymousIsHedge bool `toml:"anonymous-is-hedge"`
}

// DefaultHeadlineOverstatesOptions returns the options headline-overstates
// uses when the config sets none.
func DefaultHeadlineOverstatesOptions() HeadlineOverstatesOptions {
	return HeadlineOverstatesOptions{MinOverlap: 0.5, MinSharedWords: 3, AnonymousIsHedge: true}
}

// HeadlineOverstates is the headline-overstates rule: the headline states
// as fact what the body only hedges or attributes to anonymous sources.
type HeadlineOverstates struct {
	opts HeadlineOverstatesOptions
}

// NewHeadlineOverstates returns headline-overstates with default options.
func NewHeadlineOverstates() *HeadlineOverstates {
	return &HeadlineOverstates{opts: DefaultHeadlineOverstatesOptions()}
}

// Meta describes headline-overstates.
func (r *HeadlineOverstates) Meta() lint.Meta {
	return lint.Meta{
		ID:       "headline-overstates",
		Summary:  "Headline states as fact what the body only hedges or attributes to anonymous sources",
		Severity: lint.Warning,
		Default:  true,
		Doc: `Readers remember the headline. A flat headline over a story that only says "may", "is understood
to" or "people familiar with the matter said" shapes what readers believe, and is a correction and
legal risk.

The rule compares the headline's content words (lower-cased, possessives and stop words dropped,
light stemming of -s, -es, -ed, -ing, -ly and a few irregular verbs, numbers kept: "£12m" is "12m")
with each body sentence. A sentence carries the headline's claim when it shares at least
min-shared-words of them and at least min-overlap of all of them. A carrying sentence is hedged
when it has a modal or epistemic hedge (may, might, could, possibly, likely, appears, seems,
unconfirmed, if, reportedly, allegedly), an agentless attribution ("is understood to", "is believed
to", "it is said"), or only anonymous sources (anonymous-is-hedge). The rule fires, on the whole
headline, only when at least one sentence carries the claim and every one of them is hedged; the
carrying sentences are the related locations.

It is conservative by design and stays silent when: the headline has fewer than three content
words; the headline is a question, is itself hedged (that is hedged-headline's job) or is attributed
("..., council says"); no body sentence shares enough words with it; or any carrying sentence is a
plain statement or is attributed to a named person, an institution or a document.

Limits: word overlap is not meaning. A body that paraphrases the headline ("quit" for "resigns")
carries nothing, so the rule misses it; a hedge anywhere in a carrying sentence counts, even when it
governs another clause; negation is not read ("will not close" supports "to close" as far as the
rule can tell); pronoun sources are taken as named. No fix is offered: only the editor can say
whether the story stands the headline up.`,
		Bad: "Dunmere Water hid leak figures from regulator\n\n" +
			"Two people familiar with the inquiry said Dunmere Water hid leak figures from the regulator.\n",
		Good: "Dunmere Water hid leak figures from regulator\n\n" +
			"Dunmere Water hid leak figures from the regulator for two years, the Water Services Board found.\n",
		Options: `min-overlap = 0.5         # share of headline content words a body sentence must contain
min-shared-words = 3      # and at least this many of them
anonymous-is-hedge = true # a sentence resting only on anonymous sources is hedged`,
	}
}

// Configure returns a copy of the rule with options decoded over the defaults.
func (r *HeadlineOverstates) Configure(decode func(v any) error) (lint.Rule, error) {
	opts := DefaultHeadlineOverstatesOptions()
	if err := decode(&opts); err != nil {
		return nil, err
	}
	if opts.MinOverlap <= 0 || opts.MinOverlap > 1 {
		return nil, fmt.Errorf("min-overlap must be in (0, 1], got %g", opts.MinOverlap)
	}
	if opts.MinSharedWords < 1 {
		return nil, fmt.Errorf("min-shared-words must be at least 1, got %d", opts.MinSharedWords)
	}
	return &HeadlineOverstates{opts: opts}, nil
}

// maxClaimWords bounds the headline's content words: a longer "headline"
// is a paragraph the parser took for one, and comparing it would cost
// time for nothing.
const maxClaimWords = 40

// carrier is a body sentence that carries the headline's claim.
type carrier struct {
	span lint.Span
	para int    // 1-based paragraph number in the body
	cue  string // what hedges it, as written
}

// Check compares the headline's claim with the body sentences that carry it.
func (r *HeadlineOverstates) Check(p *lint.Pass) error {
	doc := p.Doc
	if !doc.HasHeadline() || doc.Headline.Empty() {
		return nil
	}
	hs := defaultHeadlineScore(doc)
	if hs.claimHedged || hs.anyQ || hs.attributed {
		return nil
	}
	scr := overstatesPool.Get()
	defer scr.put()
	claim := headlineClaimInto(scr, doc)
	if len(claim) < 3 || len(claim) > maxClaimWords {
		return nil // too short to compare, or too long to be a headline
	}
	need := r.opts.MinSharedWords
	if atLeast := int(r.opts.MinOverlap*float64(len(claim)) + 0.999999); atLeast > need {
		need = atLeast
	}
	if need > len(claim) {
		return nil
	}
	first := claimFirstBytes(claim)
	idx := newClaimIndex(claim, scr.forms[:0])
	scr.forms = idx.forms
	an := prose.Analyze(doc)
	carriers := scr.carriers[:0]
	hit := scr.hit[:0]
	seen := slices.Grow(scr.seen[:0], len(claim))[:len(claim)]
	scr.seen = seen
	para, lastBlock := 0, -1
	for si := range an.Sentences {
		sent := &an.Sentences[si]
		if sent.Headline {
			continue
		}
		blk := &doc.Blocks[sent.Block]
		if blk.Kind == lint.Heading || blk.Kind == lint.Title {
			continue
		}
		if sent.Block != lastBlock {
			para++
			lastBlock = sent.Block
		}
		if isQuestion(doc.Text, sent.Span) {
			continue // a question asserts nothing, either way
		}
		toks := an.SentenceTokens(si)
		if cap(hit) < len(toks) {
			hit = make([]bool, len(toks)*2)
			scr.hit = hit
		}
		hit = hit[:len(toks)]
		if sharedWords(an, toks, claim, &first, &idx, seen, hit) < need {
			continue
		}
		hedged, cue := sentenceHedged(doc, an, si, toks, hit, r.opts.AnonymousIsHedge)
		if !hedged {
			return nil // one supported carrier is enough
		}
		carriers = append(carriers, carrier{span: sent.Span, para: para, cue: cue})
		scr.carriers = carriers
	}
	if len(carriers) == 0 {
		return nil
	}
	f := lint.Finding{
		Span: doc.Headline,
		Message: fmt.Sprintf("Headline states as fact what the body only hedges (%q, para %d): "+
			"can the story stand it up, or should the headline carry the caveat?", carriers[0].cue, carriers[0].para),
	}
	f.Related = make([]lint.Related, 0, len(carriers))
	for _, c := range carriers {
		f.Related = append(f.Related, lint.Related{Span: c.span, Message: fmt.Sprintf("carries the claim, hedged by %q", c.cue)})
	}
	p.Report(f)
	return nil
}

// overstatesScratch is the working memory of one headline-overstates
// check, pooled so that a check allocates nothing but its finding. The
// claim's stems view lower: nothing that outlives the check keeps them.
type overstatesScratch struct {
	lower    []byte   // the headline, ASCII letters lower-cased
	claim    []string // the headline's content-word stems
	forms    []string // claimIndex.forms
	seen     []bool
	hit      []bool
	carriers []carrier
}

var overstatesPool freelist.List[overstatesScratch]

// maxPooledTokens bounds the token-sized scratch kept for the next draft.
const maxPooledTokens = 4096

func (s *overstatesScratch) put() {
	if cap(s.hit) > maxPooledTokens || cap(s.lower) > 16*maxPooledTokens || cap(s.claim) > maxPooledTokens {
		return
	}
	clear(s.claim[:cap(s.claim)])
	clear(s.forms)
	clear(s.carriers)
	s.lower, s.claim, s.forms, s.seen, s.hit, s.carriers = s.lower[:0], s.claim[:0], s.forms[:0], s.seen[:0], s.hit[:0], s.carriers[:0]
	overstatesPool.Put(s)
}

// headlineClaimInto returns the stems of the headline's content words,
// each once, in order, in scr's memory: the stems view scr.lower.
func headlineClaimInto(scr *overstatesScratch, doc *lint.Document) []string {
	var buf [48]prose.Token // a headline's tokens, without growing a slice
	h := doc.Headline
	toks := prose.AppendTokens(buf[:0], doc.Text, h)
	// The headline's words lower-cased (ASCII letters only, so offsets
	// hold), at offsets from the headline's start.
	scr.lower = appendLowerASCII(scr.lower[:0], doc.Text[h.Start:h.End])
	lower := unsafeString(scr.lower)
	for i := len(toks) - 1; i > 0; i-- {
		if toks[i].Kind == prose.Punct && toks[i].Rune == '|' {
			toks = toks[:i] // "Headline | Site name"
			break
		}
	}
	out := slices.Grow(scr.claim[:0], len(toks))
	for _, t := range toks {
		if t.Kind == prose.Punct {
			continue
		}
		st := claimStem(lower[int(t.Start)-h.Start : int(t.End)-h.Start])
		if st == "" {
			continue
		}
		dup := false
		for _, o := range out {
			if o == st {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, st)
		}
	}
	scr.claim = out
	return out
}

// claimIndex finds, without stemming, the body words that cannot stem to a
// claim word: stemming only cuts a word's end, so a word's stem is a claim
// word only if the claim word begins the word, or the word is an irregular
// form of it ("went" for "go").
type claimIndex struct {
	byFirst [256]uint64 // claim words (bit i: claim[i]) by first byte
	forms   []string    // irregular forms whose stem is a claim word
}

// newClaimIndex indexes the claim (at most maxClaimWords < 64 words); the
// irregular forms are appended to forms.
func newClaimIndex(claim, forms []string) claimIndex {
	ci := claimIndex{forms: forms}
	for i, c := range claim {
		ci.byFirst[c[0]] |= 1 << i
		for _, e := range irregularOf(c) {
			ci.forms = append(ci.forms, e.form)
		}
	}
	return ci
}

// mayStem reports whether the lower-cased word w may stem to a claim word;
// false means claimStem(w) is no claim word.
func (ci *claimIndex) mayStem(claim []string, w string) bool {
	for b := ci.byFirst[w[0]]; b != 0; b &= b - 1 {
		if strings.HasPrefix(w, claim[bits.TrailingZeros64(b)]) {
			return true
		}
	}
	if len(ci.forms) > 0 {
		sw := prose.StripPossessive(w)
		for _, f := range ci.forms {
			if sw == f {
				return true
			}
		}
	}
	return false
}

// claimFirstBytes returns the first bytes a body word can start with and
// still stem to a claim word: the stems' own, and those of irregular forms
// of them ("went" for "go").
func claimFirstBytes(claim []string) [256]bool {
	var first [256]bool
	for _, c := range claim {
		first[c[0]] = true
		if c[0] >= 'a' && c[0] <= 'z' {
			first[c[0]-'a'+'A'] = true
		}
	}
	for _, c := range claim {
		for _, e := range irregularOf(c) {
			first[e.form[0]] = true
		}
	}
	return first
}

// stemForm is an irregular form and the claim stem it reduces to. The
// generated irregularStems (irregular_table.go) lists those of
// irregularVerbs sorted by stem, then form, so that a draft neither stems
// them again nor builds a map of them.
type stemForm struct{ stem, form string }

// irregularOf returns the irregular forms that stem to st.
func irregularOf(st string) []stemForm {
	i, _ := slices.BinarySearchFunc(irregularStems[:], st, func(e stemForm, st string) int { return strings.Compare(e.stem, st) })
	j := i
	for j < len(irregularStems) && irregularStems[j].stem == st {
		j++
	}
	return irregularStems[i:j]
}

// sharedWords counts the claim stems found among toks and marks, in hit,
// the tokens that carry one.
func sharedWords(an *prose.Analysis, toks []prose.Token, claim []string, first *[256]bool, idx *claimIndex, seen, hit []bool) int {
	for i := range seen {
		seen[i] = false
	}
	n := 0
	for k, t := range toks {
		hit[k] = false
		if t.Kind == prose.Punct {
			continue
		}
		w := an.Lower(t)
		if t.Kind == prose.Word && (!first[w[0]] || !idx.mayStem(claim, w)) {
			continue // stemming keeps the first letter: no claim word starts so
		}
		st := claimStem(w)
		if st == "" {
			continue
		}
		for i, c := range claim {
			if c == st {
				hit[k] = true
				if !seen[i] {
					seen[i] = true
					n++
				}
				break
			}
		}
	}
	return n
}

// claimStem reduces a lower-cased word to the form claims are compared in,
// or "" for a stop word. It slices w and never allocates.
func claimStem(w string) string {
	w = prose.StripPossessive(w)
	if w == "" {
		return ""
	}
	if isCurrency(rune(w[0])) || strings.HasPrefix(w, "£") || strings.HasPrefix(w, "€") {
		_, n := firstRune(w)
		w = w[n:]
		return w // numbers are kept as written
	}
	if isDigitByte(w[0]) {
		return w
	}
	if e := lexLookup(w); e.sets&(lexStopWords|lexClaimFillers) != 0 {
		return "" // a word that carries no claim
	} else if e.base != "" {
		w = e.base // an irregular form
	}
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		w = w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ing"):
		w = w[:len(w)-3]
	case len(w) > 3 && strings.HasSuffix(w, "ed"):
		w = w[:len(w)-2]
	case len(w) > 4 && strings.HasSuffix(w, "ly"):
		w = w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "es"):
		w = w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		w = w[:len(w)-1]
	}
	// Fold the tails stemming leaves behind: close/clos, company/compan,
	// stopp/stop.
	if len(w) > 3 && (w[len(w)-1] == 'e' || w[len(w)-1] == 'y') {
		w = w[:len(w)-1]
	}
	if n := len(w); n > 3 && w[n-1] == w[n-2] && !isVowel(w[n-1]) && w[n-1] != 'l' && w[n-1] != 's' {
		w = w[:n-1]
	}
	return w
}

// isQuestion reports whether a sentence ends with a question mark (before
// any closing quote marks or brackets).
func isQuestion(text string, s lint.Span) bool {
	t := strings.TrimRight(text[s.Start:s.End], " \n\t\"'”’»)]")
	return strings.HasSuffix(t, "?")
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

func firstRune(s string) (rune, int) {
	for i, r := range s {
		if i > 0 {
			return r, i
		}
	}
	return 0, len(s)
}

// claimFillers are headline words that carry no claim.
var claimFillers = wordList{bit: lexClaimFillers, words: []string{
	"after", "amid", "breaking", "dr", "exclusive", "here", "latest", "live", "mr", "mrs", "ms", "new", "over",
	"photos", "report", "reports", "said", "says", "update", "video", "watch",
}}

// irregularVerbs map past forms to the base form claims are compared in
// (sorted by form). The word table (lexicon.go) holds the base forms.
var irregularVerbs = [...]irregular{
	{"became", "become"}, {"began", "begin"}, {"begun", "begin"}, {"bet", "bet"}, {"bought", "buy"},
	{"broke", "break"}, {"broken", "break"}, {"brought", "bring"}, {"built", "build"}, {"caught", "catch"},
	{"children", "child"}, {"chose", "choose"}, {"chosen", "choose"}, {"cut", "cut"}, {"dealt", "deal"},
	{"driven", "drive"}, {"drove", "drive"}, {"fallen", "fall"}, {"fell", "fall"}, {"fled", "flee"},
	{"flew", "fly"}, {"flown", "fly"}, {"forbade", "forbid"}, {"fought", "fight"}, {"found", "find"},
	{"froze", "freeze"}, {"frozen", "freeze"}, {"gave", "give"}, {"given", "give"}, {"gone", "go"},
	{"grew", "grow"}, {"grown", "grow"}, {"held", "hold"}, {"hid", "hide"}, {"hidden", "hide"}, {"hit", "hit"},
	{"kept", "keep"}, {"knew", "know"}, {"known", "know"}, {"led", "lead"}, {"left", "leave"},
	{"lent", "lend"}, {"lost", "lose"}, {"made", "make"}, {"meant", "mean"}, {"men", "man"}, {"met", "meet"},
	{"overtook", "overtake"}, {"paid", "pay"}, {"quit", "quit"}, {"quitting", "quit"}, {"ran", "run"},
	{"resigned", "resign"}, {"resigning", "resign"}, {"resigns", "resign"}, {"risen", "rise"},
	{"rose", "rise"}, {"sank", "sink"}, {"saw", "see"}, {"seen", "see"}, {"sent", "send"}, {"set", "set"},
	{"shot", "shoot"}, {"shut", "shut"}, {"slept", "sleep"}, {"sold", "sell"}, {"sought", "seek"},
	{"spent", "spend"}, {"stole", "steal"}, {"stolen", "steal"}, {"struck", "strike"}, {"sunk", "sink"},
	{"swept", "sweep"}, {"taken", "take"}, {"told", "tell"}, {"took", "take"}, {"undertook", "undertake"},
	{"went", "go"}, {"wept", "weep"}, {"withdrawn", "withdraw"}, {"withdrew", "withdraw"}, {"women", "woman"},
	{"won", "win"}, {"written", "write"}, {"wrote", "write"},
}

// irregular is an irregular form and its base form.
type irregular struct{ form, base string }

// sentenceHedged decides whether carrying sentence si only hedges its
// claim, and names the cue. A modal or epistemic hedge counts when it
// governs words of the claim, inside quotes too (the claim is still
// hedged, whoever hedges it); so does an agentless attribution. The
// attribution model (prose.Analyze) gives the sentence's sources: with
// anonymousIsHedge, a sentence resting only on anonymous or weasel sources
// is hedged, and any on-record source supports it.
func sentenceHedged(doc *lint.Document, an *prose.Analysis, si int, toks []prose.Token, hit []bool, anonymousIsHedge bool) (bool, string) {
	for i, t := range toks {
		if t.Kind != prose.Word {
			continue
		}
		w := an.Lower(t)
		switch {
		case bodyHedges.has(w):
			if w == "may" && bodyMayIsMonth(an, toks, i) || !governsClaim(an, toks, hit, i) ||
				w == "could" && i+1 < len(toks) && an.Lower(toks[i+1]) == "not" {
				continue // "could not have gone worse" asserts
			}
			return true, doc.Slice(t.Span())
		case agentlessParticiples.has(w) && i > 0 && isBeForm(an.Lower(toks[i-1])):
			// "is understood to", "was said to", "it is believed that"
			if (i+1 < len(toks) && (an.Lower(toks[i+1]) == "to" || an.Lower(toks[i+1]) == "that") ||
				i > 1 && an.Lower(toks[i-2]) == "it") && governsClaim(an, toks, hit, i) {
				return true, doc.Slice(lint.Span{Start: int(toks[i-1].Start), End: int(t.End)})
			}
		}
	}
	// The attribution model's unattributed constructions (RULES.md §2):
	// "it is understood that", "according to reports", "critics argue".
	for _, cu := range an.SentenceCues(si) {
		if cu.Kind == prose.Prediction || cu.Covered || cu.Idiom {
			continue
		}
		if cu.Kind == prose.WeaselCue && !anonymousIsHedge {
			continue
		}
		if clauseCarriesClaim(an, toks, hit, cu.Span) {
			return true, doc.Slice(cu.Span)
		}
	}
	if !anonymousIsHedge {
		return false, ""
	}
	switch an.SourceClass(si) {
	case prose.Anonymous, prose.Weasel:
		for _, at := range an.SentenceAttributions(si) {
			if at.Class != prose.Anonymous && at.Class != prose.Weasel {
				continue
			}
			// The source must hold the clause that carries the claim
			// ("While critics argue X, the council did Y": the weasel
			// holds only its own clause).
			if !clauseCarriesClaim(an, toks, hit, at.Cue) {
				continue
			}
			sp := at.Source
			if sp.Empty() {
				sp = at.Cue
			}
			return true, doc.Slice(sp)
		}
	}
	return false, ""
}

// clauseCarriesClaim reports whether the clause of the sentence holding
// the span cue carries the claim: holds at least as many of the claim's
// words as any other clause. Clauses split at ";" and contrast words
// (RULES.md §1.4); a sentence opened by a contrast word ("While critics
// argue X, Y") ends that clause at its first comma. An empty cue (a
// continued quote) holds the whole sentence.
func clauseCarriesClaim(an *prose.Analysis, toks []prose.Token, hit []bool, cue lint.Span) bool {
	if cue.Empty() {
		return true
	}
	var counts [8]int // hits per clause; later clauses share the last slot
	n, lead, cueClause := 0, false, -1
	for j, t := range toks {
		if t.Flags&prose.InQuote == 0 {
			switch {
			case t.Kind == prose.Punct && (t.Rune == ';' || t.Rune == ',' && lead):
				n++
				lead = false
			case t.Kind == prose.Word && contrastWords.has(an.Lower(t)):
				n++
				lead = j == 0
			}
		}
		c := min(n, len(counts)-1)
		if cueClause < 0 && int(t.Start) >= cue.Start {
			cueClause = c
		}
		if hit[j] {
			counts[c]++
		}
	}
	if cueClause < 0 {
		return false
	}
	for _, k := range counts {
		if k > counts[cueClause] {
			return false
		}
	}
	return counts[cueClause] > 0
}

// contrastWords open a clause an attribution does not reach (RULES.md §1.4).
var contrastWords = wordList{bit: lexContrastWords, words: []string{
	"although", "but", "however", "though", "whereas", "while", "yet",
}}

// governsClaim approximates a hedge's scope: a modal, adverb or agentless
// verb at i hedges the claim only when a word of the claim follows within
// a few words ("may close", "is understood to have resigned", "has
// reportedly been sold"), or, for an adverb after its verb, just before it.
func governsClaim(an *prose.Analysis, toks []prose.Token, hit []bool, i int) bool {
	for k, n := i+1, 0; k < len(toks) && n < 5; k++ {
		if toks[k].Kind == prose.Punct {
			if toks[k].Rune == ',' || toks[k].Rune == ';' || toks[k].Rune == ':' || toks[k].Rune == '.' {
				break
			}
			continue
		}
		if hit[k] {
			return true
		}
		n++
	}
	if strings.HasSuffix(an.Lower(toks[i]), "ly") && i > 0 && hit[i-1] {
		return true // "was sold reportedly"
	}
	return false
}

// bodyHedges are the modal and epistemic hedges of RULES.md §4.2 step 4.
// "if" is left out: a condition rarely governs the headline's claim, and
// counting it cost precision on published articles.
var bodyHedges = wordList{bit: lexBodyHedges, words: []string{
	"allegedly", "apparently", "appear", "appeared", "appears", "could", "likely", "may", "maybe", "might",
	"perhaps", "possibly", "potentially", "probably", "purportedly", "reportedly", "reputedly", "rumored",
	"rumoured", "seem", "seemed", "seems", "supposedly", "unconfirmed", "unverified",
}}

// agentlessParticiples make an agentless attribution after a form of be.
var agentlessParticiples = wordList{bit: lexAgentlessParticiples, words: []string{
	"alleged", "believed", "claimed", "expected", "feared", "reported", "rumored", "rumoured", "said",
	"suspected", "thought", "tipped", "understood",
}}

func bodyMayIsMonth(an *prose.Analysis, toks []prose.Token, i int) bool {
	if !toks[i].Is(prose.Cap) {
		return i > 0 && monthPrepositions.has(an.Lower(toks[i-1]))
	}
	if i > 0 && toks[i-1].Kind == prose.Word && monthPrepositions.has(an.Lower(toks[i-1])) {
		return true
	}
	if i+1 < len(toks) && toks[i+1].Kind == prose.Number {
		return true
	}
	// A sentence-initial "May" before a verb is the modal; elsewhere a
	// capitalised May is the month or a name.
	return i > 0 || i+1 >= len(toks) || !bareVerbs.has(an.Lower(toks[i+1]))
}

// appendLowerASCII appends s to dst with ASCII letters lower-cased, as
// prose.LowerASCII does: byte offsets are kept.
func appendLowerASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// unsafeString views b as a string without copying; the caller must not
// change b while the string is in use.
func unsafeString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
