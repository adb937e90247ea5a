package format

import (
	"unicode/utf8"
)

// xmlEscape escapes s for an XML attribute value or character data: &, <,
// >, quotes, and tab, CR and LF as character references (so attribute
// values keep them); characters XML cannot carry become U+FFFD.
func xmlEscape(s string) string {
	return string(appendXML(nil, s))
}

// appendXML appends s escaped as encoding/xml's EscapeText escapes it.
func appendXML(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		width := 1
		var esc string
		if c < utf8.RuneSelf {
			switch c {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\n':
				esc = "&#xA;"
			case '\r':
				esc = "&#xD;"
			default:
				if c >= 0x20 {
					i++
					continue
				}
				esc = "\uFFFD"
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			width = size
			if xmlChar(r) && (r != utf8.RuneError || size != 1) {
				i += size
				continue
			}
			esc = "\uFFFD"
		}
		b = append(b, s[last:i]...)
		b = append(b, esc...)
		i += width
		last = i
	}
	return append(b, s[last:]...)
}

// xmlChar reports whether XML 1.0 can carry r.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
