package pack

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"copydesk/lint"
)

// FuzzParse feeds arbitrary pack files to the loader and runs whatever
// loads over a small draft: no input may panic, and every error must carry
// the file name.
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob("../../testdata/packs/*.toml")
	for _, p := range paths {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("pack = \"p\"\n[[rule]]\nid = \"x\"\nkind = \"count\"\nsummary = \"s\"\nmessage = \"{count}\"\nphrases = [\"a\"]\nlimit = 1\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := Parse("f.toml", data)
		if err != nil {
			if len(err.Error()) < len("f.toml") || err.Error()[:6] != "f.toml" {
				t.Fatalf("error without file name: %v", err)
			}
			return
		}
		text := "Mayor slams plan\n\nThe PERCENT rise is very, very small. “Stakeholders” said so at 9 pm.\n"
		b := lint.NewBuilder("d.txt", lint.Plain, []byte(text))
		b.OpenBlock(lint.Heading, "h1")
		b.Verbatim(0, 16)
		b.MarkHeadline()
		b.CloseBlock()
		b.Synthetic("\n\n")
		b.OpenBlock(lint.Paragraph, "p")
		b.Verbatim(18, len(text))
		doc := b.Finish()
		for _, r := range p.Rules {
			pass := lint.NewPass(doc, r.Meta().ID, lint.Warning, func(f lint.Finding) {
				if f.Span.Start < 0 || f.Span.End > len(doc.Text) || f.Span.Start > f.Span.End ||
					!utf8.ValidString(doc.Text[f.Span.Start:f.Span.End]) {
					t.Fatalf("%s: bad span %v", r.Meta().ID, f.Span)
				}
			})
			if err := r.Check(pass); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// FuzzMatcher checks the phrase matcher against arbitrary text: matches are
// in bounds, on rune boundaries, in order and non-overlapping.
func FuzzMatcher(f *testing.F) {
	f.Add("fire fighters", "The Fire\n fighters’ fire fighter")
	f.Add("é", "\xff\xfeé")
	f.Fuzz(func(t *testing.T, phrase, text string) {
		n := normalizePhrase(phrase)
		if n == "" || !utf8.ValidString(text) { // documents are valid UTF-8

			return
		}
		m := newMatcher([]string{n})
		last := 0
		m.find(text, 0, len(text), func(mt match) {
			if mt.start < last || mt.end <= mt.start || mt.end > len(text) {
				t.Fatalf("bad match %+v after %d", mt, last)
			}
			if !utf8.RuneStart(text[mt.start]) || (mt.end < len(text) && !utf8.RuneStart(text[mt.end])) {
				t.Fatalf("match %+v cuts a rune", mt)
			}
			last = mt.end
		})
	})
}
