package config

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"copydesk/lint"
)

// Filter narrows the rules of a run (the CLI's --select and --ignore).
// Select, when not empty, runs exactly the listed rules, enabling those off
// by default or disabled in config; Ignore removes rules. Per-rule exclude
// globs still apply.
type Filter struct {
	Select []string
	Ignore []string
}

// RuleSet is a Config applied to a registry: it knows the configured rules
// for any file.
type RuleSet struct {
	Config *Config
	reg    *lint.Registry
	sel    map[string]bool // nil: no --select
	ign    map[string]bool

	mu    sync.Mutex
	cache map[string]*resolved // by the indexes of the matching overrides
}

type resolved struct {
	active  []lint.Active
	exclude []Globs // parallel to active
	anyExcl bool
	err     error
}

// Apply checks the configuration against the rules in reg — every rule ID
// must exist and every options table must decode strictly into its rule's
// options — and returns the RuleSet. Rules from packs and plugins must be
// in reg already.
func (c *Config) Apply(reg *lint.Registry, f Filter) (*RuleSet, error) {
	s := &RuleSet{Config: c, reg: reg, cache: map[string]*resolved{}}
	var errs Errors
	ids := reg.IDs()
	unknownRule := func(line int, where, id string) {
		errs = append(errs, &Error{File: c.Path, Line: line,
			Msg: fmt.Sprintf("%s: unknown rule %q%s", where, id, didYouMean(id, ids))})
	}
	for _, id := range sortedRuleIDs(c.Rules) {
		if _, ok := reg.Get(id); !ok {
			unknownRule(c.Rules[id].Line, "[rule."+quoteID(id)+"]", id)
		}
	}
	for _, ov := range c.Overrides {
		for _, id := range sortedRuleIDs(ov.Rules) {
			if _, ok := reg.Get(id); !ok {
				unknownRule(ov.Rules[id].Line, "[override.rule."+quoteID(id)+"]", id)
			}
		}
	}
	for _, ig := range c.Ignores {
		for _, id := range ig.Rules {
			if _, ok := reg.Get(id); !ok {
				unknownRule(ig.RuleLine, "[[ignore]] rule", id)
			}
		}
	}
	var flagErrs []error
	check := func(flag string, list []string) map[string]bool {
		m := map[string]bool{}
		for _, id := range list {
			if _, ok := reg.Get(id); !ok {
				flagErrs = append(flagErrs, fmt.Errorf("%s: unknown rule %q%s", flag, id, didYouMean(id, ids)))
			}
			m[id] = true
		}
		return m
	}
	if len(f.Select) > 0 {
		s.sel = check("--select", f.Select)
	}
	s.ign = check("--ignore", f.Ignore)
	if len(flagErrs) > 0 {
		return nil, errors.Join(flagErrs...)
	}
	// Decode every options table now, so that mistakes are reported before
	// any file is linted: the base tables, and each override on its own.
	// Every problem is reported at once, with the unknown rule IDs.
	var other []error
	for _, match := range append([][]int{nil}, overrideIndexes(len(c.Overrides))...) {
		if r := s.resolve(match); r.err != nil {
			// build returns its Errors as they are, or joined with
			// other errors, which must then be kept whole.
			if es, ok := r.err.(Errors); ok { //nolint:errorlint // see above
				errs = append(errs, es...)
			} else {
				other = append(other, r.err)
			}
		}
	}
	if len(other) > 0 {
		if len(errs) > 0 {
			other = append([]error{errs.unique().sorted()}, other...)
		}
		return nil, errors.Join(other...)
	}
	if len(errs) > 0 {
		return nil, errs.unique().sorted()
	}
	return s, nil
}

// overrideIndexes returns [[0] [1] ... [n-1]]: each override on its own.
func overrideIndexes(n int) [][]int {
	out := make([][]int, n)
	for i := range out {
		out[i] = []int{i}
	}
	return out
}

func sortedRuleIDs(m map[string]*RuleConfig) []string {
	ids := make([]string, 0, len(m))
	for id := range m {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func quoteID(id string) string {
	if strings.Contains(id, "/") {
		return strconv.Quote(id)
	}
	return id
}

// FailOn returns the configured fail-on threshold, or 0 when not set.
func (s *RuleSet) FailOn() lint.Severity { return s.Config.FailOn }

// Registry returns the registry the configuration was applied to.
func (s *RuleSet) Registry() *lint.Registry { return s.reg }

// RulesFor returns the configured rules that apply to path, in registry
// order. Configured rule copies are made once per combination of matching
// overrides and shared; callers must not modify the slice.
func (s *RuleSet) RulesFor(path string) ([]lint.Active, error) {
	if len(s.Config.Overrides) == 0 {
		// The common case, met for every draft: no override can apply, so
		// the path matters only to rule excludes, if any.
		r := s.resolve(nil)
		if r.err != nil {
			return nil, r.err
		}
		if !r.anyExcl {
			return r.active, nil
		}
	}
	rel := s.Config.Rel(path)
	var match []int
	for i, ov := range s.Config.Overrides {
		if ov.Files.Match(rel) {
			match = append(match, i)
		}
	}
	r := s.resolve(match)
	if r.err != nil {
		return nil, r.err
	}
	if !r.anyExcl {
		return r.active, nil
	}
	out := make([]lint.Active, 0, len(r.active))
	for i, a := range r.active {
		if !r.exclude[i].Match(rel) {
			out = append(out, a)
		}
	}
	return out, nil
}

func (s *RuleSet) resolve(match []int) *resolved {
	key := ""
	if len(match) > 0 {
		key = fmt.Sprint(match)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if r, ok := s.cache[key]; ok {
		return r
	}
	r := s.build(match)
	s.cache[key] = r
	return r
}

// build configures every rule for one combination of overrides. It runs
// under s.mu: option decoding updates the shared toml.MetaData.
func (s *RuleSet) build(match []int) *resolved {
	c := s.Config
	r := &resolved{}
	var errs Errors
	var other []error
	for _, proto := range s.reg.Rules() {
		meta := proto.Meta()
		id := meta.ID
		enabled, sev := meta.Default, meta.Severity
		var excl Globs
		var opts []*optionSource
		layer := func(rc *RuleConfig) {
			if rc == nil {
				return
			}
			if rc.Enabled != nil {
				enabled = *rc.Enabled
			}
			if rc.Severity != 0 {
				sev = rc.Severity
			}
			if rc.options != nil {
				opts = append(opts, rc.options)
			}
			excl = append(excl, rc.Exclude...)
		}
		layer(c.Rules[id])
		for _, i := range match {
			layer(c.Overrides[i].Rules[id])
		}
		if s.sel != nil {
			enabled = s.sel[id]
		}
		if s.ign[id] {
			enabled = false
		}
		if !enabled {
			continue
		}
		rule := proto
		if len(opts) > 0 {
			configured, err := s.configure(proto, opts)
			if err != nil {
				// Go on: every rule's option errors are reported at once.
				var es Errors
				var one *Error
				switch {
				case errors.As(err, &es):
					errs = append(errs, es...)
				case errors.As(err, &one):
					errs = append(errs, one)
				default:
					other = append(other, err)
				}
				continue
			}
			rule = configured
		}
		r.active = append(r.active, lint.Active{Rule: rule, Severity: sev})
		r.exclude = append(r.exclude, excl)
		r.anyExcl = r.anyExcl || len(excl) > 0
	}
	switch {
	case len(other) > 0:
		if len(errs) > 0 {
			other = append([]error{errs.sorted()}, other...)
		}
		return &resolved{err: errors.Join(other...)}
	case len(errs) > 0:
		return &resolved{err: errs.sorted()}
	}
	return r
}

// configure hands the rule a decode function that fills its options struct
// from each options table in turn (base first, then matching overrides, key
// by key) and rejects keys the struct has no field for.
func (s *RuleSet) configure(proto lint.Rule, opts []*optionSource) (lint.Rule, error) {
	c := s.Config
	id := proto.Meta().ID
	last := opts[len(opts)-1]
	cfgRule, ok := proto.(lint.Configurable)
	if !ok {
		return nil, &Error{File: c.Path, Line: c.lines.line(last.path...),
			Msg: fmt.Sprintf("%s: rule %s has no options", displayKey(last.path), id)}
	}
	decoded := false
	decode := func(v any) error {
		decoded = true
		for _, src := range opts {
			if err := c.md.PrimitiveDecode(src.prim, v); err != nil {
				return c.decodeError(src, err)
			}
		}
		var errs Errors
		fields := fieldNames(v)
		for _, k := range c.md.Undecoded() {
			for _, src := range opts {
				if line, ok := src.keys[k.String()]; ok {
					name := k[len(k)-1]
					errs = append(errs, &Error{File: c.Path, Line: line,
						Msg: fmt.Sprintf("%s: unknown option %q for rule %s%s", displayKey(src.path), name, id, didYouMean(name, fields))})
					break
				}
			}
		}
		if len(errs) > 0 {
			return errs.sorted()
		}
		return nil
	}
	c.mdMu.Lock()
	rule, err := cfgRule.Configure(decode)
	c.mdMu.Unlock()
	if err != nil {
		// A decode error already names file, line and key: drop the
		// rule's own wrapping of it.
		var ce Errors
		var one *Error
		if errors.As(err, &ce) {
			return nil, ce
		}
		if errors.As(err, &one) {
			return nil, one
		}
		return nil, &Error{File: c.Path, Line: c.lines.line(last.path...),
			Msg: fmt.Sprintf("%s: %v", displayKey(last.path), err)}
	}
	if !decoded {
		return nil, &Error{File: c.Path, Line: c.lines.line(last.path...),
			Msg: fmt.Sprintf("%s: rule %s ignores its options", displayKey(last.path), id)}
	}
	if rule == nil {
		return nil, fmt.Errorf("config %s: rule %s: Configure returned no rule", c.Path, id)
	}
	return rule, nil
}

// The TOML decoder's messages are parsed only when a configuration is wrong,
// so the expressions are compiled then, not at every start-up.
var (
	decodeErrRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^toml: (?:line \d+ )?\(last key "((?:[^"\\]|\\.)*)"\): (.*)$`)
	})
	typeErrRe = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^incompatible types: TOML value has type (.*); destination has type (.*)$`)
	})
)

// decodeError turns a toml decoding error into one with the file, line and
// key of the offending option.
func (c *Config) decodeError(src *optionSource, err error) error {
	key, msg := "", err.Error()
	var pe toml.ParseError
	if errors.As(err, &pe) {
		key, msg = pe.LastKey, pe.Message
	} else if m := decodeErrRe().FindStringSubmatch(msg); m != nil {
		key, msg = strings.ReplaceAll(m[1], `\"`, `"`), m[2]
	}
	if m := typeErrRe().FindStringSubmatch(msg); m != nil {
		msg = fmt.Sprintf("want %s, got %s", m[2], m[1])
	}
	line := c.lines.line(src.path...)
	if l, ok := src.keys[key]; ok {
		line = l
	}
	where := displayKey(src.path)
	if parts := splitKey(key); len(parts) > 0 {
		where += "." + parts[len(parts)-1]
	}
	return &Error{File: c.Path, Line: line, Msg: fmt.Sprintf("%s: %s", where, msg)}
}

// splitKey splits a toml.Key string (pieces joined by dots, quoted when
// needed) into its pieces.
func splitKey(s string) []string {
	var out []string
	for s != "" {
		if s[0] == '"' {
			end := 1
			for end < len(s) && s[end] != '"' {
				if s[end] == '\\' {
					end++
				}
				end++
			}
			piece, err := strconv.Unquote(s[:min(end+1, len(s))])
			if err != nil {
				piece = strings.Trim(s[:min(end+1, len(s))], `"`)
			}
			out = append(out, piece)
			s = strings.TrimPrefix(s[min(end+1, len(s)):], ".")
			continue
		}
		i := strings.IndexByte(s, '.')
		if i < 0 {
			out = append(out, s)
			break
		}
		out = append(out, s[:i])
		s = s[i+1:]
	}
	return out
}

// fieldNames lists the TOML keys a struct (behind v) accepts, for "did you
// mean" suggestions.
func fieldNames(v any) []string {
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	var names []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name := f.Name
		if tag, ok := f.Tag.Lookup("toml"); ok {
			tag, _, _ = strings.Cut(tag, ",")
			if tag == "-" {
				continue
			}
			if tag != "" {
				name = tag
			}
		}
		names = append(names, name)
	}
	return names
}
