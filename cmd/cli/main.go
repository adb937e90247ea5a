package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"sort"
	"strings"

	"copydesk/lint"
)

// Exit codes, the same for every output format.
const (
	ExitOK       = 0 // nothing at or above the fail-on threshold
	ExitFindings = 1 // findings at or above the threshold
	ExitError    = 2 // usage, configuration, input or internal error
)

// app is one invocation: the rules and the standard streams.
type app struct {
	reg    *lint.Registry
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is a subcommand. setup defines the command's flags on fs and
// returns the function that runs it with the positional arguments.
type command struct {
	name    string
	args    string // synopsis after "copydesk name": "[flags] [PATH|DIR|-]..."
	summary string // one line for the command list
	help    string // paragraphs shown by --help, after the synopsis
	setup   func(a *app, fs *flag.FlagSet) func(args []string) int
}

var commands = map[string]*command{}

// register adds a command; each command's file calls it from init.
func register(c *command) {
	if _, dup := commands[c.name]; dup {
		panic("cli: command " + c.name + " registered twice")
	}
	commands[c.name] = c
}

// Main runs copydesk with the rules in reg and returns the exit code.
func Main(reg *lint.Registry, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	a := &app{reg: reg, stdin: stdin, stdout: stdout, stderr: stderr}
	defer func() {
		if v := recover(); v != nil {
			fmt.Fprintf(stderr, "copydesk: internal error: %v\n%s", v, debug.Stack())
			code = ExitError
		}
	}()
	if reg == nil {
		fmt.Fprintln(stderr, "copydesk: internal error: no rule registry")
		return ExitError
	}
	if len(args) == 0 {
		a.mainUsage(stderr)
		return ExitError
	}
	switch args[0] {
	case "-h", "-help", "--help":
		a.mainUsage(stdout)
		return ExitOK
	case "-V", "-version", "--version":
		args = append([]string{"version"}, args[1:]...)
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "copydesk: unknown command %q%s\n", args[0], didYouMean(args[0], commandNames()))
		fmt.Fprintln(stderr, "Run 'copydesk help' for usage.")
		return ExitError
	}
	return a.run(c, args[1:])
}

// run parses a command's flags and runs it. --help prints the command's
// usage to stdout (exit 0); bad flags print it to stderr (exit 2).
func (a *app) run(c *command, args []string) int {
	fs := newFlagSet(c.name)
	runFn := c.setup(a, fs)
	pos, err := parseArgs(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		a.commandUsage(a.stdout, c, fs)
		return ExitOK
	}
	if err != nil {
		return a.usageError(c, "%s", flagError(fs, err))
	}
	return runFn(pos)
}

// usageError reports bad usage of c on stderr with its usage.
func (a *app) usageError(c *command, format string, args ...any) int {
	fmt.Fprintf(a.stderr, "copydesk %s: %s\n\n", c.name, fmt.Sprintf(format, args...))
	fs := newFlagSet(c.name)
	c.setup(a, fs)
	a.commandUsage(a.stderr, c, fs)
	return ExitError
}

// errorf reports a non-usage error of command c on stderr.
func (a *app) errorf(c *command, format string, args ...any) int {
	fmt.Fprintf(a.stderr, "copydesk %s: %s\n", c.name, fmt.Sprintf(format, args...))
	return ExitError
}

func commandNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func (a *app) mainUsage(w io.Writer) {
	fmt.Fprint(w, `copydesk is an editorial linter for newsroom drafts (plain text, Markdown, HTML).

Usage: copydesk <command> [flags] [arguments]

Commands:
`)
	names := commandNames()
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	for _, n := range names {
		fmt.Fprintf(w, "  %-*s  %s\n", width, n, commands[n].summary)
	}
	fmt.Fprint(w, `
Run 'copydesk help <command>' or 'copydesk <command> --help' for a command's flags.
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, config or input error.
`)
}

func (a *app) commandUsage(w io.Writer, c *command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: copydesk %s %s\n", c.name, c.args)
	if c.help != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.help))
	}
	if usage := flagUsage(fs); usage != "" {
		fmt.Fprintf(w, "\nFlags:\n%s", usage)
	}
}

func init() {
	register(&command{
		name:    "help",
		args:    "[command]",
		summary: "show help for copydesk or a command",
		setup: func(a *app, fs *flag.FlagSet) func([]string) int {
			return func(args []string) int {
				if len(args) == 0 {
					a.mainUsage(a.stdout)
					return ExitOK
				}
				c, ok := commands[args[0]]
				if !ok || len(args) > 1 {
					return a.usageError(commands["help"], "unknown command %q%s", strings.Join(args, " "), didYouMean(args[0], commandNames()))
				}
				fs := newFlagSet(c.name)
				c.setup(a, fs)
				a.commandUsage(a.stdout, c, fs)
				return ExitOK
			}
		},
	})
}
