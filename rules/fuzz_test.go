package rules_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/lint"
	"copydesk/lint/parse"
	"copydesk/rules"
)

// The fuzz targets below run every built-in rule, in every format, over
// arbitrary drafts. Seeds: testdata/fuzz/<FuzzName>/ (small fictional
// drafts, the tricky shapes among them) and the rule fixtures.

var fuzzExts = []string{".txt", ".md", ".html"}

// addFixtureSeeds adds every rule fixture as a seed.
func addFixtureSeeds(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*.*"))
	for _, p := range files {
		if strings.HasSuffix(p, ".golden") {
			continue
		}
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

// allActive is every built-in rule, enabled or not, at its default severity.
func allActive() []lint.Active {
	var active []lint.Active
	for _, r := range rules.All() {
		active = append(active, lint.Active{Rule: r, Severity: r.Meta().Severity})
	}
	return active
}

// FuzzCheckAllRules parses arbitrary bytes in each format and runs every
// built-in rule: no panic and no rule error; every span a rule reports lies
// inside Text on character boundaries; after resolution every finding,
// related location and fix edit lies inside Source on character boundaries,
// with line and column equal to those recomputed from Source; and two runs
// give the same findings.
func FuzzCheckAllRules(f *testing.F) {
	addFixtureSeeds(f)
	active := allActive()
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, ext := range fuzzExts {
			doc, err := parse.Parse("fuzz"+ext, src)
			if err != nil {
				continue // FuzzParse* in lint/parse checks the errors
			}
			checkRawSpans(t, doc, active)
			fs, err := lint.CheckDocument(doc, active)
			if err != nil {
				t.Fatalf("%s: %v", ext, err)
			}
			checkResolved(t, doc, fs)
			again, _ := lint.CheckDocument(doc, active)
			if a, b := findingKeys(fs), findingKeys(again); a != b {
				t.Fatalf("%s: findings differ between two runs:\n%s\n---\n%s", ext, a, b)
			}
		}
	})
}

// checkRawSpans runs each rule on its own pass and checks the spans it
// reports before the runner clamps them.
func checkRawSpans(t *testing.T, doc *lint.Document, active []lint.Active) {
	t.Helper()
	inText := func(id, what string, s lint.Span) {
		if s.Start < 0 || s.End > len(doc.Text) || s.Start > s.End {
			t.Fatalf("%s %s: %s %v outside Text (%d bytes)", doc.Path, id, what, s, len(doc.Text))
		}
		if !textBoundary(doc.Text, s.Start) || !textBoundary(doc.Text, s.End) {
			t.Fatalf("%s %s: %s %v cuts a character in %q", doc.Path, id, what, s, doc.Text)
		}
	}
	for _, a := range active {
		id := a.Rule.Meta().ID
		pass := lint.NewPass(doc, id, a.Severity, func(f lint.Finding) {
			inText(id, "span", f.Span)
			for _, r := range f.Related {
				inText(id, "related span", r.Span)
			}
			if f.Fix != nil {
				for _, e := range f.Fix.Edits {
					if !e.Raw {
						inText(id, "edit", e.Span)
					}
				}
			}
		})
		if err := a.Rule.Check(pass); err != nil {
			t.Fatalf("%s %s: %v", doc.Path, id, err)
		}
	}
}

func textBoundary(s string, off int) bool {
	return off == len(s) || utf8.RuneStart(s[off])
}

// checkResolved checks resolved findings against Source.
func checkResolved(t *testing.T, doc *lint.Document, fs []lint.Finding) {
	t.Helper()
	src := doc.Source
	at := func(id, what string, s lint.Span, start, end lint.Position) {
		if s.Start < 0 || s.End > len(src) || s.Start > s.End {
			t.Fatalf("%s %s: %s source span %v outside Source (%d bytes)", doc.Path, id, what, s, len(src))
		}
		if !textBoundary(string(src), s.Start) || !textBoundary(string(src), s.End) {
			t.Fatalf("%s %s: %s source span %v cuts a character", doc.Path, id, what, s)
		}
		for _, p := range []struct {
			pos lint.Position
			off int
		}{{start, s.Start}, {end, s.End}} {
			want := naivePos(src, p.off)
			if p.pos != want {
				t.Fatalf("%s %s: %s position %+v, recomputed from Source %+v", doc.Path, id, what, p.pos, want)
			}
		}
	}
	for i, f := range fs {
		if i > 0 && fs[i-1].Source.Start > f.Source.Start {
			t.Fatalf("%s: findings out of order: %v before %v", doc.Path, fs[i-1].Source, f.Source)
		}
		at(f.Rule, "finding", f.Source, f.Start, f.End)
		if want, _ := doc.SourceSpan(f.Span); want != f.Source {
			t.Fatalf("%s %s: Source %v, SourceSpan(Span) = %v", doc.Path, f.Rule, f.Source, want)
		}
		for _, r := range f.Related {
			at(f.Rule, "related", r.Source, r.Start, r.End)
		}
		if f.Fix == nil {
			continue
		}
		for j, e := range f.Fix.Edits {
			if !e.Raw {
				t.Fatalf("%s %s: resolved edit not in Source coordinates", doc.Path, f.Rule)
			}
			if !utf8.ValidString(e.New) {
				t.Fatalf("%s %s: edit text is not UTF-8: %q", doc.Path, f.Rule, e.New)
			}
			at(f.Rule, "edit", e.Span, e.Start, e.End)
			if j > 0 && f.Fix.Edits[j-1].Span.Overlaps(e.Span) {
				t.Fatalf("%s %s: edits overlap: %v %v", doc.Path, f.Rule, f.Fix.Edits[j-1].Span, e.Span)
			}
		}
	}
}

// naivePos computes a position by counting from the start of src: lines end
// at LF, CRLF or a lone CR; columns count characters; a UTF-8 BOM is not a
// column.
func naivePos(src []byte, off int) lint.Position {
	line, start := 1, 0
	for i := 0; i < off; i++ {
		switch src[i] {
		case '\n':
			line, start = line+1, i+1
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			line, start = line+1, i+1
		}
	}
	if line == 1 && len(src) >= 3 && string(src[:3]) == "\uFEFF" && off >= 3 {
		start = 3
	}
	return lint.Position{Offset: off, Line: line, Column: utf8.RuneCount(src[start:off]) + 1}
}

func findingKeys(fs []lint.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %v %q", f.Rule, f.Source, f.Message)
		if f.Fix != nil {
			for _, e := range f.Fix.Edits {
				fmt.Fprintf(&b, " %v→%q", e.Span, e.New)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// fixRound is one round of the fix loop as seen by its check function.
type fixRound struct {
	src      []byte
	doc      *lint.Document
	findings []lint.Finding
}

// FuzzFixAllRules applies the safe fixes of every built-in rule to arbitrary
// drafts in each format, through lint.FixUntilStable as --fix does: the loop
// converges; the fixed draft still parses; each round's output is what
// ApplyFixes makes of that round's findings; and no word of the prose
// (Document.Text) wholly outside the spans the round's findings flag is
// lost by that round's fixes (lint.LostText).
func FuzzFixAllRules(f *testing.F) {
	addFixtureSeeds(f)
	active := allActive()
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, ext := range fuzzExts {
			path := "fuzz" + ext
			var rounds []fixRound
			check := func(b []byte) ([]lint.Finding, error) {
				doc, err := parse.Parse(path, b)
				if err != nil {
					return nil, err
				}
				fs, err := lint.CheckDocument(doc, active)
				rounds = append(rounds, fixRound{b, doc, fs})
				return fs, err
			}
			if _, err := parse.Parse(path, src); err != nil {
				continue
			}
			fixed, applied, _, err := lint.FixUntilStable(src, check, false, 0)
			if err != nil {
				if errors.Is(err, lint.ErrNoConvergence) {
					t.Fatalf("%s: %v\ndraft: %q", ext, err, src)
				}
				t.Fatalf("%s: fixing: %v\ndraft: %q", ext, err, src)
			}
			if len(applied) == 0 {
				if string(fixed) != string(src) {
					t.Fatalf("%s: draft changed with no fix applied", ext)
				}
				continue
			}
			for i := 0; i+1 < len(rounds); i++ {
				r, next := rounds[i], rounds[i+1]
				out, ok := lint.ApplyFixes(r.src, r.findings, false)
				if string(out) != string(next.src) {
					t.Fatalf("%s round %d: next round's source is not ApplyFixes' output", ext, i+1)
				}
				// Flagged: every finding of the round, applied or not. A fix
				// may take a neighbour's flagged text with it (a related-links
				// heading removed with its links) when that neighbour's own
				// fix overlaps and waits.
				var flagged []lint.Span
				applied := 0
				for j, a := range ok {
					if a {
						applied++
					}
					s := r.findings[j].Span
					if s.Empty() { // an insertion touches the words either side
						s = lint.Span{Start: max(s.Start-1, 0), End: min(s.End+1, len(r.doc.Text))}
					}
					flagged = append(flagged, s)
				}
				if w, off, lost := lint.LostText([]byte(r.doc.Text), []byte(next.doc.Text), flagged); lost {
					// The engine must then refuse the fix (--fix leaves the
					// file as it was), never write it.
					if refusedByEngine(path, src, active) {
						break
					}
					t.Fatalf("%s round %d: %d fixes lost %q at Text offset %d, outside every flagged span %v\nbefore: %q\nafter:  %q",
						ext, i+1, applied, w, off, flagged, r.doc.Text, next.doc.Text)
				}
			}
			if last := rounds[len(rounds)-1]; string(last.src) != string(fixed) {
				t.Fatalf("%s: the last round did not lint the fixed draft", ext)
			}
		}
	})
}

// refusedByEngine reports whether lint.FixFile, as --fix runs it, refuses
// to fix src because a round would lose unflagged text.
func refusedByEngine(path string, src []byte, active []lint.Active) bool {
	lintFn := func(p string, b []byte) lint.FileResult {
		fr := lint.FileResult{Path: p}
		doc, err := parse.Parse(p, b)
		if err != nil {
			fr.Err = err
			return fr
		}
		fr.Doc = doc
		fr.Findings, fr.Err = lint.CheckDocument(doc, active)
		return fr
	}
	_, _, err := lint.FixFile(lintFn(path, src), lintFn, false, lint.DefaultMaxRounds)
	return errors.Is(err, lint.ErrUnsafeFix)
}
