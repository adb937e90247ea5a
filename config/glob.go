package config

import (
	"fmt"
	"path"
	"strings"
)

// Glob is a compiled path pattern. Patterns are matched against slash
// separated paths relative to the directory the configuration applies to:
//
//   - "*", "?" and "[...]" match within one path segment (as path.Match);
//   - "**" as a whole segment matches any number of segments, none included;
//   - a pattern without a slash matches a base name at any depth
//     ("*.html" is "**/*.html");
//   - a pattern that matches a directory matches everything under it
//     ("archive" and "archive/**" both exclude archive/2024/a.md).
type Glob struct {
	pattern string
	segs    []string
}

// CompileGlob checks and compiles a pattern.
func CompileGlob(pattern string) (Glob, error) {
	p := strings.TrimSpace(pattern)
	if p == "" {
		return Glob{}, fmt.Errorf("empty glob")
	}
	p = strings.ReplaceAll(p, "\\", "/")
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	p = strings.Trim(p, "/")
	if p == "" {
		return Glob{}, fmt.Errorf("glob %q matches nothing", pattern)
	}
	segs := strings.Split(p, "/")
	for _, s := range segs {
		if s == "**" {
			continue
		}
		if strings.Contains(s, "**") {
			return Glob{}, fmt.Errorf("glob %q: ** must be a whole path segment", pattern)
		}
		if _, err := path.Match(s, ""); err != nil {
			return Glob{}, fmt.Errorf("glob %q: %w", pattern, err)
		}
	}
	var collapsed []string
	for _, seg := range segs {
		if seg == "**" && len(collapsed) > 0 && collapsed[len(collapsed)-1] == "**" {
			continue
		}
		collapsed = append(collapsed, seg)
	}
	segs = collapsed
	if len(segs) == 1 && segs[0] != "**" {
		segs = []string{"**", segs[0]}
	}
	return Glob{pattern: pattern, segs: segs}, nil
}

// String returns the pattern as written.
func (g Glob) String() string { return g.pattern }

// Match reports whether the slash-separated relative path rel, or one of its
// parent directories, matches the pattern.
func (g Glob) Match(rel string) bool {
	if rel == "" || rel == "." {
		return false
	}
	parts := strings.Split(strings.Trim(rel, "/"), "/")
	for n := len(parts); n >= 1; n-- {
		if matchSegs(g.segs, parts[:n]) {
			return true
		}
	}
	return false
}

// matchSegs matches path segments against pattern segments. It runs in
// O(len(pat) × len(parts)) whatever the number of "**", by dynamic
// programming rather than backtracking.
func matchSegs(pat, parts []string) bool {
	// ok[j] says whether pat[i:] matches parts[j:], for the current i.
	ok := make([]bool, len(parts)+1)
	ok[len(parts)] = true
	for i := len(pat) - 1; i >= 0; i-- {
		if pat[i] == "**" {
			// ** matches parts[j:k] for any k ≥ j: ok[j] = any ok[k], k ≥ j.
			for j := len(parts) - 1; j >= 0; j-- {
				ok[j] = ok[j] || ok[j+1]
			}
			continue
		}
		for j := 0; j < len(parts); j++ {
			m, _ := path.Match(pat[i], parts[j])
			ok[j] = m && ok[j+1]
		}
		ok[len(parts)] = false
	}
	return ok[0]
}

// Globs is a list of patterns; it matches when any pattern does.
type Globs []Glob

// Match reports whether any pattern matches rel.
func (gs Globs) Match(rel string) bool {
	for _, g := range gs {
		if g.Match(rel) {
			return true
		}
	}
	return false
}

// Strings returns the patterns as written.
func (gs Globs) Strings() []string {
	out := make([]string, len(gs))
	for i, g := range gs {
		out[i] = g.pattern
	}
	return out
}
