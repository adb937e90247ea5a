package config

import "testing"

// BenchmarkRulesFor measures the per-file cost of resolving rules with
// overrides and per-rule excludes (the cached path).
func BenchmarkRulesFor(b *testing.B) {
	reg, _ := testRegistry(b)
	c, err := Parse("c.toml", []byte(`
[rule.alpha-rule]
exclude = ["opinion/**"]
[rule.alpha-rule.options]
min-words = 2
[[override]]
files = ["letters/**", "*.txt"]
[override.rule.alpha-rule]
severity = "info"
`), "/d")
	if err != nil {
		b.Fatal(err)
	}
	set, err := c.Apply(reg, Filter{})
	if err != nil {
		b.Fatal(err)
	}
	paths := []string{"/d/news/2026/a.md", "/d/letters/b.md", "/d/opinion/c.html", "/d/x.txt"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := set.RulesFor(paths[i%len(paths)]); err != nil {
			b.Fatal(err)
		}
	}
}
