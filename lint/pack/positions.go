package pack

import (
	"strconv"
	"strings"
)

// positions records the lines where keys are defined, because the TOML
// decoder reports positions only for syntax errors, and not per element of
// an array of tables. It understands the subset of TOML packs use: tables,
// arrays of tables, dotted and quoted keys, multi-line strings.
type positions struct {
	top   map[string]int // top-level key or table → line
	rules []ruleLines    // one per [[rule]], in order
}

// ruleLines are the key lines of one [[rule]] table. Keys of sub-tables are
// dotted ("replace.percent"); "" is the [[rule]] header.
type ruleLines struct {
	index int
	keys  map[string]int
}

func (p positions) rule(i int) ruleLines {
	if i < len(p.rules) {
		return p.rules[i]
	}
	return ruleLines{index: i}
}

// ruleKeyLine returns the line of the first rule that defines key.
func (p positions) ruleKeyLine(key string) int {
	for _, r := range p.rules {
		if l, ok := r.keys[key]; ok {
			return l
		}
	}
	return 0
}

// of returns the line of key, or of the rule's header when the key is not
// written out.
func (r ruleLines) of(key string) int {
	if l, ok := r.keys[key]; ok {
		return l
	}
	return r.keys[""]
}

func (r ruleLines) has(key string) bool {
	_, ok := r.keys[key]
	return ok
}

func scanPositions(src string) positions {
	p := positions{top: map[string]int{}}
	inRule := false // inside [[rule]] or one of its sub-tables
	prefix := ""    // dotted path of the current sub-table inside the rule
	mlDelim := ""   // closing delimiter of an open multi-line string
	for i, ln := range strings.Split(src, "\n") {
		line := i + 1
		if mlDelim != "" {
			if strings.Count(ln, mlDelim)%2 == 1 {
				mlDelim = ""
			}
			continue
		}
		t := strings.TrimSpace(ln)
		if t == "" || t[0] == '#' {
			continue
		}
		if strings.HasPrefix(t, "[[") {
			name := tableName(t[2:], "]]")
			inRule, prefix = name == "rule", ""
			if inRule {
				p.rules = append(p.rules, ruleLines{index: len(p.rules), keys: map[string]int{"": line}})
			} else if _, ok := p.top[name]; !ok {
				p.top[name] = line
			}
			continue
		}
		if t[0] == '[' {
			name := tableName(t[1:], "]")
			if rest, ok := strings.CutPrefix(name, "rule."); ok && len(p.rules) > 0 {
				inRule, prefix = true, rest+"."
				last := p.rules[len(p.rules)-1]
				if _, ok := last.keys[rest]; !ok {
					last.keys[rest] = line
				}
				continue
			}
			inRule, prefix = false, ""
			top := strings.SplitN(name, ".", 2)[0]
			if _, ok := p.top[top]; !ok {
				p.top[top] = line
			}
			continue
		}
		key, value, ok := splitKey(t)
		if !ok {
			continue
		}
		if inRule && len(p.rules) > 0 {
			last := p.rules[len(p.rules)-1]
			full := prefix + key
			// Record the key and, for a dotted key, its first part.
			for _, k := range []string{full, strings.SplitN(full, ".", 2)[0]} {
				if _, ok := last.keys[k]; !ok {
					last.keys[k] = line
				}
			}
		} else if !inRule && prefix == "" {
			first := strings.SplitN(key, ".", 2)[0]
			if _, ok := p.top[first]; !ok {
				p.top[first] = line
			}
		}
		for _, d := range []string{`"""`, `'''`} {
			if strings.Count(value, d)%2 == 1 {
				mlDelim = d
				break
			}
		}
	}
	return p
}

// tableName returns the name of a table header, without quotes around its
// parts.
func tableName(s, closing string) string {
	if i := strings.Index(s, closing); i >= 0 {
		s = s[:i]
	}
	return unquoteDotted(strings.TrimSpace(s))
}

// splitKey splits `key = value` at the first = outside quotes.
func splitKey(t string) (key, value string, ok bool) {
	var quote byte
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '=':
			return unquoteDotted(strings.TrimSpace(t[:i])), t[i+1:], true
		}
	}
	return "", "", false
}

// unquoteDotted normalises a dotted key: `a . "b c"` → `a.b c`.
func unquoteDotted(k string) string {
	var parts []string
	var cur strings.Builder
	var quote byte
	flush := func() {
		s := strings.TrimSpace(cur.String())
		if u, err := strconv.Unquote(s); err == nil && strings.HasPrefix(s, `"`) {
			s = u
		} else if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
			s = s[1 : len(s)-1]
		}
		parts = append(parts, s)
		cur.Reset()
	}
	for i := 0; i < len(k); i++ {
		c := k[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' && i+1 < len(k) {
				cur.WriteByte(c)
				i++
				c = k[i]
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '.':
			flush()
			continue
		}
		cur.WriteByte(c)
	}
	flush()
	return strings.Join(parts, ".")
}
