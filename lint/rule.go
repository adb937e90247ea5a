package lint

import (
	"fmt"
)

// Rule is one check. Rules are immutable values: the registry holds
// prototypes, Configure returns configured copies, and Check must be safe to
// call from several goroutines at once.
type Rule interface {
	Meta() Meta
	// Check inspects p.Doc and reports problems through p. An error means
	// the rule could not run at all; problems are reported, not returned.
	Check(p *Pass) error
}

// Configurable is implemented by rules that take options. decode fills the
// rule's own options struct strictly (unknown keys and bad types are
// errors); Configure returns a configured copy and leaves the receiver as it was.
type Configurable interface {
	Configure(decode func(v any) error) (Rule, error)
}

// Meta describes a rule for users, config and output.
type Meta struct {
	ID       string   // kebab-case; pack and plugin rules are "pack/id"
	Summary  string   // one line, no final period
	Doc      string   // full documentation, plain text paragraphs
	Severity Severity // default severity; config overrides
	Default  bool     // enabled unless config disables it
	// Bad and Good are complete plain-text drafts (headline, blank line,
	// body) on which the rule must and must not report. Tests run them.
	Bad, Good string
	// Fixable says whether the rule offers fixes that --fix may apply.
	Fixable bool
	// Options documents the rule's options as a commented TOML table body
	// (without the [rule.ID.options] header); empty when it has none.
	Options string
}

// ValidID reports whether id is a kebab-case rule ID, optionally prefixed by
// a pack or plugin name ("house/per-cent"): words of a-z and 0-9 joined by
// single hyphens, with at most one slash between two such names. (Scanned by
// hand rather than with a regular expression compiled at start-up: every
// run pays for package initialisation.)
func ValidID(id string) bool {
	slash := false
	prev := byte('-') // a name may not start with a separator
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-':
			if prev == '-' || prev == '/' {
				return false
			}
		case c == '/':
			if slash || prev == '-' || prev == '/' {
				return false
			}
			slash = true
		default:
			return false
		}
		prev = c
	}
	return prev != '-' && prev != '/'
}

// Active is a configured rule with its effective severity.
type Active struct {
	Rule     Rule
	Severity Severity
}

// Pass is a rule's view of one document, and its only way to report.
type Pass struct {
	Doc      *Document
	rule     string
	severity Severity
	sink     func(Finding)
	out      *[]Finding // when sink is nil: findings are appended here
}

// NewPass returns a pass that delivers the findings of rule id, at most at
// severity sev, to sink. The runner makes passes; tests and tools that run a
// single rule may too.
//
// A pass is part of its document: for a document made by a Builder it is
// taken from memory the document recycles on Release, so it must not be
// used once the document is released.
func NewPass(doc *Document, id string, sev Severity, sink func(Finding)) *Pass {
	p := doc.newPass()
	*p = Pass{Doc: doc, rule: id, severity: sev, sink: sink}
	return p
}

// newPassTo is NewPass appending the findings to *out, without the cost of
// a sink closure.
func newPassTo(doc *Document, id string, sev Severity, out *[]Finding) *Pass {
	p := doc.newPass()
	*p = Pass{Doc: doc, rule: id, severity: sev, out: out}
	return p
}

// passSlab is the number of passes a document's slab holds: a run with
// every built-in rule on makes seven or eight passes per document.
const passSlab = 16

// newPass returns a zero Pass for the document: from its recycled slab when
// it has one (a document made by a Builder), else newly allocated. doc may
// be nil.
func (d *Document) newPass() *Pass {
	if d == nil {
		return new(Pass)
	}
	d.memoMu.Lock()
	defer d.memoMu.Unlock()
	b := d.bufs
	if b == nil {
		return new(Pass)
	}
	n := len(b.passes)
	if n == cap(b.passes) {
		// A full slab stays with the passes it handed out (the garbage
		// collector frees it with them); a new one takes its place.
		b.passes = make([]Pass, 0, max(passSlab, 2*n))
		n = 0
	}
	b.passes = b.passes[:n+1]
	return &b.passes[n]
}

// Severity returns the severity configured for the rule in this run.
func (p *Pass) Severity() Severity { return p.severity }

// Report records a finding. The engine fills in the rule ID; a zero
// severity becomes the configured one, and a higher one is lowered to it.
func (p *Pass) Report(f Finding) {
	f.Rule = p.rule
	if f.Severity == SeverityDefault || f.Severity > p.severity {
		f.Severity = p.severity
	}
	if p.sink == nil && p.out != nil {
		*p.out = append(*p.out, f)
		return
	}
	p.sink(f)
}

// Reportf records a finding at span with a formatted message.
func (p *Pass) Reportf(s Span, format string, args ...any) {
	p.Report(Finding{Span: s, Message: fmt.Sprintf(format, args...)})
}
