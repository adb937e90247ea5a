package config

import (
	"strconv"
	"strings"
)

// keyLines records the line on which each key of a TOML file is first
// defined. BurntSushi/toml keeps key positions to itself, so we scan the
// file once: table headers, array-of-tables headers (each element gets its
// index as a path segment: override.1.rule.x) and key/value lines, skipping
// the inside of multi-line strings, arrays and inline tables.
type keyLines map[string]int

func joinKey(path []string) string { return strings.Join(path, "\x00") }

func indexKeys(src string) keyLines {
	kl := keyLines{}
	arrays := map[string]int{} // array-of-tables path → current index
	var table []string
	sc := valueScanner{}
	for i, line := range strings.Split(src, "\n") {
		n := i + 1
		if sc.busy() {
			sc.scan(line)
			continue
		}
		s := strings.TrimSpace(line)
		if s == "" || s[0] == '#' {
			continue
		}
		if strings.HasPrefix(s, "[[") {
			raw, _ := parseKey(s[2:])
			p := resolveArrays(raw[:max(len(raw)-1, 0)], arrays)
			if len(raw) > 0 {
				p = append(p, raw[len(raw)-1])
			}
			k := joinKey(p)
			idx, seen := arrays[k]
			if seen {
				idx++
			}
			arrays[k] = idx
			kl.set(p, n)
			table = append(p, strconv.Itoa(idx))
			kl.set(table, n)
			continue
		}
		if s[0] == '[' {
			raw, _ := parseKey(s[1:])
			table = resolveArrays(raw, arrays)
			kl.setAll(table, n)
			continue
		}
		key, rest := parseKey(s)
		if len(key) == 0 {
			continue
		}
		rest = strings.TrimSpace(rest)
		if !strings.HasPrefix(rest, "=") {
			continue
		}
		full := append(append([]string(nil), table...), key...)
		kl.setAll(full, n)
		sc.scan(rest[1:])
		kl.inlineKeys(full, rest[1:], n)
	}
	return kl
}

// resolveArrays inserts the current index after each prefix of p that names
// an array of tables.
func resolveArrays(p []string, arrays map[string]int) []string {
	var out []string
	for _, seg := range p {
		out = append(out, seg)
		if idx, ok := arrays[joinKey(out)]; ok {
			out = append(out, strconv.Itoa(idx))
		}
	}
	return out
}

func (kl keyLines) set(p []string, n int) {
	k := joinKey(p)
	if _, ok := kl[k]; !ok {
		kl[k] = n
	}
}

// setAll records p and each of its prefixes (dotted keys define tables).
func (kl keyLines) setAll(p []string, n int) {
	for i := 1; i <= len(p); i++ {
		kl.set(p[:i], n)
	}
}

// inlineKeys records the keys of a one-line inline table value.
func (kl keyLines) inlineKeys(prefix []string, value string, n int) {
	v := strings.TrimSpace(value)
	if !strings.HasPrefix(v, "{") {
		return
	}
	for _, part := range strings.Split(strings.TrimSuffix(strings.TrimSpace(v[1:]), "}"), ",") {
		if key, rest := parseKey(strings.TrimSpace(part)); len(key) > 0 && strings.HasPrefix(strings.TrimSpace(rest), "=") {
			kl.setAll(append(append([]string(nil), prefix...), key...), n)
		}
	}
}

// line returns the line of the key at path, or of its nearest defined
// parent, or 0.
func (kl keyLines) line(path ...string) int {
	for i := len(path); i > 0; i-- {
		if n, ok := kl[joinKey(path[:i])]; ok {
			return n
		}
	}
	return 0
}

// parseKey reads a dotted key (bare, "basic" or 'literal' pieces) from the
// start of s and returns it with the rest of s.
func parseKey(s string) ([]string, string) {
	var key []string
	for {
		s = strings.TrimLeft(s, " \t")
		if s == "" {
			return key, s
		}
		var piece string
		switch s[0] {
		case '"':
			end := 1
			for end < len(s) && s[end] != '"' {
				if s[end] == '\\' {
					end++
				}
				end++
			}
			if end >= len(s) {
				return key, ""
			}
			if u, err := strconv.Unquote(s[:end+1]); err == nil {
				piece = u
			} else {
				piece = s[1:end]
			}
			s = s[end+1:]
		case '\'':
			end := strings.IndexByte(s[1:], '\'')
			if end < 0 {
				return key, ""
			}
			piece, s = s[1:end+1], s[end+2:]
		default:
			end := 0
			for end < len(s) && isBareKeyByte(s[end]) {
				end++
			}
			if end == 0 {
				return key, s
			}
			piece, s = s[:end], s[end:]
		}
		key = append(key, piece)
		s = strings.TrimLeft(s, " \t")
		if !strings.HasPrefix(s, ".") {
			return key, s
		}
		s = s[1:]
	}
}

func isBareKeyByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// valueScanner follows a TOML value across lines: open brackets and braces,
// and multi-line strings.
type valueScanner struct {
	inline []byte // stack of open '[' and '{'
	multi  string // `"""` or `'''` while inside a multi-line string
	depth  int    // the deepest the stack has been
}

func (v *valueScanner) busy() bool { return len(v.inline) > 0 || v.multi != "" }

func (v *valueScanner) scan(line string) {
	for i := 0; i < len(line); i++ {
		if v.multi != "" {
			if strings.HasPrefix(line[i:], v.multi) {
				i += 2
				v.multi = ""
			} else if line[i] == '\\' && v.multi == `"""` {
				i++
			}
			continue
		}
		switch c := line[i]; c {
		case '#':
			return
		case '"', '\'':
			q := line[i : i+1]
			if strings.HasPrefix(line[i:], q+q+q) {
				v.multi = q + q + q
				i += 2
				continue
			}
			for i++; i < len(line) && line[i] != c; i++ {
				if c == '"' && line[i] == '\\' {
					i++
				}
			}
		case '[', '{':
			v.inline = append(v.inline, c)
			v.depth = max(v.depth, len(v.inline))
		case ']', '}':
			if len(v.inline) > 0 {
				v.inline = v.inline[:len(v.inline)-1]
			}
		}
	}
}
