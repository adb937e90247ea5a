package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"copydesk/lint"
	"copydesk/lint/linttest"
)

// testRule is a test-only rule; alpha-rule takes options.
type testRule struct {
	meta  lint.Meta
	opts  testOpts
	calls *atomic.Int32 // Configure calls
}

type testOpts struct {
	Hedges   []string `toml:"hedges"`
	MinWords int      `toml:"min-words"`
}

func (r testRule) Meta() lint.Meta          { return r.meta }
func (r testRule) Check(p *lint.Pass) error { return nil }

// configurableRule adds Configure to testRule.
type configurableRule struct{ testRule }

func (r configurableRule) Configure(decode func(any) error) (lint.Rule, error) {
	r.calls.Add(1)
	o := r.opts
	if err := decode(&o); err != nil {
		return nil, err
	}
	if o.MinWords < 0 {
		return nil, fmt.Errorf("min-words must not be negative")
	}
	r.opts = o
	return r, nil
}

func meta(id string, sev lint.Severity, on bool) lint.Meta {
	return lint.Meta{ID: id, Summary: "test rule " + id, Doc: "Test only.", Severity: sev, Default: on}
}

func testRegistry(t testing.TB) (*lint.Registry, *atomic.Int32) {
	t.Helper()
	calls := &atomic.Int32{}
	reg, err := lint.NewRegistry(
		configurableRule{testRule{meta: meta("alpha-rule", lint.Warning, true), opts: testOpts{MinWords: 1}, calls: calls}},
		testRule{meta: meta("beta-rule", lint.Info, true)},
		testRule{meta: meta("gamma-rule", lint.Error, false)},
		testRule{meta: meta("house/slammed", lint.Warning, true)},
	)
	if err != nil {
		t.Fatal(err)
	}
	return reg, calls
}

func loadApply(t *testing.T, name string, data []byte, f Filter) (*RuleSet, error) {
	t.Helper()
	reg, _ := testRegistry(t)
	c, err := Parse(name, data, "/drafts")
	if err != nil {
		return nil, c.AddRuleErrors(reg, err) // as the Resolver does
	}
	return c.Apply(reg, f)
}

// TestBadConfigs checks the exact message for each broken file in
// testdata/config/bad: file, line, key and a suggestion.
func TestBadConfigs(t *testing.T) {
	files, _ := filepath.Glob("../testdata/config/bad/*.toml")
	if len(files) == 0 {
		t.Fatal("no bad configs")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			_, lerr := loadApply(t, filepath.Base(file), data, Filter{})
			if lerr == nil {
				t.Fatal("no error")
			}
			got := lerr.Error() + "\n"
			golden := strings.TrimSuffix(file, ".toml") + ".err"
			if *linttest.Update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./config -update)", err)
			}
			if got != string(want) {
				t.Errorf("error text\n got: %s\nwant: %s", got, want)
			}
			var ce *Error
			if !errors.As(lerr, &ce) || ce.Line == 0 {
				t.Errorf("error has no line: %#v", lerr)
			}
		})
	}
}

func TestOKConfigs(t *testing.T) {
	files, _ := filepath.Glob("../testdata/config/ok/*.toml")
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := loadApply(t, filepath.Base(file), data, Filter{}); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestFullConfigFields(t *testing.T) {
	data, err := os.ReadFile("../testdata/config/ok/full.toml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Parse("full.toml", data, "/drafts")
	if err != nil {
		t.Fatal(err)
	}
	if c.FailOn != lint.Error {
		t.Errorf("FailOn = %v", c.FailOn)
	}
	if got := c.Include.Strings(); !reflect.DeepEqual(got, []string{"drafts/**/*.md", "*.txt"}) {
		t.Errorf("Include = %q", got)
	}
	if !reflect.DeepEqual(c.Packs, []string{"style/house.toml"}) {
		t.Errorf("Packs = %q", c.Packs)
	}
	if len(c.Overrides) != 2 || c.Overrides[1].Rules["gamma-rule"] == nil || !*c.Overrides[1].Rules["gamma-rule"].Enabled {
		t.Errorf("Overrides = %+v", c.Overrides)
	}
	p := c.Plugins["factcheck"]
	if p == nil || !reflect.DeepEqual(p.Command, []string{"python3", "tools/factcheck.py"}) || p.Timeout.String() != "10s" || p.Line != 31 {
		t.Errorf("Plugin = %+v", p)
	}
	if len(c.Ignores) != 2 {
		t.Fatalf("Ignores = %+v", c.Ignores)
	}
	ig := c.Ignores[1]
	if !reflect.DeepEqual(ig.Rules, []string{"alpha-rule", "beta-rule"}) || ig.Reason != "wire copy" || ig.Line != 41 {
		t.Errorf("Ignore = %+v", ig)
	}
	if c.Ignores[0].Text != "is said to" || !c.Ignores[0].Files.Match("letters/a.md") {
		t.Errorf("Ignore = %+v", c.Ignores[0])
	}
	if rc := c.Rules["alpha-rule"]; rc.Line != 7 || rc.Severity != lint.Error || !rc.HasOptions() {
		t.Errorf("rule = %+v", rc)
	}
}

type activeRule struct {
	ID       string
	Severity lint.Severity
	Opts     *testOpts
}

func summarize(as []lint.Active) []activeRule {
	var out []activeRule
	for _, a := range as {
		r := activeRule{ID: a.Rule.Meta().ID, Severity: a.Severity}
		if c, ok := a.Rule.(configurableRule); ok {
			o := c.opts
			r.Opts = &o
		}
		out = append(out, r)
	}
	return out
}

func TestRulesFor(t *testing.T) {
	def := &testOpts{MinWords: 1}
	cfg := `
[rule.alpha-rule]
severity = "error"
exclude = ["opinion/**"]
[rule.alpha-rule.options]
hedges = ["is said to"]

[rule.beta-rule]
enabled = false

[[override]]
files = ["letters/**", "*.txt"]
[override.rule.alpha-rule]
severity = "info"
[override.rule.alpha-rule.options]
min-words = 5

[[override]]
files = ["letters/2026/**"]
[override.rule.beta-rule]
enabled = true
[override.rule.alpha-rule.options]
hedges = ["reportedly"]
`
	base := &testOpts{Hedges: []string{"is said to"}, MinWords: 1}
	tests := []struct {
		name, cfg, path string
		filter          Filter
		want            []activeRule
	}{
		{"defaults", "", "/drafts/a.md", Filter{}, []activeRule{
			{"alpha-rule", lint.Warning, def}, {"beta-rule", lint.Info, nil}, {"house/slammed", lint.Warning, nil}}},
		{"base", cfg, "/drafts/news/a.md", Filter{}, []activeRule{
			{"alpha-rule", lint.Error, base}, {"house/slammed", lint.Warning, nil}}},
		{"rule exclude", cfg, "/drafts/opinion/a.md", Filter{}, []activeRule{
			{"house/slammed", lint.Warning, nil}}},
		{"override", cfg, "/drafts/letters/a.md", Filter{}, []activeRule{
			{"alpha-rule", lint.Info, &testOpts{Hedges: []string{"is said to"}, MinWords: 5}}, {"house/slammed", lint.Warning, nil}}},
		{"override by base name", cfg, "/drafts/wire/x.txt", Filter{}, []activeRule{
			{"alpha-rule", lint.Info, &testOpts{Hedges: []string{"is said to"}, MinWords: 5}}, {"house/slammed", lint.Warning, nil}}},
		{"two overrides layer in order", cfg, "/drafts/letters/2026/a.md", Filter{}, []activeRule{
			{"alpha-rule", lint.Info, &testOpts{Hedges: []string{"reportedly"}, MinWords: 5}}, {"beta-rule", lint.Info, nil}, {"house/slammed", lint.Warning, nil}}},
		{"select enables off rules", cfg, "/drafts/a.md", Filter{Select: []string{"gamma-rule", "beta-rule"}}, []activeRule{
			{"beta-rule", lint.Info, nil}, {"gamma-rule", lint.Error, nil}}},
		{"ignore", cfg, "/drafts/a.md", Filter{Ignore: []string{"alpha-rule"}}, []activeRule{
			{"house/slammed", lint.Warning, nil}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := loadApply(t, "c.toml", []byte(tt.cfg), tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			as, err := set.RulesFor(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			if got := summarize(as); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestRulesForCachesCopies(t *testing.T) {
	reg, calls := testRegistry(t)
	c, err := Parse("c.toml", []byte("[rule.alpha-rule.options]\nmin-words = 2\n[[override]]\nfiles=[\"x/**\"]\n[override.rule.alpha-rule.options]\nmin-words = 3\n"), "/d")
	if err != nil {
		t.Fatal(err)
	}
	set, err := c.Apply(reg, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	n := calls.Load() // base and the override, checked by Apply
	for i := 0; i < 50; i++ {
		for _, p := range []string{"/d/a.md", "/d/x/b.md", "/d/y/c.md"} {
			if _, err := set.RulesFor(p); err != nil {
				t.Fatal(err)
			}
		}
	}
	if calls.Load() != n || n != 2 {
		t.Errorf("Configure called %d times after Apply's %d", calls.Load(), n)
	}
}

func TestFilterUnknownRule(t *testing.T) {
	_, err := loadApply(t, "c.toml", nil, Filter{Select: []string{"alpha-rul"}})
	if err == nil || err.Error() != `--select: unknown rule "alpha-rul" (did you mean "alpha-rule"?)` {
		t.Errorf("err = %v", err)
	}
}

func TestGlob(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"archive/**", "archive/2024/a.md", true},
		{"archive/**", "archive", true},
		{"archive/**", "news/archive/a.md", false},
		{"archive", "archive/a.md", true},
		{"archive", "news/archive/a.md", true},
		{"*.html", "a.html", true},
		{"*.html", "x/y/a.html", true},
		{"*.html", "x/y/a.md", false},
		{"drafts/*.md", "drafts/a.md", true},
		{"drafts/*.md", "drafts/x/a.md", false},
		{"drafts/**/*.md", "drafts/a.md", true},
		{"drafts/**/*.md", "drafts/x/y/a.md", true},
		{"**/tmp/**", "a/b/tmp/c.md", true},
		{"./news/*.md", "news/a.md", true},
		{"**", "anything/at/all.md", true},
		{"d?afts/[ab].md", "drafts/a.md", true},
		{"d?afts/[ab].md", "drafts/c.md", false},
	}
	for _, tt := range tests {
		g, err := CompileGlob(tt.pattern)
		if err != nil {
			t.Fatalf("%q: %v", tt.pattern, err)
		}
		if got := g.Match(tt.path); got != tt.want {
			t.Errorf("%q.Match(%q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
	for _, bad := range []string{"", "/", "a/**b", "[a-"} {
		if _, err := CompileGlob(bad); err == nil {
			t.Errorf("CompileGlob(%q): no error", bad)
		}
	}
}

func TestSkip(t *testing.T) {
	c, err := Parse("c.toml", []byte(`include = ["news/**/*.md", "*.txt"]`+"\nexclude = [\"news/old\"]\n"), "/d")
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"/d/news/a.md":        false,
		"/d/news/a.html":      true,
		"/d/news/old/a.md":    true,
		"/d/x/notes.txt":      false,
		"/d/other/a.md":       true,
		"/elsewhere/news/a.x": true,
	} {
		if got := c.Skip(path, false); got != want {
			t.Errorf("Skip(%q) = %v, want %v", path, got, want)
		}
	}
	if !c.Skip("/d/news/old", true) || c.Skip("/d/other", true) {
		t.Error("directory skipping wrong")
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "repo")
	deep := filepath.Join(repo, "news", "2026", "nov")
	for _, d := range []string{filepath.Join(repo, ".git"), deep, filepath.Join(repo, "sport")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string) {
		if err := os.WriteFile(p, []byte("fail-on = \"error\"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// A config above the repository root is not used.
	write(filepath.Join(root, ".copydesk.toml"))
	if got, err := Find(deep); err != nil || got != "" {
		t.Errorf("Find above root = %q, %v", got, err)
	}
	write(filepath.Join(repo, "copydesk.toml"))
	if got, _ := Find(deep); got != filepath.Join(repo, "copydesk.toml") {
		t.Errorf("Find = %q", got)
	}
	write(filepath.Join(repo, "news", "copydesk.toml"))
	write(filepath.Join(repo, "news", ".copydesk.toml"))
	if got, _ := Find(deep); got != filepath.Join(repo, "news", ".copydesk.toml") {
		t.Errorf("Find nearest = %q", got)
	}
	if got, _ := Find(filepath.Join(repo, "sport")); got != filepath.Join(repo, "copydesk.toml") {
		t.Errorf("Find sport = %q", got)
	}
}

func TestResolver(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	reg, _ := testRegistry(t)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.MkdirAll(filepath.Join(dir, ".git"), 0o755))
	must(os.MkdirAll(filepath.Join(dir, "news"), 0o755))
	must(os.MkdirAll(filepath.Join(dir, "broken"), 0o755))
	must(os.WriteFile(".copydesk.toml", []byte("[rule.beta-rule]\nenabled = false\n"), 0o644))
	must(os.WriteFile("news/copydesk.toml", []byte("fail-on = \"info\"\n"), 0o644))
	must(os.WriteFile("broken/copydesk.toml", []byte("[rule.bta-rule]\n"), 0o644))

	r := NewResolver(reg, Options{})
	ids := func(path string) string {
		as, err := r.RulesFor(path)
		if err != nil {
			return "error: " + err.Error()
		}
		var s []string
		for _, a := range as {
			s = append(s, a.Rule.Meta().ID)
		}
		return strings.Join(s, ",")
	}
	if got := ids("a.md"); got != "alpha-rule,house/slammed" {
		t.Errorf("root: %s", got)
	}
	// The nearest file wins; files are not merged.
	if got := ids("news/a.md"); got != "alpha-rule,beta-rule,house/slammed" {
		t.Errorf("news: %s", got)
	}
	if set, _ := r.For("news/a.md"); set.FailOn() != lint.Info {
		t.Errorf("news fail-on = %v", set.FailOn())
	}
	want := `error: broken/copydesk.toml:1: [rule.bta-rule]: unknown rule "bta-rule" (did you mean "beta-rule"?)`
	if got := ids("broken/a.md"); got != want {
		t.Errorf("broken: %s", got)
	}
	ids("broken/b.md")
	if errs := r.Errors(); len(errs) != 1 {
		t.Errorf("Errors = %v", errs)
	}
	// Every problem of a file at once: an unknown key does not hide an
	// unknown rule or option, and Prepare is not run on a broken file.
	must(os.MkdirAll(filepath.Join(dir, "typos"), 0o755))
	must(os.WriteFile("typos/copydesk.toml", []byte("[rule.bta-rule]\n[rule.alpha-rule]\nsevrity = \"info\"\n[rule.alpha-rule.options]\nmin-word = 2\n"), 0o644))
	prepared := false
	r = NewResolver(reg, Options{Prepare: func(c *Config, base *lint.Registry) (*lint.Registry, error) {
		prepared = true
		return base, nil
	}})
	want = "error: " + strings.Join([]string{
		`typos/copydesk.toml:1: [rule.bta-rule]: unknown rule "bta-rule" (did you mean "beta-rule"?)`,
		`typos/copydesk.toml:3: rule.alpha-rule.sevrity: unknown key (did you mean "severity"?)`,
		`typos/copydesk.toml:5: rule.alpha-rule.options: unknown option "min-word" for rule alpha-rule (did you mean "min-words"?)`,
	}, "\n")
	if got := ids("typos/a.md"); filepath.ToSlash(got) != want || prepared {
		t.Errorf("typos (prepared %v):\n got %s\nwant %s", prepared, got, want)
	}
	// --no-config and --config.
	if got := NewResolver(reg, Options{NoConfig: true}); func() string { r = got; return ids("a.md") }() != "alpha-rule,beta-rule,house/slammed" {
		t.Error("--no-config read a file")
	}
	r = NewResolver(reg, Options{Path: "news/copydesk.toml", Filter: Filter{Ignore: []string{"alpha-rule"}}})
	if got := ids("broken/a.md"); got != "beta-rule,house/slammed" {
		t.Errorf("--config: %s", got)
	}
	// Prepare sees the file and may extend the registry.
	var seen []string
	r = NewResolver(reg, Options{Prepare: func(c *Config, base *lint.Registry) (*lint.Registry, error) {
		seen = append(seen, c.Path)
		return base, nil
	}})
	ids("news/a.md")
	ids("news/b.md")
	if !reflect.DeepEqual(seen, []string{filepath.Join("news", "copydesk.toml")}) {
		t.Errorf("Prepare saw %q", seen)
	}
}

func TestKeyLines(t *testing.T) {
	src := `# c
fail-on = "error"
exclude = [
  "a = b",
  """x
y = 1""",
]
[rule.alpha-rule]
severity = "error"
options = { hedges = ["a"], min-words = 2 }

[[override]]
files = ["a"]
[[override]]
files = ["b"]
[override.rule."house/slammed"]
enabled = false
[[override]]
rule.beta-rule.enabled = true
`
	kl := indexKeys(src)
	tests := []struct {
		path []string
		want int
	}{
		{[]string{"fail-on"}, 2},
		{[]string{"exclude"}, 3},
		{[]string{"y"}, 0},
		{[]string{"rule", "alpha-rule"}, 8},
		{[]string{"rule", "alpha-rule", "severity"}, 9},
		{[]string{"rule", "alpha-rule", "options", "min-words"}, 10},
		{[]string{"override", "0", "files"}, 13},
		{[]string{"override", "1", "files"}, 15},
		{[]string{"override", "1", "rule", "house/slammed", "enabled"}, 17},
		{[]string{"override", "2", "rule", "beta-rule", "enabled"}, 19},
		{[]string{"override", "2"}, 18},
		{[]string{"override", "1", "rule", "nope"}, 16},
	}
	for _, tt := range tests {
		if got := kl.line(tt.path...); got != tt.want {
			t.Errorf("line(%q) = %d, want %d", tt.path, got, tt.want)
		}
	}
}

func TestGlobNoBacktracking(t *testing.T) {
	g, err := CompileGlob(strings.Repeat("*/**/", 30) + "x")
	if err != nil {
		t.Fatal(err)
	}
	if g.Match(strings.Repeat("a/", 60) + "y") {
		t.Error("matched")
	}
}
