package lint

import (
	"errors"
	"fmt"
	"hash/maphash"
	"sort"
	"strings"
)

// DefaultMaxRounds is the number of lint → fix rounds FixUntilStable runs
// when asked for zero or fewer.
const DefaultMaxRounds = 10

// ErrNoConvergence is returned (wrapped) by FixUntilStable when fixes keep
// changing the draft after the last allowed round, or bring it back to an
// earlier state. The caller must leave the file untouched.
var ErrNoConvergence = errors.New("fixes did not converge")

// AppliedFix is a fix FixUntilStable applied.
type AppliedFix struct {
	// Finding is the finding that carried the fix, as reported in its
	// round: its spans and positions are in that round's source.
	Finding Finding
	// Round is the 1-based round in which the fix was applied.
	Round int
	// Orig is the finding's source span mapped back to the original
	// source, and Start its position there: where the editor's file had
	// the problem. Text inserted by an earlier round maps to the start of
	// the edit that inserted it.
	Orig  Span
	Start Position
}

// FixUntilStable repeats check → ApplyFixes until no applicable fix
// remains, at most maxRounds times (DefaultMaxRounds if maxRounds <= 0).
//
// check lints a source and returns its findings resolved to source
// coordinates, as CheckDocument does (parse the bytes again every round:
// offsets move). Safe fixes are applied, and suggestion-only ones too when
// unsafe is true. Within a round a fix that overlaps one already taken waits
// for the next round, when it is applied if the finding is still reported.
//
// It returns the fixed source, the fixes applied in order of round and
// position, and the findings of the final lint of the fixed source (what
// remains: findings without a fix, suggestions, fixes that change nothing).
// When a round's fixes change nothing the loop stops.
//
// If the draft is still changing after maxRounds rounds, or a round brings
// back a draft seen before (two rules undoing each other), the error wraps
// ErrNoConvergence, fixed is src unchanged, applied is nil and remaining
// holds the last round's findings. An error from check is returned wrapped
// with its round, with src unchanged. In both cases nothing must be written.
func FixUntilStable(src []byte, check func(src []byte) ([]Finding, error), unsafe bool, maxRounds int) (fixed []byte, applied []AppliedFix, remaining []Finding, err error) {
	if maxRounds <= 0 {
		maxRounds = DefaultMaxRounds
	}
	orig := &Document{Source: src}
	seed := maphash.MakeSeed()
	seen := map[uint64]bool{maphash.Bytes(seed, src): true}
	var rounds [][]Edit // edits applied in each round, in that round's source
	cur := src
	for round := 1; ; round++ {
		findings, err := check(cur)
		if err != nil {
			return src, nil, findings, fmt.Errorf("fix round %d: %w", round, err)
		}
		out, ok := ApplyFixes(cur, findings, unsafe)
		var edits []Edit
		var took []Finding
		for i, a := range ok {
			if a {
				edits = append(edits, findings[i].Fix.Edits...)
				took = append(took, findings[i])
			}
		}
		if len(took) == 0 || string(out) == string(cur) {
			return cur, applied, findings, nil
		}
		if round > maxRounds {
			return src, nil, findings, fmt.Errorf("%w after %d rounds (still fixing: %s)",
				ErrNoConvergence, maxRounds, ruleList(took))
		}
		h := maphash.Bytes(seed, out)
		if seen[h] {
			return src, nil, findings, fmt.Errorf("%w: round %d undoes an earlier round (rules: %s)",
				ErrNoConvergence, round, ruleList(took))
		}
		seen[h] = true
		for _, f := range took {
			o := Span{mapBack(f.Source.Start, rounds), mapBack(f.Source.End, rounds)}
			if o.End < o.Start {
				o.End = o.Start
			}
			applied = append(applied, AppliedFix{Finding: f, Round: round, Orig: o, Start: orig.Pos(o.Start)})
		}
		sort.Slice(edits, func(i, j int) bool { return edits[i].Span.Start < edits[j].Span.Start })
		rounds = append(rounds, edits)
		cur = out
	}
}

// mapBack maps an offset in the source after all rounds to the original
// source, undoing the rounds' edits last first.
func mapBack(off int, rounds [][]Edit) int {
	for r := len(rounds) - 1; r >= 0; r-- {
		off = mapBackOne(off, rounds[r])
	}
	return off
}

// mapBackOne maps an offset in the output of ApplyEdits(src, edits) to src.
// edits are sorted and do not overlap. An offset inside inserted text maps to
// the start of the edit.
func mapBackOne(off int, edits []Edit) int {
	delta := 0 // output offset - source offset, before the current edit
	for _, e := range edits {
		newStart := e.Span.Start + delta
		if off < newStart {
			break
		}
		if off < newStart+len(e.New) {
			return e.Span.Start
		}
		delta += len(e.New) - e.Span.Len()
	}
	return off - delta
}

func ruleList(fs []Finding) string {
	var ids []string
	seen := map[string]bool{}
	for _, f := range fs {
		if !seen[f.Rule] {
			seen[f.Rule] = true
			ids = append(ids, f.Rule)
		}
	}
	sort.Strings(ids)
	return strings.Join(ids, ", ")
}

// Fix applies the fixes of a linted file until none applies, re-linting
// each round with r.Lint. It is FixFile(fr, r.Lint, unsafe, maxRounds); use
// FixFile directly when results are post-processed after linting
// (suppressions, baselines), so every round sees the same findings the
// report would.
func (r *Runner) Fix(fr FileResult, unsafe bool, maxRounds int) (FileResult, []AppliedFix, error) {
	return FixFile(fr, r.Lint, unsafe, maxRounds)
}

// FixFile applies the fixes of a linted file until none applies. fr is the
// file's result as reported (its findings are reused for round one); lint
// re-lints a source under fr.Path exactly as fr was produced.
//
// It returns the result of linting the fixed source, ready for a formatter
// (Doc.Source is the fixed text, Findings are what remains, positions are in
// the fixed text), and the fixes applied. A result without a document (the
// file could not be read or parsed), with an error (a rule failed) or with
// no applicable fix is returned as it is, with nothing applied: its error
// is reported already. On ErrNoConvergence or an error while re-linting, fr
// is returned unchanged with the error, which names the file; nothing must
// be written.
func FixFile(fr FileResult, lint func(path string, src []byte) FileResult, unsafe bool, maxRounds int) (FileResult, []AppliedFix, error) {
	if fr.Doc == nil || fr.Err != nil || !hasApplicableFix(fr.Findings, unsafe) {
		return fr, nil, nil
	}
	last := fr
	first := true
	check := func(src []byte) ([]Finding, error) {
		if first {
			first = false
			return fr.Findings, nil
		}
		prev := last
		last = lint(fr.Path, src)
		if last.Doc == nil && last.Err == nil {
			last.Err = errors.New("fixed draft could not be parsed")
		}
		if last.Err == nil {
			if err := checkNothingLost(prev, last, unsafe); err != nil {
				return nil, err
			}
		}
		return last.Findings, last.Err
	}
	_, applied, _, err := FixUntilStable(fr.Doc.Source, check, unsafe, maxRounds)
	if err != nil {
		return fr, nil, fmt.Errorf("%s: %w", fr.Path, err)
	}
	return last, applied, nil
}

// ErrUnsafeFix means a round of fixes would remove prose that no finding
// with a fix had flagged (markup reinterpreted once a line is gone, say):
// the file is left as it was.
var ErrUnsafeFix = errors.New("a fix would remove text no finding flagged")

// checkNothingLost compares the prose before and after a round of fixes:
// every word outside the spans of the findings that offered an applicable
// fix (their related spans included) must survive, in order.
func checkNothingLost(before, after FileResult, unsafe bool) error {
	if before.Doc == nil || after.Doc == nil {
		return nil
	}
	var flagged []Span
	for i := range before.Findings {
		f := &before.Findings[i]
		if f.Fix == nil || len(f.Fix.Edits) == 0 || !(f.Fix.Safe || unsafe) {
			continue
		}
		s := f.Span
		if s.Empty() { // an insertion touches the words either side
			s = Span{Start: max(s.Start-1, 0), End: min(s.End+1, len(before.Doc.Text))}
		}
		flagged = append(flagged, s)
		for _, r := range f.Related {
			flagged = append(flagged, r.Span)
		}
	}
	if w, off, lost := LostText([]byte(before.Doc.Text), []byte(after.Doc.Text), flagged); lost {
		return fmt.Errorf("%w: %q at text offset %d", ErrUnsafeFix, w, off)
	}
	return nil
}

// hasApplicableFix reports whether any finding carries a fix that
// ApplyFixes would consider.
func hasApplicableFix(fs []Finding, unsafe bool) bool {
	for i := range fs {
		if f := fs[i].Fix; f != nil && len(f.Edits) > 0 && (f.Safe || unsafe) {
			return true
		}
	}
	return false
}
