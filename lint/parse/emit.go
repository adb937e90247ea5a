package parse

import (
	"bytes"
	"strings"
	"unsafe"

	"copydesk/lint"

	"golang.org/x/net/html"
)

// emitLines appends src[start:end] to b verbatim, except that CRLF and a lone
// CR become "\n" (each standing for its source bytes).
func emitLines(b *lint.Builder, src []byte, start, end int) {
	for start < end {
		i := bytes.IndexByte(src[start:end], '\r')
		if i < 0 {
			b.Verbatim(start, end)
			return
		}
		p := start + i
		b.Verbatim(start, p)
		if p+1 < end && src[p+1] == '\n' {
			b.Replace("\n", p, p+2)
			start = p + 2
		} else {
			b.Replace("\n", p, p+1)
			start = p + 1
		}
	}
}

// emitDecoded appends src[start:end] with character references decoded
// (each decoded entity stands for its source bytes), CRLF and lone CR read as
// "\n", and, when escapes is set, Markdown backslash escapes of ASCII
// punctuation decoded.
func emitDecoded(b *lint.Builder, src []byte, start, end int, escapes bool) {
	special := &htmlSpecial
	if escapes {
		special = &mdSpecial
	}
	run := start
	for i := start; i < end; {
		if i = nextSpecial(src, i, end, special, escapes); i >= end {
			break
		}
		switch src[i] {
		case '\r':
			b.Verbatim(run, i)
			if i+1 < end && src[i+1] == '\n' {
				b.Replace("\n", i, i+2)
				i += 2
			} else {
				b.Replace("\n", i, i+1)
				i++
			}
			run = i
		case '\\':
			if i+1 < end && isASCIIPunct(src[i+1]) {
				b.Verbatim(run, i)
				b.Replace(string(src[i+1:i+2]), i, i+2)
				i += 2
				run = i
			} else {
				i++
			}
		case '&':
			n, dec := entityAt(src[i:end], escapes)
			if n == 0 {
				i++
				continue
			}
			if strings.IndexByte(dec, '\r') >= 0 {
				// "&#13;", "&#xD": a carriage return is a line
				// break, and Text holds line breaks as LF only.
				dec = strings.ReplaceAll(dec, "\r", "\n")
			}
			b.Verbatim(run, i)
			b.Replace(dec, i, i+n)
			i += n
			run = i
		}
	}
	b.Verbatim(run, end)
}

// Bytes that stop a verbatim run: character references and CR, and in
// Markdown backslash escapes.
var (
	htmlSpecial = [256]bool{'&': true, '\r': true}
	mdSpecial   = [256]bool{'&': true, '\r': true, '\\': true}
)

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// entityAt decodes the character reference at the start of s ("&amp;",
// "&#233;", "&#x2019;", and the legacy names browsers accept without a
// semicolon unless needSemi, as in Markdown). It returns the number of source
// bytes the reference takes and its text, or 0 if s does not start with one.
func entityAt(s []byte, needSemi bool) (int, string) {
	if len(s) < 2 || s[0] != '&' {
		return 0, ""
	}
	i := 1
	if s[1] == '#' {
		i = 2
		if i < len(s) && (s[i] == 'x' || s[i] == 'X') {
			i++
			for i < len(s) && i < 12 && isHex(s[i]) {
				i++
			}
		} else {
			for i < len(s) && i < 12 && s[i] >= '0' && s[i] <= '9' {
				i++
			}
		}
	} else {
		for i < len(s) && i < 40 && isAlnum(s[i]) {
			i++
		}
	}
	if i < len(s) && s[i] == ';' {
		i++
	} else if needSemi {
		return 0, ""
	}
	// cand is only read while s is: a view of the bytes, not a copy.
	cand := unsafe.String(&s[0], i)
	if cand[i-1] == ';' {
		for j := range commonRefs {
			if commonRefs[j].ref == cand {
				return i, commonRefs[j].text
			}
		}
	}
	dec := html.UnescapeString(cand)
	if dec == cand {
		return 0, ""
	}
	// UnescapeString decodes only the longest entity prefix of cand and
	// copies the rest: the common suffix is that rest.
	k := 0
	for k < len(dec)-1 && k < len(cand)-2 && dec[len(dec)-1-k] == cand[len(cand)-1-k] {
		k++
	}
	if k > 0 && !strings.HasSuffix(cand, ";") {
		return len(cand) - k, dec[:len(dec)-k]
	}
	return len(cand), dec
}

// view returns the bytes of src as a string without copying them, for a
// comment's text: like Document.Text, it shares the source, which must not
// change while the document is in use.
func view(src []byte) string { return unsafe.String(unsafe.SliceData(src), len(src)) }

// commonRefs are the character references news copy uses most, decoded
// as html.UnescapeString decodes them (a test checks), so that they cost
// no allocation.
var commonRefs = [...]struct{ ref, text string }{
	{"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"},
	{"&nbsp;", "\u00a0"}, {"&rsquo;", "\u2019"}, {"&lsquo;", "\u2018"}, {"&rdquo;", "\u201d"},
	{"&ldquo;", "\u201c"}, {"&mdash;", "\u2014"}, {"&ndash;", "\u2013"}, {"&hellip;", "\u2026"},
	{"&#8217;", "\u2019"}, {"&#8216;", "\u2018"}, {"&#8221;", "\u201d"}, {"&#8220;", "\u201c"},
	{"&#8212;", "\u2014"}, {"&#8211;", "\u2013"}, {"&#8230;", "\u2026"}, {"&#160;", "\u00a0"},
	{"&#39;", "'"}, {"&#039;", "'"}, {"&#x27;", "'"}, {"&#34;", "\""},
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
