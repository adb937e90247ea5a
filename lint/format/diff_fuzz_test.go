package format

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"copydesk/lint"
)

var hunkHeader = regexp.MustCompile(`^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@$`)

// applyUnified applies a diff written by UnifiedDiff to old, strictly: every
// context and removed line must match and the hunk counts must agree.
func applyUnified(old, diff []byte) ([]byte, error) {
	if len(diff) == 0 {
		return old, nil
	}
	type entry struct {
		kind byte
		text string
	}
	lines := strings.SplitAfter(string(diff), "\n")
	if len(lines) < 3 || !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		return nil, fmt.Errorf("bad header")
	}
	oldLines := strings.SplitAfter(string(old), "\n")
	if len(oldLines) > 0 && oldLines[len(oldLines)-1] == "" {
		oldLines = oldLines[:len(oldLines)-1]
	}
	var out strings.Builder
	pos := 0 // next old line to copy (0-based)
	for i := 2; i < len(lines) && lines[i] != ""; {
		m := hunkHeader.FindStringSubmatch(strings.TrimSuffix(lines[i], "\n"))
		if m == nil {
			return nil, fmt.Errorf("line %d: bad hunk header %q", i+1, lines[i])
		}
		count := func(s string) int {
			if s == "" {
				return 1
			}
			n, _ := strconv.Atoi(s)
			return n
		}
		a, b, d := count(m[1]), count(m[2]), count(m[4])
		start := a - 1
		if b == 0 {
			start = a
		}
		if start < pos || start > len(oldLines) {
			return nil, fmt.Errorf("hunk %q out of order", lines[i])
		}
		for ; pos < start; pos++ {
			out.WriteString(oldLines[pos])
		}
		i++
		var es []entry
		for i < len(lines) && lines[i] != "" && !strings.HasPrefix(lines[i], "@@") {
			l := lines[i]
			i++
			if strings.HasPrefix(l, `\ No newline at end of file`) {
				if len(es) == 0 {
					return nil, fmt.Errorf("marker without a line")
				}
				es[len(es)-1].text = strings.TrimSuffix(es[len(es)-1].text, "\n")
				continue
			}
			es = append(es, entry{l[0], l[1:]})
		}
		gotOld, gotNew := 0, 0
		for _, e := range es {
			switch e.kind {
			case ' ', '-':
				if pos >= len(oldLines) || oldLines[pos] != e.text {
					return nil, fmt.Errorf("line %d does not match %q", pos+1, e.text)
				}
				pos++
				gotOld++
				if e.kind == ' ' {
					out.WriteString(e.text)
					gotNew++
				}
			case '+':
				out.WriteString(e.text)
				gotNew++
			default:
				return nil, fmt.Errorf("bad line kind %q", e.kind)
			}
		}
		if gotOld != b || gotNew != d {
			return nil, fmt.Errorf("hunk counts -%d +%d, header says -%d +%d", gotOld, gotNew, b, d)
		}
	}
	for ; pos < len(oldLines); pos++ {
		out.WriteString(oldLines[pos])
	}
	return []byte(out.String()), nil
}

func FuzzUnifiedDiff(f *testing.F) {
	for _, tc := range diffCases {
		f.Add([]byte(tc.old), []byte(tc.new))
	}
	f.Add([]byte("a\r\nb\rc\n"), []byte("a\nb\rc"))
	f.Add([]byte("\xff\xfe\n\x00\n"), []byte("\xff\n"))
	f.Fuzz(func(t *testing.T, old, new []byte) {
		var buf bytes.Buffer
		if err := UnifiedDiff(&buf, "draft.txt", old, new); err != nil {
			t.Fatal(err)
		}
		got, err := applyUnified(old, buf.Bytes())
		if err != nil {
			t.Fatalf("%v\ndiff:\n%s", err, buf.Bytes())
		}
		if !bytes.Equal(got, new) {
			t.Fatalf("applying the diff gives %q, want %q\ndiff:\n%s", got, new, buf.Bytes())
		}
	})
}

// FuzzRenderFix checks that any fix over any source renders without
// panicking, and that without colour no escape sequence reaches the output.
func FuzzRenderFix(f *testing.F) {
	f.Add([]byte("Marwick\n\nRead more\n"), 9, 19, "", true)
	f.Add([]byte("The councilâ€™s plan.\r\n"), 11, 17, "’", false)
	f.Add([]byte("a\x1b[31mb\n"), 0, 1, "\x1b", true)
	f.Fuzz(func(t *testing.T, src []byte, start, end int, repl string, safe bool) {
		fx := &lint.Fix{Message: "Fix it", Safe: safe, Edits: []lint.Edit{{Span: lint.Span{Start: start, End: end}, New: repl, Raw: true}}}
		var buf bytes.Buffer
		if err := RenderFix(&buf, src, &lint.Finding{Fix: fx}, false); err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(buf.Bytes(), []byte("\x1b")) {
			t.Fatalf("escape in output: %q", buf.Bytes())
		}
		if err := RenderFix(&buf, src, &lint.Finding{Fix: fx}, true); err != nil {
			t.Fatal(err)
		}
	})
}
