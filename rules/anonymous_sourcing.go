package rules

import (
	"copydesk/lint/freelist"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"copydesk/lint"
	"copydesk/rules/internal/prose"
)

// AnonymousSourcingOptions are the options of anonymous-sourcing
// ([rule.anonymous-sourcing.options]).
type AnonymousSourcingOptions struct {
	// MaxAnonymous: fire when the weighted anonymous count exceeds it.
	MaxAnonymous float64 `toml:"max-anonymous"`
	// RatioMinAnonymous: fire when the weighted anonymous count is at
	// least this and exceeds the named count.
	RatioMinAnonymous float64 `toml:"ratio-min-anonymous"`
	// MaxAnonymousRun: fire when more than this many consecutive paragraphs
	// rest only on anonymous sources (two or more distinct ones).
	MaxAnonymousRun int `toml:"max-anonymous-run"`
	// ReasonWeight is the weight of an anonymous source whose reason for
	// anonymity is stated.
	ReasonWeight float64 `toml:"reason-weight"`
	// Spokesperson counts an unnamed institutional spokesperson as "named",
	// "anonymous", or not at all ("ignore").
	Spokesperson string `toml:"spokesperson"`
	// CountWeasels counts vague collectives ("critics", "experts say") as
	// anonymous sources.
	CountWeasels bool `toml:"count-weasels"`
	// AnonymousPhrases are extra source phrases that are anonymous ("a
	// Whitehall source"), matched inside detected source phrases.
	AnonymousPhrases []string `toml:"anonymous-phrases"`
	// Institutions are extra source phrases on the record ("the trust").
	Institutions []string `toml:"institutions"`
}

// DefaultAnonymousSourcingOptions returns the options used when the config
// sets none.
func DefaultAnonymousSourcingOptions() AnonymousSourcingOptions {
	return AnonymousSourcingOptions{
		MaxAnonymous: 2, RatioMinAnonymous: 2, MaxAnonymousRun: 1, ReasonWeight: 0.5,
		Spokesperson: "named", CountWeasels: true,
	}
}

// AnonymousSourcing is the anonymous-sourcing rule: a story resting on
// stacked anonymous sources with few or no named ones.
type AnonymousSourcing struct {
	opts  AnonymousSourcingOptions
	anon  []string // lower-cased extra anonymous phrases
	insts []string // lower-cased extra institutions
}

// NewAnonymousSourcing returns anonymous-sourcing with default options.
func NewAnonymousSourcing() *AnonymousSourcing {
	return &AnonymousSourcing{opts: DefaultAnonymousSourcingOptions()}
}

// Meta describes anonymous-sourcing.
func (r *AnonymousSourcing) Meta() lint.Meta {
	return lint.Meta{
		ID:       "anonymous-sourcing",
		Summary:  "Story rests on stacked anonymous sources",
		Severity: lint.Warning,
		Default:  true,
		Doc: `Reuters calls anonymous sources the weakest kind; the BBC is reluctant to lean on a single unnamed
one; AP uses anonymity only for information that cannot be had on the record and wants the story to say
why. A stack of unnamed sources ("one official said... another said... experts say") is a story
readers cannot check.

The rule counts the attributions outside quotes. Named: distinct named people, institutions on the
record ("police said", "a council spokesperson said", "Dunmere Water said") and documents ("according
to a council report"). Anonymous: unnamed people and groups ("an official", "people familiar with the
matter", "a source close to the club", "insiders", "another") and vague collectives ("critics",
"experts say"), each weighing 1, or 0.5 when the story states why the source is anonymous ("who spoke
on condition of anonymity because the talks are private"). A pronoun ("he added") or a quote reopened
in the next paragraph continues its source and adds none; attributions inside a named speaker's quote
are the speaker's.

It fires when the weighted anonymous count exceeds max-anonymous (2), or is at least
ratio-min-anonymous (2) and exceeds the named count, or when more than max-anonymous-run (1)
consecutive paragraphs rest only on anonymous sources (two or more distinct ones, not all with a
stated reason). Once the stack is established it reports every anonymous attribution (repeat
references such as "the officials said" included), each with the totals and the other anonymous
sources as related locations, so each can be fixed or suppressed where it stands. A source whose
reason for anonymity is stated is reported at info. There is no fix: the question is for the reporter.`,
		Bad: "Fenwick Rail chief to quit\n\nA senior executive said the board had lost confidence in the chief executive.\n\n" +
			"People familiar with the matter said a successor had been chosen, and insiders said the announcement was drafted.\n",
		Good: "Fenwick Rail chief to quit\n\nAna Ruiz, the chair of Fenwick Rail, said the board had lost confidence in the chief executive.\n\n" +
			"A company spokesperson said a successor would be named on Friday.\n",
		Options: `max-anonymous = 2            # (a) fire above this weighted anonymous count
ratio-min-anonymous = 2      # (b) fire at this weighted count when anonymous outnumber named
max-anonymous-run = 1        # (c) fire at more than this many consecutive anonymous-only paragraphs
reason-weight = 0.5          # weight of an anonymous source whose reason for anonymity is stated
spokesperson = "named"       # unnamed spokesperson: "named" | "anonymous" | "ignore"
count-weasels = true         # count "critics", "experts say", "some believe" as anonymous
anonymous-phrases = []       # extra anonymous source phrases, e.g. ["a Whitehall source"]
institutions = []            # extra on-the-record source phrases, e.g. ["the trust"]`,
	}
}

// Configure returns a copy of the rule with options decoded over the defaults.
func (r *AnonymousSourcing) Configure(decode func(v any) error) (lint.Rule, error) {
	opts := DefaultAnonymousSourcingOptions()
	if err := decode(&opts); err != nil {
		return nil, fmt.Errorf("anonymous-sourcing options: %w", err)
	}
	switch opts.Spokesperson {
	case "named", "anonymous", "ignore":
	default:
		return nil, fmt.Errorf("anonymous-sourcing options: spokesperson must be \"named\", \"anonymous\" or \"ignore\", got %q", opts.Spokesperson)
	}
	switch {
	case opts.MaxAnonymous < 0:
		return nil, fmt.Errorf("anonymous-sourcing options: max-anonymous must not be negative, got %g", opts.MaxAnonymous)
	case opts.RatioMinAnonymous < 0:
		return nil, fmt.Errorf("anonymous-sourcing options: ratio-min-anonymous must not be negative, got %g", opts.RatioMinAnonymous)
	case opts.MaxAnonymousRun < 0:
		return nil, fmt.Errorf("anonymous-sourcing options: max-anonymous-run must not be negative, got %d", opts.MaxAnonymousRun)
	case opts.ReasonWeight < 0 || opts.ReasonWeight > 1:
		return nil, fmt.Errorf("anonymous-sourcing options: reason-weight must be between 0 and 1, got %g", opts.ReasonWeight)
	}
	out := &AnonymousSourcing{opts: opts}
	for _, s := range opts.AnonymousPhrases {
		if s = strings.Join(prose.PhraseWords(s), " "); s != "" {
			out.anon = append(out.anon, s)
		}
	}
	for _, s := range opts.Institutions {
		if s = strings.Join(prose.PhraseWords(s), " "); s != "" {
			out.insts = append(out.insts, s)
		}
	}
	return out, nil
}

// source is one counted attribution of the body.
type source struct {
	at      int  // index in Analysis.Attributions
	anon    bool // counts as anonymous
	named   bool // counts as named
	root    int  // the attribution that introduced the source
	number  int  // 1-based number of the anonymous source (shared by repeats)
	reason  bool
	pronoun bool // a continuation by pronoun or reopened quote: never reported
}

// Check counts the sources and reports the stack.
func (r *AnonymousSourcing) Check(p *lint.Pass) error {
	a := prose.Analyze(p.Doc)
	scr := anonPool.Get()
	defer scr.put()
	srcs := scr.srcs[:0]
	named := scr.named
	var numberOf []int // root attribution → anonymous source number, 0 for none yet
	nAnon, nReason := 0, 0
	weighted := 0.0
	for i := range a.Attributions {
		at := &a.Attributions[i]
		s := &a.Sentences[at.Sentence]
		if !s.Body || at.Question {
			continue
		}
		root := a.Root(i)
		anon, onRecord := r.classify(a, root)
		if !anon && !onRecord {
			continue
		}
		src := source{at: i, anon: anon, named: onRecord, root: root, pronoun: at.Pronoun}
		if onRecord {
			named[namedSource{a.Attributions[root].Class, a.Attributions[root].Head}] = true
		}
		if anon {
			rt := &a.Attributions[root]
			src.reason = rt.Reason
			if numberOf == nil {
				numberOf = slices.Grow(scr.numberOf[:0], len(a.Attributions))[:len(a.Attributions)]
				clear(numberOf)
				scr.numberOf = numberOf
			}
			if n := numberOf[root]; n > 0 {
				src.number = n
			} else {
				nAnon++
				numberOf[root] = nAnon
				src.number = nAnon
				if rt.Reason {
					nReason++
					weighted += r.opts.ReasonWeight
				} else {
					weighted++
				}
			}
		}
		srcs = append(srcs, src)
	}
	scr.srcs = srcs
	if nAnon == 0 {
		return nil
	}
	nNamed := len(named)
	fire := weighted > r.opts.MaxAnonymous ||
		weighted >= r.opts.RatioMinAnonymous && weighted > float64(nNamed) ||
		r.anonymousRun(a, srcs)
	if !fire {
		return nil
	}
	// The findings, filtered in place: srcs is not needed any more.
	report := srcs[:0]
	for _, s := range srcs {
		if s.anon && !s.pronoun {
			report = append(report, s)
		}
	}
	k := notesPerFinding(len(report))
	var notes []lint.Related
	if k > 0 {
		// The notes are copied into the findings: the list itself is
		// scratch.
		notes = slices.Grow(scr.notes[:0], len(report))[:len(report)]
		scr.notes = notes
		for j, o := range report {
			notes[j] = lint.Related{
				Span:    a.Attributions[o.at].Source,
				Message: fmt.Sprintf("anonymous source %d of %d", o.number, nAnon),
			}
		}
	}
	for i, s := range report {
		at := &a.Attributions[s.at]
		f := lint.Finding{
			Span:    at.Source,
			Message: r.message(s.number, nAnon, nReason, nNamed),
		}
		if s.reason {
			f.Severity = lint.Info
		}
		if k > 0 {
			lo, hi := relatedWindow(i, len(report), k)
			f.Related = make([]lint.Related, 0, hi-lo-1)
			f.Related = append(f.Related, notes[lo:i]...)
			f.Related = append(f.Related, notes[i+1:hi]...)
		}
		p.Report(f)
	}
	return nil
}

// anonScratch is the working memory of one anonymous-sourcing check,
// pooled so that a check allocates nothing but its findings.
type anonScratch struct {
	srcs     []source
	numberOf []int
	named    map[namedSource]bool // the distinct on-record sources
	notes    []lint.Related       // one note per reported source
}

var anonPool = freelist.List[anonScratch]{New: func() *anonScratch { return &anonScratch{named: map[namedSource]bool{}} }}

// maxPooledSources bounds the scratch kept for the next draft.
const maxPooledSources = 4096

func (s *anonScratch) put() {
	if cap(s.srcs) > maxPooledSources || cap(s.numberOf) > maxPooledSources || len(s.named) > maxPooledSources ||
		cap(s.notes) > maxPooledSources {
		return
	}
	clear(s.named) // its heads are the draft's text
	clear(s.notes) // their messages
	s.srcs, s.numberOf, s.notes = s.srcs[:0], s.numberOf[:0], s.notes[:0]
	anonPool.Put(s)
}

// namedSource identifies an on-record source for the named count.
type namedSource struct {
	class prose.Class
	head  string
}

// maxRelated caps the notes of one finding. Every other anonymous source of
// the stack is a note, which is quadratic in their number: a whole archive
// linted as one draft could hold tens of thousands. A real article's stack
// is far smaller than the cap, and gets every other source.
const maxRelated = 50

// maxRelatedTotal caps the notes of all of one draft's findings together.
// With maxRelated alone the notes stay linear in the number of anonymous
// sources, but fifty notes a finding, each resolved to source positions by
// the runner and written out by every output format, made a 50 MB draft of
// nothing but anonymous sourcing (about 900,000 findings) take more than
// 20 GB. Beyond maxRelatedTotal/maxRelated sources (1,000) each finding gets
// fewer notes, and none beyond maxRelatedTotal sources: the message still
// gives the totals.
const maxRelatedTotal = 50_000

// notesPerFinding returns how many notes each of n findings carries.
func notesPerFinding(n int) int {
	if n <= 1 {
		return 0
	}
	return min(n-1, maxRelated, maxRelatedTotal/n)
}

// relatedWindow returns the range [lo, hi) of the report of n findings, i
// included, whose other members are finding i's k notes: the k nearest,
// as many before i as after where there is room.
func relatedWindow(i, n, k int) (lo, hi int) {
	if n <= k+1 {
		return 0, n
	}
	lo = min(max(i-k/2, 0), n-k-1)
	return lo, lo + k + 1
}

// message is the finding text with the totals.
// It is built in a stack buffer: one allocation, the string.
func (r *AnonymousSourcing) message(n, total, reasons, named int) string {
	var buf [160]byte
	b := append(buf[:0], "Anonymous source "...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, " of "...)
	b = strconv.AppendInt(b, int64(total), 10)
	b = append(b, " ("...)
	if reasons > 0 {
		b = strconv.AppendInt(b, int64(reasons), 10)
		b = append(b, " with a stated reason; "...)
	}
	b = strconv.AppendInt(b, int64(named), 10)
	b = append(b, " named): can it go on the record, or can the story say why not?"...)
	return string(b)
}

// classify says whether the source introduced by attribution root counts
// as anonymous or as named under the options.
func (r *AnonymousSourcing) classify(a *prose.Analysis, root int) (anon, named bool) {
	at := &a.Attributions[root]
	if len(r.anon) > 0 || len(r.insts) > 0 {
		phrase := strings.Join(prose.PhraseWords(a.Doc.Slice(at.Source)), " ")
		for _, s := range r.insts {
			if phrase != "" && strings.Contains(" "+phrase+" ", " "+s+" ") {
				return false, true
			}
		}
		for _, s := range r.anon {
			if phrase != "" && strings.Contains(" "+phrase+" ", " "+s+" ") {
				return true, false
			}
		}
	}
	switch at.Class {
	case prose.Anonymous:
		return true, false
	case prose.Weasel:
		return r.opts.CountWeasels, false
	case prose.Institution:
		if at.Spokesperson {
			switch r.opts.Spokesperson {
			case "anonymous":
				return true, false
			case "ignore":
				return false, false
			}
		}
		return false, true
	case prose.Named, prose.Record:
		return false, true
	}
	return false, false
}

// anonymousRun reports whether more than max-anonymous-run consecutive body
// paragraphs have attributions that are all anonymous, with two or more
// distinct anonymous sources in the run, not all of them giving a reason.
func (r *AnonymousSourcing) anonymousRun(a *prose.Analysis, srcs []source) bool {
	run, lastBlock := 0, -1
	roots := map[int]bool{}
	allReason := true
	check := func() bool {
		return run > r.opts.MaxAnonymousRun && len(roots) >= 2 && !allReason
	}
	reset := func() {
		run = 0
		clear(roots)
		allReason = true
	}
	for k := 0; k < len(srcs); {
		blk := a.Attributions[srcs[k].at].Block
		all := true
		first := k
		for ; k < len(srcs) && a.Attributions[srcs[k].at].Block == blk; k++ {
			if !srcs[k].anon {
				all = false
			}
		}
		these := srcs[first:k]
		// A body paragraph between this and the last with no attribution
		// ends the run.
		if lastBlock >= 0 && !consecutiveBodyBlocks(a, lastBlock, blk) {
			if check() {
				return true
			}
			reset()
		}
		lastBlock = blk
		if !all {
			if check() {
				return true
			}
			reset()
			continue
		}
		run++
		for _, s := range these {
			roots[s.root] = true
			if !s.reason {
				allReason = false
			}
		}
	}
	return check()
}

// consecutiveBodyBlocks reports whether no body block lies between blocks
// a and b (a < b).
func consecutiveBodyBlocks(an *prose.Analysis, a, b int) bool {
	for bi := a + 1; bi < b; bi++ {
		rng := an.BlockSentences[bi]
		if rng[1] > rng[0] && an.Sentences[rng[0]].Body {
			return false
		}
	}
	return true
}
