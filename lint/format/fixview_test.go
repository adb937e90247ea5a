package format

import (
	"bytes"
	"strings"
	"testing"

	"copydesk/lint"
)

// edit returns a source edit replacing the first occurrence of old in src
// with new.
func edit(t *testing.T, src, old, new string) lint.Edit {
	t.Helper()
	i := strings.Index(src, old)
	if i < 0 {
		t.Fatalf("%q not in source", old)
	}
	return lint.Edit{Span: lint.Span{Start: i, End: i + len(old)}, New: new, Raw: true}
}

func TestRenderFixGolden(t *testing.T) {
	long := "Marwick council is reportedly planning to cut the 14 bus route, a move the café owners on Hale Street have opposed for years.\n"
	for _, tc := range []struct {
		name, src string
		safe      bool
		msg       string
		edits     func(t *testing.T, src string) []lint.Edit
	}{
		{"remove-line", "Marwick\n\nThe budget passed.\nShare this article\nTom Hale spoke.\n", true, "Remove the share prompt",
			func(t *testing.T, src string) []lint.Edit {
				return []lint.Edit{edit(t, src, "Share this article\n", "")}
			}},
		{"remove-block", "Dunmere\n\nRuth Okafor said so.\n\n- Facebook\n- Twitter\n- Email\n\nThe end.\n", true, "Remove the share bar",
			func(t *testing.T, src string) []lint.Edit {
				return []lint.Edit{edit(t, src, "- Facebook\n- Twitter\n- Email\n\n", "")}
			}},
		{"remove-many-lines", "A\n" + strings.Repeat("Related: another story\n", 12) + "B\n", true, "Remove the related links",
			func(t *testing.T, src string) []lint.Edit {
				return []lint.Edit{edit(t, src, strings.Repeat("Related: another story\n", 12), "")}
			}},
		{"remove-blank-lines", "Marwick\n\n\n\nBody.\n", true, "Remove the extra blank lines",
			func(t *testing.T, src string) []lint.Edit { return []lint.Edit{edit(t, src, "\n\n\n", "\n")} }},
		{"mojibake", "Kelbridge\n\nThe councilâ€™s plan was approved.\n", true, "Repair the mis-decoded characters",
			func(t *testing.T, src string) []lint.Edit { return []lint.Edit{edit(t, src, "â€™", "’")} }},
		{"glued-words", "Ashby Vale\n\nPriya Nandra said thecouncil would meet.\n", true, "Insert a space",
			func(t *testing.T, src string) []lint.Edit {
				return []lint.Edit{edit(t, src, "thecouncil", "the council")}
			}},
		{"crlf-inline", "Hale Cross\r\n\r\nAna Ruiz said the bridge  would open.\r\n", true, "Remove the extra space",
			func(t *testing.T, src string) []lint.Edit { return []lint.Edit{edit(t, src, "  ", " ")} }},
		{"suggestion-long-line", long, false, "Attribute the claim or drop the hedge",
			func(t *testing.T, src string) []lint.Edit {
				return []lint.Edit{edit(t, src, "is reportedly planning", "plans")}
			}},
		{"two-places", "Marwick\n\nRead more\n\nThe vote passed.\n\nRead more\n", true, "Remove the link text",
			func(t *testing.T, src string) []lint.Edit {
				first := edit(t, src, "Read more\n\n", "")
				second := lint.Edit{Span: lint.Span{Start: len(src) - len("Read more\n"), End: len(src)}, Raw: true}
				return []lint.Edit{second, first} // unsorted on purpose
			}},
		{"join-lines", "Tom Hale said the\nroad would reopen.\n", true, "Join the broken line",
			func(t *testing.T, src string) []lint.Edit { return []lint.Edit{edit(t, src, "the\nroad", "the road")} }},
		{"insert-line", "Dunmere\nBody text.\n", false, "Add a byline",
			func(t *testing.T, src string) []lint.Edit {
				return []lint.Edit{{Span: lint.Span{Start: 8, End: 8}, New: "By Ruth Okafor\n", Raw: true}}
			}},
		{"control-characters", "Marwick\n\nThe vote\x1b[31m passed.\n", true, "Remove the escape sequence",
			func(t *testing.T, src string) []lint.Edit { return []lint.Edit{edit(t, src, "\x1b[31m", "")} }},
		{"edits-outside-source", "Short.\n", true, "Broken fix",
			func(t *testing.T, src string) []lint.Edit {
				return []lint.Edit{{Span: lint.Span{Start: 3, End: 99}, Raw: true}}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &lint.Finding{Rule: "test", Fix: &lint.Fix{Message: tc.msg, Safe: tc.safe, Edits: tc.edits(t, tc.src)}}
			for _, c := range []struct {
				suffix string
				color  bool
			}{{".txt", false}, {".color.txt", true}} {
				var buf bytes.Buffer
				if err := RenderFix(&buf, []byte(tc.src), f, c.color); err != nil {
					t.Fatal(err)
				}
				out := buf.String()
				if !c.color && strings.Contains(out, "\x1b") {
					t.Errorf("escape sequence without colour: %q", out)
				}
				if c.color && !strings.Contains(out, "\x1b[") {
					t.Errorf("no colour: %q", out)
				}
				goldenFile(t, "fixview/"+tc.name+c.suffix, buf.Bytes())
			}
		})
	}
}

func TestRenderFixNil(t *testing.T) {
	var buf bytes.Buffer
	if err := RenderFix(&buf, []byte("x"), &lint.Finding{}, false); err != nil || buf.Len() != 0 {
		t.Errorf("nil fix: %q, %v", buf.String(), err)
	}
}

func TestRenderFixIsDefault(t *testing.T) {
	if DefaultFixRenderer == nil {
		t.Fatal("DefaultFixRenderer not set")
	}
}
