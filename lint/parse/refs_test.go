package parse

import (
	"testing"

	"golang.org/x/net/html"
)

// TestCommonRefs checks that the references entityAt decodes from its own
// table decode as x/net/html decodes them, in HTML and in Markdown.
func TestCommonRefs(t *testing.T) {
	for _, r := range commonRefs {
		if want := html.UnescapeString(r.ref); r.text != want {
			t.Errorf("%s: table says %q, html.UnescapeString %q", r.ref, r.text, want)
		}
		for _, needSemi := range []bool{false, true} {
			src := []byte(r.ref + "x")
			n, got := entityAt(src, needSemi)
			if n != len(r.ref) || got != r.text {
				t.Errorf("entityAt(%q, %v) = %d, %q; want %d, %q", src, needSemi, n, got, len(r.ref), r.text)
			}
		}
	}
}
