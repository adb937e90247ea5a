package config

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/BurntSushi/toml"

	"copydesk/lint"
)

// FileNames are the names looked for, in order of preference, in each directory from an
// input file's directory up to the repository root.
var FileNames = []string{".copydesk.toml", "copydesk.toml"}

// Config is one parsed configuration file. Fields hold what the file says;
// zero values mean "not set".
type Config struct {
	// Path is the file the configuration was read from; "" for the
	// built-in defaults.
	Path string
	// Dir is the directory that relative globs are matched from: the
	// directory of a discovered file, or the working directory for a file
	// given with --config and for the defaults.
	Dir string

	FailOn  lint.Severity // 0 when not set
	Include Globs         // when set, directory walks take exactly the files that match
	Exclude Globs         // files and directories skipped by directory walks
	Packs   []string      // rule pack files, as written (relative to the config file)

	// Rules holds the [rule.<id>] tables by rule ID.
	Rules map[string]*RuleConfig
	// Overrides holds the [[override]] blocks in file order.
	Overrides []*Override
	// Plugins holds the [plugin.<name>] tables by name.
	Plugins map[string]*Plugin
	// Ignores holds the [[ignore]] tables in file order.
	Ignores []*Ignore

	md    toml.MetaData
	mdMu  sync.Mutex // decoding options marks keys in md
	lines keyLines
}

// RuleConfig is a [rule.<id>] table, or the rule part of an [[override]].
type RuleConfig struct {
	ID       string
	Line     int           // line of the table's header (or first key)
	Enabled  *bool         // nil when not set
	Severity lint.Severity // 0 when not set
	Exclude  Globs         // files the rule skips ([rule.<id>] only)

	options *optionSource // nil when there is no options table
}

// HasOptions reports whether the table has an options table.
func (r *RuleConfig) HasOptions() bool { return r.options != nil }

// optionSource is one [rule.<id>.options] table, kept undecoded until the
// rule decodes it into its own struct.
type optionSource struct {
	prim toml.Primitive
	path []string       // indexed key path, for line lookup: rule.x.options / override.1.rule.x.options
	keys map[string]int // dotted keys inside the table (as toml.Key.String) → line
}

// Override is an [[override]] block: rule changes for the files it matches.
type Override struct {
	Index int // position among the file's [[override]] blocks
	Line  int
	Files Globs
	Rules map[string]*RuleConfig
}

// Plugin is a [plugin.<name>] table: an external rule process.
type Plugin struct {
	Name    string
	Line    int
	Command []string      // program and arguments; never empty
	Timeout time.Duration // per request; 0 when not set
}

// Ignore is an [[ignore]] table: a suppression kept in config (for drafts
// that cannot carry comments).
type Ignore struct {
	Line     int      // line of the [[ignore]] header
	RuleLine int      // line of its rule key
	Files    Globs    // files it applies to; empty means every file
	Rules    []string // rule IDs; "rule" may be a string or a list
	Text     string   // the exact flagged text; "" means any finding of the rules
	Reason   string   // required
}

// Default returns the configuration used when no file applies: no keys set,
// globs relative to dir.
func Default(dir string) *Config {
	return &Config{Dir: dir, Rules: map[string]*RuleConfig{}, Plugins: map[string]*Plugin{}}
}

// Rel returns path relative to the configuration's directory, with slashes,
// for glob matching.
func (c *Config) Rel(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(rel)
}

// Skip reports whether a directory walk should leave out path: it matches
// exclude or, for a file when include is set, does not match include.
func (c *Config) Skip(path string, isDir bool) bool {
	if len(c.Exclude) == 0 && len(c.Include) == 0 {
		return false // no glob to match: spare the path arithmetic
	}
	rel := c.Rel(path)
	if c.Exclude.Match(rel) {
		return true
	}
	return !isDir && len(c.Include) > 0 && !c.Include.Match(rel)
}

// HasInclude reports whether the configuration sets include, which then
// replaces the default choice of draft extensions in directory walks.
func (c *Config) HasInclude() bool { return len(c.Include) > 0 }

// Error is a configuration error at a place in a file.
type Error struct {
	File string
	Line int // 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	file := e.File
	if file == "" {
		file = "config"
	}
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", file, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", file, e.Msg)
}

// Errors is every error found in one file, sorted by line.
type Errors []*Error

func (es Errors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// Unwrap returns the errors for errors.Is and errors.As.
func (es Errors) Unwrap() []error {
	out := make([]error, len(es))
	for i, e := range es {
		out[i] = e
	}
	return out
}

// unique drops repeated errors (an option error of a [rule.ID] table is
// found again with each [[override]]).
func (es Errors) unique() Errors {
	seen := map[string]bool{}
	out := es[:0:0]
	for _, e := range es {
		if k := e.Error(); !seen[k] {
			seen[k] = true
			out = append(out, e)
		}
	}
	return out
}

func (es Errors) sorted() Errors {
	sort.SliceStable(es, func(i, j int) bool { return es[i].Line < es[j].Line })
	return es
}

// AddRuleErrors returns err, the errors Parse or Load found in c's file,
// with the errors Apply finds in c against reg (unknown rule IDs, options a
// rule does not take or of the wrong type), all sorted by line, so that a
// file's problems are reported in one go. c is the configuration Parse
// returned with err; when it is nil (the file is not TOML) or err is not an
// Errors, err is returned as it is. The IDs of pack and plugin rules
// (pack/rule) are not checked: a file with errors loads no pack or plugin.
func (c *Config) AddRuleErrors(reg *lint.Registry, err error) error {
	var errs Errors
	if c == nil || reg == nil || !errors.As(err, &errs) {
		return err
	}
	// Without packs and plugins, a pack/rule ID is as unknown as any.
	extended := len(c.Packs) > 0 || len(c.Plugins) > 0
	builtin := func(ids []string) []string {
		var out []string
		for _, id := range ids {
			if !extended || !strings.Contains(id, "/") {
				out = append(out, id)
			}
		}
		return out
	}
	builtinRules := func(m map[string]*RuleConfig) map[string]*RuleConfig {
		out := map[string]*RuleConfig{}
		for id, rc := range m {
			if !extended || !strings.Contains(id, "/") {
				out[id] = rc
			}
		}
		return out
	}
	cc := &Config{Path: c.Path, Dir: c.Dir, Rules: builtinRules(c.Rules), Plugins: map[string]*Plugin{}, md: c.md, lines: c.lines}
	for _, ov := range c.Overrides {
		o := *ov
		o.Rules = builtinRules(ov.Rules)
		cc.Overrides = append(cc.Overrides, &o)
	}
	for _, ig := range c.Ignores {
		i := *ig
		i.Rules = builtin(ig.Rules)
		cc.Ignores = append(cc.Ignores, &i)
	}
	_, aerr := cc.Apply(reg, Filter{})
	var more Errors
	var one *Error
	switch {
	case aerr == nil:
		return err
	case errors.As(aerr, &more):
	case errors.As(aerr, &one):
		more = Errors{one}
	default:
		return errors.Join(err, aerr)
	}
	return append(append(Errors(nil), errs...), more...).sorted()
}

// didYouMean returns ` (did you mean "x"?)` or "".
func didYouMean(s string, candidates []string) string { return lint.DidYouMean(s, candidates) }
