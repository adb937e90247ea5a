package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"copydesk/lint"
)

func init() {
	register(&command{
		name:    "rules",
		args:    "[--markdown] [--config PATH | --no-config] [--no-plugins]",
		summary: "list the rules with their default severity",
		help:    "List every rule: ID, default severity, whether it is on by default, whether it\nhas a fix, and a summary. --markdown prints the table used in the README.\nThe rules of the packs and plugins named by the configuration of the current\ndirectory (or --config) are listed too.",
		setup: func(a *app, fs *flag.FlagSet) func([]string) int {
			md := fs.Bool("markdown", false, "print a Markdown table (the README's rule table)")
			rf := &registryFlags{}
			defineRegistryFlags(fs, rf)
			return func(args []string) int {
				if len(args) > 0 {
					return a.usageError(commands["rules"], "unexpected argument %q", args[0])
				}
				reg, closePlugins, err := a.registry(rf)
				if err != nil {
					return a.errorf(commands["rules"], "%v", err)
				}
				defer func() { _ = closePlugins() }()
				if *md {
					err = writeRulesMarkdown(a.stdout, reg)
				} else {
					err = writeRulesTable(a.stdout, reg)
				}
				if err != nil {
					return a.errorf(commands["rules"], "%v", err)
				}
				return ExitOK
			}
		},
	})
	register(&command{
		name:    "rule",
		args:    "[--config PATH | --no-config] [--no-plugins] RULE-ID",
		summary: "show a rule's documentation, options and examples",
		help: `Show a rule's documentation, options and examples. Rules of the packs and
plugins named by the configuration of the current directory (or --config)
are documented too.`,
		setup: func(a *app, fs *flag.FlagSet) func([]string) int {
			rf := &registryFlags{}
			defineRegistryFlags(fs, rf)
			return func(args []string) int {
				c := commands["rule"]
				if len(args) != 1 {
					return a.usageError(c, "want one rule ID")
				}
				reg, closePlugins, err := a.registry(rf)
				if err != nil {
					return a.errorf(c, "%v", err)
				}
				defer func() { _ = closePlugins() }()
				r, ok := reg.Get(args[0])
				if !ok {
					return a.errorf(c, "unknown rule %q%s", args[0], didYouMean(args[0], reg.IDs()))
				}
				if err := writeRuleDoc(a.stdout, r.Meta()); err != nil {
					return a.errorf(c, "%v", err)
				}
				return ExitOK
			}
		},
	})
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

func writeRulesTable(w io.Writer, reg *lint.Registry) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "RULE\tSEVERITY\tDEFAULT\tFIX\tSUMMARY")
	for _, r := range reg.Rules() {
		m := r.Meta()
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", m.ID, m.Severity, onOff(m.Default), yesNo(m.Fixable), m.Summary)
	}
	return tw.Flush()
}

// writeRulesMarkdown prints the README rule table. Rules off by default
// say so in the Severity column.
func writeRulesMarkdown(w io.Writer, reg *lint.Registry) error {
	var b strings.Builder
	b.WriteString("| Rule | Severity | Fix | Summary |\n|---|---|---|---|\n")
	cell := func(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "|", `\|`) }
	for _, r := range reg.Rules() {
		m := r.Meta()
		sev := m.Severity.String()
		if !m.Default {
			sev += " (off by default)"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", m.ID, sev, yesNo(m.Fixable), cell(m.Summary))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeRuleDoc prints a rule's full documentation.
func writeRuleDoc(w io.Writer, m lint.Meta) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n", m.ID, m.Summary)
	fmt.Fprintf(&b, "Severity: %s (%s by default)\n", m.Severity, onOff(m.Default))
	fmt.Fprintf(&b, "Fix:      %s\n\n", yesNo(m.Fixable))
	fmt.Fprintf(&b, "%s\n", strings.TrimSpace(m.Doc))
	if opts := strings.TrimSpace(m.Options); opts != "" {
		fmt.Fprintf(&b, "\nOptions:\n\n    [rule.%s.options]\n%s", tomlKey(m.ID), indent(opts, "    "))
	} else {
		b.WriteString("\nOptions: none\n")
	}
	if m.Bad != "" {
		fmt.Fprintf(&b, "\nBad:\n\n%s", indent(m.Bad, "    "))
	}
	if m.Good != "" {
		fmt.Fprintf(&b, "\nGood:\n\n%s", indent(m.Good, "    "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// indent prefixes every non-empty line of s and ends it with a newline.
func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			lines[i] = prefix + l
		} else {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// tomlKey quotes a rule ID for a TOML table header when it needs it
// ("house/slammed").
func tomlKey(id string) string {
	if strings.Contains(id, "/") {
		return fmt.Sprintf("%q", id)
	}
	return id
}
