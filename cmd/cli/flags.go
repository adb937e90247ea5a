package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"copydesk/lint"
)

func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet("copydesk "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // we print usage and errors ourselves
	fs.Usage = func() {}
	return fs
}

// parseArgs parses flags wherever they are among the arguments
// ("check draft.md --format json"): flags and their values are moved in
// front of the positional arguments. "--" ends the flags; "-" is a
// positional argument (stdin).
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(arg) < 2 || arg[0] != '-' {
			pos = append(pos, arg)
			continue
		}
		flags = append(flags, arg)
		name := strings.TrimLeft(arg, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue // Parse reports it
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			flags = append(flags, args[i+1])
			i++
		}
	}
	if err := fs.Parse(flags); err != nil {
		return nil, err
	}
	return append(fs.Args(), pos...), nil
}

// flagError rewords the flag package's errors, suggesting a known flag
// for a misspelled one.
func flagError(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		var names []string
		fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
		dash := func(n string) string {
			if len(n) == 1 {
				return "-" + n
			}
			return "--" + n
		}
		msg = "unknown flag " + dash(name)
		if m := lint.Suggest(name, names); m != "" {
			msg += fmt.Sprintf(" (did you mean %s?)", dash(m))
		}
	}
	return msg
}

// flagUsage lists fs's flags, two columns, long flags with two dashes.
func flagUsage(fs *flag.FlagSet) string {
	type row struct{ left, right string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *flag.Flag) {
		placeholder, usage := flag.UnquoteUsage(f)
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		left := dash + f.Name
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
			if placeholder == "" {
				placeholder = "VALUE"
			}
			left += " " + placeholder
		}
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "[]" {
			usage += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		rows = append(rows, row{left, usage})
		width = max(width, len(left))
	})
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, r.left, r.right)
	}
	return b.String()
}

// listFlag is a repeatable flag of comma-separated values.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }

func (l *listFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			*l = append(*l, v)
		}
	}
	return nil
}

// didYouMean returns ` (did you mean "x"?)` or "".
func didYouMean(s string, candidates []string) string { return lint.DidYouMean(s, candidates) }

// oneOf checks that value is one of allowed, for enum flags.
func oneOf(flagName, value string, allowed []string) error {
	for _, a := range allowed {
		if value == a {
			return nil
		}
	}
	return fmt.Errorf("--%s: invalid value %q (want %s)%s", flagName, value, orList(allowed), didYouMean(value, allowed))
}

// orList renders "a, b or c".
func orList(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " or " + items[len(items)-1]
}
