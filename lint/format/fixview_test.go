package format

import (
	"bytes"
	"io"
	"runtime"
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

// longLine returns a draft whose second line is n bytes of repeated prose,
// and the offsets of every "cafÃ©" in it.
func longLine(n int) (string, []int) {
	const unit = "Ruth Okafor said so. The route is said to be losing money. The cafÃ© on Hale Street. "
	var b strings.Builder
	b.WriteString("Marwick bus cuts\n")
	var at []int
	for b.Len() < n {
		at = append(at, b.Len()+strings.Index(unit, "cafÃ©")+3)
		b.WriteString(unit)
	}
	b.WriteString("\nThe end.\n")
	return b.String(), at
}

// TestRenderFixLongLine renders fixes on a 1 MB single-line paragraph: each
// view is the same short word diff a short line gets, whatever the edit's
// place on the line, and rendering one costs in proportion to the window
// shown, not to the line (measured in bytes allocated, which is exact,
// rather than time).
func TestRenderFixLongLine(t *testing.T) {
	src, at := longLine(1 << 20)
	want := "    fix: Repair encoding (safe)\n        …id to be losing money. The caf[-Ã©-]{+é+} on Hale Street. Ruth Okafor s…\n"
	for _, i := range []int{1, len(at) / 2, len(at) - 2} {
		f := &lint.Finding{Rule: "mojibake", Fix: &lint.Fix{Message: "Repair encoding", Safe: true,
			Edits: []lint.Edit{{Span: lint.Span{Start: at[i], End: at[i] + len("Ã©")}, New: "é", Raw: true}}}}
		var buf bytes.Buffer
		if err := RenderFix(&buf, []byte(src), f, false); err != nil {
			t.Fatal(err)
		}
		if buf.String() != want {
			t.Errorf("edit %d of %d:\n got %q\nwant %q", i, len(at), buf.String(), want)
		}
	}

	// Two edits far apart on the line are shown as two cut excerpts; two
	// close together share one.
	f := &lint.Finding{Rule: "mojibake", Fix: &lint.Fix{Message: "Repair encoding", Safe: true, Edits: []lint.Edit{
		{Span: lint.Span{Start: at[10], End: at[10] + len("Ã©")}, New: "é", Raw: true},
		{Span: lint.Span{Start: at[11], End: at[11] + len("Ã©")}, New: "é", Raw: true},
		{Span: lint.Span{Start: at[500], End: at[500] + len("Ã©")}, New: "é", Raw: true},
	}}}
	var buf bytes.Buffer
	if err := RenderFix(&buf, []byte(src), f, false); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 3 || strings.Count(lines[1], "[-Ã©-]") != 2 || strings.Count(lines[2], "[-Ã©-]") != 1 ||
		!strings.HasPrefix(lines[2], "        …") || !strings.HasSuffix(lines[2], "…") {
		t.Errorf("two groups on one long line:\n%s", buf.String())
	}

	// Cost: bytes allocated per view, far below the line's 1 MB.
	f.Fix.Edits = f.Fix.Edits[2:]
	srcb := []byte(src)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	const runs = 20
	for range runs {
		if err := RenderFix(io.Discard, srcb, f, false); err != nil {
			t.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	if per := (after.TotalAlloc - before.TotalAlloc) / runs; per > 64<<10 {
		t.Errorf("rendering one fix on a %d-byte line allocates %d bytes; want it bounded by the window shown", len(src), per)
	}
}

// BenchmarkRenderFixLongLine renders one fix in the middle of a 1 MB
// single-line paragraph: the cost must be that of the window shown.
func BenchmarkRenderFixLongLine(b *testing.B) {
	src, at := longLine(1 << 20)
	srcb := []byte(src)
	i := at[len(at)/2]
	f := &lint.Finding{Rule: "mojibake", Fix: &lint.Fix{Message: "Repair encoding", Safe: true,
		Edits: []lint.Edit{{Span: lint.Span{Start: i, End: i + len("Ã©")}, New: "é", Raw: true}}}}
	b.ReportAllocs()
	for b.Loop() {
		if err := RenderFix(io.Discard, srcb, f, false); err != nil {
			b.Fatal(err)
		}
	}
}
