package pack

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"copydesk/lint"
	"copydesk/lint/parse"
)

// alone returns copies of rules that scan on their own, without the pack's
// shared scan.
func alone(rules []lint.Rule) []lint.Rule {
	out := make([]lint.Rule, len(rules))
	for i, lr := range rules {
		c := *lr.(*rule)
		c.group = nil
		out[i] = &c
	}
	return out
}

func findings(t testing.TB, rules []lint.Rule, path, src string) []lint.Finding {
	doc, err := parse.Parse(path, []byte(src))
	if err != nil {
		return nil
	}
	var active []lint.Active
	for _, r := range rules {
		active = append(active, lint.Active{Rule: r, Severity: lint.Error})
	}
	fs, err := lint.CheckDocument(doc, active)
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// FuzzSharedScan: the pack's shared scan finds exactly what each rule finds
// scanning alone.
func FuzzSharedScan(f *testing.F) {
	rules, err := LoadFiles([]string{"../../testdata/packs/house.toml", "../../testdata/packs/headlines.toml"})
	if err != nil {
		f.Fatal(err)
	}
	if rules[0].(*rule).group == nil {
		f.Fatal("the house pack's rules do not share a scan")
	}
	fixtures, _ := filepath.Glob("../../testdata/packs/*/*.*")
	for _, p := range fixtures {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(filepath.Base(p), string(data))
		}
	}
	f.Add("a.txt", "Fire fighters set to go\n\nVery very really going forward with stakeholders, fire\nfighters, percent percent.\n")
	overlap, err := Parse("overlap.toml", []byte(overlapPack))
	if err != nil {
		f.Fatal(err)
	}
	rules = append(rules, overlap.Rules...)
	solo := alone(rules)
	f.Fuzz(func(t *testing.T, name, src string) {
		path := "draft.txt"
		switch filepath.Ext(name) {
		case ".md", ".html":
			path = "draft" + filepath.Ext(name)
		}
		got, want := findings(t, rules, path, src), findings(t, solo, path, src)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("shared scan:\n%+v\nalone:\n%+v", got, want)
		}
	})
}

// overlapPack has rules whose phrases overlap each other's, in every scope.
const overlapPack = `pack = "overlap"
[[rule]]
id = "a"
kind = "phrase"
summary = "s"
message = "{match}"
phrases = ["fire fighters", "fighters", "set to", "to go", "very"]
[[rule]]
id = "b"
kind = "substitution"
scope = "body"
summary = "s"
replace = { "fire" = "blaze", "fighters" = "crews", "fire fighters at" = "crews at" }
[[rule]]
id = "c"
kind = "count"
scope = "paragraph"
limit = 1
summary = "s"
message = "{match}"
phrases = ["very", "very very", "to"]
ignore-in-quotes = true
[[rule]]
id = "d"
kind = "phrase"
scope = "headline"
summary = "s"
message = "{match}"
phrases = ["set", "set to go", "fire"]
exceptions = ["set to go home"]
[[rule]]
id = "e"
kind = "count"
scope = "body"
limit = 2
summary = "s"
message = "{match}"
phrases = ["fighters", "to"]
`
