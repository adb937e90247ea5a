package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that no configuration file, however broken, panics the
// loader, the line index or Apply, and that every error names a file.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("../testdata/config/*/*.toml")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("[[override]]\nfiles=['a']\n[override.rule.alpha-rule.options]\nhedges=[1]\n"))
	f.Add([]byte("x = \"\"\"\n[rule.a]\n\"\"\"\n[rule.'alpha-rule'.options]\nmin-words = 1e3\n"))
	reg, _ := testRegistry(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("f.toml", data, "/d")
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			// What could be read of a wrong file is checked against the
			// rules too (as the Resolver does): no panic, errors kept.
			all := c.AddRuleErrors(reg, err)
			if !strings.HasPrefix(all.Error(), "f.toml") || len(all.Error()) < len(err.Error()) {
				t.Fatalf("AddRuleErrors(%q) = %q", err, all)
			}
			return
		}
		set, err := c.Apply(reg, Filter{})
		if err != nil {
			return
		}
		for _, p := range []string{"/d/a.md", "/d/letters/x/y.txt", "/elsewhere/b.html"} {
			if _, err := set.RulesFor(p); err != nil {
				return
			}
			c.Skip(p, false)
		}
	})
}
