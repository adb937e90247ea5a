package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"copydesk/config"
	"copydesk/lint"
)

func init() {
	register(&command{
		name:    "init",
		args:    "",
		summary: "write a commented .copydesk.toml listing every rule",
		help: `Write .copydesk.toml in the current directory with every rule, its default
severity and its options (commented out). Refuses to overwrite an existing
.copydesk.toml or copydesk.toml.`,
		setup: func(a *app, fs *flag.FlagSet) func([]string) int {
			return func(args []string) int {
				c := commands["init"]
				if len(args) > 0 {
					return a.usageError(c, "unexpected argument %q", args[0])
				}
				for _, name := range config.FileNames {
					if _, err := os.Lstat(name); err == nil {
						return a.errorf(c, "%s already exists; not overwriting it", name)
					}
				}
				name := config.FileNames[0]
				if err := writeNew(name, []byte(defaultConfig(a.reg))); err != nil {
					return a.errorf(c, "%v", err)
				}
				fmt.Fprintf(a.stdout, "Wrote %s with %d rules.\n", name, len(a.reg.IDs()))
				return ExitOK
			}
		},
	})
}

// writeNew creates name with data, failing if it exists; a partial file is
// removed.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists; not overwriting it", name)
	}
	if err != nil {
		return fmt.Errorf("creating %s: %w", name, plainErr(err))
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// defaultConfig renders the commented configuration `copydesk init` writes.
func defaultConfig(reg *lint.Registry) string {
	var b strings.Builder
	b.WriteString(`# copydesk configuration, written by "copydesk init".
#
# copydesk uses the .copydesk.toml or copydesk.toml nearest above each draft
# (up to the repository root). Globs are relative to this file's directory:
# * matches within a path segment, ** any number of segments, and a pattern
# without a slash matches a file or directory name at any depth.

# Findings at or above this severity make "copydesk check" exit 1:
# error, warning, info or never.
fail-on = "warning"

# Directory walks take .txt, .md, .markdown, .html and .htm files, or
# exactly the files matching include when it is set.
# include = ["drafts/**/*.md"]
# exclude = ["archive/**"]

# Rule packs: TOML files of phrase, pattern and substitution rules.
# packs = ["style/house.toml"]
`)
	for _, r := range reg.Rules() {
		m := r.Meta()
		key := tomlKey(m.ID)
		fmt.Fprintf(&b, "\n# %s\n[rule.%s]\nenabled = %t\nseverity = %q\n# exclude = [\"opinion/**\"]\n", m.Summary, key, m.Default, m.Severity)
		if opts := strings.TrimSpace(m.Options); opts != "" {
			fmt.Fprintf(&b, "# [rule.%s.options]\n", key)
			for _, line := range strings.Split(opts, "\n") {
				line = strings.TrimRight(line, " \t")
				switch {
				case line == "":
					b.WriteString("#\n")
				case strings.HasPrefix(strings.TrimSpace(line), "#"):
					b.WriteString(line + "\n")
				default:
					b.WriteString("# " + line + "\n")
				}
			}
		}
	}
	b.WriteString(`
# Different settings for some files; later blocks win.
# [[override]]
# files = ["opinion/**", "letters/**"]
# [override.rule.RULE-ID]
# severity = "info"
`)
	return b.String()
}
