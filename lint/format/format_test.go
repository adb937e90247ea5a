package format_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/lint"
	"copydesk/lint/format"
	"copydesk/lint/linttest"
	"copydesk/lint/parse"
)

// phraseRule is a test-only rule reporting every occurrence of a phrase.
type phraseRule struct {
	id, phrase string
	sev        lint.Severity
	fix        *lint.Fix // New of the single edit; span filled per match
	related    string    // another phrase to cite as related locations
}

func (r phraseRule) Meta() lint.Meta {
	return lint.Meta{ID: r.id, Summary: "test", Doc: "test", Severity: r.sev, Default: true}
}

func (r phraseRule) Check(p *lint.Pass) error {
	text := strings.ReplaceAll(p.Doc.Text, "\n", " ") // same offsets; phrases may span lines
	for off := 0; ; {
		i := strings.Index(text[off:], r.phrase)
		if i < 0 {
			return nil
		}
		s := lint.Span{Start: off + i, End: off + i + len(r.phrase)}
		f := lint.Finding{Span: s, Message: "found \"" + r.phrase + "\""}
		if r.fix != nil {
			f.Fix = &lint.Fix{Message: r.fix.Message, Safe: r.fix.Safe, Edits: []lint.Edit{{Span: s, New: r.fix.Edits[0].New}}}
		}
		if r.related != "" {
			for o := 0; ; {
				j := strings.Index(text[o:], r.related)
				if j < 0 {
					break
				}
				f.Related = append(f.Related, lint.Related{Span: lint.Span{Start: o + j, End: o + j + len(r.related)}, Message: "hedge here"})
				o += j + len(r.related)
			}
		}
		p.Report(f)
		off = s.End
	}
}

var testRules = []lint.Active{
	{Rule: phraseRule{id: "said-to", phrase: "is said to", sev: lint.Error, related: "reportedly"}, Severity: lint.Error},
	{Rule: phraseRule{id: "hedge-word", phrase: "reportedly", sev: lint.Warning,
		fix: &lint.Fix{Message: "Drop the hedge", Edits: []lint.Edit{{New: "(hedge)"}}}}, Severity: lint.Warning},
	{Rule: phraseRule{id: "read-more", phrase: "Read more", sev: lint.Info,
		fix: &lint.Fix{Message: "Remove the link text", Safe: true, Edits: []lint.Edit{{New: ""}}}}, Severity: lint.Info},
}

func results(t testing.TB) []lint.FileResult {
	t.Helper()
	src, err := os.ReadFile("../../testdata/format/draft.md")
	if err != nil {
		t.Fatal(err)
	}
	r := &lint.Runner{Parse: parse.Parse, Rules: func(string) ([]lint.Active, error) { return testRules, nil }}
	return []lint.FileResult{
		r.Lint("testdata/format/draft.md", src),
		r.Lint("clean.txt", []byte("Council approves budget\n\nThe budget passed.\n")),
		{Path: "broken.txt", Err: errors.New("broken.txt: invalid UTF-8 at line 2")},
	}
}

func render(t *testing.T, name string, o format.Options, rs []lint.FileResult) string {
	t.Helper()
	mk, ok := format.Lookup(name)
	if !ok {
		t.Fatalf("no format %q", name)
	}
	var buf bytes.Buffer
	if err := format.Write(mk(&buf, o), rs); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("../../testdata/format", name)
	if *linttest.Update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./lint/format -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s mismatch\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestGolden(t *testing.T) {
	// These goldens pin this file's layout; fix views have their own.
	saved := format.DefaultFixRenderer
	format.DefaultFixRenderer = nil
	defer func() { format.DefaultFixRenderer = saved }()
	rs := results(t)
	golden(t, "text.golden", render(t, "text", format.Options{}, rs))
	golden(t, "text-color.golden", render(t, "text", format.Options{Color: true}, rs))
	golden(t, "json.golden", render(t, "json", format.Options{}, rs))
}

func TestTextHasNoColorWhenOff(t *testing.T) {
	if out := render(t, "text", format.Options{}, results(t)); strings.Contains(out, "\x1b[") {
		t.Error("escape sequences without Color")
	}
	if out := render(t, "text", format.Options{Color: true}, results(t)); !strings.Contains(out, "\x1b[") {
		t.Error("no escape sequences with Color")
	}
}

func TestJSONShape(t *testing.T) {
	out := render(t, "json", format.Options{}, results(t))
	var doc struct {
		Version int
		Files   []struct {
			Path     string
			Findings []map[string]any
			Error    *string
		}
		Summary format.Summary
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != 1 || len(doc.Files) != 3 {
		t.Fatalf("version %d, %d files", doc.Version, len(doc.Files))
	}
	if doc.Files[1].Findings == nil || len(doc.Files[1].Findings) != 0 || doc.Files[1].Error != nil {
		t.Errorf("clean file: %+v", doc.Files[1])
	}
	if doc.Files[2].Error == nil || *doc.Files[2].Error != "invalid UTF-8 at line 2" {
		t.Errorf("broken file: %+v", doc.Files[2])
	}
	want := format.Summary{Files: 3, Findings: 6, Errors: 1, Warnings: 3, Info: 2, FileErrors: 1}
	if doc.Summary != want {
		t.Errorf("summary %+v, want %+v", doc.Summary, want)
	}
	// Offsets are source bytes: they slice the source to the flagged text.
	src, _ := os.ReadFile("../../testdata/format/draft.md")
	for _, f := range doc.Files[0].Findings {
		off, end := int(f["offset"].(float64)), int(f["end_offset"].(float64))
		if got := string(src[off:end]); !strings.Contains(f["message"].(string), got) {
			t.Errorf("offsets %d-%d give %q for %q", off, end, got, f["message"])
		}
		if _, ok := f["fix"]; !ok {
			t.Error("fix key missing")
		}
	}
	empty := render(t, "json", format.Options{}, nil)
	if !strings.Contains(empty, `"files": [],`) {
		t.Errorf("no files: %s", empty)
	}
}

func TestSummaryLine(t *testing.T) {
	tests := []struct {
		s    format.Summary
		want string
	}{
		{format.Summary{}, "No findings in 0 files"},
		{format.Summary{Files: 1}, "No findings in 1 file"},
		{format.Summary{Files: 3, Findings: 1, Errors: 1}, "1 finding (1 error, 0 warnings, 0 info) in 3 files"},
		{format.Summary{Files: 2, Findings: 4, Errors: 2, Warnings: 1, Info: 1}, "4 findings (2 errors, 1 warning, 1 info) in 2 files"},
		{format.Summary{Files: 2, FileErrors: 1}, "No findings in 2 files; 1 file error"},
		{format.Summary{Files: 3, Findings: 2, Warnings: 2, FileErrors: 2}, "2 findings (0 errors, 2 warnings, 0 info) in 3 files; 2 file errors"},
	}
	for _, tt := range tests {
		if got := format.SummaryLine(tt.s); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct {
		name, src, phrase, want string
	}{
		{"multi-byte", "Café owners reportedly agreed.\n", "reportedly",
			"  1 | Café owners reportedly agreed.\n    |             ^^^^^^^^^^\n"},
		{"tab", "A\tB reportedly C\n", "reportedly",
			"  1 | A   B reportedly C\n    |       ^^^^^^^^^^\n"},
		{"BOM and CRLF", "\uFEFFreportedly so\r\n", "reportedly",
			"  1 | reportedly so\n    | ^^^^^^^^^^\n"},
		{"control character", "A\x1b[31m reportedly\n", "reportedly",
			"  1 | A\uFFFD[31m reportedly\n    |        ^^^^^^^^^^\n"},
		{"multi-line span", "Headline\n\nOne reportedly\nsaid two.\n", "reportedly said",
			"  3 | One reportedly\n    |     ^^^^^^^^^^\n"},
		{"long line", strings.Repeat("word ", 60) + "reportedly " + strings.Repeat("more ", 40) + "\n", "reportedly",
			"  1 | …word word word word word reportedly more more more more more more more more more more more more more…\n" +
				"    |                           ^^^^^^^^^^\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &lint.Runner{Parse: parse.Parse, Rules: func(string) ([]lint.Active, error) {
				return []lint.Active{{Rule: phraseRule{id: "p", phrase: tt.phrase, sev: lint.Warning}, Severity: lint.Warning}}, nil
			}}
			res := r.Lint("a.txt", []byte(tt.src))
			if res.Err != nil || len(res.Findings) != 1 {
				t.Fatalf("err %v, %d findings", res.Err, len(res.Findings))
			}
			out := render(t, "text", format.Options{}, []lint.FileResult{res})
			lines := strings.SplitN(out, "\n", 2)
			if !strings.HasPrefix(lines[1], tt.want) {
				t.Errorf("got\n%s\nwant\n%s", lines[1], tt.want)
			}
		})
	}
}

// TestTextLongLine writes the text report of a 1 MB single-line draft with
// thousands of findings: every finding gets its header, a cut excerpt and
// its fix view, and no line of the report is wider than a short line's.
func TestTextLongLine(t *testing.T) {
	rs := []lint.FileResult{longLineResult(t, 1<<20)}
	n := len(rs[0].Findings)
	if n < 30000 {
		t.Fatalf("%d findings, want the test draft to have over 30,000", n)
	}
	out := render(t, "text", format.Options{}, rs)
	lines := strings.Split(out, "\n")
	headers, fixes := 0, 0
	for i, line := range lines {
		if w := utf8.RuneCountInString(line); w > 160 {
			t.Fatalf("line %d is %d characters wide: %.200s…", i+1, w, line)
		}
		if strings.HasPrefix(line, "long.txt:3:") {
			headers++
		}
		if strings.HasPrefix(line, "    fix: ") {
			fixes++
			if next := lines[i+1]; !strings.HasPrefix(next, "        ") || !strings.Contains(next, "…") || !strings.Contains(next, "[-") {
				t.Fatalf("line %d: want a cut word diff, got %q", i+2, next)
			}
		}
	}
	if headers != n || fixes != 2*n/3 {
		t.Errorf("%d finding headers and %d fix views for %d findings", headers, fixes, n)
	}
	if !strings.HasSuffix(out, fmt.Sprintf("%d findings (%d errors, %d warnings, %d info) in 1 file\n", n, n/3, n/3, n/3)) {
		t.Errorf("summary: %q", out[strings.LastIndexByte(out[:len(out)-1], '\n')+1:])
	}
}

func TestErrorText(t *testing.T) {
	err := errors.Join(
		errors.New("a.md: rule x panicked: boom\ngoroutine 7 [running]:\nruntime/debug.Stack()\n\t/go/src/x.go:1"),
		errors.New("a.md: rule y: no lexicon"))
	if got := format.ErrorText("a.md", err); got != "rule x panicked: boom; rule y: no lexicon" {
		t.Errorf("got %q", got)
	}
	// The file is named once: a position after its name moves into the
	// message.
	for _, tc := range []struct{ path, err, want string }{
		{"d/latin1.txt", "d/latin1.txt:1:12: invalid UTF-8 (byte 0xE9 at offset 11)", "invalid UTF-8 at line 1, column 12 (byte 0xE9 at offset 11)"},
		{"<stdin>", "<stdin>:3:1: invalid UTF-8 (byte 0xFF at offset 9)", "invalid UTF-8 at line 3, column 1 (byte 0xFF at offset 9)"},
		{"a.md", "a.md:7: bad line", "bad line at line 7"},
		{"a.md", "a.md: binary file (NUL byte at line 3, column 1, offset 8)", "binary file (NUL byte at line 3, column 1, offset 8)"},
		{"a.md", "a.md: binary file: UTF-16 is not supported; convert to UTF-8", "binary file: UTF-16 is not supported; convert to UTF-8"},
		{"a.md", "too many levels of symbolic links", "too many levels of symbolic links"},
		{"a.md", "not linted: .copydesk.toml:3: rule.x.sevrity: unknown key\n.copydesk.toml:5: [rule.y]: unknown rule \"y\"",
			"not linted: .copydesk.toml:3: rule.x.sevrity: unknown key; .copydesk.toml:5: [rule.y]: unknown rule \"y\""},
		{"a.md", "a.md:x: not a position", "a.md:x: not a position"},
		{"a.md", "a.md:12:", "a.md:12:"},
		{"a.md", "a.md:12:3:4: three numbers", "a.md:12:3:4: three numbers"},
	} {
		if got := format.ErrorText(tc.path, errors.New(tc.err)); got != tc.want {
			t.Errorf("ErrorText(%q, %q) = %q, want %q", tc.path, tc.err, got, tc.want)
		}
	}
}

func TestFixRenderer(t *testing.T) {
	var seen []string
	o := format.Options{RenderFix: func(w io.Writer, src []byte, f *lint.Finding, color bool) error {
		seen = append(seen, f.Fix.Message)
		_, err := io.WriteString(w, "    <diff>\n")
		return err
	}}
	out := render(t, "text", o, results(t))
	if len(seen) != 5 || strings.Count(out, "    <diff>\n") != 5 || strings.Contains(out, "fix:") {
		t.Errorf("renderer called for %q\n%s", seen, out)
	}
}
