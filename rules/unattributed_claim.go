package rules

import (
	"fmt"
	"strings"

	"copydesk/lint"
	"copydesk/rules/internal/prose"
)

// UnattributedClaimOptions are the options of unattributed-claim
// ([rule.unattributed-claim.options]).
type UnattributedClaimOptions struct {
	// Hedges adds cue phrases, matched like the built-ins: whole words,
	// case-insensitive, outside quotes ("is tipped to").
	Hedges []string `toml:"hedges"`
	// Ignore switches built-in cues off by their canonical form
	// ("it is understood that", "reportedly", "is expected to").
	Ignore []string `toml:"ignore"`
	// ExpectedTo decides "is expected to": "never" (never flag),
	// "unscheduled" (flag unless a procedural event with a named time),
	// "always".
	ExpectedTo string `toml:"expected-to"`
	// WeaselLookahead is how many following sentences of the paragraph may
	// source a weasel topic sentence with a named attribution.
	WeaselLookahead int `toml:"weasel-lookahead"`
	// LegalContextWindow is how many previous sentences are searched for
	// court vocabulary before "allegedly" is flagged.
	LegalContextWindow int `toml:"legal-context-window"`
	// LegalTerms adds court vocabulary (lower-case words).
	LegalTerms []string `toml:"legal-terms"`
}

// DefaultUnattributedClaimOptions returns the options used when the config
// sets none.
func DefaultUnattributedClaimOptions() UnattributedClaimOptions {
	return UnattributedClaimOptions{ExpectedTo: "unscheduled", WeaselLookahead: 1, LegalContextWindow: 2}
}

// UnattributedClaim is the unattributed-claim rule: a sentence in the
// writer's voice presents a claim as reported, believed or disputed but
// names nobody who reports, believes or disputes it.
type UnattributedClaim struct {
	opts   UnattributedClaimOptions
	extra  [][]string      // extra cue phrases, as words
	ignore map[string]bool // lower-cased cue keys to skip
	legal  map[string]bool // extra court words
}

// NewUnattributedClaim returns unattributed-claim with default options.
func NewUnattributedClaim() *UnattributedClaim {
	return &UnattributedClaim{opts: DefaultUnattributedClaimOptions()}
}

// Meta describes unattributed-claim.
func (r *UnattributedClaim) Meta() lint.Meta {
	return lint.Meta{
		ID:       "unattributed-claim",
		Summary:  "Claim presented as reported or believed with nobody named as its source",
		Severity: lint.Warning,
		Default:  true,
		Doc: `A sentence in the writer's voice that presents a claim as reported, believed or disputed but names
nobody who reports, believes or disputes it gives the claim borrowed weight while hiding whose view it
is. Wikipedia's style guide calls these unsupported attributions; AP attributes any disputable
second-hand fact in the same sentence.

The rule flags, outside direct quotes, in body paragraphs, list items and captions:
  agentless passives   is said to, are believed to, is thought to, it is understood that,
                       is (widely) seen as, in what is seen as, is widely regarded, it has been
                       suggested that, is reported/rumoured/alleged/tipped/suspected to,
                       has been described as
  adverbs              reportedly, allegedly, supposedly, purportedly, reputedly,
                       according to reports, rumour has it
  weasel subjects      critics argue, experts say, some say, many people believe,
                       it is widely known/accepted
  predictions          is expected to (not a procedural event with a named time:
                       "The council is expected to vote on Tuesday" is a calendar fact)

It stays silent when an attribution covers the clause (a named, institutional, document or even
anonymous source in the same sentence: "The driver is believed to have fled, police said"), except
in clauses after but/however/although/while/yet/";" that carry no attribution of their own; for
"allegedly" in court reporting (court vocabulary in the sentence, the two before it, or the first
three paragraphs); for a weasel sentence whose next sentence names a source, or whose weasel phrase
names someone ("critics, including Cllr Hale, argue"); and for agents ("is thought by engineers").
Words inside quotes are the speaker's.

The finding names the construction and asks "by whom?". The suggested edit inserts
"[attribution needed]" after it; it is never applied by --fix.`,
		Bad: "Marwick budget vote delayed\n\nThe council leader is said to be furious about the delay.\n",
		Good: "Marwick budget vote delayed\n\nThe council leader is furious about the delay, " +
			"her deputy, Cllr Tom Hale, said on Monday.\n",
		Options: `hedges = []                   # extra cue phrases, matched like the built-ins, e.g. ["is tipped to"]
ignore = []                   # built-in cues to switch off, e.g. ["it is understood that", "is expected to"]
expected-to = "unscheduled"   # "never" | "unscheduled" (flag unless a procedural event has a named time) | "always"
weasel-lookahead = 1          # following sentences that may name the source of a weasel topic sentence
legal-context-window = 2      # previous sentences searched for court words before "allegedly" is flagged
legal-terms = []              # extra court vocabulary, e.g. ["coroner"]`,
	}
}

// Configure returns a copy of the rule with options decoded over the defaults.
func (r *UnattributedClaim) Configure(decode func(v any) error) (lint.Rule, error) {
	opts := DefaultUnattributedClaimOptions()
	if err := decode(&opts); err != nil {
		return nil, fmt.Errorf("unattributed-claim options: %w", err)
	}
	switch opts.ExpectedTo {
	case "never", "unscheduled", "always":
	default:
		return nil, fmt.Errorf("unattributed-claim options: expected-to must be \"never\", \"unscheduled\" or \"always\", got %q", opts.ExpectedTo)
	}
	if opts.WeaselLookahead < 0 {
		return nil, fmt.Errorf("unattributed-claim options: weasel-lookahead must not be negative, got %d", opts.WeaselLookahead)
	}
	if opts.LegalContextWindow < 0 {
		return nil, fmt.Errorf("unattributed-claim options: legal-context-window must not be negative, got %d", opts.LegalContextWindow)
	}
	out := &UnattributedClaim{opts: opts}
	for _, h := range opts.Hedges {
		ws := prose.PhraseWords(h)
		if len(ws) == 0 {
			return nil, fmt.Errorf("unattributed-claim options: hedges: empty phrase %q", h)
		}
		out.extra = append(out.extra, ws)
	}
	if len(opts.Ignore) > 0 {
		out.ignore = make(map[string]bool, len(opts.Ignore))
		for _, s := range opts.Ignore {
			out.ignore[strings.Join(prose.PhraseWords(s), " ")] = true
		}
	}
	if len(opts.LegalTerms) > 0 {
		out.legal = make(map[string]bool, len(opts.LegalTerms))
		for _, s := range opts.LegalTerms {
			out.legal[strings.ToLower(strings.TrimSpace(s))] = true
		}
	}
	return out, nil
}

// Check reports the unattributed constructions of the body.
func (r *UnattributedClaim) Check(p *lint.Pass) error {
	a := prose.Analyze(p.Doc)
	for ci := range a.Cues {
		c := &a.Cues[ci]
		s := &a.Sentences[c.Sentence]
		if !s.Body || s.Quoted || !r.flags(a, c) {
			continue
		}
		p.Report(r.finding(p.Doc, c.Span, c.Kind, c.Verb))
	}
	for _, words := range r.extra {
		for si := range a.Sentences {
			s := &a.Sentences[si]
			if !s.Body || s.Quoted {
				continue
			}
			for _, sp := range a.MatchPhrase(si, words) {
				if r.builtinAt(a, si, sp) || a.CoveredAt(si, sp) >= 0 {
					continue
				}
				p.Report(r.finding(p.Doc, sp, prose.Passive, ""))
			}
		}
	}
	return nil
}

// builtinAt reports whether a built-in cue of sentence si overlaps sp (so an
// extra phrase never reports the same words twice).
func (r *UnattributedClaim) builtinAt(a *prose.Analysis, si int, sp lint.Span) bool {
	for _, c := range a.SentenceCues(si) {
		if c.Span.Overlaps(sp) {
			return true
		}
	}
	return false
}

// flags decides whether a built-in cue is reported (RULES.md §2 procedure).
func (r *UnattributedClaim) flags(a *prose.Analysis, c *prose.Cue) bool {
	if r.ignore != nil && (r.ignore[c.Key] || r.ignore[strings.Join(prose.PhraseWords(a.Doc.Slice(c.Span)), " ")]) {
		return false
	}
	if c.Covered && !c.Idiom {
		return false
	}
	if c.Legal && r.legalContext(a, c.Sentence) {
		return false
	}
	switch c.Kind {
	case prose.WeaselCue:
		if c.Named || r.sourcedNext(a, c.Sentence) {
			return false
		}
	case prose.Prediction:
		switch r.opts.ExpectedTo {
		case "never":
			return false
		case "unscheduled":
			if c.Scheduled {
				return false
			}
		}
	}
	return true
}

// legalContext reports whether sentence si, the previous window sentences
// or the first three body paragraphs use court vocabulary.
func (r *UnattributedClaim) legalContext(a *prose.Analysis, si int) bool {
	court := func(i int) bool { return a.Court[i] || r.legal != nil && a.HasWord(i, r.legal) }
	for i := si; i >= 0 && i >= si-r.opts.LegalContextWindow; i-- {
		if court(i) {
			return true
		}
	}
	paras := 0
	for bi := range a.Doc.Blocks {
		rng := a.BlockSentences[bi]
		if rng[1] == rng[0] || !a.Sentences[rng[0]].Body {
			continue
		}
		for i := rng[0]; i < rng[1]; i++ {
			if court(i) {
				return true
			}
		}
		if paras++; paras == 3 {
			break
		}
	}
	return false
}

// sourcedNext reports whether one of the next weasel-lookahead sentences of
// the same paragraph has an on-the-record attribution.
func (r *UnattributedClaim) sourcedNext(a *prose.Analysis, si int) bool {
	blk := a.Sentences[si].Block
	for i := si + 1; i < len(a.Sentences) && i <= si+r.opts.WeaselLookahead; i++ {
		if a.Sentences[i].Block != blk {
			break
		}
		for _, at := range a.SentenceAttributions(i) {
			if at.Class.OnRecord() {
				return true
			}
		}
	}
	return false
}

// finding builds the report for a construction.
func (r *UnattributedClaim) finding(doc *lint.Document, sp lint.Span, kind prose.CueKind, verb string) lint.Finding {
	text := doc.Slice(sp)
	var msg string
	switch {
	case kind == prose.WeaselCue && verb == "":
		msg = fmt.Sprintf("%q: %s Name at least one.", text, weaselQuestion(text))
	case kind == prose.Adverb || kind == prose.Prediction:
		msg = fmt.Sprintf("%q: %s by whom?", text, verb)
	case verb == "":
		msg = fmt.Sprintf("%q: by whom? Name the source, or state it plainly if it is established.", text)
	default:
		msg = fmt.Sprintf("%q: %s by whom? Name the source, or state it plainly if it is established.", text, verb)
	}
	f := lint.Finding{Span: sp, Message: msg}
	// Once the marker is there the editor has seen the question: offer it
	// again and --fix --unsafe-fixes would never settle.
	if !strings.HasPrefix(doc.Text[sp.End:], attributionMarker) {
		f.Fix = &lint.Fix{
			Message: "Mark the claim as needing attribution",
			Edits:   []lint.Edit{{Span: lint.Span{Start: sp.End, End: sp.End}, New: attributionMarker}},
		}
	}
	return f
}

// attributionMarker is the suggestion inserted after an unattributed cue.
const attributionMarker = " [attribution needed]"

// weaselQuestion asks "which critics?" for "Critics argue", "who?" for "Some say".
func weaselQuestion(text string) string {
	ws := prose.PhraseWords(text)
	for _, w := range ws {
		switch w {
		case "critics", "experts", "analysts", "observers", "commentators", "people", "residents",
			"sceptics", "skeptics", "others", "voters", "fans", "locals":
			return "which " + w + "?"
		}
	}
	return "who?"
}
