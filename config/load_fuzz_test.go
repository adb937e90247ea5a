package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/config"
	"copydesk/lint"
	"copydesk/lint/parse"
	"copydesk/rules"
)

// fuzzDrafts are linted with every configuration that loads, so that odd
// option values (zero, negative, huge, empty lists) reach the rules.
var fuzzDrafts = []struct{ path, src string }{
	{"drafts/a.txt", "Marwick bus cuts could go ahead, sources say\n\nThe 14 route is said to be losing money, officials believe.\n\nRead more\n\nThe cafÃ© owner, Ana Ruiz, said the councilsaid nothing.\n"},
	{"opinion/b.md", "---\ntitle: Kelbridge library may close\n---\n\nA source close to the talks said it would. Another insider agreed.\n"},
	{"c.html", "<h1>Dunmere flood plan will fail</h1><p>The plan is understood to be failing, people familiar with it said.</p><p>Advertisement</p>"},
}

// FuzzConfigLoad writes arbitrary bytes to a configuration file and loads it
// as copydesk does: Load never panics and every error names the file;
// whatever loads is applied to the built-in rules (their real option
// structs), and the rules it configures lint a few drafts without a panic,
// a rule error or a span outside the draft.
func FuzzConfigLoad(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "config", "*", "*.toml"))
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	reg := rules.Registry()
	docs := make([]*lint.Document, len(fuzzDrafts))
	for i, d := range fuzzDrafts {
		doc, err := parse.Parse(d.path, []byte(d.src))
		if err != nil {
			f.Fatal(err)
		}
		docs[i] = doc
	}
	dir := f.TempDir()
	path := filepath.Join(dir, ".copydesk.toml")
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := config.Load(path, "")
		if err != nil {
			namesFile(t, "Load", path, err)
			namesFile(t, "AddRuleErrors", path, c.AddRuleErrors(reg, err))
			return
		}
		set, err := c.Apply(reg, config.Filter{})
		if err != nil {
			namesFile(t, "Apply", path, err)
			return
		}
		set.FailOn()
		for i, d := range fuzzDrafts {
			p := filepath.Join(dir, filepath.FromSlash(d.path))
			c.Skip(p, false)
			c.Skip(filepath.Dir(p), true)
			active, err := set.RulesFor(p)
			if err != nil {
				namesFile(t, "RulesFor", path, err)
				continue
			}
			fs, err := lint.CheckDocument(docs[i], active)
			if err != nil {
				t.Fatalf("%s with config %q: %v", d.path, data, err)
			}
			for _, fd := range fs {
				s := fd.Source
				src := docs[i].Source
				if s.Start < 0 || s.End > len(src) || s.Start > s.End ||
					s.End < len(src) && !utf8.RuneStart(src[s.End]) || s.Start < len(src) && !utf8.RuneStart(src[s.Start]) {
					t.Fatalf("%s %s: bad source span %v", d.path, fd.Rule, s)
				}
			}
		}
	})
}

// namesFile fails unless err names the configuration file: its message
// starts with the path, and every config.Error in it carries the path.
func namesFile(t *testing.T, step, path string, err error) {
	t.Helper()
	msg := err.Error()
	if !strings.HasPrefix(msg, path) && !strings.HasPrefix(msg, "config "+path) {
		t.Fatalf("%s error does not start with the file name %s: %q", step, path, msg)
	}
	var ce *config.Error
	if errors.As(err, &ce) && ce.File != path {
		t.Fatalf("%s error names %q, want %q", step, ce.File, path)
	}
	var ces config.Errors
	if errors.As(err, &ces) {
		for _, e := range ces {
			if e.File != path {
				t.Fatalf("%s error names %q, want %q", step, e.File, path)
			}
		}
	}
}
