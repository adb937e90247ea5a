package cli

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"copydesk/cmd/cli/internal/evaluate"
	"copydesk/lint"
)

const evalHelp = `Measure each rule's precision and recall on labeled corpora. Every draft is
linted as "copydesk check" lints it (each rule at its default configuration
and severity, rules that are off by default included), and an item counts as
flagged when a finding of the rule overlaps it.

A path is a corpus folder (each sub-folder holding <split>.jsonl is a data
set), one data set's folder, or a .jsonl file. Data sets are recognized by
folder name or by their first line: polnear-attribution,
szeged-wiki-uncertainty, emergent-headlines, scrapinghub-boilerplate. How
labels map to rules: README, "Evaluation: detection quality".

Exit status: 0 when the evaluation ran; 2 on a usage error, an unreadable
corpus, or drafts whose parsing or rules failed (the table is still printed).`

// evalFlags are the flags of "copydesk eval".
type evalFlags struct {
	format   string
	examples int
	split    string
	workers  int
	rules    listFlag
	datasets listFlag
}

func (f *evalFlags) define(fs *flag.FlagSet) {
	fs.StringVar(&f.format, "format", "text", "output `FORMAT`: text or json")
	fs.IntVar(&f.examples, "examples", 0, "show the `N` worst false positives and misses of each row")
	fs.Var(&f.rules, "rule", "score only rule `ID` (repeatable, or comma-separated)")
	fs.Var(&f.datasets, "dataset", "evaluate only data set `NAME` (repeatable, or comma-separated)")
	fs.StringVar(&f.split, "split", "dev", "read `NAME`.jsonl in each data set folder")
	fs.IntVar(&f.workers, "workers", 0, "lint `N` drafts at once (default: number of CPUs)")
}

func init() {
	register(&command{
		name:    "eval",
		args:    "[flags] CORPUS_DIR_OR_DATASET_DIR...",
		summary: "measure the rules' precision and recall on labeled corpora",
		help:    evalHelp,
		setup: func(a *app, fs *flag.FlagSet) func([]string) int {
			var f evalFlags
			f.define(fs)
			return func(args []string) int { return f.run(a, args) }
		},
	})
}

// runEval runs "copydesk eval" with args (flags and paths, in any order)
// and returns the exit code.
func runEval(reg *lint.Registry, args []string, stdout, stderr io.Writer) int {
	a := &app{reg: reg, stdin: strings.NewReader(""), stdout: stdout, stderr: stderr}
	return a.run(commands["eval"], args)
}

func (f *evalFlags) run(a *app, paths []string) int {
	c := commands["eval"]
	switch {
	case len(paths) == 0:
		return a.usageError(c, "no corpus given")
	case f.format != "text" && f.format != "json":
		return a.usageError(c, "--format %q: want text or json", f.format)
	case f.examples < 0:
		return a.usageError(c, "--examples must not be negative")
	case f.split == "" || strings.ContainsAny(f.split, `/\`):
		return a.usageError(c, "--split %q: want a file name without .jsonl", f.split)
	}
	for _, id := range f.rules {
		if _, ok := a.reg.Get(id); !ok {
			return a.usageError(c, "--rule %s: unknown rule%s", id, didYouMean(id, a.reg.IDs()))
		}
		if !evaluate.Mapped(id) {
			fmt.Fprintf(a.stderr, "copydesk eval: --rule %s: no labeled data set maps to this rule; nothing to score\n", id)
		}
	}
	for _, name := range f.datasets {
		if !slices.Contains(evaluate.DatasetNames, name) {
			return a.usageError(c, "--dataset %s: unknown data set%s", name, didYouMean(name, evaluate.DatasetNames))
		}
	}

	sources, err := evaluate.Locate(paths, f.split)
	if err != nil {
		return a.errorf(c, "%v", strings.TrimPrefix(err.Error(), "eval: "))
	}
	if len(f.datasets) > 0 {
		sources = slices.DeleteFunc(sources, func(s evaluate.Source) bool { return !slices.Contains(f.datasets, s.Dataset) })
		if len(sources) == 0 {
			return a.errorf(c, "no data set %s under %s", strings.Join(f.datasets, ", "), strings.Join(paths, " "))
		}
	}
	rep, err := evaluate.Evaluate(a.reg, sources, evaluate.Options{Rules: f.rules, Examples: f.examples, Workers: f.workers})
	if err != nil {
		return a.errorf(c, "%v", err)
	}
	if f.format == "json" {
		err = evaluate.WriteJSON(a.stdout, rep)
	} else {
		err = evaluate.WriteText(a.stdout, rep)
	}
	if err != nil {
		return a.errorf(c, "%v", strings.TrimPrefix(err.Error(), "eval: "))
	}
	code := ExitOK
	for _, d := range rep.Datasets {
		if d.Errors > 0 {
			fmt.Fprintf(a.stderr, "copydesk eval: %s: %d drafts failed; first: %s\n", d.Dataset, d.Errors, firstLine(d.FirstError))
			code = ExitError
		}
	}
	return code
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
