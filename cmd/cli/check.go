package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"copydesk/config"
	"copydesk/lint"
	"copydesk/lint/format"
	"copydesk/lint/parse"
)

// checkOptions are the flags of `copydesk check`. Later features add their
// flags here and in defineCheckFlags.
type checkOptions struct {
	Format        string
	Select        listFlag
	Ignore        listFlag
	FailOn        string
	Color         string
	StdinFilename string
	Jobs          int
	Config        string
	NoConfig      bool
	Fix           bool   // --fix: apply safe fixes in place (fixrun.go)
	Diff          bool   // --diff: print the fixes as a unified diff (fixrun.go)
	UnsafeFixes   bool   // --unsafe-fixes: suggestion fixes too
	NoPlugins     bool   // --no-plugins: start no external plugin (extend.go)
	Output        string // --output: write the --format report to this file, text to stdout (output.go)
	Staged        bool   // --staged: lint the staged version of staged drafts (staged.go)
	ChangedSince  string // --changed-since: lint only drafts changed since this revision (staged.go)
	NoSuppress    bool   // --no-suppress: directives, [[ignore]] and --baseline silence nothing (suppress.go)
	Suppressed    bool   // --show-suppressed: list suppressed findings in text output
	Baseline      string // --baseline: report only findings not recorded in this file
	WriteBaseline string // --write-baseline: record the run's findings in this file

	notes io.Writer // standard error, for extensions' closing notes; nil in tests that build options
}

// checkExtension is per-run behavior that another file of this package adds to
// `copydesk check` (rule packs and plugins, suppressions, baselines)
// without editing this file: it appends a setup function to checkExtensions in
// init. Every field may be nil.
type checkExtension struct {
	// Prepare runs after a configuration file is loaded and before it is
	// checked against the rules; it returns the registry to check it
	// against (the base one plus the rules of packs and plugins the file
	// names). The extensions' Prepare functions run in order.
	Prepare func(c *config.Config, reg *lint.Registry) (*lint.Registry, error)
	// Result runs on each file's result, in input order, before it is
	// counted and printed; it may drop or add findings or set Err. set is
	// the file's configuration, nil when it could not be resolved.
	Result func(set *config.RuleSet, fr *lint.FileResult)
	// Close runs once when the run ends, even after an error.
	Close func() error
	// Retains says that Result keeps strings or slices of the documents it
	// sees after it returns (a baseline recorder does): documents are then
	// not recycled once printed.
	Retains bool
	// Rules returns the rules the extension added to the run so far
	// (packs, plugins), for formats that describe the rules (SARIF). It
	// is called once the inputs are collected.
	Rules func() []lint.Rule
}

// checkExtensions are called once per check run, in order, to set up that run's
// extensions. An error stops the run with exit code 2.
var checkExtensions []func(o *checkOptions) (*checkExtension, error)

func init() {
	register(&command{
		name:    "check",
		args:    "[flags] [PATH|DIR|-]...",
		summary: "lint drafts and report findings",
		help: `Lint drafts: files, directories (walked for .txt, .md, .markdown, .html and
.htm files, skipping hidden ones and .git) or - for standard input. With no
path, the current directory is checked. Flags may come before or after paths.

Each file is checked with the .copydesk.toml or copydesk.toml found nearest
above it (up to the repository root), unless --config or --no-config is given.`,
		setup: func(a *app, fs *flag.FlagSet) func([]string) int {
			o := &checkOptions{notes: a.stderr}
			defineCheckFlags(fs, o)
			return func(args []string) int { return a.check(o, args) }
		},
	})
}

func defineCheckFlags(fs *flag.FlagSet, o *checkOptions) {
	fs.StringVar(&o.Format, "format", "text", "output `FORMAT`: "+orList(format.Names()))
	fs.Var(&o.Select, "select", "run only these `RULES` (comma-separated, repeatable)")
	fs.Var(&o.Ignore, "ignore", "do not run these `RULES` (comma-separated, repeatable)")
	fs.StringVar(&o.FailOn, "fail-on", "", "exit 1 on findings at or above `SEVERITY`: error, warning, info or never (default: config, else warning)")
	fs.StringVar(&o.Color, "color", "auto", "color `WHEN`: auto, always or never")
	fs.StringVar(&o.StdinFilename, "stdin-filename", "", "`NAME` of the draft read from - (decides format and config)")
	fs.IntVar(&o.Jobs, "j", 0, "lint `N` files at once (default: number of CPUs)")
	fs.StringVar(&o.Config, "config", "", "use the configuration file at `PATH` for every draft")
	fs.BoolVar(&o.NoConfig, "no-config", false, "ignore configuration files")
	fs.BoolVar(&o.Fix, "fix", false, "apply safe fixes in place (with -, write the fixed draft to stdout)")
	fs.BoolVar(&o.Diff, "diff", false, "print the safe fixes as a unified diff; change no file")
	fs.BoolVar(&o.UnsafeFixes, "unsafe-fixes", false, "with --fix or --diff, apply suggestion fixes too")
	fs.BoolVar(&o.NoPlugins, "no-plugins", false, "start no external plugin (rule packs still load)")
	fs.StringVar(&o.Output, "output", "", "write the --format report to `FILE` (atomically); text still goes to stdout")
	fs.BoolVar(&o.Staged, "staged", false, "lint the staged version of the staged drafts under the paths (git index)")
	fs.StringVar(&o.ChangedSince, "changed-since", "", "lint only drafts under the paths changed since the merge base of `REV` and HEAD (commits, uncommitted and untracked)")
	fs.BoolVar(&o.NoSuppress, "no-suppress", false, "report every finding: directives, [[ignore]] entries and --baseline silence nothing (audits)")
	fs.BoolVar(&o.Suppressed, "show-suppressed", false, "list suppressed findings, with their reasons, in text output")
	fs.StringVar(&o.Baseline, "baseline", "", "report only findings not recorded in the baseline `FILE`")
	fs.StringVar(&o.WriteBaseline, "write-baseline", "", "record every finding of this run in the baseline `FILE` (with --baseline: only those still in it)")
}

// check runs `copydesk check`.
func (a *app) check(o *checkOptions, args []string) (exit int) {
	c := commands["check"]
	mk, ok := format.Lookup(o.Format)
	if !ok {
		return a.usageError(c, "--format: unknown format %q (want %s)%s", o.Format, orList(format.Names()), didYouMean(o.Format, format.Names()))
	}
	var failOn lint.Severity
	if o.FailOn != "" {
		if err := oneOf("fail-on", o.FailOn, []string{"error", "warning", "info", "never"}); err != nil {
			return a.usageError(c, "%v", err)
		}
		failOn, _ = lint.ParseSeverity(o.FailOn, true)
	}
	if err := oneOf("color", o.Color, colorModes); err != nil {
		return a.usageError(c, "%v", err)
	}
	if o.Jobs < 0 {
		return a.usageError(c, "-j: want a number of files at least 1 (or 0 for the default)")
	}
	if o.Config != "" && o.NoConfig {
		return a.usageError(c, "--config and --no-config exclude each other")
	}
	if msg := fixUsage(o); msg != "" {
		return a.usageError(c, "%s", msg)
	}
	for _, fl := range []struct {
		name string
		ids  []string
	}{{"--select", o.Select}, {"--ignore", o.Ignore}} {
		for _, id := range fl.ids {
			// Pack and plugin rules ("pack/rule") join the registry with
			// the configuration; the configuration checks those.
			if _, ok := a.reg.Get(id); !ok && !strings.Contains(id, "/") {
				return a.usageError(c, "%s: unknown rule %q%s", fl.name, id, didYouMean(id, a.reg.IDs()))
			}
		}
	}
	if len(args) == 0 {
		args = []string{"."}
		if o.StdinFilename != "" {
			args = []string{"-"}
		}
	}
	if o.StdinFilename != "" && !contains(args, "-") {
		return a.usageError(c, "--stdin-filename needs - among the paths")
	}
	if o.Config != "" {
		if fi, err := os.Stat(o.Config); err != nil || fi.IsDir() {
			return a.errorf(c, "--config %s: %v", o.Config, errOrDir(err))
		}
	}

	var exts []*checkExtension
	defer func() {
		for _, e := range exts {
			if e.Close != nil {
				if err := e.Close(); err != nil {
					// A baseline or report that could not be written is
					// an error of the run, whatever the findings were.
					fmt.Fprintf(a.stderr, "copydesk check: %v\n", err)
					exit = ExitError
				}
			}
		}
	}()
	for _, setup := range checkExtensions {
		e, err := setup(o)
		if err != nil {
			return a.errorf(c, "%v", err)
		}
		if e != nil {
			exts = append(exts, e)
		}
	}
	res := config.NewResolver(a.reg, config.Options{
		Path:     o.Config,
		NoConfig: o.NoConfig,
		Filter:   config.Filter{Select: o.Select, Ignore: o.Ignore},
		Prepare:  prepareAll(exts),
	})
	col := newCollector(res, a.stdin, o.StdinFilename)
	if o.Staged || o.ChangedSince != "" {
		if err := col.addChanged(o, args); err != nil {
			return a.errorf(c, "%v", err)
		}
		args = nil // the paths only scope the changed files
	}
	for _, arg := range args {
		if err := col.add(arg); err != nil {
			return a.usageError(c, "%v", err)
		}
	}

	code := ExitOK
	for _, msg := range col.empty { // directory arguments without a draft (walk.go)
		fmt.Fprintf(a.stderr, "copydesk check: %s\n", msg)
		code = ExitError
	}
	if errs := res.Errors(); len(errs) > 0 {
		for _, err := range errs {
			fmt.Fprintln(a.stderr, err)
		}
		code = ExitError
	}

	report := a.reportWriter(o, args) // stderr for --fix -: stdout carries the draft
	opts := format.Options{Color: useColor(o.Color, report), Version: version(), ShowSuppressed: o.Suppressed}
	for _, r := range a.reg.Rules() {
		opts.Rules = append(opts.Rules, r.Meta())
	}
	for _, e := range exts {
		if e.Rules != nil {
			for _, r := range e.Rules() {
				opts.Rules = append(opts.Rules, r.Meta())
			}
		}
	}
	out := a.checkOutput(o, mk, report, opts)
	run := &checkRun{app: a, res: res, failOn: failOn, out: out, exts: exts, fixer: newFixer(o)}
	if err := run.lint(col.targets, o.Jobs); err != nil {
		fmt.Fprintf(a.stderr, "copydesk check: %v\n", err)
		return ExitError
	}
	return max(code, run.code)
}

// checkRun lints the targets and streams the results to a formatter.
type checkRun struct {
	app    *app
	res    *config.Resolver
	failOn lint.Severity // from --fail-on; 0 means each file's configuration decides
	out    format.Formatter
	exts   []*checkExtension
	fixer  *fixer       // --fix or --diff (fixrun.go); nil otherwise
	runner *lint.Runner // set by lint, for re-linting fixed drafts

	summary format.Summary
	code    int
}

func (r *checkRun) lint(targets []target, jobs int) error {
	if jobs == 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	inputs := make([]lint.Input, len(targets))
	preErr := map[string]error{}
	for i, t := range targets {
		inputs[i] = lint.Input{Path: t.path, Data: t.data}
		if t.err != nil {
			preErr[t.path] = t.err
			inputs[i].Data = nil
		}
	}
	runner := &lint.Runner{
		Read: func(path string) ([]byte, error) {
			if err, ok := preErr[path]; ok {
				return nil, err
			}
			return readFile(path)
		},
		Parse:   parse.Parse,
		Rules:   r.res.RulesFor,
		Workers: jobs,
	}
	r.runner = runner
	if r.fixer != nil && r.fixer.diff {
		return r.runDiff(inputs)
	}
	if err := r.out.Begin(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	// Once a file's result is printed nothing refers to its document, so
	// its buffers go back to the parser's pool (lint.Document.Release): a
	// corpus run then faults in far less fresh memory. Not with --fix,
	// whose report outlives the callback, nor when an extension keeps
	// document text.
	release := r.fixer == nil
	for _, e := range r.exts {
		release = release && !e.Retains
	}
	next := 0
	err := runner.Run(context.Background(), inputs, func(fr lint.FileResult) error {
		t := targets[next]
		next++
		r.postProcess(&fr)
		if r.fixer != nil {
			var err error
			if fr, err = r.fixFile(fr, t); err != nil {
				return err
			}
		}
		r.summary.Add(&fr)
		r.code = max(r.code, r.exitCode(&fr))
		if err := r.out.File(&fr); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
		if release && fr.Doc != nil {
			src := fr.Doc.Source
			fr.Release()
			if t.data == nil && t.err == nil {
				recycleDraft(src) // read by readDraft, and now unused
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	if err := r.out.End(r.summary); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	if r.fixer != nil {
		r.fixer.report(r.app.stderr)
	}
	return nil
}

// postProcess runs the extensions' Result hooks on a file's result. --fix
// runs it on every round's lint too, so fixes see what the report sees.
func (r *checkRun) postProcess(fr *lint.FileResult) {
	if len(r.exts) == 0 {
		return
	}
	set, _ := r.res.For(fr.Path)
	for _, e := range r.exts {
		if e.Result != nil {
			e.Result(set, fr)
		}
	}
}

// exitCode is the exit code one file's result calls for: 2 for an error,
// 1 for a finding at or above the file's fail-on threshold (--fail-on, else
// its configuration's fail-on, else warning).
func (r *checkRun) exitCode(fr *lint.FileResult) int {
	if fr.Err != nil {
		return ExitError
	}
	threshold := r.failOn
	if threshold == 0 {
		if set, err := r.res.For(fr.Path); err == nil {
			threshold = set.FailOn()
		}
	}
	if threshold == 0 {
		threshold = lint.Warning
	}
	for i := range fr.Findings {
		if fr.Findings[i].Severity >= threshold {
			return ExitFindings
		}
	}
	return ExitOK
}

// prepareAll chains the extensions' Prepare functions.
func prepareAll(exts []*checkExtension) func(*config.Config, *lint.Registry) (*lint.Registry, error) {
	return func(c *config.Config, reg *lint.Registry) (*lint.Registry, error) {
		for _, e := range exts {
			if e.Prepare == nil {
				continue
			}
			var err error
			if reg, err = e.Prepare(c, reg); err != nil {
				return nil, err
			}
		}
		return reg, nil
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func errOrDir(err error) error {
	if err != nil {
		return plainErr(err)
	}
	return errors.New("is a directory")
}
