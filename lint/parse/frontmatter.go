package parse

import (
	"strconv"
	"unicode/utf8"
)

// frontMatter is a YAML ("---") or TOML ("+++") block at the start of a
// Markdown draft.
type frontMatter struct {
	toml       bool
	start, end int // the lines between the delimiters
	bodyStart  int // where the Markdown body starts
}

// findFrontMatter finds front matter starting at offset start: a delimiter
// line, then lines up to a matching delimiter line ("---" or "..." for YAML,
// "+++" for TOML). Without a closing line there is no front matter.
func findFrontMatter(src []byte, start int) (frontMatter, bool) {
	ce, next := lineEnd(src, start, true)
	var delim string // compared, never converted: no allocation per line
	switch string(trimRightBlank(src[start:ce])) {
	case "---":
		delim = "---"
	case "+++":
		delim = "+++"
	default:
		return frontMatter{}, false
	}
	fm := frontMatter{toml: delim == "+++", start: next}
	for i := next; i < len(src); {
		ce, nx := lineEnd(src, i, true)
		l := trimRightBlank(src[i:ce])
		if string(l) == delim || (!fm.toml && string(l) == "...") {
			fm.end, fm.bodyStart = i, nx
			return fm, true
		}
		i = nx
	}
	return frontMatter{}, false
}

func trimRightBlank(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// piece is part of the title: source bytes taken verbatim, or (replace)
// text standing for a source range (an escape sequence).
type piece struct {
	start, end int
	repl       string
	replace    bool
}

// title returns the pieces of the top-level title value, appended to ps
// (a caller's stack buffer, say), or false if there is none or it is not a
// one-line string.
func (fm frontMatter) title(src []byte, ps []piece) ([]piece, bool) {
	for i := fm.start; i < fm.end; {
		ce, next := lineEnd(src, i, true)
		line := src[i:ce]
		if fm.toml && len(line) > 0 && line[0] == '[' {
			return nil, false // a table: keys below are not top level
		}
		if len(line) > 5 && string(line[:5]) == "title" {
			j := skipBlank(src, i+5, ce)
			sep := byte(':')
			if fm.toml {
				sep = '='
			}
			if j < ce && src[j] == sep && (fm.toml || j+1 == ce || src[j+1] == ' ' || src[j+1] == '\t') {
				return scalar(src, skipBlank(src, j+1, ce), ce, fm.toml, ps)
			}
		}
		i = next
	}
	return nil, false
}

// scalar reads a one-line string value in src[i:end], appending its pieces
// to ps.
func scalar(src []byte, i, end int, toml bool, ps []piece) ([]piece, bool) {
	if i >= end {
		return nil, false
	}
	switch src[i] {
	case '"':
		if toml && end-i >= 3 && string(src[i:i+3]) == `"""` {
			return nil, false
		}
		return doubleQuoted(src, i+1, end, toml, ps)
	case '\'':
		if toml && end-i >= 3 && string(src[i:i+3]) == `'''` {
			return nil, false
		}
		run := i + 1
		for j := i + 1; j < end; j++ {
			if src[j] != '\'' {
				continue
			}
			if !toml && j+1 < end && src[j+1] == '\'' { // '' is a quote in YAML
				ps = append(ps, piece{start: run, end: j + 1})
				j++
				run = j + 1
				continue
			}
			ps = append(ps, piece{start: run, end: j})
			return nonEmpty(ps)
		}
		return nil, false
	}
	if toml {
		return nil, false // not a string
	}
	switch src[i] {
	case '|', '>', '[', '{', '&', '*', '!', '%', '@', '`', '#':
		return nil, false // block scalars, collections, anchors...: not supported
	}
	e := end
	for j := i; j+1 < end; j++ {
		if (src[j] == ' ' || src[j] == '\t') && src[j+1] == '#' {
			e = j
			break
		}
	}
	e = i + len(trimRightBlank(src[i:e]))
	return nonEmpty(append(ps, piece{start: i, end: e}))
}

func nonEmpty(ps []piece) ([]piece, bool) {
	for _, p := range ps {
		if p.end > p.start || p.repl != "" {
			return ps, true
		}
	}
	return nil, false
}

// doubleQuoted reads a double-quoted YAML or TOML basic string whose body
// starts at i, decoding backslash escapes.
func doubleQuoted(src []byte, i, end int, toml bool, ps []piece) ([]piece, bool) {
	run := i
	for j := i; j < end; j++ {
		switch src[j] {
		case '"':
			ps = append(ps, piece{start: run, end: j})
			return nonEmpty(ps)
		case '\\':
			if j+1 >= end {
				return nil, false
			}
			n, s, ok := escape(src[j+1:end], toml)
			if !ok {
				return nil, false
			}
			ps = append(ps, piece{start: run, end: j}, piece{start: j, end: j + 1 + n, repl: s, replace: true})
			j += n
			run = j + 1
		}
	}
	return nil, false
}

// escape decodes the escape sequence after a backslash, returning its length
// (not counting the backslash) and its text.
func escape(s []byte, toml bool) (int, string, bool) {
	switch s[0] {
	case '"', '\\':
		return 1, string(s[0]), true
	case '/':
		return 1, "/", !toml
	case 'n':
		return 1, "\n", true
	case 't':
		return 1, "\t", true
	case 'r':
		return 1, "\n", true
	case 'b':
		return 1, "\b", true
	case 'f':
		return 1, "\f", true
	case ' ':
		return 1, " ", !toml
	case '_':
		return 1, "\u00a0", !toml
	case 'N':
		return 1, "\u0085", !toml
	case 'x':
		if toml {
			return 0, "", false
		}
		return hexEscape(s, 2)
	case 'u':
		return hexEscape(s, 4)
	case 'U':
		return hexEscape(s, 8)
	}
	return 0, "", false
}

func hexEscape(s []byte, n int) (int, string, bool) {
	if len(s) < 1+n {
		return 0, "", false
	}
	v, err := strconv.ParseUint(string(s[1:1+n]), 16, 32)
	if err != nil || v == 0 || !utf8.ValidRune(rune(v)) {
		return 0, "", false
	}
	return 1 + n, string(rune(v)), true
}
