package cli

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"copydesk/cmd/cli/internal/atomicfile"
	"copydesk/cmd/cli/internal/baseline"
	"copydesk/config"
	"copydesk/lint"
	"copydesk/lint/format"
	"copydesk/lint/suppress"
)

// This file wires suppressions (issue 13) into copydesk check, as a check
// extension whose Result hook runs on every file's result after all rules,
// before the result is counted, printed or fixed (and on every --fix
// round's re-lint, so a suppressed finding's fix is never applied):
//
//  1. inline directives (lint/suppress), which also make the findings of
//     the suppression rule: no reason, unknown rule, unused directive;
//  2. the config's [[ignore]] entries (kind external);
//  3. --baseline (kind external, reported as "baseline");
//  4. --write-baseline records what is left.
//
// Suppressed findings move from FileResult.Findings to
// FileResult.Suppressed, so exit codes count only the others. With
// --no-suppress nothing is silenced. Unused [[ignore]] entries are noted
// once per run on standard error when the run ends.

func init() {
	checkExtensions = append(checkExtensions, setupSuppress)
}

// suppressor is one run's suppression state. Result hooks run on one
// goroutine, but the mutex keeps it safe should that change.
type suppressor struct {
	audit bool
	notes io.Writer

	base     *baseline.Baseline
	baseName string
	matched  map[string]int // path → findings the baseline matched in the last lint of it

	rec     *baseline.Recorder
	recName string

	mu      sync.Mutex
	ignores map[*config.Ignore]*ignoreUse
	order   []*config.Ignore
}

// ignoreUse is what a run learnt about one [[ignore]] entry.
type ignoreUse struct {
	cfg        string
	applicable bool // a linted file matched it with one of its rules and suppression running
	used       bool
}

func setupSuppress(o *checkOptions) (*checkExtension, error) {
	switch {
	case o.WriteBaseline != "" && (o.Fix || o.Diff):
		return nil, errors.New("--write-baseline records findings; it cannot be combined with --fix or --diff")
	case o.WriteBaseline != "" && o.NoSuppress:
		return nil, errors.New("--write-baseline and --no-suppress exclude each other: a baseline records what suppressions leave")
	}
	s := &suppressor{audit: o.NoSuppress, notes: o.notes, ignores: map[*config.Ignore]*ignoreUse{}}
	if s.notes == nil {
		s.notes = io.Discard
	}
	if o.Baseline != "" {
		b, err := baseline.Load(o.Baseline)
		if err != nil {
			return nil, err
		}
		s.base, s.baseName, s.matched = b, o.Baseline, map[string]int{}
	}
	if o.WriteBaseline != "" {
		r, err := baseline.NewRecorder(o.WriteBaseline)
		if err != nil {
			return nil, err
		}
		if s.base != nil {
			r.Keep(s.base)
		}
		s.rec, s.recName = r, o.WriteBaseline
	}
	return &checkExtension{Result: s.result, Close: s.close, Retains: s.rec != nil}, nil
}

// result applies every suppression to one file's result.
func (s *suppressor) result(set *config.RuleSet, fr *lint.FileResult) {
	if fr.Doc == nil || set == nil {
		return
	}
	active, err := set.RulesFor(fr.Path)
	if err != nil {
		return // reported with the file already
	}
	ran := func(id string) bool {
		for _, a := range active {
			if a.Rule.Meta().ID == id {
				return true
			}
		}
		return false
	}
	var sev lint.Severity
	for _, a := range active {
		if a.Rule.Meta().ID == suppress.RuleID {
			sev = a.Severity
		}
	}
	reg := set.Registry()
	var silenced []lint.Suppressed
	fr.Findings, silenced = suppress.Apply(fr.Doc, fr.Findings, suppress.Options{
		Known:    func(id string) bool { _, ok := reg.Get(id); return ok },
		Suggest:  reg.Suggest,
		Ran:      ran,
		Severity: sev,
		Audit:    s.audit,
	})
	fr.Suppressed = append(fr.Suppressed, silenced...)
	if !s.audit {
		s.configIgnores(set.Config, fr, ran, sev > 0)
		s.applyBaseline(fr)
	}
	if s.rec != nil {
		s.record(fr)
	}
	sort.SliceStable(fr.Suppressed, func(i, j int) bool {
		a, b := &fr.Suppressed[i], &fr.Suppressed[j]
		if a.Source.Start != b.Source.Start {
			return a.Source.Start < b.Source.Start
		}
		return a.Rule < b.Rule
	})
}

// configIgnores silences the findings an [[ignore]] entry of c matches:
// the file matches its globs (none: every file), the rule is one of its
// rules, and the flagged text is its text when it has one.
func (s *suppressor) configIgnores(c *config.Config, fr *lint.FileResult, ran func(string) bool, report bool) {
	if len(c.Ignores) == 0 {
		return
	}
	rel := c.Rel(fr.Path)
	var here []*config.Ignore
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ig := range c.Ignores {
		if len(ig.Files) > 0 && !ig.Files.Match(rel) {
			continue
		}
		here = append(here, ig)
		use := s.ignores[ig]
		if use == nil {
			use = &ignoreUse{cfg: c.Path}
			s.ignores[ig] = use
			s.order = append(s.order, ig)
		}
		for _, id := range ig.Rules {
			use.applicable = use.applicable || report && ran(id)
		}
	}
	if len(here) == 0 {
		return
	}
	kept := fr.Findings[:0]
	for _, f := range fr.Findings {
		if ig := matchIgnore(here, fr.Doc, &f); ig != nil {
			s.ignores[ig].used = true
			fr.Suppressed = append(fr.Suppressed, lint.Suppressed{Finding: f, Kind: lint.External, Reason: ig.Reason})
			continue
		}
		kept = append(kept, f)
	}
	fr.Findings = kept
}

// matchIgnore returns the first entry that matches f, or nil.
func matchIgnore(igs []*config.Ignore, doc *lint.Document, f *lint.Finding) *config.Ignore {
	for _, ig := range igs {
		if !contains(ig.Rules, f.Rule) {
			continue
		}
		if ig.Text != "" && ig.Text != doc.Slice(f.Span) && ig.Text != sourceText(doc, f.Source) {
			continue
		}
		return ig
	}
	return nil
}

func sourceText(doc *lint.Document, sp lint.Span) string {
	if sp.Start < 0 || sp.End > len(doc.Source) || sp.Start > sp.End {
		return ""
	}
	return string(doc.Source[sp.Start:sp.End])
}

// applyBaseline silences the findings the --baseline file records.
func (s *suppressor) applyBaseline(fr *lint.FileResult) {
	if s.base == nil {
		return
	}
	kept, based := s.base.Match(fr.Path, fr.Doc, fr.Findings)
	fr.Findings = kept
	for _, f := range based {
		fr.Suppressed = append(fr.Suppressed, lint.Suppressed{Finding: f, Kind: lint.External, Baseline: true,
			Reason: "recorded in the baseline " + format.Clean(s.baseName)})
	}
	s.mu.Lock()
	s.matched[fr.Path] = len(based)
	s.mu.Unlock()
}

// record notes the file's findings for --write-baseline. Without
// --baseline every finding left is recorded and counts as baselined from
// now on; with it, only the findings the old baseline still matched are
// recorded (a baseline only shrinks), and new findings stay reported.
func (s *suppressor) record(fr *lint.FileResult) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.base != nil {
		var still []lint.Finding
		for i := range fr.Suppressed {
			if fr.Suppressed[i].Baseline {
				still = append(still, fr.Suppressed[i].Finding)
			}
		}
		s.rec.Record(fr.Path, fr.Doc, still)
		return
	}
	s.rec.Record(fr.Path, fr.Doc, fr.Findings)
	for _, f := range fr.Findings {
		fr.Suppressed = append(fr.Suppressed, lint.Suppressed{Finding: f, Kind: lint.External, Baseline: true,
			Reason: "recorded in the new baseline " + format.Clean(s.recName)})
	}
	fr.Findings = nil
}

// close writes the new baseline and notes unused [[ignore]] entries and
// baseline entries whose findings are gone.
func (s *suppressor) close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ig := range s.order {
		use := s.ignores[ig]
		if !use.applicable || use.used {
			continue
		}
		what := strings.Join(ig.Rules, ", ")
		if ig.Text != "" {
			what += fmt.Sprintf(" on %q", ig.Text)
		}
		fmt.Fprintf(s.notes, "%s:%d: info: unused [[ignore]] entry: %s silenced nothing in this run; remove it [%s]\n",
			format.Clean(use.cfg), ig.Line, format.Clean(what), suppress.RuleID)
	}
	if s.base != nil && s.rec == nil {
		gone := 0
		for path, n := range s.matched {
			gone += s.base.Recorded(path) - n
		}
		if gone > 0 {
			fmt.Fprintf(s.notes, "copydesk: %s in the baseline %s no longer found in the files checked; shrink it with --baseline %s --write-baseline %s\n",
				countOf(gone, "finding", "findings"), format.Clean(s.baseName), format.Clean(s.baseName), format.Clean(s.baseName))
		}
	}
	if s.rec == nil {
		return nil
	}
	if err := atomicfile.Write(s.recName, s.rec.Bytes()); err != nil {
		return fmt.Errorf("--write-baseline: %w", err)
	}
	n, files := s.rec.Counts()
	fmt.Fprintf(s.notes, "copydesk: wrote the baseline %s: %s in %s\n", format.Clean(s.recName), countOf(n, "finding", "findings"), countOf(files, "file", "files"))
	return nil
}
