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

func matchSegs(pat, parts []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			if len(rest) == 0 {
				return true
			}
			for i := 0; i <= len(parts); i++ {
				if matchSegs(rest, parts[i:]) {
					return true
				}
			}
			return false
		}
		if len(parts) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], parts[0]); !ok {
			return false
		}
		pat, parts = pat[1:], parts[1:]
	}
	return len(parts) == 0
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
