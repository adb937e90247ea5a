package format

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/lint"
	"copydesk/lint/parse"
	"copydesk/rules"
)

// writeBoth writes rs with the text formatter and with the reference one
// (refimpl_test.go) under the same options.
func writeBoth(t testing.TB, o Options, rs []lint.FileResult) (got, want []byte) {
	t.Helper()
	var g, w bytes.Buffer
	if err := Write(NewText(&g, o), rs); err != nil {
		t.Fatal(err)
	}
	if err := Write(refNewText(&w, o), rs); err != nil {
		t.Fatal(err)
	}
	return g.Bytes(), w.Bytes()
}

// checkJSONFiles checks that each file's JSON is what encoding/json writes
// for JSONFileOf (as JSON.File did before it appended by hand).
func checkJSONFiles(t testing.TB, rs []lint.FileResult) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	for i := range rs {
		buf.Reset()
		if err := enc.Encode(JSONFileOf(&rs[i])); err != nil {
			t.Fatal(err)
		}
		want := bytes.TrimRight(buf.Bytes(), "\n")
		if got := appendJSONFile(nil, &rs[i]); !bytes.Equal(got, want) {
			t.Fatalf("%s: JSON differs %s", rs[i].Path, firstDiff(got, want))
		}
	}
}

// checkCI checks that the SARIF, GitHub, Checkstyle and JUnit formatters
// write what they wrote before they appended by hand (the ref* formatters
// of refimpl_test.go).
func checkCI(t testing.TB, rs []lint.FileResult) {
	t.Helper()
	o := Options{Version: "1.0", Rules: []lint.Meta{
		{ID: "a", Summary: "A", Severity: lint.Error, Default: true, Fixable: true},
		{ID: "unattributed-claim", Summary: "U", Severity: lint.Warning},
		{ID: "scrape-debris", Summary: "S", Severity: lint.Info, Fixable: true},
	}}
	for _, c := range []struct {
		name      string
		new, prev Factory
	}{
		{"sarif", NewSARIF, refNewSARIF},
		{"github", NewGitHub, refNewGitHub},
		{"checkstyle", NewCheckstyle, refNewCheckstyle},
		{"junit", NewJUnit, refNewJUnit},
	} {
		var got, want bytes.Buffer
		if err := Write(c.new(&got, o), rs); err != nil {
			t.Fatal(err)
		}
		if err := Write(c.prev(&want, o), rs); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Fatalf("%s differs %s", c.name, firstDiff(got.Bytes(), want.Bytes()))
		}
	}
}

// firstDiff describes where two outputs part.
func firstDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(0, i-200)
	return "at byte " + strconv.Itoa(i) + ":\ngot:  " + string(got[lo:min(len(got), i+200)]) + "\nwant: " + string(want[lo:min(len(want), i+200)])
}

var textOptions = []Options{
	{},
	{Color: true},
	{ShowSuppressed: true},
	{Color: true, ShowSuppressed: true},
}

// lintTree lints the drafts under dir with the default built-in rules and
// the test rules.
func lintTree(t testing.TB, dir string) []lint.FileResult {
	t.Helper()
	var active []lint.Active
	for _, r := range rules.All() {
		if m := r.Meta(); m.Default {
			active = append(active, lint.Active{Rule: r, Severity: m.Severity})
		}
	}
	run := &lint.Runner{Parse: parse.Parse, Rules: func(string) ([]lint.Active, error) { return active, nil }}
	var rs []lint.FileResult
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		switch filepath.Ext(p) {
		case ".txt", ".md", ".markdown", ".html", ".htm", ".golden":
		default:
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rs = append(rs, run.Lint(p, src))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// TestTextMatchesReference checks that the text formatter writes the same
// bytes as before its rewrite, over the repository's test drafts (and the
// shared article corpus when it is there), with and without colour.
func TestTextMatchesReference(t *testing.T) {
	sets := map[string][]lint.FileResult{"testdata": lintTree(t, "../../testdata")}
	if corpus := os.Getenv("COPYDESK_CORPUS"); corpus != "" {
		sets["corpus"] = lintTree(t, corpus)
	} else if _, err := os.Stat("../../../shared/corpus/articles"); err == nil {
		sets["corpus"] = lintTree(t, "../../../shared/corpus/articles")
	}
	for name, rs := range sets {
		checkJSONFiles(t, rs)
		checkCI(t, rs)
		for _, o := range textOptions {
			got, want := writeBoth(t, o, rs)
			if !bytes.Equal(got, want) {
				t.Errorf("%s %+v: output differs %s", name, o, firstDiff(got, want))
			}
		}
	}
}

// FuzzTextMatchesReference lints any draft with phrase rules and checks
// that the text report is the one the reference formatter writes.
func FuzzTextMatchesReference(f *testing.F) {
	f.Add("Headline\n\nThe café is said to shut.\tReportedly, Read more.\n", "is said to", "Read more", "eportedly", "x")
	f.Add("\uFEFFreportedly so\r\nRead more\rnext\r\n", "reportedly", "Read more\r", "so", "")
	f.Add(strings.Repeat("word\tis said to ", 300)+"\n", "is said to", "word", "\t", "  ")
	f.Add("A\x1b[31m reportedly\u0085 x\n\nRead more\n\n\nRead more\n", "reportedly", "Read more\n", "\n\n", "↵")
	f.Fuzz(func(t *testing.T, src, p1, p2, p3, repl string) {
		if len(src) > 1<<16 || p1 == "" || p2 == "" || p3 == "" {
			return
		}
		active := []lint.Active{
			{Rule: fuzzRule{id: "a", phrase: p1, related: p3}, Severity: lint.Error},
			{Rule: fuzzRule{id: "b", phrase: p2, fix: &lint.Fix{Message: "Fix\x1b it", Edits: []lint.Edit{{New: repl}}}}, Severity: lint.Warning},
			{Rule: fuzzRule{id: "c", phrase: p3, fix: &lint.Fix{Message: "Drop", Safe: true, Edits: []lint.Edit{{New: ""}}}}, Severity: lint.Info},
			{Rule: fuzzRule{id: "d", phrase: p1, fix: &lint.Fix{Message: "Add", Edits: []lint.Edit{{New: repl}}}, insert: true}, Severity: lint.Info},
		}
		run := &lint.Runner{Parse: parse.Parse, Rules: func(string) ([]lint.Active, error) { return active, nil }}
		r := run.Lint("draft.md", []byte(src))
		if r.Doc == nil {
			return
		}
		if len(r.Findings) > 0 {
			// A suppressed copy, to cover --show-suppressed.
			r.Suppressed = []lint.Suppressed{{Finding: r.Findings[0], Kind: lint.InSource, Reason: "ok\x07"}}
		}
		rs := []lint.FileResult{r, {Path: "bad\x1b.txt", Err: os.ErrNotExist}}
		r.Suppressed = append(r.Suppressed, lint.Suppressed{Finding: lint.Finding{Rule: "x\u2028", Message: "\xff\b<&>"}, Kind: lint.External, Baseline: true})
		checkJSONFiles(t, append(rs, r))
		checkCI(t, append(rs, r))
		for _, o := range textOptions {
			got, want := writeBoth(t, o, rs)
			if !bytes.Equal(got, want) {
				t.Fatalf("%+v: output differs %s", o, firstDiff(got, want))
			}
		}
	})
}

// fuzzRule reports every occurrence of a phrase in the text, with the
// occurrences of another as related locations, and with a fix replacing
// the phrase (or inserting before it).
type fuzzRule struct {
	id, phrase, related string
	fix                 *lint.Fix
	insert              bool
}

func (r fuzzRule) Meta() lint.Meta {
	return lint.Meta{ID: r.id, Summary: "test", Doc: "test", Severity: lint.Warning, Default: true}
}

func (r fuzzRule) Check(p *lint.Pass) error {
	text := p.Doc.Text
	for off, n := 0, 0; n < 200; n++ {
		i := strings.Index(text[off:], r.phrase)
		if i < 0 {
			return nil
		}
		s := lint.Span{Start: off + i, End: off + i + len(r.phrase)}
		f := lint.Finding{Span: s, Message: "found \"" + r.phrase + "\""}
		if r.fix != nil {
			es := s
			if r.insert {
				es.End = es.Start
			}
			f.Fix = &lint.Fix{Message: r.fix.Message, Safe: r.fix.Safe, Edits: []lint.Edit{{Span: es, New: r.fix.Edits[0].New}}}
		}
		if r.related != "" {
			for o, k := 0, 0; k < 5; k++ {
				j := strings.Index(text[o:], r.related)
				if j < 0 {
					break
				}
				f.Related = append(f.Related, lint.Related{Span: lint.Span{Start: o + j, End: o + j + len(r.related)}, Message: "here\x1b"})
				o += j + len(r.related)
			}
		}
		p.Report(f)
		off = s.End
	}
	return nil
}

// FuzzRenderFixMatchesReference checks that a fix of up to three edits
// over any source renders as the reference renderer does.
func FuzzRenderFixMatchesReference(f *testing.F) {
	f.Add([]byte("Marwick\n\nRead more\nnext\n"), 9, 19, "", 0, 0, "x", 30, 30, "\n", true)
	f.Add([]byte("The councilâ€™s plan.\r\n"), 11, 17, "’", 0, 4, "A", 20, 20, "", false)
	f.Add([]byte("a\x1b[31mb\nc\td\n\ne\n"), 0, 1, "\x1b", 2, 2, "\xff", 5, 9, "q\nr\n", true)
	f.Add([]byte("one\ntwo\nthree\nfour\n"), 0, 8, "", 8, 8, "zero\n", 14, 19, "five\nsix\n", false)
	f.Add([]byte(strings.Repeat("word ", 500)+"\n"), 1200, 1210, "", 1300, 1300, " x", 2400, 2405, "y", true)
	f.Fuzz(func(t *testing.T, src []byte, s1, e1 int, n1 string, s2, e2 int, n2 string, s3, e3 int, n3 string, safe bool) {
		if len(src) > 2<<10 || len(n1)+len(n2)+len(n3) > 256 {
			return // go-diff without a deadline is slow on long random texts
		}
		edits := []lint.Edit{{Span: lint.Span{Start: s1, End: e1}, New: n1}}
		if s2 != 0 || e2 != 0 {
			edits = append(edits, lint.Edit{Span: lint.Span{Start: s2, End: e2}, New: n2})
		}
		if s3 != 0 || e3 != 0 {
			edits = append(edits, lint.Edit{Span: lint.Span{Start: s3, End: e3}, New: n3})
		}
		fd := &lint.Finding{Fix: &lint.Fix{Message: "Fix\tit\r", Safe: safe, Edits: edits}}
		for _, c := range []bool{false, true} {
			var got, want bytes.Buffer
			if err := RenderFix(&got, src, fd, c); err != nil {
				t.Fatal(err)
			}
			if err := refRenderFix(&want, src, fd, c); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("colour %v: got\n%q\nwant\n%q", c, got.Bytes(), want.Bytes())
			}
		}
	})
}

// FuzzXMLEscape checks appendXML against encoding/xml's EscapeText.
func FuzzXMLEscape(f *testing.F) {
	f.Add("a<b>&\"'\t\n\r\x00\x7f\uFFFD\xff\uFFFE\U0001F600\ud7ff")
	f.Fuzz(func(t *testing.T, s string) {
		var want bytes.Buffer
		_ = xml.EscapeText(&want, []byte(s))
		if got := appendXML(nil, s); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("appendXML(%q) = %q, want %q", s, got, want.Bytes())
		}
	})
}

// TestRepeatedFixesMatchReference covers the word diffs RenderFix
// remembers: twenty different replacements, each many times, on one long
// line and on short ones.
func TestRepeatedFixesMatchReference(t *testing.T) {
	var words []string
	var active []lint.Active
	for i := range 20 {
		w := "wörd" + strconv.Itoa(i) + "x"
		words = append(words, w)
		active = append(active, lint.Active{Rule: fuzzRule{id: "r" + strconv.Itoa(i), phrase: w,
			fix: &lint.Fix{Message: "Fix", Edits: []lint.Edit{{New: "w" + strconv.Itoa(i%7) + "rd"}}}}, Severity: lint.Warning})
	}
	var long, short strings.Builder
	long.WriteString("Headline\n\n")
	short.WriteString("Headline\n\n")
	for k := range 400 {
		long.WriteString("The " + words[(k*7)%20] + " of Marwick. ")
		short.WriteString("The " + words[(k*3)%20] + " of Kelbridge.\n")
	}
	long.WriteString("\n")
	run := &lint.Runner{Parse: parse.Parse, Rules: func(string) ([]lint.Active, error) { return active, nil }}
	rs := []lint.FileResult{run.Lint("long.txt", []byte(long.String())), run.Lint("short.md", []byte(short.String()))}
	for _, o := range textOptions {
		got, want := writeBoth(t, o, rs)
		if !bytes.Equal(got, want) {
			t.Errorf("%+v: output differs %s", o, firstDiff(got, want))
		}
	}
}

// FuzzCountRunes checks countRunes against utf8.RuneCount, and that its
// marks are where those characters start.
func FuzzCountRunes(f *testing.F) {
	f.Add([]byte("plain ascii text that is long enough to take eight bytes at a time"))
	f.Add([]byte("caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d \xff\xfe bytes \xe2\x82"))
	f.Fuzz(func(t *testing.T, b []byte) {
		n, marks := countRunes(b, nil, true)
		if want := utf8.RuneCount(b); n != want {
			t.Fatalf("countRunes = %d, want %d", n, want)
		}
		for _, m := range marks {
			if got := utf8.RuneCount(b[:m.off]); got != m.r {
				t.Fatalf("mark %+v: %d characters before it", m, got)
			}
		}
	})
}
