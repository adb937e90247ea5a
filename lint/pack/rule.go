package pack

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/lint"
)

// Kind is what a pack rule looks for.
type Kind uint8

// Rule kinds.
const (
	Phrase       Kind = iota + 1 // any of a list of phrases
	Pattern                      // an RE2 regular expression
	Substitution                 // a phrase with a preferred replacement (safe fix)
	Count                        // more than limit occurrences of phrases in one scope
)

var kindNames = map[string]Kind{"phrase": Phrase, "pattern": Pattern, "substitution": Substitution, "count": Count}

// String returns the name used in pack files.
func (k Kind) String() string {
	for name, v := range kindNames {
		if v == k {
			return name
		}
	}
	return "unknown"
}

// Scope is the part of a draft a pack rule reads.
type Scope uint8

// Scopes.
const (
	Any       Scope = iota + 1 // headline and body; count: the whole draft
	Headline                   // the headline only
	Body                       // every block but the headline; count: the whole body
	Paragraph                  // each body block on its own
	Sentence                   // each sentence of the body on its own
)

var scopeNames = map[string]Scope{"any": Any, "headline": Headline, "body": Body, "paragraph": Paragraph, "sentence": Sentence}

// String returns the name used in pack files.
func (s Scope) String() string {
	for name, v := range scopeNames {
		if v == s {
			return name
		}
	}
	return "unknown"
}

// rule is a compiled pack rule. It is immutable after loading, so Check is
// safe to call from several goroutines.
type rule struct {
	meta    lint.Meta
	kind    Kind
	scope   Scope
	message string

	phrases      *matcher       // Phrase, Substitution, Count
	norm         []string       // the phrases, normalised (phrase index order)
	group        *group         // the pack's shared scan, when the rule is in one
	gi           int            // the rule's index in group
	labels       []string       // phrase index → phrase as written
	replacements []string       // Substitution: phrase index → preferred form
	re           *regexp.Regexp // Pattern
	first        *byteSet       // Pattern: bytes a match can begin with, nil if unknown
	lits         []string       // Pattern: one of these is in every match, nil if unknown
	sub          int            // Pattern: submatch reported (0: whole match)
	limit        int            // Count

	excPhrases   *matcher       // exceptions written as phrases
	excRe        *regexp.Regexp // exceptions written as /regex/
	ignoreQuotes bool

	// Where the rule was defined, for errors about its examples.
	file                    string
	line, badLine, goodLine int
}

// Meta implements lint.Rule.
func (r *rule) Meta() lint.Meta { return r.meta }

// Check implements lint.Rule.
func (r *rule) Check(p *lint.Pass) error {
	doc := p.Doc
	switch r.scope {
	case Headline:
		if doc.HasHeadline() {
			r.checkGroup(p, []lint.Span{doc.Headline})
		}
	case Body, Any:
		blocks := make([]lint.Span, 0, len(doc.Blocks))
		for i, b := range doc.Blocks {
			if (r.scope == Body && i == doc.HeadlineBlock) || r.skipBlock(b) {
				continue
			}
			blocks = append(blocks, b.Span)
		}
		r.checkGroup(p, blocks)
	case Paragraph:
		for i, b := range doc.Blocks {
			if i != doc.HeadlineBlock && !r.skipBlock(b) {
				r.checkGroup(p, []lint.Span{b.Span})
			}
		}
	case Sentence:
		for i, b := range doc.Blocks {
			if i == doc.HeadlineBlock || r.skipBlock(b) {
				continue
			}
			if len(b.Sentences) == 0 {
				r.checkGroup(p, []lint.Span{b.Span})
				continue
			}
			for _, s := range b.Sentences {
				r.checkGroup(p, []lint.Span{s})
			}
		}
	}
	return nil
}

// skipBlock reports whether a whole block is out of bounds: a blockquote
// when the rule ignores quotations.
func (r *rule) skipBlock(b lint.Block) bool {
	return r.ignoreQuotes && (b.Quoted || b.Kind == lint.Quote)
}

// checkGroup checks spans that form one unit: for Count rules occurrences
// are counted across the whole group; other kinds report each occurrence.
func (r *rule) checkGroup(p *lint.Pass, spans []lint.Span) {
	var occ []match
	for _, s := range spans {
		if s.Empty() {
			continue
		}
		n := len(occ)
		occ = r.find(p.Doc, s, occ)
		if n < len(occ) {
			occ = r.filter(p.Doc, s, occ, n)
		}
	}
	if len(occ) == 0 {
		return
	}
	text := p.Doc.Text
	if r.kind == Count {
		if len(occ) <= r.limit {
			return
		}
		first := occ[r.limit]
		f := lint.Finding{
			Span:    lint.Span{Start: first.start, End: first.end},
			Message: r.render(text[first.start:first.end], "", len(occ)),
		}
		for i, m := range occ {
			if i == r.limit {
				continue
			}
			f.Related = append(f.Related, lint.Related{
				Span:    lint.Span{Start: m.start, End: m.end},
				Message: "occurrence " + strconv.Itoa(i+1) + " of " + strconv.Itoa(len(occ)),
			})
		}
		p.Report(f)
		return
	}
	for _, m := range occ {
		got := text[m.start:m.end]
		f := lint.Finding{Span: lint.Span{Start: m.start, End: m.end}}
		if r.kind == Substitution {
			want := matchCase(got, r.replacements[m.phrase])
			if want == got {
				continue
			}
			f.Message = r.render(got, want, 0)
			f.Fix = &lint.Fix{
				Message: "Replace with " + strconv.Quote(want),
				Safe:    true,
				Edits:   []lint.Edit{{Span: f.Span, New: want}},
			}
		} else {
			f.Message = r.render(got, "", 0)
		}
		p.Report(f)
	}
}

// find appends the raw occurrences inside span s to occ.
func (r *rule) find(doc *lint.Document, s lint.Span, occ []match) []match {
	text := doc.Text
	if r.kind == Pattern {
		unit := text[s.Start:s.End]
		if (r.lits != nil && !containsAny(unit, r.lits)) || (r.first != nil && !r.first.any(unit)) {
			return occ // cannot match here: skip the regular expression
		}
		for _, loc := range r.re.FindAllStringSubmatchIndex(text[s.Start:s.End], -1) {
			a, b := loc[2*r.sub], loc[2*r.sub+1]
			if a < 0 || a == b {
				continue
			}
			occ = append(occ, match{start: s.Start + a, end: s.Start + b})
		}
		return occ
	}
	if r.group != nil {
		return append(occ, within(r.group.occurrences(doc)[r.gi], s)...)
	}
	r.phrases.find(doc.Text, s.Start, s.End, func(m match) { occ = append(occ, m) })
	return occ
}

// filter drops occurrences occ[from:] (all inside span s) that lie in a
// quotation or inside an exception.
func (r *rule) filter(doc *lint.Document, s lint.Span, occ []match, from int) []match {
	var exc []lint.Span
	if r.excPhrases != nil {
		r.excPhrases.find(doc.Text, s.Start, s.End, func(m match) {
			exc = append(exc, lint.Span{Start: m.start, End: m.end})
		})
	}
	if r.excRe != nil {
		for _, loc := range r.excRe.FindAllStringIndex(doc.Text[s.Start:s.End], -1) {
			exc = append(exc, lint.Span{Start: s.Start + loc[0], End: s.Start + loc[1]})
		}
	}
	out := occ[:from]
	for _, m := range occ[from:] {
		if r.ignoreQuotes && doc.InQuote(m.start) {
			continue
		}
		ms := lint.Span{Start: m.start, End: m.end}
		excepted := false
		for _, e := range exc {
			if e.Covers(ms) {
				excepted = true
				break
			}
		}
		if !excepted {
			out = append(out, m)
		}
	}
	return out
}

// render fills the message template.
func (r *rule) render(got, replacement string, count int) string {
	msg := r.message
	if !strings.Contains(msg, "{") {
		return msg
	}
	return strings.NewReplacer(
		"{match}", oneLine(got),
		"{replacement}", replacement,
		"{count}", strconv.Itoa(count),
		"{limit}", strconv.Itoa(r.limit),
	).Replace(msg)
}

// oneLine collapses white space runs (a phrase wrapped across lines) to
// single spaces.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\t\r") && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// matchCase returns preferred in the case of got: all capitals when got is
// written in capitals, a capital first letter when got starts with one, and
// preferred as written otherwise.
func matchCase(got, preferred string) string {
	letters, upper := 0, 0
	for _, c := range got {
		if unicode.IsLetter(c) {
			letters++
			if unicode.IsUpper(c) {
				upper++
			}
		}
	}
	if letters > 1 && upper == letters {
		return strings.ToUpper(preferred)
	}
	first, _ := utf8.DecodeRuneInString(got)
	if unicode.IsUpper(first) {
		p, size := utf8.DecodeRuneInString(preferred)
		return string(unicode.ToUpper(p)) + preferred[size:]
	}
	return preferred
}
