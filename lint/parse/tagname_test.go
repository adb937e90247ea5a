package parse

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestTagNameMatchesTokenizer checks htmlParser.tagName against the
// tokenizer's own TagName on every tag of a range of drafts.
func TestTagNameMatchesTokenizer(t *testing.T) {
	pages := []string{
		`<HTML><Head><TITLE>T</TITLE></head><BODY><P Class=x>One<BR/>two</P><Div	id=a>x</DIV ><img src=y />`,
		`<p/><p
class=a>x</p
><svg:rect/><my-element data-x="1">y</my-element><ÉLAN>z</ÉLAN><a/b>c</a>`,
		`<script>if (a < b) { x = "</p>" }</SCRIPT><style>p{}</style><textarea><b></textarea><title>a</title>`,
		`<table><TR><Td>1<td>2</table><!-- c --><?pi?><!DOCTYPE html></br><p>`,
		`<a href="x">unterminated <b`,
	}
	for _, page := range pages {
		checkTagNames(t, page)
	}
}

func FuzzTagName(f *testing.F) {
	f.Add(`<P Class=x>One<BR/>two</P><Div	id=a>x</DIV >`)
	f.Add(`<script>x</SCRIPT><a/b>c</a>`)
	f.Fuzz(func(t *testing.T, page string) {
		if strings.IndexByte(page, 0) < 0 { // Decode refuses NUL bytes
			checkTagNames(t, page)
		}
	})
}

func checkTagNames(t *testing.T, page string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	p := &htmlParser{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := bytes.Clone(z.Raw())
		var got []byte
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			got = p.tagName(raw[1:])
		case html.EndTagToken:
			got = p.tagName(raw[2:])
		default:
			continue
		}
		want, _ := z.TagName()
		if string(got) != string(want) {
			t.Errorf("tag %q: name %q, tokenizer says %q", raw, got, want)
		}
	}
}
