package parse

import (
	"strings"
	"testing"

	"copydesk/lint"
)

// TestEntityCarriageReturn: a character reference for CR ("&#13;", "&#xD",
// "&#XD;") is a line break in Text, which holds line breaks as LF only,
// and still maps back to the reference in the source.
func TestEntityCarriageReturn(t *testing.T) {
	tests := []struct{ path, src, ref string }{
		{"a.html", "<p>Ruth Okafor said&#13;no.</p>", "&#13;"},
		{"a.html", "<p>Ruth Okafor said&#XD no.</p>", "&#XD"},
		{"a.html", "<p>Ruth Okafor said&#xd; no.</p>", "&#xd;"},
		{"a.md", "Ruth Okafor said&#13;no.\n", "&#13;"},
	}
	for _, tt := range tests {
		doc, err := Parse(tt.path, []byte(tt.src))
		if err != nil {
			t.Fatalf("%s %q: %v", tt.path, tt.src, err)
		}
		if strings.Contains(doc.Text, "\r") {
			t.Errorf("%s %q: Text has a CR: %q", tt.path, tt.src, doc.Text)
		}
		i := strings.Index(doc.Text, "said\n")
		if i < 0 {
			t.Errorf("%s %q: want the reference decoded as a line break, Text %q", tt.path, tt.src, doc.Text)
			continue
		}
		start := i + len("said")
		sp, _ := doc.SourceSpan(lint.Span{Start: start, End: start + 1})
		if got := tt.src[sp.Start:sp.End]; got != tt.ref {
			t.Errorf("%s %q: the line break maps to %q, want %q", tt.path, tt.src, got, tt.ref)
		}
	}
}
