package pack

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"copydesk/lint"
)

// Pack is a loaded rule pack.
type Pack struct {
	Name        string      // the pack's name, the prefix of its rule IDs
	Description string      // optional one-paragraph description
	Path        string      // the file it was read from
	Rules       []lint.Rule // in file order, IDs "Name/id"
}

// Error is a problem in a pack file, with the line it is on.
type Error struct {
	File string
	Line int // 1-based; 0 when unknown
	Msg  string
}

// Error implements error: "file:line: message", always on one line.
func (e *Error) Error() string {
	msg := strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(e.Msg)
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, msg)
	}
	return e.File + ": " + msg
}

// file and fileRule mirror the TOML layout of a pack.
type file struct {
	Pack        string     `toml:"pack"`
	Description string     `toml:"description"`
	Rules       []fileRule `toml:"rule"`
}

type fileRule struct {
	ID             string            `toml:"id"`
	Kind           string            `toml:"kind"`
	Scope          string            `toml:"scope"`
	Severity       string            `toml:"severity"`
	Summary        string            `toml:"summary"`
	Message        string            `toml:"message"`
	Doc            string            `toml:"doc"`
	Bad            string            `toml:"bad"`
	Good           string            `toml:"good"`
	Enabled        *bool             `toml:"enabled"`
	Phrases        []string          `toml:"phrases"`
	Pattern        string            `toml:"pattern"`
	Replace        map[string]string `toml:"replace"`
	Limit          *int              `toml:"limit"`
	Exceptions     []string          `toml:"exceptions"`
	IgnoreInQuotes bool              `toml:"ignore-in-quotes"`
}

var (
	topKeys  = []string{"pack", "description", "rule"}
	ruleKeys = []string{"id", "kind", "scope", "severity", "summary", "message", "doc", "bad", "good",
		"enabled", "phrases", "pattern", "replace", "limit", "exceptions", "ignore-in-quotes"}
	// kindKeys are the keys that belong to one kind only.
	kindKeys = map[string][]Kind{
		"phrases": {Phrase, Count},
		"pattern": {Pattern},
		"replace": {Substitution},
		"limit":   {Count},
	}
	// Compiled when a pack is loaded, not at every start-up.
	placeholderRe = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{[a-z][a-z-]*\}`) })
	tomlLineRe    = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^toml: line (\d+)(?: \(last key "[^"]*"\))?: (.*)$`)
	})
)

// LoadFile reads and compiles one pack file.
func LoadFile(path string) (*Pack, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("rule pack: %w", err)
	}
	return Parse(path, data)
}

// LoadFiles loads packs in order and returns all their rules. Two packs with
// the same name are an error naming both files.
func LoadFiles(paths []string) ([]lint.Rule, error) {
	var rules []lint.Rule
	seen := map[string]string{}
	for _, path := range paths {
		p, err := LoadFile(path)
		if err != nil {
			return nil, err
		}
		if prev, ok := seen[p.Name]; ok {
			return nil, &Error{File: path, Line: 1, Msg: fmt.Sprintf("pack %q is already loaded from %s", p.Name, prev)}
		}
		seen[p.Name] = path
		rules = append(rules, p.Rules...)
	}
	return rules, nil
}

// LoadDir loads every *.toml file in dir (a copydesk.d/ folder next to the
// config) in name order. A missing directory is not an error: it yields no
// rules.
func LoadDir(dir string) ([]lint.Rule, error) {
	paths, err := DirFiles(dir)
	if err != nil {
		return nil, err
	}
	return LoadFiles(paths)
}

// DirFiles lists the *.toml files of dir in name order; a missing directory
// lists none.
func DirFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("rule packs: %w", err)
	}
	var paths []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".toml") {
			paths = append(paths, filepath.Join(dir, e.Name()))
		}
	}
	return paths, nil
}

// Parse compiles a pack from its TOML source. path is used in errors and
// docs only. Every problem found is reported, each as an *Error with a line
// (joined with errors.Join).
func Parse(path string, data []byte) (*Pack, error) {
	var f file
	md, err := toml.Decode(string(data), &f)
	if err != nil {
		return nil, tomlError(path, data, err)
	}
	pos := scanPositions(string(data))
	var errs []*Error
	bad := func(line int, format string, args ...any) {
		errs = append(errs, &Error{File: path, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	for _, k := range md.Undecoded() {
		switch {
		case len(k) == 1:
			bad(pos.top[k[0]], "unknown key %q%s", k[0], didYouMean(k[0], topKeys))
		case len(k) == 2 && k[0] == "rule":
			bad(pos.ruleKeyLine(k[1]), "unknown rule key %q%s", k[1], didYouMean(k[1], ruleKeys))
		default:
			bad(pos.top[k[0]], "unknown key %q", k.String())
		}
	}
	p := &Pack{Name: f.Pack, Description: strings.TrimSpace(f.Description), Path: path}
	switch {
	case f.Pack == "":
		bad(1, `missing "pack" (the pack's name, e.g. pack = "house")`)
	case !lint.ValidID(f.Pack) || strings.Contains(f.Pack, "/"):
		bad(pos.top["pack"], "invalid pack name %q (want kebab-case, e.g. \"house\")", f.Pack)
	}
	if len(f.Rules) == 0 {
		bad(1, `pack %q defines no rules (add [[rule]] tables)`, f.Pack)
	}
	ids := map[string]int{}
	for i, fr := range f.Rules {
		lines := pos.rule(i)
		r, rerrs := compile(path, p.Name, fr, lines, ids)
		errs = append(errs, rerrs...)
		if r != nil {
			p.Rules = append(p.Rules, r)
		}
	}
	if len(errs) > 0 {
		sort.SliceStable(errs, func(i, j int) bool { return errs[i].Line < errs[j].Line })
		all := make([]error, len(errs))
		for i, e := range errs {
			all[i] = e
		}
		return nil, errors.Join(all...)
	}
	shareScan(p.Rules)
	return p, nil
}

// shareScan puts the phrase-based rules of a pack in one group, so that a
// draft is scanned once for all their phrases.
func shareScan(rules []lint.Rule) {
	var members []*rule
	for _, lr := range rules {
		if r := lr.(*rule); r.kind != Pattern && r.scope != Sentence && len(r.norm) > 0 {
			members = append(members, r)
		}
	}
	if len(members) < 2 {
		return
	}
	g := &group{}
	for _, r := range members {
		r.group, r.gi = g, g.add(r.norm)
	}
}

// compile validates and compiles one [[rule]] table.
func compile(path, packName string, fr fileRule, lines ruleLines, ids map[string]int) (*rule, []*Error) {
	var errs []*Error
	bad := func(key, format string, args ...any) {
		errs = append(errs, &Error{File: path, Line: lines.of(key), Msg: fmt.Sprintf(format, args...)})
	}
	name := fr.ID
	if name == "" {
		name = "#" + strconv.Itoa(lines.index+1)
	}
	r := &rule{file: path, line: lines.of(""), badLine: lines.of("bad"), goodLine: lines.of("good"), ignoreQuotes: fr.IgnoreInQuotes}

	switch {
	case fr.ID == "":
		bad("", "rule %s: missing id", name)
	case !lint.ValidID(fr.ID) || strings.Contains(fr.ID, "/"):
		bad("id", "rule %q: invalid id (want kebab-case, e.g. \"per-cent\")", fr.ID)
	default:
		if first, dup := ids[fr.ID]; dup {
			bad("id", "rule %q: duplicate id (first defined on line %d)", fr.ID, first)
		} else {
			ids[fr.ID] = lines.of("id")
		}
	}
	if fr.Kind == "" {
		bad("", "rule %s: missing kind (phrase, pattern, substitution or count)", name)
	} else if k, ok := kindNames[fr.Kind]; ok {
		r.kind = k
	} else {
		bad("kind", "rule %s: unknown kind %q (want phrase, pattern, substitution or count)%s", name, fr.Kind, didYouMean(fr.Kind, sortedKeys(kindNames)))
	}
	r.scope = Any
	if fr.Scope != "" {
		if s, ok := scopeNames[fr.Scope]; ok {
			r.scope = s
		} else {
			bad("scope", "rule %s: unknown scope %q (want headline, body, paragraph, sentence or any)%s", name, fr.Scope, didYouMean(fr.Scope, sortedKeys(scopeNames)))
		}
	}
	sev := lint.Warning
	if fr.Severity != "" {
		s, err := lint.ParseSeverity(fr.Severity, false)
		if err != nil {
			bad("severity", "rule %s: %v", name, err)
		}
		sev = s
	}
	if strings.TrimSpace(fr.Summary) == "" {
		bad("", "rule %s: missing summary (one line for `copydesk rules`)", name)
	}
	r.message = fr.Message
	if r.message == "" {
		if r.kind == Substitution {
			r.message = `Prefer "{replacement}" to "{match}"`
		} else {
			bad("", "rule %s: missing message (use {match} for the flagged text)", name)
		}
	}
	allowed := map[string]bool{"{match}": true}
	switch r.kind {
	case Substitution:
		allowed["{replacement}"] = true
	case Count:
		allowed["{count}"], allowed["{limit}"] = true, true
	}
	for _, ph := range placeholderRe().FindAllString(r.message, -1) {
		if !allowed[ph] {
			bad("message", "rule %s: placeholder %s is not available for kind %s", name, ph, fr.Kind)
		}
	}
	// Keys that belong to another kind.
	present := map[string]bool{
		"phrases": fr.Phrases != nil || lines.has("phrases"),
		"pattern": fr.Pattern != "" || lines.has("pattern"),
		"replace": fr.Replace != nil || lines.has("replace"),
		"limit":   fr.Limit != nil,
	}
	if r.kind != 0 {
		for _, key := range []string{"phrases", "pattern", "replace", "limit"} {
			fits := false
			for _, k := range kindKeys[key] {
				fits = fits || k == r.kind
			}
			if present[key] && !fits {
				bad(key, "rule %s: key %q does not apply to kind %s", name, key, r.kind)
			}
			if !present[key] && fits {
				bad("", "rule %s: kind %s needs %q", name, r.kind, key)
			}
		}
	}

	switch r.kind {
	case Phrase, Count:
		r.labels, r.norm, r.phrases = compilePhrases(fr.Phrases, func(format string, args ...any) {
			bad("phrases", "rule %s: "+format, append([]any{name}, args...)...)
		})
		if len(fr.Phrases) == 0 && present["phrases"] {
			bad("phrases", "rule %s: no phrases", name)
		}
		if r.kind == Count && fr.Limit != nil {
			if *fr.Limit < 1 {
				bad("limit", "rule %s: limit must be at least 1 (use kind phrase to flag every use)", name)
			}
			r.limit = *fr.Limit
		}
	case Pattern:
		if fr.Pattern == "" && present["pattern"] {
			bad("pattern", "rule %s: empty pattern", name)
		}
		if fr.Pattern != "" {
			re, err := regexp.Compile(fr.Pattern)
			if err != nil {
				bad("pattern", "rule %s: bad pattern: %v", name, err)
			} else {
				r.re = re
				r.first = firstBytes(fr.Pattern)
				r.lits = requiredLits(fr.Pattern)
				if i := re.SubexpIndex("match"); i > 0 {
					r.sub = i
				}
			}
		}
	case Substitution:
		r.compileReplace(fr.Replace, func(key, format string, args ...any) {
			bad(key, "rule %s: "+format, append([]any{name}, args...)...)
		})
		if len(fr.Replace) == 0 && present["replace"] {
			bad("replace", "rule %s: nothing to replace", name)
		}
	}

	var excPhrases []string
	var excRes []string
	for _, e := range fr.Exceptions {
		if len(e) >= 2 && strings.HasPrefix(e, "/") && strings.HasSuffix(e, "/") {
			src := e[1 : len(e)-1]
			if _, err := regexp.Compile(src); err != nil {
				bad("exceptions", "rule %s: bad exception pattern %s: %v", name, e, err)
				continue
			}
			excRes = append(excRes, "(?:"+src+")")
			continue
		}
		if n := normalizePhrase(e); n != "" {
			excPhrases = append(excPhrases, n)
		} else {
			bad("exceptions", "rule %s: empty exception", name)
		}
	}
	if len(excPhrases) > 0 {
		r.excPhrases = newMatcher(excPhrases)
	}
	if len(excRes) > 0 {
		r.excRe = regexp.MustCompile(strings.Join(excRes, "|")) // each part compiled above
	}

	if len(errs) > 0 {
		return nil, errs
	}
	enabled := fr.Enabled == nil || *fr.Enabled
	r.meta = lint.Meta{
		ID:       packName + "/" + fr.ID,
		Summary:  strings.TrimSpace(fr.Summary),
		Doc:      r.describe(packName, fr),
		Severity: sev,
		Default:  enabled,
		Bad:      fr.Bad,
		Good:     fr.Good,
		Fixable:  r.kind == Substitution,
	}
	return r, nil
}

// compilePhrases normalises phrases and compiles them into one matcher.
func compilePhrases(list []string, bad func(format string, args ...any)) (labels, norm []string, m *matcher) {
	seen := map[string]bool{}
	for _, ph := range list {
		n := normalizePhrase(ph)
		switch {
		case n == "":
			bad("empty phrase")
		case seen[n]:
			bad("phrase %q listed twice", ph)
		default:
			seen[n] = true
			norm = append(norm, n)
			labels = append(labels, strings.TrimSpace(ph))
		}
	}
	if len(norm) == 0 {
		return nil, nil, nil
	}
	return labels, norm, newMatcher(norm)
}

// compileReplace compiles a substitution map, sorted by phrase so that the
// rule is the same however the TOML table was ordered.
func (r *rule) compileReplace(m map[string]string, bad func(key, format string, args ...any)) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	seen := map[string]string{}
	var norm []string
	for _, k := range keys {
		n := normalizePhrase(k)
		v := strings.TrimSpace(m[k])
		switch {
		case n == "":
			bad("replace", "empty phrase to replace")
			continue
		case v == "":
			bad("replace", "replacement for %q is empty", k)
			continue
		case normalizePhrase(v) == n:
			bad("replace", "%q is replaced by itself", k)
			continue
		}
		if prev, dup := seen[n]; dup {
			bad("replace", "%q and %q are the same phrase", prev, k)
			continue
		}
		seen[n] = k
		norm = append(norm, n)
		r.labels = append(r.labels, k)
		r.replacements = append(r.replacements, v)
	}
	if len(norm) == 0 {
		return
	}
	r.norm = norm
	r.phrases = newMatcher(norm)
	// A replacement that contains a phrase to replace would be flagged
	// again after the fix: --fix would never converge.
	for i, v := range r.replacements {
		r.phrases.find(v, 0, len(v), func(m match) {
			bad("replace", "replacement %q for %q contains %q, which the rule replaces", v, r.labels[i], r.labels[m.phrase])
		})
	}
}

// describe builds the rule's documentation: the pack author's doc followed
// by what the rule matches.
func (r *rule) describe(packName string, fr fileRule) string {
	var b strings.Builder
	doc := strings.TrimSpace(fr.Doc)
	if doc == "" {
		doc = strings.TrimSpace(fr.Summary) + "."
	}
	b.WriteString(doc)
	b.WriteString("\n\n")
	switch r.kind {
	case Phrase:
		fmt.Fprintf(&b, "Flags these phrases (any case, whole words): %s.", quoteList(r.labels))
	case Count:
		uses := "uses"
		if r.limit == 1 {
			uses = "use"
		}
		fmt.Fprintf(&b, "Flags more than %d %s of these phrases in %s: %s.", r.limit, uses, scopeUnit[r.scope], quoteList(r.labels))
	case Pattern:
		fmt.Fprintf(&b, "Flags text matching the regular expression %s.", fr.Pattern)
	case Substitution:
		pairs := make([]string, len(r.labels))
		for i := range r.labels {
			pairs[i] = strconv.Quote(r.labels[i]) + " → " + strconv.Quote(r.replacements[i])
		}
		fmt.Fprintf(&b, "Replaces (keeping the capital of the first letter): %s. --fix applies the replacement.", strings.Join(pairs, ", "))
	}
	if r.kind != Count {
		fmt.Fprintf(&b, " Reads %s.", scopeDoc[r.scope])
	}
	if len(fr.Exceptions) > 0 {
		fmt.Fprintf(&b, " Not inside: %s.", quoteList(fr.Exceptions))
	}
	if r.ignoreQuotes {
		b.WriteString(" Direct quotations are left alone.")
	}
	fmt.Fprintf(&b, "\n\nDefined in rule pack %q.", packName)
	return b.String()
}

var (
	scopeDoc = map[Scope]string{
		Any: "the headline and the body", Headline: "the headline only", Body: "the body, not the headline",
		Paragraph: "the body, paragraph by paragraph", Sentence: "the body, sentence by sentence",
	}
	scopeUnit = map[Scope]string{
		Any: "the whole draft", Headline: "the headline", Body: "the body",
		Paragraph: "one paragraph", Sentence: "one sentence",
	}
)

func quoteList(list []string) string {
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return strings.Join(q, ", ")
}

func didYouMean(s string, known []string) string {
	if m := lint.Suggest(s, known); m != "" {
		return fmt.Sprintf(" (did you mean %q?)", m)
	}
	return ""
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// tomlError turns a TOML syntax or type error into an *Error with a line.
func tomlError(path string, data []byte, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.LastKey != "" {
			msg = fmt.Sprintf("%s (key %q)", msg, pe.LastKey)
		}
		line := pe.Position.Line
		if s := pe.Position.Start; s > 0 && s <= len(data) {
			// The decoder counts an unexpected end of line as the next
			// line; the mistake is on the line the newline ends.
			line = 1 + strings.Count(string(data[:s]), "\n")
		}
		return &Error{File: path, Line: line, Msg: msg}
	}
	if m := tomlLineRe().FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{File: path, Line: line, Msg: m[2]}
	}
	return &Error{File: path, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
}
