package suppress

import (
	"fmt"
	"strings"
	"unicode"

	"copydesk/lint"
)

// RuleID is the ID of the rule whose findings are the directives' own
// problems.
const RuleID = "suppression"

// The two directive keywords.
const (
	BlockKeyword = "copydesk-ignore"
	FileKeyword  = "copydesk-ignore-file"
)

// Directive is one suppression comment.
type Directive struct {
	// File is true for copydesk-ignore-file.
	File bool
	// Rules are the rule IDs named, in order, without duplicates.
	Rules []string
	// Reason is the justification, white space collapsed; "" when missing.
	Reason string
	// First and Last are the blocks a copydesk-ignore silences (Last is
	// inclusive: a directive before a quotation covers its following
	// quoted paragraphs too, and one right after a headline taken from
	// front matter or <title> covers that headline too); First is -1 when
	// no block follows, and both are -1 for copydesk-ignore-file.
	First, Last int
	// Source is the whole comment in Document.Source.
	Source lint.Span
	// Problem is a syntax problem to report ("names no rule"); "" if none.
	Problem string
}

// Keyword returns the directive's keyword as written.
func (d *Directive) Keyword() string {
	if d.File {
		return FileKeyword
	}
	return BlockKeyword
}

type memoKey struct{}

// Directives returns the suppression directives of a draft, in source
// order. Plain text has none. The result is computed once per document and
// shared; callers must not modify it.
func Directives(doc *lint.Document) []Directive {
	if doc == nil || doc.Format == lint.Plain || len(doc.Comments) == 0 {
		return nil
	}
	return doc.Memo(memoKey{}, func() any { return parseAll(doc) }).([]Directive)
}

func parseAll(doc *lint.Document) []Directive {
	var out []Directive
	for i := range doc.Comments {
		c := &doc.Comments[i]
		d, ok := parseComment(c.Text)
		if !ok {
			continue
		}
		d.Source = c.Source
		d.First, d.Last = -1, -1
		if !d.File && c.NextBlock >= 0 && c.NextBlock < len(doc.Blocks) {
			d.First, d.Last = c.NextBlock, c.NextBlock
			if doc.Blocks[d.First].Quoted {
				for d.Last+1 < len(doc.Blocks) && doc.Blocks[d.Last+1].Quoted {
					d.Last++
				}
			}
			// A headline from front matter or <title> can have no comment
			// before it: a directive right after it covers it too.
			if h := doc.HeadlineBlock; h >= 0 && h == d.First-1 && doc.Blocks[h].Kind == lint.Title {
				d.First = h
			}
		}
		out = append(out, d)
	}
	return out
}

// parseComment reads a comment body. ok is false when the comment is no
// directive (nor a near miss of one).
func parseComment(text string) (d Directive, ok bool) {
	t := strings.TrimSpace(text)
	if len(t) < len("copydesk") || !strings.EqualFold(t[:len("copydesk")], "copydesk") {
		return d, false
	}
	end := strings.IndexFunc(t, func(r rune) bool { return r == ':' || unicode.IsSpace(r) })
	if end < 0 {
		end = len(t)
	}
	kw, rest := t[:end], t[end:]
	switch kw {
	case BlockKeyword:
	case FileKeyword:
		d.File = true
	default:
		lower := strings.ToLower(kw)
		guess := lint.Suggest(lower, []string{BlockKeyword, FileKeyword})
		if lower == BlockKeyword || lower == FileKeyword {
			guess = lower
		}
		if guess == "" && !strings.HasPrefix(lower, BlockKeyword) {
			return d, false // some other comment that starts with "copydesk"
		}
		if guess == "" {
			guess = BlockKeyword
		}
		d.Problem = fmt.Sprintf("unknown directive %q (did you mean %q?); it silences nothing", kw, guess)
		return d, true
	}
	rulesPart, reason, colon := strings.Cut(rest, ":")
	if colon {
		d.Rules = splitRules(rulesPart)
		d.Reason = strings.Join(strings.Fields(reason), " ")
	} else {
		// Without a colon the leading comma-separated list is the rules;
		// anything after it is a reason missing its colon.
		list, tail := leadingList(rulesPart)
		d.Rules = splitRules(list)
		if strings.TrimSpace(tail) != "" {
			d.Problem = fmt.Sprintf("%s: write a colon between the rules and the reason (%s RULE: REASON)", kw, kw)
		}
	}
	if len(d.Rules) == 0 {
		d.Problem = fmt.Sprintf("%s names no rule (%s RULE[,RULE...]: REASON)", kw, kw)
	}
	return d, true
}

// splitRules splits "a, b c" into IDs, dropping duplicates.
func splitRules(s string) []string {
	fields := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
	out := fields[:0]
	for _, f := range fields {
		dup := false
		for _, o := range out {
			dup = dup || o == f
		}
		if !dup {
			out = append(out, f)
		}
	}
	return out
}

// leadingList returns the prefix of s that is a comma-separated list of
// words ("a, b,c") and the rest.
func leadingList(s string) (list, rest string) {
	i := 0
	skipSpace := func() {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++
		}
	}
	for {
		skipSpace()
		start := i
		for i < len(s) && s[i] != ',' && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' {
			i++
		}
		if i == start {
			return s[:i], s[i:]
		}
		j := i
		skipSpace()
		if i < len(s) && s[i] == ',' {
			i++
			continue
		}
		return s[:j], s[j:]
	}
}

// Options are what Apply needs to know about the run.
type Options struct {
	// Known reports whether a rule ID exists in this run (built-in, pack
	// and plugin rules); nil means every valid ID is known.
	Known func(id string) bool
	// Suggest returns the known rule ID closest to a mistyped one, or ""
	// (lint.Registry.Suggest); nil means no suggestions.
	Suggest func(id string) string
	// Ran reports whether a rule ran on this draft. A directive naming a
	// rule that did not run (disabled, not selected, excluded for the
	// file) is never reported as unused. nil means every rule ran.
	Ran func(id string) bool
	// Severity is the severity of RuleID's findings for this draft; 0 when
	// the rule is off: directives still apply, but nothing is reported.
	Severity lint.Severity
	// Audit (--no-suppress) silences nothing: every finding stays, and
	// the directives' problems are reported except "unused".
	Audit bool
}

// Apply silences the findings of doc that its directives name and returns
// the findings kept, with the directives' own problems added as findings
// of RuleID, sorted; and the findings silenced, in order. findings must be
// resolved (lint.CheckDocument's result); the slice may be reused.
//
// A copydesk-ignore silences a finding when the finding's span starts
// inside the directive's block. A directive silences RuleID findings too
// (its own block's or the file's), so that a draft can carry directives
// for rules of a pack another newsroom runs.
func Apply(doc *lint.Document, findings []lint.Finding, o Options) (kept []lint.Finding, suppressed []lint.Suppressed) {
	dirs := Directives(doc)
	if len(dirs) == 0 {
		return findings, nil
	}
	a := &applier{doc: doc, dirs: dirs, o: o, used: make([][]bool, len(dirs))}
	for i := range dirs {
		a.used[i] = make([]bool, len(dirs[i].Rules))
	}
	kept = findings[:0]
	for _, f := range findings {
		if f.Rule == RuleID {
			a.own = append(a.own, f) // a directive may silence these: second pass
			continue
		}
		kept = a.filter(kept, f, &suppressed)
	}
	problems := a.problems(false)
	for _, f := range append(a.own, problems...) {
		kept = a.filter(kept, f, &suppressed)
	}
	kept = append(kept, a.problems(true)...)
	lint.SortFindings(kept)
	return kept, suppressed
}

type applier struct {
	doc  *lint.Document
	dirs []Directive
	o    Options
	used [][]bool // per directive, per rule named
	own  []lint.Finding
}

// filter appends f to kept, or to suppressed when a directive silences it.
func (a *applier) filter(kept []lint.Finding, f lint.Finding, suppressed *[]lint.Suppressed) []lint.Finding {
	if a.o.Audit {
		return append(kept, f)
	}
	reason, hit := "", false
	for i := range a.dirs {
		d := &a.dirs[i]
		if !d.covers(a.doc, f.Span.Start) {
			continue
		}
		for j, id := range d.Rules {
			if id == f.Rule {
				a.used[i][j] = true
				if !hit {
					reason, hit = d.Reason, true
				}
			}
		}
	}
	if !hit {
		return append(kept, f)
	}
	*suppressed = append(*suppressed, lint.Suppressed{Finding: f, Kind: lint.InSource, Reason: reason})
	return kept
}

// covers reports whether the directive's scope includes Text offset off.
func (d *Directive) covers(doc *lint.Document, off int) bool {
	if d.File {
		return true
	}
	if d.First < 0 {
		return false
	}
	return off >= doc.Blocks[d.First].Span.Start && off <= doc.Blocks[d.Last].Span.End
}

// problems returns the findings of RuleID about the directives: syntax,
// missing reasons and unknown rules (unused false; a directive may silence
// these), or the directives and rules that silenced nothing (unused true;
// computed last, so that a directive naming RuleID counts as used when it
// silenced another directive's problem, and never silenced themselves).
func (a *applier) problems(unused bool) []lint.Finding {
	if a.o.Severity == 0 {
		return nil
	}
	var out []lint.Finding
	for i := range a.dirs {
		d := &a.dirs[i]
		kw := d.Keyword()
		if !unused {
			if d.Problem != "" {
				out = append(out, a.finding(d, d.Problem, false))
				if len(d.Rules) == 0 {
					continue
				}
			}
			if d.Reason == "" && d.Problem == "" {
				out = append(out, a.finding(d, fmt.Sprintf("%s %s has no reason: say why after a colon (%s RULE: REASON)",
					kw, strings.Join(d.Rules, ","), kw), false))
			}
			for _, id := range d.Rules {
				if !a.known(id) {
					msg := fmt.Sprintf("%s names unknown rule %q", kw, id)
					if s := a.suggest(id); s != "" {
						msg += fmt.Sprintf(" (did you mean %q?)", s)
					}
					out = append(out, a.finding(d, msg, false))
				}
			}
			continue
		}
		if a.o.Audit || len(d.Rules) == 0 || strings.HasPrefix(d.Problem, "unknown directive") {
			continue
		}
		if !d.File && d.First < 0 {
			out = append(out, a.finding(d, fmt.Sprintf("%s is followed by no block to silence", kw), true))
			continue
		}
		var idle []string
		for j, id := range d.Rules {
			if !a.used[i][j] && a.known(id) && a.ran(id) {
				idle = append(idle, id)
			}
		}
		if len(idle) == 0 {
			continue
		}
		where := "the next block"
		if d.File {
			where = "this file"
		}
		all := len(idle) == len(d.Rules)
		msg := fmt.Sprintf("unused %s: %s found nothing in %s; remove the directive", kw, strings.Join(idle, ", "), where)
		if !all {
			msg = fmt.Sprintf("unused rule in %s: %s found nothing in %s; remove it from the directive", kw, strings.Join(idle, ", "), where)
		}
		out = append(out, a.finding(d, msg, all))
	}
	return out
}

func (a *applier) known(id string) bool {
	if !lint.ValidID(id) {
		return false
	}
	return a.o.Known == nil || a.o.Known(id)
}

func (a *applier) ran(id string) bool { return a.o.Ran == nil || a.o.Ran(id) }

func (a *applier) suggest(id string) string {
	if a.o.Suggest == nil {
		return ""
	}
	return a.o.Suggest(id)
}

// finding makes a resolved finding of RuleID at the directive's comment.
// Its Text span is empty, at the start of the block the directive covers
// (the start of the draft for file-wide ones), so that a directive naming
// RuleID can silence it. removable adds a suggestion that deletes the
// comment when it stands on lines of its own.
func (a *applier) finding(d *Directive, msg string, removable bool) lint.Finding {
	doc := a.doc
	at := 0
	if d.First >= 0 {
		at = doc.Blocks[d.First].Span.Start
	}
	f := lint.Finding{
		Rule:     RuleID,
		Severity: a.o.Severity,
		Message:  msg,
		Span:     lint.Span{Start: at, End: at},
		Source:   d.Source,
		Start:    doc.Pos(d.Source.Start),
		End:      doc.Pos(d.Source.End),
	}
	if removable {
		if lines := doc.LineSpan(d.Source); ownLines(doc.Source, lines, d.Source) {
			f.Fix = &lint.Fix{Message: "Remove the unused directive", Edits: []lint.Edit{{
				Span: lines, Raw: true, Start: doc.Pos(lines.Start), End: doc.Pos(lines.End),
			}}}
		}
	}
	return f
}

// ownLines reports whether only white space shares the lines with the
// comment.
func ownLines(src []byte, lines, c lint.Span) bool {
	blank := func(b []byte) bool {
		for _, x := range b {
			if x != ' ' && x != '\t' && x != '\r' && x != '\n' {
				return false
			}
		}
		return true
	}
	return blank(src[lines.Start:c.Start]) && blank(src[c.End:lines.End])
}
