package rules

import (
	"cmp"
	"copydesk/lint/freelist"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/lint"
)

// HedgedHeadlineOptions are the options of hedged-headline
// ([rule.hedged-headline.options]).
type HedgedHeadlineOptions struct {
	// MinScore is the hedge score at which the headline is flagged.
	MinScore float64 `toml:"min-score"`
	// WhQuestions counts wh-questions ("Why is the tram late?") like yes/no
	// questions; by default they are explainers and weigh nothing.
	WhQuestions bool `toml:"wh-questions"`
	// MaxScareWords is the longest quoted fragment, in words, that counts
	// as scare quotes; 0 turns the signal off.
	MaxScareWords int `toml:"max-scare-words"`
	// Hedges adds cues (lower-case words or phrases) with their weights,
	// or re-weights built-in ones; weight 0 turns a cue off.
	Hedges map[string]float64 `toml:"hedges"`
}

// DefaultHedgedHeadlineOptions returns the options hedged-headline uses
// when the config sets none.
func DefaultHedgedHeadlineOptions() HedgedHeadlineOptions {
	return HedgedHeadlineOptions{MinScore: 2, MaxScareWords: 3}
}

// HedgedHeadline is the hedged-headline rule: a headline stacked with
// hedges (modals, "reportedly", question form, anonymous attribution,
// scare quotes) tells the reader nothing firm.
type HedgedHeadline struct {
	opts HedgedHeadlineOptions
	lex  *hedgeLexicon
}

// NewHedgedHeadline returns hedged-headline with default options.
func NewHedgedHeadline() *HedgedHeadline {
	return &HedgedHeadline{opts: DefaultHedgedHeadlineOptions(), lex: defaultHedgeLexicon}
}

// Meta describes hedged-headline.
func (r *HedgedHeadline) Meta() lint.Meta {
	return lint.Meta{
		ID:       "hedged-headline",
		Summary:  "Headline stacked with hedges, question form or anonymous attribution",
		Severity: lint.Warning,
		Default:  true,
		Doc: `A headline that will not commit tells the reader nothing firm, yet still lends the claim the
outlet's credibility. The rule scores the headline (Markdown front-matter title or first H1, HTML <h1>
or <title>, the first line of plain text) with words inside direct quotations masked:

  may, might, could                                   1  ("May" the month is not a hedge)
  would                                               0.5
  reportedly, allegedly, supposedly, purportedly      1  ("allegedly" near court words: 0)
  claim(s), rumour(s)                                 1  (0.5 after a named subject; 0 in a denial)
  suggests, appears to, seems to, believed to,
  thought to, said to, understood to, feared          1
  set to, poised to, expected to, likely,
  probably, possibly, potential(ly)                   0.5 (0 when the headline gives a date)
  yes/no question ("Is ... ?", a statement ending ?)  2  (wh-questions: 0 unless wh-questions = true)
  anonymous tail or prefix (", sources say", Report:) 1  (a named tail, ", council says", weighs 0
                                                         and zeroes the hedges it attributes)
  scare quotes: a short quoted fragment, no speaker   1  (a multiword Title Case fragment is a title)

It fires at min-score (2: two hedges, or a question headline) and reports once: on the whole headline
for a question, otherwise on the first hedge, with the other hedges as related locations. When some
hedges can be dropped without breaking the sentence ("reportedly", ", sources say", "Report:"), it
suggests the headline without them; the suggestion is never applied by --fix.

Limits: headlines in Title Case hide the difference between a name and a word, so a multiword quoted
fragment in a Title Case headline is always read as a title, and "May" before a verb is read as the
modal. Hedges inside a named speaker's quote are the speaker's, not the headline's.
Suppress a deliberate hedge with <!-- copydesk-ignore hedged-headline: reason -->.`,
		Bad:  "Hale Street library could close by spring, sources say\n\nThe council is reviewing the lease.\n",
		Good: "Hale Street library to close in June, council says\n\nThe council confirmed the date on Monday.\n",
		Options: `min-score = 2.0      # flag at this hedge score: two signals, or a yes/no question
wh-questions = false # count "Why/How ...?" explainer headlines as questions
max-scare-words = 3  # longest quoted fragment (words) read as scare quotes; 0 = off
hedges = {}          # extra or re-weighted cues, e.g. { "tipped to" = 1.0, "would" = 0.0 }`,
	}
}

// Configure returns a copy of the rule with options decoded over the defaults.
func (r *HedgedHeadline) Configure(decode func(v any) error) (lint.Rule, error) {
	opts := DefaultHedgedHeadlineOptions()
	if err := decode(&opts); err != nil {
		return nil, err
	}
	if opts.MinScore <= 0 {
		return nil, fmt.Errorf("min-score must be above 0, got %g", opts.MinScore)
	}
	if opts.MaxScareWords < 0 {
		return nil, fmt.Errorf("max-scare-words must not be negative, got %d", opts.MaxScareWords)
	}
	lex := defaultHedgeLexicon
	if len(opts.Hedges) > 0 {
		var err error
		if lex, err = defaultHedgeLexicon.with(opts.Hedges); err != nil {
			return nil, fmt.Errorf("hedges: %w", err)
		}
	}
	return &HedgedHeadline{opts: opts, lex: lex}, nil
}

// Check scores the headline and reports it when it is hedging-heavy.
func (r *HedgedHeadline) Check(p *lint.Pass) error {
	doc := p.Doc
	if !doc.HasHeadline() || doc.Headline.Empty() {
		return nil
	}
	var sc headlineScore
	if def := DefaultHedgedHeadlineOptions(); r.lex == defaultHedgeLexicon && r.opts.WhQuestions == def.WhQuestions &&
		r.opts.MaxScareWords == def.MaxScareWords {
		// The score headline-overstates needs too (min-score plays no
		// part in scoring).
		sc = defaultHeadlineScore(doc)
	} else {
		m := newPooledScore()
		defer m.Release()
		m.score(doc, r.lex, r.opts)
		sc = m.sc
	}
	if sc.total < r.opts.MinScore || len(sc.weighted) == 0 {
		return nil
	}
	first := sc.weighted[0]
	f := lint.Finding{Span: first.span}
	switch first.kind {
	case sigQuestion:
		f.Message = "Question headline: can it state the answer the story supports?"
	case sigScare:
		f.Message = fmt.Sprintf("Scare quotes around %s with no speaker: whose word is it?", doc.Slice(first.span))
	default:
		f.Message = fmt.Sprintf("Headline hedges with %q: can it state what is known, or say who says so?", first.label)
	}
	if len(sc.weighted) > 1 {
		f.Related = make([]lint.Related, 0, len(sc.weighted)-1)
	}
	for _, s := range sc.weighted[1:] {
		f.Related = append(f.Related, lint.Related{Span: s.span, Message: s.relatedMessage(doc)})
	}
	f.Fix = hedgeRemovalFix(doc, sc)
	p.Report(f)
	return nil
}

// sigKind tells what kind of hedge a signal is.
type sigKind uint8

const (
	sigWord      sigKind = iota // a lexicon cue
	sigQuestion                 // yes/no question form
	sigAnonymous                // anonymous attribution tail or prefix
	sigScare                    // scare quotes
)

// hsignal is one hedge found in a headline.
type hsignal struct {
	kind   sigKind
	span   lint.Span // what the finding or related location points at
	label  string    // the cue as written
	weight float64
	// remove is the Text span whose deletion drops the hedge and keeps
	// the headline grammatical; empty when there is none.
	remove lint.Span
	// capitalize: the deletion starts the headline, so the next letter
	// must be upper-cased.
	capitalize bool
}

func (s hsignal) relatedMessage(doc *lint.Document) string {
	switch s.kind {
	case sigQuestion:
		return "question headline"
	case sigScare:
		return "scare quotes around " + doc.Slice(s.span)
	case sigAnonymous:
		return fmt.Sprintf("anonymous attribution %q", s.label)
	}
	return fmt.Sprintf("hedge %q", s.label)
}

// headlineScore is the outcome of scoring a headline.
type headlineScore struct {
	total    float64
	weighted []hsignal // signals with weight > 0, in headline order (a question first)
	question bool      // yes/no question (or any question with wh-questions)
	anyQ     bool      // ends with a question mark outside quotes
	// attributed: a speaker on the record owns the claim (named tail,
	// "Okafor says ...", "Okafor: '...'").
	attributed bool
	// claimHedged: a hedge signal other than scare quotes, at any weight
	// (used by headline-overstates, which runs only on flat headlines).
	claimHedged bool
}

// hedgeKind groups lexicon cues by the context rules they follow.
type hedgeKind uint8

const (
	hkPlain     hedgeKind = iota
	hkMay                 // may, might: "May" the month
	hkAlleged             // allegedly: legal usage
	hkClaim               // claim(s), rumour(s)
	hkExpect              // set to, poised to, expected to, likely...: 0 with a date
	hkSaidTo              // said to, thought to: needs a verb after
	hkAdverb              // reportedly-type adverbs: removable
	hkEpistemic           // suggests, appears to...
)

type hedgeCue struct {
	words  []string
	weight float64
	kind   hedgeKind
}

// hedgeLexicon holds the cues longest first (stable): match takes the
// first that fits. A headline has a dozen words and there are 35 cues, so a
// scan beats building a map at start-up (it cost 134 allocations in every
// run).
type hedgeLexicon struct {
	cues []hedgeCue
}

// defaultHedgeCues are the built-in cues, longest first (TestDefaultHedgeCues):
// a literal the binary holds as initialised data, built by no code at start.
var defaultHedgeCues = []hedgeCue{
	{[]string{"appears", "to"}, 1, hkEpistemic}, {[]string{"appear", "to"}, 1, hkEpistemic},
	{[]string{"seems", "to"}, 1, hkEpistemic}, {[]string{"seem", "to"}, 1, hkEpistemic},
	{[]string{"believed", "to"}, 1, hkSaidTo}, {[]string{"thought", "to"}, 1, hkSaidTo},
	{[]string{"said", "to"}, 1, hkSaidTo}, {[]string{"understood", "to"}, 1, hkSaidTo},
	{[]string{"set", "to"}, 0.5, hkExpect}, {[]string{"poised", "to"}, 0.5, hkExpect},
	{[]string{"expected", "to"}, 0.5, hkExpect}, {[]string{"may"}, 1, hkMay}, {[]string{"might"}, 1, hkMay},
	{[]string{"could"}, 1, hkPlain}, {[]string{"would"}, 0.5, hkPlain}, {[]string{"reportedly"}, 1, hkAdverb},
	{[]string{"supposedly"}, 1, hkAdverb}, {[]string{"purportedly"}, 1, hkAdverb},
	{[]string{"allegedly"}, 1, hkAlleged}, {[]string{"claims"}, 1, hkClaim}, {[]string{"claim"}, 1, hkClaim},
	{[]string{"rumour"}, 1, hkClaim}, {[]string{"rumours"}, 1, hkClaim}, {[]string{"rumor"}, 1, hkClaim},
	{[]string{"rumors"}, 1, hkClaim}, {[]string{"rumoured"}, 1, hkPlain}, {[]string{"rumored"}, 1, hkPlain},
	{[]string{"suggests"}, 1, hkEpistemic}, {[]string{"suggest"}, 1, hkEpistemic},
	{[]string{"feared"}, 1, hkPlain}, {[]string{"likely"}, 0.5, hkExpect},
	{[]string{"probably"}, 0.5, hkAdverb}, {[]string{"possibly"}, 0.5, hkAdverb},
	{[]string{"potential"}, 0.5, hkExpect}, {[]string{"potentially"}, 0.5, hkAdverb},
}

var defaultHedgeLexicon = &hedgeLexicon{cues: defaultHedgeCues}

func buildHedgeLexicon(extra map[string]float64) *hedgeLexicon {
	// The cues' word lists are shared with the defaults: nothing changes
	// them.
	cues := append(make([]hedgeCue, 0, len(defaultHedgeCues)+len(extra)), defaultHedgeCues...)
	// Extra cues in a fixed order: one equal to a cue already listed
	// changes its weight only.
	keys := make([]string, 0, len(extra))
	for k := range extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, phrase := range keys {
		words := strings.Fields(foldLower(phrase))
		found := false
		for j := range cues {
			if slices.Equal(cues[j].words, words) {
				cues[j].weight, found = extra[phrase], true
				break
			}
		}
		if !found {
			cues = append(cues, hedgeCue{words: words, weight: extra[phrase], kind: hkPlain})
		}
	}
	slices.SortStableFunc(cues, func(a, b hedgeCue) int { return len(b.words) - len(a.words) })
	return &hedgeLexicon{cues: cues}
}

// with returns a copy of the lexicon with extra cues, checking them.
func (lex *hedgeLexicon) with(extra map[string]float64) (*hedgeLexicon, error) {
	keys := make([]string, 0, len(extra))
	for k := range extra {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		w := extra[k]
		if strings.TrimSpace(k) == "" {
			return nil, errors.New("empty cue")
		}
		if w < 0 || w > 10 {
			return nil, fmt.Errorf("cue %q: weight %g out of range 0..10", k, w)
		}
		for _, word := range strings.Fields(k) {
			for _, r := range word {
				if !isWordRune(r) && !isApostrophe(r) && r != '-' {
					return nil, fmt.Errorf("cue %q: only words are allowed, found %q", k, r)
				}
			}
		}
	}
	return buildHedgeLexicon(extra), nil
}

// starts reports whether a cue starts with the word w.
func (lex *hedgeLexicon) starts(w string) bool {
	for _, c := range lex.cues {
		if c.words[0] == w {
			return true
		}
	}
	return false
}

// match returns the cue starting at words[i], if any.
func (lex *hedgeLexicon) match(words []hword, i int) (hedgeCue, int, bool) {
	for _, c := range lex.cues {
		if c.words[0] != words[i].lower || i+len(c.words) > len(words) {
			continue
		}
		ok := true
		for k := 1; k < len(c.words); k++ {
			w := words[i+k]
			if w.punct || w.quoted || w.lower != c.words[k] {
				ok = false
				break
			}
		}
		if ok {
			return c, i + len(c.words), true
		}
	}
	return hedgeCue{}, i, false
}

type headlineKey struct{}

// defaultHeadlineScore memoizes the default-options score of the headline,
// so that hedged-headline (with default options) and headline-overstates
// score it once between them. The score's signals live in pooled memory
// until CheckDocument releases the memo: neither rule keeps them, or
// anything sliced from them, past its Check.
func defaultHeadlineScore(doc *lint.Document) headlineScore {
	return doc.Memo(headlineKey{}, func() any {
		m := newPooledScore()
		m.score(doc, defaultHedgeLexicon, DefaultHedgedHeadlineOptions())
		return m
	}).(*pooledScore).sc
}

// pooledScore is a headline score whose signals live in memory reused
// from draft to draft: Release (a lint.Releaser, for the memo) hands it
// back.
type pooledScore struct {
	sc headlineScore
}

var scorePool freelist.List[pooledScore]

func newPooledScore() *pooledScore { return scorePool.Get() }

// score scores doc's headline into m.
func (m *pooledScore) score(doc *lint.Document, lex *hedgeLexicon, opts HedgedHeadlineOptions) {
	m.sc = scoreHeadlineInto(doc, lex, opts, m.sc.weighted)
}

// Release returns m to the pool; nothing may use its score afterwards.
func (m *pooledScore) Release() {
	w := m.sc.weighted
	clear(w) // the labels keep the draft's text alive
	m.sc = headlineScore{}
	if cap(w) <= maxPooledWords {
		m.sc.weighted = w[:0]
	}
	scorePool.Put(m)
}

// scoreHeadline scores doc's headline (RULES.md §4.1).
func scoreHeadline(doc *lint.Document, lex *hedgeLexicon, opts HedgedHeadlineOptions) headlineScore {
	return scoreHeadlineInto(doc, lex, opts, nil)
}

// scoreHeadlineInto is scoreHeadline with the weighted signals appended to
// weighted[:0]. Its working memory comes from a pool.
func scoreHeadlineInto(doc *lint.Document, lex *hedgeLexicon, opts HedgedHeadlineOptions, weighted []hsignal) headlineScore {
	scr := getHeadlineScratch()
	defer scr.put()
	h := doc.Headline
	text := doc.Slice(h)
	quotes := quotesIn(scr.quotes, doc, h)
	scr.quotes = quotes
	words := scanWords(scr.words, &scr.lower, text, h.Start, quotes)
	scr.words = words
	// "Headline | Site name": a page title's site name is no part of the
	// headline.
	for i := len(words) - 1; i > 0; i-- {
		if words[i].punct && words[i].lower == "|" && !words[i].quoted {
			words = words[:i]
			break
		}
	}
	sigs := scr.sigs[:0]
	sc := headlineScore{weighted: weighted[:0]}

	// Clause structure: attribution tails, prefixes and speakers.
	hasSpeaker := false
	for i, w := range words {
		if !w.quoted && !w.punct && speechVerbs.has(w.lower) && w.lower != "claims" && w.lower != "claim" {
			hasSpeaker = true
		}
		if !w.quoted && w.punct && w.lower == ":" && i > 0 && i+1 < len(words) &&
			(words[i+1].quoted || i <= 6 && namedPhrase(words[:i]) && !anonymousPhrase(words[:i])) {
			hasSpeaker = true // Okafor: 'We will...'; Okafor on the tram report: a 'whitewash'
			sc.attributed = true
		}
		if !w.quoted && !w.punct && (w.lower == "claims" || w.lower == "claim") && claimWeight(words, i, 1, false) == 0.5 {
			hasSpeaker = true // Fenwick Rail claims "clear" proof
		}
	}
	zeroBefore, zeroAfter := -1, len(words) // word indexes: signals in [0,zeroBefore) and (zeroAfter,..) are the speaker's
	consumed := slices.Grow(scr.consumed[:0], len(words))[:len(words)]
	clear(consumed)
	scr.consumed = consumed

	// Tail: ", sources say", " - report suggests", ", council says".
	if sep := lastSeparator(words); sep >= 0 && sep+1 < len(words) {
		tail := words[sep+1:]
		if cls, ok := attributionClause(tail); ok {
			for k := sep; k < len(words); k++ {
				consumed[k] = true
			}
			if cls == srcNamed {
				zeroBefore = sep
				sc.attributed = true
			} else {
				span := lint.Span{Start: tail[0].start, End: tail[len(tail)-1].end}
				sigs = append(sigs, hsignal{kind: sigAnonymous, span: span, label: doc.Slice(span), weight: 1,
					remove: lint.Span{Start: words[sep].start, End: span.End}})
			}
		}
	}
	// Prefix: "Report: ...", "Sources: ...".
	if len(words) > 2 {
		for i := 0; i < len(words) && i <= 3; i++ {
			w := words[i]
			if w.punct {
				if w.lower == ":" && i > 0 && !w.quoted {
					src := words[:i]
					if anonymousPhrase(src) {
						for k := 0; k <= i; k++ {
							consumed[k] = true
						}
						span := lint.Span{Start: src[0].start, End: w.end}
						end := span.End
						if i+1 < len(words) {
							end = words[i+1].start
						}
						sigs = append(sigs, hsignal{kind: sigAnonymous, span: span, label: doc.Slice(span), weight: 1,
							remove: lint.Span{Start: span.Start, End: end}, capitalize: true})
					}
				}
				break
			}
		}
	}
	// Subject + speech verb inside the headline: "Okafor says trams could
	// run", "Sources say library could close".
	for i := 1; i < len(words); i++ {
		w := words[i]
		if consumed[i] || w.quoted || w.punct {
			continue
		}
		if w.lower == "saying" || w.lower == "claiming" {
			zeroAfter = min(zeroAfter, i) // "sacked for saying he could ...": the speaker's hedge
			continue
		}
		if !speechVerbs.has(w.lower) || !isPresentSpeech(w.lower) {
			continue
		}
		if i+1 < len(words) && words[i+1].lower == "to" {
			continue // "said to be quitting" is a hedge, not a speaker
		}
		start := i
		for start > 0 && !words[start-1].punct && !words[start-1].quoted && i-start < 5 &&
			!auxiliaries.has(words[start-1].lower) && !lex.starts(words[start-1].lower) {
			start-- // a source phrase never holds a modal or a hedge
		}
		if start == i {
			continue
		}
		subj := words[start:i]
		if anonymousPhrase(subj) {
			for k := start; k <= i; k++ {
				consumed[k] = true
			}
			span := lint.Span{Start: subj[0].start, End: w.end}
			sigs = append(sigs, hsignal{kind: sigAnonymous, span: span, label: doc.Slice(span), weight: 1})
		} else if namedPhrase(subj) {
			if w.lower == "claims" || w.lower == "claim" {
				continue // scored below at 0.5
			}
			zeroAfter = i
			sc.attributed = true
		}
		break
	}

	// Context facts.
	court, denial, dated := false, false, false
	for i, w := range words {
		if w.quoted || w.punct {
			continue
		}
		if courtWords.has(w.lower) {
			court = true
		}
		if denialWords.has(w.lower) {
			denial = true
		}
		if dateWords.has(w.lower) || isYear(w.lower) || (w.lower == "may" && mayIsMonth(words, i)) {
			dated = true
		}
	}

	// Lexicon cues.
	for i := 0; i < len(words); {
		w := words[i]
		if w.quoted || w.punct || consumed[i] {
			i++
			continue
		}
		if softHedges.has(w.lower) || (w.lower == "looks" || w.lower == "look") && i+1 < len(words) &&
			(words[i+1].lower == "to" || words[i+1].lower == "set" || words[i+1].lower == "like") {
			sc.claimHedged = true // weighs nothing here, but the claim is not flat
		}
		cue, next, ok := lex.match(words, i)
		if !ok {
			i++
			continue
		}
		weight := cue.weight
		switch cue.kind {
		case hkMay:
			if mayIsMonth(words, i) {
				weight = 0
			}
		case hkPlain:
			if w.lower == "could" && next < len(words) && words[next].lower == "not" {
				weight = 0 // "could not agree": past inability, not a hedge
			}
		case hkAlleged:
			if court {
				weight = 0
			}
		case hkClaim:
			weight = claimWeight(words, i, weight, denial)
		case hkExpect:
			if dated {
				weight = 0
			}
		case hkSaidTo:
			if !followedByVerb(words, next) && (i == 0 || !isBeForm(words[i-1].lower)) {
				weight = 0
			}
		}
		sp := lint.Span{Start: w.start, End: words[next-1].end}
		s := hsignal{kind: sigWord, span: sp, label: doc.Slice(sp), weight: weight}
		if weight > 0 {
			sc.claimHedged = true
		}
		if cue.kind == hkAdverb { // never "allegedly": dropping it would assert guilt
			s.remove, s.capitalize = adverbRemoval(doc, words, i)
		}
		if (zeroBefore >= 0 && i < zeroBefore) || i > zeroAfter {
			s.weight = 0 // the named speaker's hedge
		}
		sigs = append(sigs, s)
		i = next
	}

	// A headline mostly inside quotes is a speaker's claim, not the
	// paper's.
	nq, nw := 0, 0
	for _, w := range words {
		if !w.punct {
			nw++
			if w.quoted {
				nq++
			}
		}
	}
	if nq*2 > nw {
		sc.attributed = true
	}

	// Question form.
	if q, wh := questionForm(words); q {
		sc.anyQ = true
		if !wh || opts.WhQuestions {
			sc.question = true
			sc.claimHedged = true
			sigs = append(sigs, hsignal{kind: sigQuestion, span: h, label: text, weight: 2})
		}
	}

	// Scare quotes.
	if opts.MaxScareWords > 0 && !hasSpeaker {
		for _, q := range quotes {
			if s, ok := scareQuote(scr, doc, h, q, opts.MaxScareWords); ok {
				sigs = append(sigs, s)
			}
		}
	}

	scr.sigs = sigs
	for _, s := range sigs {
		if s.kind == sigAnonymous {
			sc.claimHedged = true
		}
		if s.weight > 0 {
			sc.total += s.weight
			sc.weighted = append(sc.weighted, s)
		}
	}
	slices.SortStableFunc(sc.weighted, func(a, b hsignal) int {
		if (a.kind == sigQuestion) != (b.kind == sigQuestion) {
			if a.kind == sigQuestion {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.span.Start, b.span.Start)
	})
	return sc
}

// lastSeparator returns the index of the last clause separator outside
// quotes (comma, dash, semicolon) that is not the last word, or -1.
func lastSeparator(words []hword) int {
	for i := len(words) - 2; i > 0; i-- {
		w := words[i]
		if !w.punct || w.quoted {
			continue
		}
		switch w.lower {
		case ",", "—", "–", "-", ";":
			return i
		case ":":
			if len(words)-1-i <= 3 {
				return i // "...: report", "...: Marwick Gazette"
			}
		}
		return -1 // a question mark, full stop or early colon ends the search
	}
	return -1
}

// sourceClass is the class of a headline's attribution.
type sourceClass uint8

const (
	srcNone sourceClass = iota
	srcNamed
	srcAnonymous
)

// attributionClause reads a headline tail ("sources say", "says council
// leader", "according to insiders", "report suggests") and classifies its
// source. The tail must be short and hold a speech verb.
func attributionClause(tail []hword) (sourceClass, bool) {
	if len(tail) == 0 || len(tail) > 7 {
		return srcNone, false
	}
	for _, w := range tail {
		if w.punct || w.quoted {
			return srcNone, false
		}
	}
	// "according to X"
	if len(tail) >= 3 && tail[0].lower == "according" && tail[1].lower == "to" {
		if anonymousPhrase(tail[2:]) {
			return srcAnonymous, true
		}
		return srcNamed, true
	}
	if len(tail) <= 3 && !hasSpeechVerb(tail) {
		// A bare source: "..., sources", "...: report", "...: Marwick Gazette".
		if bareTailSources.has(tail[len(tail)-1].lower) {
			return srcAnonymous, true
		}
		for _, w := range tail {
			if !w.upper {
				return srcNone, false
			}
		}
		if len(tail) == 1 && !institutions.has(tail[0].lower) && len(tail[0].text) < 3 {
			return srcNone, false
		}
		return srcNamed, true
	}
	for v, w := range tail {
		if !speechVerbs.has(w.lower) {
			continue
		}
		var src []hword
		switch {
		case v == 0 && len(tail) > 1: // "says council leader"
			src = tail[1:]
		case v == len(tail)-1 && v > 0: // "council says"
			src = tail[:v]
		case v > 0 && v < len(tail)-1 && isObjectTail(tail[v+1:]): // "sources told the Post"
			src = tail[:v]
		default:
			continue
		}
		if anonymousPhrase(src) {
			return srcAnonymous, true
		}
		if namedPhrase(src) {
			return srcNamed, true
		}
		return srcNone, false
	}
	return srcNone, false
}

// bareTailSources end a verbless anonymous tail ("...: report").
var bareTailSources = wordList{bit: lexBareTailSources, words: []string{
	"claims", "insiders", "leaks", "media", "officials", "report", "reports", "rumor", "rumors", "rumour",
	"rumours", "source", "sources",
}}

func hasSpeechVerb(ws []hword) bool {
	for _, w := range ws {
		if speechVerbs.has(w.lower) {
			return true
		}
	}
	return false
}

// isObjectTail accepts the short object after a tail verb ("told the
// Post", "say reports").
func isObjectTail(ws []hword) bool { return len(ws) <= 3 }

// isPresentSpeech is a speech verb as a headline uses it for its subject.
// Past forms are left out: in headlines they are mostly passive
// ("residents not told", "man warned over ...").
func isPresentSpeech(w string) bool {
	switch w {
	case "says", "say", "warns", "warn", "claims", "claim", "insists", "insist", "believes", "believe",
		"thinks", "think", "fears", "fear", "predicts", "predict", "admits", "admit", "suggests", "suggest",
		"reveals", "reveal", "tells":
		return true
	}
	return false
}

// anonymousPhrase reports whether a source phrase names nobody: "sources",
// "a source close to the club", "report", "people familiar with the plan".
func anonymousPhrase(ws []hword) bool {
	if len(ws) == 0 || len(ws) > 7 {
		return false
	}
	for k, w := range ws {
		if w.punct || w.quoted {
			return false
		}
		if w.lower == "familiar" || w.lower == "close" && k+1 < len(ws) && ws[k+1].lower == "to" {
			return true
		}
	}
	head := ws[len(ws)-1]
	if !anonymousHeads.has(head.lower) {
		// "sources close to the club", "officials in Marwick"
		for k, w := range ws {
			if anonymousHeads.has(w.lower) && k+1 < len(ws) && (ws[k+1].lower == "close" || ws[k+1].lower == "in" ||
				ws[k+1].lower == "at" || ws[k+1].lower == "from" || ws[k+1].lower == "inside") {
				return true
			}
		}
		return false
	}
	return true
}

// namedPhrase reports whether a source phrase names someone on the
// record: a capitalised name, an honorific, an institution.
func namedPhrase(ws []hword) bool {
	if len(ws) == 0 || len(ws) > 6 {
		return false
	}
	for _, w := range ws {
		if w.punct || w.quoted {
			return false
		}
		if institutions.has(w.lower) || honorifics.has(w.lower) {
			return true
		}
	}
	for _, w := range ws {
		if w.upper && !anonymousHeads.has(w.lower) && !stopWord(w.lower) {
			return true
		}
	}
	return false
}

// claimWeight scores "claim(s)"/"rumour(s)" at word i.
func claimWeight(words []hword, i int, w float64, denial bool) float64 {
	if denial {
		return 0
	}
	if i > 0 {
		if claimNounModifiers.has(words[i-1].lower) {
			return 0
		}
		j := i - 1
		for j > 0 && claimAdverbs.has(words[j].lower) {
			j-- // "Okafor again claims"
		}
		prev := words[j]
		claim := words[i].lower == "claims" || words[i].lower == "claim" // a rumour has no named maker
		if claim && !prev.punct && !prev.quoted && (prev.upper || institutions.has(prev.lower)) && !anonymousHeads.has(prev.lower) &&
			!personNouns.has(prev.lower) && !stopWord(prev.lower) && !courtWords.has(prev.lower) &&
			(j > 0 || strings.HasSuffix(prev.lower, "'s") || i+1 < len(words) && !words[i+1].punct) {
			return w / 2 // "Fenwick Rail claims ...", "Okafor's claim": a named subject
		}
	}
	if i+1 < len(words) {
		switch words[i+1].lower {
		case "process", "form", "forms", "handler", "handlers", "office", "system", "backlog", "payout", "payouts":
			return 0
		}
	}
	return w
}

// mayIsMonth decides whether "May" at words[i] is the month.
func mayIsMonth(words []hword, i int) bool {
	w := words[i]
	if w.lower != "may" || !w.upper {
		return false // the month is always capitalised
	}
	if i > 0 && !words[i-1].punct && monthPrepositions.has(words[i-1].lower) {
		return true
	}
	if i+1 < len(words) && !words[i+1].punct && len(words[i+1].lower) > 0 && isDigitByte(words[i+1].lower[0]) {
		return true
	}
	if w.upper {
		// A capitalised May is the modal only before a bare verb.
		return i+1 >= len(words) || words[i+1].punct || !bareVerbs.has(words[i+1].lower)
	}
	return false
}

func isYear(w string) bool {
	if len(w) != 4 || !strings.HasPrefix(w, "19") && !strings.HasPrefix(w, "20") {
		return false
	}
	return isDigitByte(w[2]) && isDigitByte(w[3])
}

func isBeForm(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't":
		return true
	}
	return false
}

// followedByVerb reports whether words[i] looks like the bare verb of a
// "said to be", "thought to have" construction.
func followedByVerb(words []hword, i int) bool {
	if i >= len(words) || words[i].punct {
		return false
	}
	return bareVerbs.has(words[i].lower) || words[i].lower == "be" || words[i].lower == "have" || words[i].lower == "been"
}

// questionForm reports whether the headline ends with a question mark
// outside quotes, and whether its final clause opens with a wh-word.
func questionForm(words []hword) (q, wh bool) {
	n := len(words)
	if n < 2 {
		return false, false
	}
	last := words[n-1]
	if !last.punct || last.lower != "?" || last.quoted {
		return false, false
	}
	start := 0
	for i := n - 2; i >= 0; i-- {
		w := words[i]
		if w.punct && !w.quoted && (w.lower == ":" || w.lower == "—" || w.lower == "–" || w.lower == "-" ||
			w.lower == "?" || w.lower == "." || w.lower == "!" || w.lower == "|") {
			start = i + 1
			break
		}
	}
	if start >= n-1 {
		return false, false
	}
	first := words[start]
	if (first.lower == "so" || first.lower == "and" || first.lower == "but" || first.lower == "or") && start+1 < n-1 {
		first = words[start+1] // "..., so what did the council do?"
	}
	if first.quoted {
		return false, false // the question is a quotation's
	}
	if whWords.has(first.lower) {
		return true, true
	}
	if k := indexOf(words, first); auxiliaries.has(first.lower) && k+1 < n && words[k+1].lower == "you" {
		return false, false // "Will you pay £3 a ride?" asks the reader, not about a claim
	}
	// "Tram Late Again So What Did The Council Do?": a wh-word before an auxiliary,
	// contracted with one or after a comma opens the question.
	for i := start + 1; i < n-1; i++ {
		w := words[i]
		if !whWords.has(w.lower) || w.quoted {
			continue
		}
		if strings.HasSuffix(w.lower, "'s") || words[i-1].lower == "," || i+1 < n-1 && auxiliaries.has(words[i+1].lower) {
			return true, true // "With Okafor out, what's next for the trams?"
		}
	}
	return true, false
}

func indexOf(words []hword, w hword) int {
	for i := range words {
		if words[i].start == w.start {
			return i
		}
	}
	return -1
}

// scareQuote checks a quotation in the headline for scare quotes: a short
// fragment (≤ max words), not the whole headline, not a multiword Title
// Case title.
func scareQuote(scr *headlineScratch, doc *lint.Document, h, q lint.Span, max int) (hsignal, bool) {
	if q.Start < h.Start || q.End > h.End {
		return hsignal{}, false
	}
	inner := doc.Slice(q)
	ws := scanWords(scr.inner, &scr.lower, inner, q.Start, nil)
	scr.inner = ws
	n, caps := 0, 0
	for _, w := range ws {
		if w.punct {
			if w.lower == "?" || w.lower == "!" || w.lower == "." {
				return hsignal{}, false // a quoted sentence, not a word held at arm's length
			}
			continue
		}
		n++
		if w.upper {
			caps++
		}
		if auxiliaries.has(w.lower) || isBeForm(w.lower) {
			return hsignal{}, false // 'the tram is dead': a quoted clause, not a word held at arm's length
		}
	}
	if n == 0 || n > max {
		return hsignal{}, false
	}
	if n >= 2 && caps == n {
		return hsignal{}, false // 'Marwick Nights': a title
	}
	// The whole headline in quotes is a quote headline, not scare quotes.
	before := strings.TrimSpace(doc.Text[h.Start:q.Start])
	after := strings.TrimFunc(doc.Text[q.End:h.End], func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
	if before == "" && after == "" {
		return hsignal{}, false
	}
	return hsignal{kind: sigScare, span: q, label: inner, weight: 1}, true
}

// adverbRemoval returns the span to delete to drop the adverb at words[i]
// with one adjacent space, when that keeps the headline a sentence.
func adverbRemoval(doc *lint.Document, words []hword, i int) (lint.Span, bool) {
	w := words[i]
	if i+1 >= len(words) || words[i+1].punct || words[i+1].quoted {
		return lint.Span{}, false // "..., reportedly": leave it
	}
	next := words[i+1]
	if i == 0 {
		return lint.Span{Start: w.start, End: next.start}, true
	}
	prev := words[i-1]
	if prev.punct {
		return lint.Span{}, false
	}
	// Delete the space before the adverb and the adverb.
	return lint.Span{Start: prev.end, End: w.end}, false
}

// hedgeRemovalFix builds the suggestion: the headline with its removable
// hedges (adverbs, anonymous tails and prefixes) deleted.
func hedgeRemovalFix(doc *lint.Document, sc headlineScore) *lint.Fix {
	var edits []lint.Edit
	var labels []string
	for _, s := range sc.weighted {
		if s.remove.Empty() {
			continue
		}
		if _, exact := doc.SourceSpan(s.remove); !exact {
			continue // the deletion would cut markup (<em>reportedly</em>): suggest the rest
		}
		edits = append(edits, lint.Edit{Span: s.remove})
		labels = append(labels, fmt.Sprintf("%q", strings.TrimSpace(doc.Slice(s.remove))))
		if s.capitalize && s.remove.End < doc.Headline.End {
			r, n := utf8.DecodeRuneInString(doc.Text[s.remove.End:])
			if unicode.IsLower(r) {
				edits = append(edits, lint.Edit{Span: lint.Span{Start: s.remove.End, End: s.remove.End + n}, New: string(unicode.ToUpper(r))})
			}
		}
	}
	if len(edits) == 0 {
		return nil
	}
	return &lint.Fix{Message: "Drop " + strings.Join(labels, " and "), Edits: edits}
}

// stopWord lists function words a source phrase or claim can ignore.
func stopWord(w string) bool { return stopWords.has(w) }

// stopWords are the function words, contractions with either apostrophe
// included.
var stopWords = wordList{bit: lexStopWords, words: []string{
	"a", "about", "after", "against", "all", "also", "am", "amid", "among", "an", "and", "any", "are",
	"aren't", "aren’t", "as", "at", "be", "been", "before", "being", "both", "but", "by", "can", "can't",
	"can’t", "could", "couldn't", "couldn’t", "despite", "did", "didn't", "didn’t", "do", "does", "doesn't",
	"doesn’t", "don't", "don’t", "during", "each", "even", "ever", "every", "few", "for", "from", "get",
	"gets", "got", "had", "hadn't", "hadn’t", "has", "hasn't", "hasn’t", "have", "haven't", "haven’t",
	"having", "he", "he's", "her", "here", "hers", "herself", "he’s", "him", "himself", "his", "how", "i",
	"i'm", "i've", "if", "in", "into", "is", "isn't", "isn’t", "it", "it's", "its", "itself", "it’s", "i’m",
	"i’ve", "just", "least", "less", "let's", "let’s", "many", "may", "me", "might", "more", "most", "much",
	"must", "my", "new", "no", "nor", "not", "now", "of", "off", "on", "one", "only", "or", "other", "others",
	"our", "ourselves", "out", "over", "own", "per", "really", "s", "said", "say", "says", "shall", "she",
	"she's", "she’s", "should", "shouldn't", "shouldn’t", "since", "so", "some", "still", "such", "t", "than",
	"that", "that's", "that’s", "the", "their", "theirs", "them", "themselves", "then", "there", "there's",
	"there’s", "these", "they", "they're", "they've", "they’re", "they’ve", "this", "those", "through", "to",
	"too", "two", "under", "until", "up", "us", "very", "via", "was", "wasn't", "wasn’t", "we", "we're",
	"we've", "were", "weren't", "weren’t", "we’re", "we’ve", "what", "when", "where", "whether", "which",
	"while", "who", "whom", "why", "will", "with", "won't", "won’t", "would", "wouldn't", "wouldn’t", "yet",
	"you", "you're", "your", "you’re",
}}
