package pack_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/lint"
	"copydesk/lint/pack"
	"copydesk/lint/parse"
)

// packDrafts are linted with every pack that loads: the three formats and
// the tricky shapes (CRLF, BOM, entities, front matter, quotes that never
// close, multi-byte text).
var packDrafts = []struct{ path, src string }{
	{"a.txt", "Mayor SLAMS DEPOT PLAN in Marwick\n\nRates rise 4 percent, stakeholders said. “Going forward we will touch base,” Ana Ruiz said.\n"},
	{"b.txt", "\uFEFFFire fighters blast Kelbridge plan\r\n\r\nThe e-mail says work is under-way.\rA lone CR line, very very very small.\r\n"},
	{"c.md", "---\ntitle: \"Council set to close library\"\n---\n\n# Council *set* to close\n\n> “Stakeholders **percent** — café\n\n- item `percent` [web site](http://example.invalid/percent)\n"},
	{"d.html", "<title>Hale Cross &amp; Ashby Vale</title><h1>Dunmere poised to&nbsp;act</h1><p>Rates rose 9&#160;percent. caf&eacute; &ldquo;synergies<p>unclosed <b>per<i>cent</b></i></p>"},
	{"e.txt", strings.Repeat("a", 2000) + "\n\n" + strings.Repeat("é", 500) + "\n"},
}

// FuzzPackLoad writes arbitrary bytes to a pack file and loads it as
// copydesk does: no panic, and every error starts with the file name. The
// rules of a pack that loads run over a few drafts in each format: every
// span they report lies inside Text on character boundaries, resolved
// positions agree with Source, and applying their safe fixes either
// converges or is refused whole (ErrNoConvergence, draft unchanged).
func FuzzPackLoad(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "packs", "*.toml"))
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	docs := make([]*lint.Document, len(packDrafts))
	for i, d := range packDrafts {
		doc, err := parse.Parse(d.path, []byte(d.src))
		if err != nil {
			f.Fatal(err)
		}
		docs[i] = doc
	}
	path := filepath.Join(f.TempDir(), "house.toml")
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := pack.LoadFile(path)
		if err != nil {
			namesPack(t, path, err)
			return
		}
		_ = pack.CheckExamples(p.Rules, parse.Parse)
		var active []lint.Active
		for _, r := range p.Rules {
			m := r.Meta()
			if !strings.HasPrefix(m.ID, p.Name+"/") || !lint.ValidID(m.ID) {
				t.Fatalf("rule ID %q is not %s/<kebab-case>", m.ID, p.Name)
			}
			active = append(active, lint.Active{Rule: r, Severity: lint.Error})
		}
		for i, d := range packDrafts {
			doc := docs[i]
			for _, a := range active {
				id := a.Rule.Meta().ID
				pass := lint.NewPass(doc, id, a.Severity, func(f lint.Finding) {
					spanInText(t, doc, id, f.Span)
					if f.Fix != nil {
						for _, e := range f.Fix.Edits {
							if !e.Raw {
								spanInText(t, doc, id, e.Span)
							}
						}
					}
				})
				if err := a.Rule.Check(pass); err != nil {
					t.Fatalf("%s %s: %v", d.path, id, err)
				}
			}
			fs, err := lint.CheckDocument(doc, active)
			if err != nil {
				t.Fatalf("%s: %v", d.path, err)
			}
			for _, fd := range fs {
				checkPos(t, doc, fd.Rule, fd.Source, fd.Start, fd.End)
				if fd.Fix != nil {
					for _, e := range fd.Fix.Edits {
						checkPos(t, doc, fd.Rule, e.Span, e.Start, e.End)
					}
				}
			}
			check := func(src []byte) ([]lint.Finding, error) {
				doc, err := parse.Parse(d.path, src)
				if err != nil {
					return nil, err
				}
				return lint.CheckDocument(doc, active)
			}
			fixed, _, _, err := lint.FixUntilStable(doc.Source, check, false, 0)
			switch {
			case err == nil:
				if !utf8.Valid(fixed) {
					t.Fatalf("%s: fixed draft is not UTF-8: %q", d.path, fixed)
				}
			case errors.Is(err, lint.ErrNoConvergence):
				if string(fixed) != string(doc.Source) {
					t.Fatalf("%s: no convergence, yet the draft changed", d.path)
				}
			default:
				t.Fatalf("%s: fixing: %v", d.path, err)
			}
		}
	})
}

func spanInText(t *testing.T, doc *lint.Document, id string, s lint.Span) {
	t.Helper()
	if s.Start < 0 || s.End > len(doc.Text) || s.Start > s.End {
		t.Fatalf("%s %s: span %v outside Text (%d bytes)", doc.Path, id, s, len(doc.Text))
	}
	for _, off := range []int{s.Start, s.End} {
		if off < len(doc.Text) && !utf8.RuneStart(doc.Text[off]) {
			t.Fatalf("%s %s: span %v cuts a character", doc.Path, id, s)
		}
	}
}

// checkPos checks a resolved Source span and its positions against a
// count from the start of Source.
func checkPos(t *testing.T, doc *lint.Document, id string, s lint.Span, start, end lint.Position) {
	t.Helper()
	src := doc.Source
	if s.Start < 0 || s.End > len(src) || s.Start > s.End {
		t.Fatalf("%s %s: source span %v outside Source (%d bytes)", doc.Path, id, s, len(src))
	}
	for _, p := range []struct {
		got lint.Position
		off int
	}{{start, s.Start}, {end, s.End}} {
		if p.off < len(src) && !utf8.RuneStart(src[p.off]) {
			t.Fatalf("%s %s: source span %v cuts a character", doc.Path, id, s)
		}
		line, ls := 1, 0
		for i := 0; i < p.off; i++ {
			if src[i] == '\n' || src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
				line, ls = line+1, i+1
			}
		}
		if line == 1 && strings.HasPrefix(string(src), "\uFEFF") && p.off >= 3 {
			ls = 3
		}
		want := lint.Position{Offset: p.off, Line: line, Column: utf8.RuneCount(src[ls:p.off]) + 1}
		if p.got != want {
			t.Fatalf("%s %s: position %+v, counted from Source %+v", doc.Path, id, p.got, want)
		}
	}
}

// namesPack fails unless every error joined in err starts with the pack's
// file name.
func namesPack(t *testing.T, path string, err error) {
	t.Helper()
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range j.Unwrap() {
			namesPack(t, path, e)
		}
		return
	}
	if !strings.HasPrefix(err.Error(), path) {
		t.Fatalf("error does not start with the file name %s: %q", path, err)
	}
}
