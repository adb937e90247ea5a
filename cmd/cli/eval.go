package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"copydesk/cmd/cli/internal/evaluate"
	"copydesk/lint"
)

const evalUsage = `usage: copydesk eval [flags] CORPUS_DIR_OR_DATASET_DIR...

Measures each rule's precision and recall on labelled corpora: every draft
is linted as "copydesk check" would (default configuration), and an item
counts as flagged when a finding of the rule overlaps it. A path is a corpus
folder (each sub-folder holding <split>.jsonl), one data set's folder, or a
.jsonl file. Known data sets: %s.

Flags:
  --format text|json  output format (default text)
  --examples N        show the N worst false positives and misses per row
  --rule ID           score only this rule (repeatable)
  --dataset NAME      evaluate only this data set (repeatable)
  --split NAME        read NAME.jsonl in each data set folder (default dev)
  --workers N         drafts linted at once (default: number of CPUs)
  -h, --help          show this help
`

// stringList is a repeatable string flag.
type stringList []string

func (l *stringList) String() string { return strings.Join(*l, ",") }

func (l *stringList) Set(s string) error {
	*l = append(*l, s)
	return nil
}

// runEval runs "copydesk eval" and returns the exit code: 0 when the
// evaluation ran, 2 on a usage error, an unreadable corpus, or drafts whose
// parsing or rules failed (the table is still printed).
func runEval(reg *lint.Registry, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	format := fs.String("format", "text", "")
	examples := fs.Int("examples", 0, "")
	split := fs.String("split", "dev", "")
	workers := fs.Int("workers", 0, "")
	var ruleIDs, datasets stringList
	fs.Var(&ruleIDs, "rule", "")
	fs.Var(&datasets, "dataset", "")
	usage := fmt.Sprintf(evalUsage, strings.Join(evaluate.DatasetNames, ", "))
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "copydesk eval: "+format+"\n", a...)
		fmt.Fprint(stderr, "Run 'copydesk eval --help' for usage.\n")
		return 2
	}

	// Flags may come before or after the paths.
	var paths []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(stdout, usage)
				return 0
			}
			return fail("%v", err)
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		paths = append(paths, args[0])
		args = args[1:]
	}
	switch {
	case len(paths) == 0:
		return fail("no corpus given")
	case *format != "text" && *format != "json":
		return fail("--format %q: want text or json", *format)
	case *examples < 0:
		return fail("--examples must not be negative")
	case *split == "" || strings.ContainsAny(*split, `/\`):
		return fail("--split %q: want a file name without .jsonl", *split)
	}
	for _, id := range ruleIDs {
		if _, ok := reg.Get(id); !ok {
			if s := reg.Suggest(id); s != "" {
				return fail("--rule %s: unknown rule (did you mean %s?)", id, s)
			}
			return fail("--rule %s: unknown rule", id)
		}
	}
	for _, name := range datasets {
		if !slices.Contains(evaluate.DatasetNames, name) {
			return fail("--dataset %s: unknown data set (want one of %s)", name, strings.Join(evaluate.DatasetNames, ", "))
		}
	}

	sources, err := evaluate.Locate(paths, *split)
	if err != nil {
		fmt.Fprintf(stderr, "copydesk %v\n", err)
		return 2
	}
	if len(datasets) > 0 {
		sources = slices.DeleteFunc(sources, func(s evaluate.Source) bool { return !slices.Contains(datasets, s.Dataset) })
		if len(sources) == 0 {
			fmt.Fprintf(stderr, "copydesk eval: none of the data sets %s found under %s\n", strings.Join(datasets, ", "), strings.Join(paths, " "))
			return 2
		}
	}
	rep, err := evaluate.Evaluate(reg, sources, evaluate.Options{Rules: ruleIDs, Examples: *examples, Workers: *workers})
	if err != nil {
		fmt.Fprintf(stderr, "copydesk eval: %v\n", err)
		return 2
	}
	if *format == "json" {
		err = evaluate.WriteJSON(stdout, rep)
	} else {
		err = evaluate.WriteText(stdout, rep)
	}
	if err != nil {
		fmt.Fprintf(stderr, "copydesk %v\n", err)
		return 2
	}
	code := 0
	for _, d := range rep.Datasets {
		if d.Errors > 0 {
			fmt.Fprintf(stderr, "copydesk eval: %s: %d drafts failed; first: %s\n", d.Dataset, d.Errors, d.FirstError)
			code = 2
		}
	}
	return code
}
