package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"copydesk/lint"
)

// Load reads and checks the configuration file at path. Relative globs are
// matched from dir; an empty dir means the file's own directory. Rule IDs and
// options are checked later, by Apply, against a registry.
func Load(path, dir string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	if dir == "" {
		dir = filepath.Dir(path)
	}
	return Parse(path, data, dir)
}

// Parse checks configuration data read from the file named name.
//
// When the data is valid TOML but keys or values are wrong, Parse returns
// every such error, sorted by line, together with the configuration read
// from the rest of the file (the wrong keys left unset). That configuration
// must not be used to lint; it is for AddRuleErrors, which adds the errors
// in rule IDs and options, so that a file's problems are reported at once.
// On other errors (TOML syntax, encoding, size) the configuration is nil.
func Parse(name string, data []byte, dir string) (*Config, error) {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	c := Default(dir)
	c.Path = name
	if !utf8.Valid(data) {
		bad := 0
		for bad < len(data) {
			r, size := utf8.DecodeRune(data[bad:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			bad += size
		}
		line := 1 + strings.Count(string(data[:bad]), "\n")
		return nil, Errors{{File: name, Line: line, Msg: "not valid UTF-8 text (a TOML file must be UTF-8)"}}
	}
	src := string(data)
	// The TOML decoder slows down quadratically on deep nesting; no real
	// configuration comes near these limits.
	if len(data) > maxConfigSize {
		return nil, Errors{{File: name, Msg: fmt.Sprintf("file larger than %d KiB", maxConfigSize>>10)}}
	}
	if line := tooDeep(src, maxNesting); line > 0 {
		return nil, Errors{{File: name, Line: line, Msg: fmt.Sprintf("arrays and inline tables nested more than %d deep", maxNesting)}}
	}
	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		return nil, Errors{syntaxError(name, err)}
	}
	c.lines = indexKeys(src)
	l := &loader{c: c, file: name}
	l.top(raw)
	// Decode again to keep each options table as a Primitive that the rule
	// decodes later into its own struct.
	var prims struct {
		Rule     map[string]struct{ Options toml.Primitive } `toml:"rule"`
		Override []struct {
			Rule map[string]struct{ Options toml.Primitive } `toml:"rule"`
		} `toml:"override"`
	}
	md, err := toml.Decode(src, &prims)
	if err != nil {
		if len(l.errs) > 0 {
			return nil, l.errs.sorted() // a key of the wrong type, reported
		}
		return nil, Errors{{File: name, Msg: err.Error()}}
	}
	c.md = md
	for id, rc := range c.Rules {
		if rc.options != nil {
			rc.options.prim = prims.Rule[id].Options
		}
	}
	for i, ov := range c.Overrides {
		for id, rc := range ov.Rules {
			if rc.options != nil && i < len(prims.Override) {
				rc.options.prim = prims.Override[i].Rule[id].Options
			}
		}
	}
	if len(l.errs) > 0 {
		return c, l.errs.sorted()
	}
	return c, nil
}

// Limits on configuration files.
const (
	maxConfigSize = 1 << 20
	maxNesting    = 32
)

// tooDeep returns the first line on which arrays and inline tables nest
// deeper than limit, or 0.
func tooDeep(src string, limit int) int {
	var sc valueScanner
	for i, line := range strings.Split(src, "\n") {
		if !sc.busy() {
			s := strings.TrimSpace(line)
			if strings.HasPrefix(s, "[") {
				continue // a table header
			}
			_, rest, ok := strings.Cut(s, "=")
			if !ok {
				continue
			}
			line = rest
		}
		if sc.scan(line); sc.depth > limit {
			return i + 1
		}
	}
	return 0
}

func syntaxError(name string, err error) *Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := "invalid TOML: " + pe.Message
		if strings.Contains(pe.Message, "got '/'") {
			msg += ` (quote IDs that hold a slash: [rule."pack/rule-id"])`
		}
		return &Error{File: name, Line: pe.Position.Line, Msg: msg}
	}
	return &Error{File: name, Msg: "invalid TOML: " + err.Error()}
}

type loader struct {
	c    *Config
	file string
	errs Errors
}

// errorf records an error at the key path (array elements indexed:
// "override", "1", "files").
func (l *loader) errorf(path []string, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if d := displayKey(path); d != "" {
		msg = d + ": " + msg
	}
	l.errs = append(l.errs, &Error{File: l.file, Line: l.c.lines.line(path...), Msg: msg})
}

// displayKey renders a key path as TOML would write it, without array
// indexes.
func displayKey(path []string) string {
	var parts []string
	for i, p := range path {
		if i > 0 && (path[i-1] == "override" || path[i-1] == "ignore") && i == 1 {
			if _, err := strconv.Atoi(p); err == nil {
				continue
			}
		}
		if p == "" || strings.IndexFunc(p, func(r rune) bool { return r > 127 || !isBareKeyByte(byte(r)) }) >= 0 {
			p = strconv.Quote(p)
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, ".")
}

// errorAt records an error at a line, without a key prefix.
func (l *loader) errorAt(line int, format string, args ...any) {
	l.errs = append(l.errs, &Error{File: l.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func child(path []string, k ...string) []string {
	return append(append([]string(nil), path...), k...)
}

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case []map[string]any:
		return "an array of tables"
	case map[string]any:
		return "a table"
	}
	return "a date or time"
}

func (l *loader) unknown(path []string, key string, known []string) {
	l.errorf(child(path, key), "unknown key%s", didYouMean(key, known))
}

var topKeys = []string{"fail-on", "include", "exclude", "packs", "rule", "override", "plugin", "ignore"}

func (l *loader) top(raw map[string]any) {
	c := l.c
	for _, k := range sortedKeys(raw) {
		v, p := raw[k], []string{k}
		switch k {
		case "fail-on":
			if s, ok := l.str(p, v); ok {
				c.FailOn = l.severity(p, s, true)
			}
		case "include":
			c.Include = l.globs(p, v)
		case "exclude":
			c.Exclude = l.globs(p, v)
		case "packs":
			c.Packs, _ = l.strList(p, v)
		case "rule":
			if t, ok := l.table(p, v); ok {
				for _, id := range sortedKeys(t) {
					if rt, ok := l.table(child(p, id), t[id]); ok {
						c.Rules[id] = l.rule(child(p, id), id, rt, true)
					}
				}
			}
		case "override":
			for i, t := range l.tables(p, v, "[[override]]") {
				c.Overrides = append(c.Overrides, l.override(child(p, strconv.Itoa(i)), i, t))
			}
		case "plugin":
			if t, ok := l.table(p, v); ok {
				for _, name := range sortedKeys(t) {
					if pt, ok := l.table(child(p, name), t[name]); ok {
						c.Plugins[name] = l.plugin(child(p, name), name, pt)
					}
				}
			}
		case "ignore":
			for i, t := range l.tables(p, v, "[[ignore]]") {
				c.Ignores = append(c.Ignores, l.ignore(child(p, strconv.Itoa(i)), t))
			}
		default:
			l.unknown(nil, k, topKeys)
		}
	}
}

var ruleKeys = []string{"enabled", "severity", "exclude", "options"}
var overrideRuleKeys = []string{"enabled", "severity", "options"}

func (l *loader) rule(path []string, id string, t map[string]any, base bool) *RuleConfig {
	rc := &RuleConfig{ID: id, Line: l.c.lines.line(path...)}
	known := ruleKeys
	if !base {
		known = overrideRuleKeys
	}
	for _, k := range sortedKeys(t) {
		v, p := t[k], child(path, k)
		switch {
		case k == "enabled":
			if b, ok := v.(bool); ok {
				rc.Enabled = &b
			} else {
				l.errorf(p, "want true or false, got %s", typeName(v))
			}
		case k == "severity":
			if s, ok := l.str(p, v); ok {
				rc.Severity = l.severity(p, s, false)
			}
		case k == "exclude" && base:
			rc.Exclude = l.globs(p, v)
		case k == "exclude":
			l.errorf(p, "not allowed in [[override]]: narrow the override's files, or use exclude in [rule.%s]", id)
		case k == "options":
			if ot, ok := l.table(p, v); ok {
				src := &optionSource{path: p, keys: map[string]int{}}
				keyPath := p
				if !base {
					keyPath = append([]string{"override"}, p[2:]...) // toml.Key has no array index
				}
				l.optionKeys(src, toml.Key(keyPath), p, ot)
				rc.options = src
			}
		default:
			l.unknown(path, k, known)
		}
	}
	return rc
}

// optionKeys records every key inside an options table, as toml.Key strings
// (which MetaData.Undecoded reports) with their lines.
func (l *loader) optionKeys(src *optionSource, key toml.Key, path []string, t map[string]any) {
	for k, v := range t {
		kk := append(append(toml.Key(nil), key...), k)
		pp := child(path, k)
		src.keys[kk.String()] = l.c.lines.line(pp...)
		switch v := v.(type) {
		case map[string]any:
			l.optionKeys(src, kk, pp, v)
		case []map[string]any:
			for _, e := range v {
				l.optionKeys(src, kk, pp, e)
			}
		}
	}
}

var overrideKeys = []string{"files", "rule"}

func (l *loader) override(path []string, i int, t map[string]any) *Override {
	ov := &Override{Index: i, Line: l.c.lines.line(path...), Rules: map[string]*RuleConfig{}}
	for _, k := range sortedKeys(t) {
		v, p := t[k], child(path, k)
		switch k {
		case "files":
			ov.Files = l.globs(p, v)
		case "rule":
			if rt, ok := l.table(p, v); ok {
				for _, id := range sortedKeys(rt) {
					if t, ok := l.table(child(p, id), rt[id]); ok {
						ov.Rules[id] = l.rule(child(p, id), id, t, false)
					}
				}
			}
		default:
			l.unknown(path, k, overrideKeys)
		}
	}
	if _, ok := t["files"]; !ok {
		l.errorAt(ov.Line, "[[override]] needs files = [...] globs")
	}
	return ov
}

var pluginKeys = []string{"command", "timeout"}

func (l *loader) plugin(path []string, name string, t map[string]any) *Plugin {
	pl := &Plugin{Name: name, Line: l.c.lines.line(path...)}
	if !lint.ValidID(name) || strings.Contains(name, "/") {
		l.errorf(path, "plugin name must be kebab-case")
	}
	for _, k := range sortedKeys(t) {
		v, p := t[k], child(path, k)
		switch k {
		case "command":
			if cmd, ok := l.strList(p, v); ok {
				if len(cmd) == 0 || strings.TrimSpace(cmd[0]) == "" {
					l.errorf(p, "needs a program name first")
				}
				pl.Command = cmd
			}
		case "timeout":
			if s, ok := l.str(p, v); ok {
				d, err := time.ParseDuration(s)
				if err != nil || d <= 0 {
					l.errorf(p, "invalid duration %q (want e.g. \"10s\" or \"500ms\")", s)
				}
				pl.Timeout = d
			}
		default:
			l.unknown(path, k, pluginKeys)
		}
	}
	if _, ok := t["command"]; !ok {
		l.errorAt(pl.Line, "[plugin.%s] needs command = [\"program\", \"arg\"...]", name)
	}
	return pl
}

var ignoreKeys = []string{"files", "rule", "text", "reason"}

func (l *loader) ignore(path []string, t map[string]any) *Ignore {
	ig := &Ignore{Line: l.c.lines.line(path...)}
	for _, k := range sortedKeys(t) {
		v, p := t[k], child(path, k)
		switch k {
		case "files":
			ig.Files = l.globs(p, v)
		case "rule":
			ig.RuleLine = l.c.lines.line(p...)
			if s, ok := v.(string); ok {
				ig.Rules = []string{s}
			} else if list, ok := l.strList(p, v); ok {
				ig.Rules = list
			}
		case "text":
			ig.Text, _ = l.str(p, v)
		case "reason":
			ig.Reason, _ = l.str(p, v)
		default:
			l.unknown(path, k, ignoreKeys)
		}
	}
	if _, ok := t["rule"]; !ok {
		l.errorAt(ig.Line, "[[ignore]] needs rule = \"rule-id\" (or a list)")
	}
	if _, ok := t["reason"]; ok && strings.TrimSpace(ig.Reason) == "" {
		l.errorf(child(path, "reason"), "must not be empty")
	} else if !ok {
		l.errorAt(ig.Line, "[[ignore]] needs reason = \"why this is not a problem\"")
	}
	return ig
}

func (l *loader) str(path []string, v any) (string, bool) {
	s, ok := v.(string)
	if !ok {
		l.errorf(path, "want a string, got %s", typeName(v))
	}
	return s, ok
}

func (l *loader) strList(path []string, v any) ([]string, bool) {
	arr, ok := v.([]any)
	if !ok {
		l.errorf(path, "want an array of strings, got %s", typeName(v))
		return nil, false
	}
	out := make([]string, 0, len(arr))
	for _, e := range arr {
		s, ok := e.(string)
		if !ok {
			l.errorf(path, "want an array of strings, found %s in it", typeName(e))
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

func (l *loader) globs(path []string, v any) Globs {
	list, ok := l.strList(path, v)
	if !ok {
		return nil
	}
	var gs Globs
	for _, s := range list {
		g, err := CompileGlob(s)
		if err != nil {
			l.errorf(path, "%v", err)
			continue
		}
		gs = append(gs, g)
	}
	return gs
}

func (l *loader) table(path []string, v any) (map[string]any, bool) {
	t, ok := v.(map[string]any)
	if !ok {
		l.errorf(path, "want a table, got %s", typeName(v))
	}
	return t, ok
}

// tables accepts an array of tables ([[name]]).
func (l *loader) tables(path []string, v any, header string) []map[string]any {
	switch t := v.(type) {
	case []map[string]any:
		return t
	case map[string]any:
		l.errorf(path, "want an array of tables: write %s, not [%s]", header, strings.Trim(header, "[]"))
	default:
		l.errorf(path, "want an array of tables (%s), got %s", header, typeName(v))
	}
	return nil
}

func (l *loader) severity(path []string, s string, allowNever bool) lint.Severity {
	sev, err := lint.ParseSeverity(s, allowNever)
	if err == nil {
		return sev
	}
	names := []string{"error", "warning", "info"}
	want := "error, warning or info"
	if allowNever {
		names = append(names, "never")
		want = "error, warning, info or never"
	}
	l.errorf(path, "invalid value %q (want %s)%s", s, want, didYouMean(s, names))
	return 0
}
