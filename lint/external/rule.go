package external

import (
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"copydesk/lint"
)

// rule is one plugin rule. All rules of a plugin share one check request
// per document: the first of them to run sends it, the others read the
// answer from the document's memo.
type rule struct {
	plugin *Plugin
	local  string
	meta   lint.Meta
}

// Meta implements lint.Rule.
func (r *rule) Meta() lint.Meta { return r.meta }

type memoKey struct{ p *Plugin }

// answer is the outcome of one check request, shared by a plugin's rules.
type answer struct {
	once     sync.Once
	findings map[string][]lint.Finding // by local rule ID
	err      error
}

// Check implements lint.Rule. A failed request is returned as an error by
// the rule that sent it only, so a broken plugin is reported once per file.
func (r *rule) Check(pass *lint.Pass) error {
	a := pass.Doc.Memo(memoKey{r.plugin}, func() any { return new(answer) }).(*answer)
	sent := false
	a.once.Do(func() {
		sent = true
		a.findings, a.err = r.plugin.check(pass.Doc)
	})
	if a.err != nil {
		if sent {
			return a.err
		}
		return nil
	}
	for _, f := range a.findings[r.local] {
		if f.Fix != nil {
			fx := *f.Fix // the runner rewrites edits in place: give it a copy
			fx.Edits = append([]lint.Edit(nil), fx.Edits...)
			f.Fix = &fx
		}
		f.Related = append([]lint.Related(nil), f.Related...)
		pass.Report(f)
	}
	return nil
}

// describe checks a describe answer and builds the rules.
func (p *Plugin) describe(resp *Response) error {
	if resp.Copydesk != Version {
		return p.errorf("speaks protocol version %d, copydesk speaks %d (the describe answer must say \"copydesk\": %d)", resp.Copydesk, Version, Version)
	}
	if len(resp.Rules) == 0 {
		return p.errorf("describes no rules")
	}
	for i, ri := range resp.Rules {
		id := p.cfg.Name + "/" + ri.ID
		switch {
		case strings.Contains(ri.ID, "/") || !lint.ValidID(ri.ID):
			return p.errorf("rule %d: invalid id %q (want kebab-case, without the plugin name)", i+1, ri.ID)
		case p.local[ri.ID]:
			return p.errorf("rule %q described twice", ri.ID)
		case strings.TrimSpace(ri.Summary) == "":
			return p.errorf("rule %s: missing summary", ri.ID)
		}
		sev := lint.Warning
		if ri.Severity != "" {
			s, err := lint.ParseSeverity(ri.Severity, false)
			if err != nil {
				return p.errorf("rule %s: %w", ri.ID, err)
			}
			sev = s
		}
		doc := strings.TrimSpace(ri.Doc)
		if doc == "" {
			doc = strings.TrimSpace(ri.Summary) + "."
		}
		doc += fmt.Sprintf("\n\nProvided by the external plugin %q (%s).", p.cfg.Name, strings.Join(p.cfg.Command, " "))
		p.local[ri.ID] = true
		p.rules = append(p.rules, &rule{plugin: p, local: ri.ID, meta: lint.Meta{
			ID:       id,
			Summary:  strings.TrimSpace(ri.Summary),
			Doc:      doc,
			Severity: sev,
			Default:  ri.Default == nil || *ri.Default,
			Bad:      ri.Bad,
			Good:     ri.Good,
			Fixable:  ri.Fixable,
		}})
	}
	return nil
}

// check sends one document and validates the answer.
func (p *Plugin) check(doc *lint.Document) (map[string][]lint.Finding, error) {
	resp, err := p.request(&Request{Copydesk: Version, Method: "check", Document: encodeDocument(doc), Options: p.options})
	if err != nil {
		return nil, err
	}
	out := map[string][]lint.Finding{}
	for i, f := range resp.Findings {
		lf, err := p.convert(doc.Text, f)
		if err != nil {
			return nil, p.errorf("bad answer for %s: finding %d (rule %q): %v", doc.Path, i+1, f.Rule, err)
		}
		local := strings.TrimPrefix(f.Rule, p.cfg.Name+"/")
		out[local] = append(out[local], lf)
	}
	return out, nil
}

// convert validates a finding against the text it was computed on.
func (p *Plugin) convert(text string, f Finding) (lint.Finding, error) {
	var lf lint.Finding
	if !p.local[strings.TrimPrefix(f.Rule, p.cfg.Name+"/")] {
		return lf, fmt.Errorf("unknown rule (not in the describe answer)")
	}
	if err := checkSpan(text, f.Start, f.End); err != nil {
		return lf, err
	}
	if f.Match != nil && *f.Match != text[f.Start:f.End] {
		return lf, fmt.Errorf("match %q is not the text at %d:%d, %q (offsets must count UTF-8 bytes)",
			*f.Match, f.Start, f.End, text[f.Start:f.End])
	}
	if strings.TrimSpace(f.Message) == "" {
		return lf, fmt.Errorf("empty message")
	}
	lf.Span = lint.Span{Start: f.Start, End: f.End}
	lf.Message = f.Message
	if f.Severity != "" {
		s, err := lint.ParseSeverity(f.Severity, false)
		if err != nil {
			return lf, err
		}
		lf.Severity = s
	}
	for j, r := range f.Related {
		if err := checkSpan(text, r.Start, r.End); err != nil {
			return lf, fmt.Errorf("related %d: %w", j+1, err)
		}
		lf.Related = append(lf.Related, lint.Related{Span: lint.Span{Start: r.Start, End: r.End}, Message: r.Message})
	}
	if f.Fix != nil {
		if len(f.Fix.Edits) == 0 {
			return lf, fmt.Errorf("fix without edits")
		}
		fx := &lint.Fix{Message: f.Fix.Message, Safe: f.Fix.Safe}
		if fx.Message == "" {
			fx.Message = "Apply the fix from plugin " + p.cfg.Name
		}
		for j, e := range f.Fix.Edits {
			if err := checkSpan(text, e.Start, e.End); err != nil {
				return lf, fmt.Errorf("fix edit %d: %w", j+1, err)
			}
			if !utf8.ValidString(e.New) {
				return lf, fmt.Errorf("fix edit %d: new text is not UTF-8", j+1)
			}
			s := lint.Span{Start: e.Start, End: e.End}
			for k, prev := range fx.Edits {
				if prev.Span.Overlaps(s) {
					return lf, fmt.Errorf("fix edits %d and %d overlap", k+1, j+1)
				}
			}
			fx.Edits = append(fx.Edits, lint.Edit{Span: s, New: e.New})
		}
		lf.Fix = fx
	}
	return lf, nil
}

// checkSpan requires 0 <= start <= end <= len(text), both on rune
// boundaries.
func checkSpan(text string, start, end int) error {
	switch {
	case start < 0 || end < start:
		return fmt.Errorf("bad span %d:%d", start, end)
	case end > len(text):
		return fmt.Errorf("span %d:%d ends beyond the text (%d bytes)", start, end, len(text))
	case !boundary(text, start) || !boundary(text, end):
		return fmt.Errorf("span %d:%d cuts a UTF-8 character (offsets must count UTF-8 bytes)", start, end)
	}
	return nil
}

func boundary(text string, off int) bool {
	return off == len(text) || utf8.RuneStart(text[off])
}

// encodeDocument converts a document to its protocol form.
func encodeDocument(doc *lint.Document) *Document {
	d := &Document{Path: doc.Path, Format: doc.Format.String(), Text: doc.Text, Blocks: make([]Block, len(doc.Blocks))}
	if doc.HasHeadline() {
		d.Headline = &Span{doc.Headline.Start, doc.Headline.End}
	}
	for i, b := range doc.Blocks {
		blk := Block{Kind: b.Kind.String(), Start: b.Span.Start, End: b.Span.End}
		if b.Quoted && b.Kind == lint.Paragraph {
			blk.Kind = lint.Quote.String()
		}
		for _, s := range b.Sentences {
			blk.Sentences = append(blk.Sentences, Span{s.Start, s.End})
		}
		d.Blocks[i] = blk
	}
	for _, q := range doc.Quotes {
		d.Quotes = append(d.Quotes, Span{q.Start, q.End})
	}
	return d
}
