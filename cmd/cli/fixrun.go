package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"copydesk/cmd/cli/internal/atomicfile"
	"copydesk/lint"
	"copydesk/lint/format"
)

// This file wires `copydesk check --fix`, `--diff` and `--unsafe-fixes`
// (issue 7) into checkRun.

// fixer is the state of a --fix or --diff run.
type fixer struct {
	diff      bool   // --diff: print a unified diff, write nothing
	unsafe    bool   // --unsafe-fixes: apply suggestion fixes too
	stdinName string // the path standard input is reported under

	fixes, files int // fixes applied (or that --diff would apply), files changed
}

// newFixer returns the fixer for o, or nil without --fix and --diff.
func newFixer(o *checkOptions) *fixer {
	if !o.Fix && !o.Diff {
		return nil
	}
	name := o.StdinFilename
	if name == "" {
		name = StdinName
	}
	return &fixer{diff: o.Diff, unsafe: o.UnsafeFixes, stdinName: name}
}

// fixUsage checks the fix flags together; it returns a usage error message
// or "".
func fixUsage(o *checkOptions) string {
	switch {
	case o.Fix && o.Diff:
		return "--fix and --diff exclude each other"
	case o.UnsafeFixes && !o.Fix && !o.Diff:
		return "--unsafe-fixes needs --fix or --diff"
	case o.Diff && o.Output != "":
		return "--diff prints a patch instead of a report: redirect stdout rather than use --output"
	}
	return ""
}

// reportWriter is where check prints its report: stdout, except with --fix
// and - among the paths, where stdout carries the fixed draft and the
// report goes to stderr.
func (a *app) reportWriter(o *checkOptions, args []string) io.Writer {
	if o.Fix && contains(args, "-") {
		return a.stderr
	}
	return a.stdout
}

// report prints the closing line of a --fix or --diff run on w, if anything
// was (or would be) fixed.
func (f *fixer) report(w io.Writer) {
	if f.fixes == 0 {
		return
	}
	verb := "fixed"
	if f.diff {
		verb = "would fix"
	}
	fmt.Fprintf(w, "copydesk: %s %s in %s\n", verb, countOf(f.fixes, "finding", "findings"), countOf(f.files, "file", "files"))
}

// countOf returns "1 file" or "n files".
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// isStdin reports whether t is the draft read from standard input.
func (f *fixer) isStdin(t target) bool {
	return t.data != nil && t.path == f.stdinName
}

// fixFile applies the fixes of one linted file (--fix) and returns the
// result to report: the lint of the fixed draft, or fr when nothing was
// written. The file is replaced atomically; when fixing or writing fails
// (fixes that do not converge, a read-only file) the file is left as it
// was and reported with its findings and that error, which makes the run
// exit 2. For standard input the draft, fixed or not, is written to stdout.
// Only a failure to write stdout is returned.
func (r *checkRun) fixFile(fr lint.FileResult, t target) (lint.FileResult, error) {
	f := r.fixer
	stdin := f.isStdin(t)
	if t.data != nil && !stdin {
		// Contents that did not come from the file (the git index):
		// fixing them and writing the file would lose its other changes.
		if fr.Doc != nil && fr.Err == nil && hasFix(fr.Findings, f.unsafe) {
			fmt.Fprintf(r.app.stderr, "copydesk check: %s: not fixed: the draft was not read from the file\n", format.Clean(fr.Path))
		}
		return fr, nil
	}
	fixed, applied, err := lint.FixFile(fr, r.relint, f.unsafe, lint.DefaultMaxRounds)
	if err != nil {
		fr.Err = fmt.Errorf("%w; file left unchanged", err)
		fixed, applied = fr, nil
	}
	if stdin {
		out := t.data // unreadable, unparsable or not converging: give the input back
		if fixed.Doc != nil {
			out = fixed.Doc.Source
		}
		if _, err := r.app.stdout.Write(out); err != nil {
			return fr, fmt.Errorf("writing standard output: %w", err)
		}
	} else if len(applied) > 0 {
		if err := atomicfile.Write(fr.Path, fixed.Doc.Source); err != nil {
			// Nothing written: report the findings as they are. The
			// report names the file already.
			var we *atomicfile.WriteError
			if errors.As(err, &we) {
				err = we.Err
			}
			fr.Err = fmt.Errorf("not fixed: %w", err)
			return fr, nil
		}
	}
	r.printApplied(fr.Path, applied)
	return fixed, nil
}

// printApplied lists applied fixes on stderr, at their places in the
// original draft, and counts them.
func (r *checkRun) printApplied(path string, applied []lint.AppliedFix) {
	for _, a := range applied {
		fmt.Fprintf(r.app.stderr, "%s:%d:%d: fixed: %s [%s]\n", format.Clean(path), a.Start.Line, a.Start.Column,
			format.Clean(a.Finding.Fix.Message), a.Finding.Rule)
	}
	if len(applied) > 0 {
		r.fixer.fixes += len(applied)
		r.fixer.files++
	}
}

// runDiff prints the fixes of every input as one unified diff (--diff)
// instead of the report, and writes no file. The run exits 1 when a file
// would change, 2 on errors.
func (r *checkRun) runDiff(inputs []lint.Input) error {
	f := r.fixer
	err := r.runner.Run(context.Background(), inputs, func(fr lint.FileResult) error {
		r.postProcess(&fr)
		if fr.Err != nil {
			fmt.Fprintf(r.app.stderr, "copydesk check: %s: %s\n", format.Clean(fr.Path), format.Clean(format.ErrorText(fr.Path, fr.Err)))
			r.code = ExitError
			return nil
		}
		fixed, applied, err := lint.FixFile(fr, r.relint, f.unsafe, lint.DefaultMaxRounds)
		if err != nil {
			fmt.Fprintf(r.app.stderr, "copydesk check: %s; no diff for it\n", format.Clean(err.Error()))
			r.code = ExitError
			return nil
		}
		if len(applied) == 0 || fixed.Doc == nil || string(fr.Doc.Source) == string(fixed.Doc.Source) {
			return nil
		}
		if err := format.UnifiedDiff(r.app.stdout, fr.Path, fr.Doc.Source, fixed.Doc.Source); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
		f.fixes += len(applied)
		f.files++
		r.code = max(r.code, ExitFindings)
		return nil
	})
	f.report(r.app.stderr)
	return err
}

// relint lints a fixed draft as the first lint was: same rules, same
// post-processing (suppressions, baselines).
func (r *checkRun) relint(path string, src []byte) lint.FileResult {
	fr := r.runner.Lint(path, src)
	r.postProcess(&fr)
	return fr
}

// hasFix reports whether a finding has a fix --fix would apply.
func hasFix(fs []lint.Finding, unsafe bool) bool {
	for i := range fs {
		if fx := fs[i].Fix; fx != nil && len(fx.Edits) > 0 && (fx.Safe || unsafe) {
			return true
		}
	}
	return false
}
