package format

import "testing"

// TestGitHubEscaping pins the escaping of actions/toolkit's command.ts:
// data escapes %, CR and LF; property values also : and ,.
func TestGitHubEscaping(t *testing.T) {
	tests := []struct{ in, data, prop string }{
		{"plain text", "plain text", "plain text"},
		{"100%", "100%25", "100%25"},
		{"%0A literal", "%250A literal", "%250A literal"},
		{"two\nlines", "two%0Alines", "two%0Alines"},
		{"crlf\r\n", "crlf%0D%0A", "crlf%0D%0A"},
		{"a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"drafts/x, y: z.md", "drafts/x, y: z.md", "drafts/x%2C y%3A z.md"},
		{"::error::", "::error::", "%3A%3Aerror%3A%3A"},
		{"ü “curly”", "ü “curly”", "ü “curly”"},
		{"", "", ""},
	}
	for _, tt := range tests {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
	}
}
