package parse

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"copydesk/lint"
)

// Seeds besides testdata/fuzz/<FuzzName>/: the fixtures and a few hostile
// shapes.
var fuzzSeeds = []string{
	"",
	"Headline\n\nBody text. Mr. Hale said \"no.\" Then.\n",
	"\xEF\xBB\xBFHead\r\n\r\n- item\r\n  more\rlone\n",
	"---\ntitle: \"A \\u00e9 \\\"b\\\"\"\n---\n# H\n\n> q *e* [l](u) ![i](s) `c` <!-- x --> &amp; \\*\n",
	"+++\ntitle = 'x'\n+++\n| a | b |\n|---|---|\n| c | d |\n",
	"<title>T</title><h1>H &mdash;</h1><div>d<br>e<p>p<li>l<td>t</div><!-- c --><figure><figcaption>f</figcaption><img></figure>",
	"“‘nested’ «guil» ’90s rock 'n' roll councils' ‘a’",
	"<p><<<>>>&&&;;;&#;&#x;&#99999999999;</p>",
}

func addSeeds(f *testing.F, ext string) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "parse", "*"+ext))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

func fuzzParse(t *testing.T, path string, src []byte) {
	doc, err := Parse(path, src)
	if err != nil {
		if !errors.Is(err, ErrBinary) && !errors.Is(err, ErrEncoding) {
			t.Fatalf("unexpected error kind: %v", err)
		}
		if utf8.Valid(src) && !hasNUL(src) && (len(src) < 2 || src[0] != 0xFF && src[0] != 0xFE) {
			t.Fatalf("valid UTF-8 rejected: %v", err)
		}
		return
	}
	if string(doc.Source) != string(src) {
		t.Fatal("Source is not the input")
	}
	checkDoc(t, doc)
	// Parsing again into the memory the document releases gives the same
	// document.
	want := render(doc)
	doc.Release()
	again, _ := Parse(path, src)
	if got := render(again); got != want {
		t.Fatalf("parse into recycled memory differs:\n got %s\nwant %s", got, want)
	}
	// And again after the whole result is recycled, the Document too.
	r := lint.FileResult{Path: path, Doc: again}
	r.Release()
	third, _ := Parse(path, src)
	if got := render(third); got != want {
		t.Fatalf("parse into a recycled result differs:\n got %s\nwant %s", got, want)
	}
	third.Release()
}

func hasNUL(b []byte) bool {
	for _, c := range b {
		if c == 0 {
			return true
		}
	}
	return false
}

func FuzzParsePlain(f *testing.F) {
	addSeeds(f, ".txt")
	f.Fuzz(func(t *testing.T, src []byte) { fuzzParse(t, "fuzz.txt", src) })
}

func FuzzParseMarkdown(f *testing.F) {
	addSeeds(f, ".md")
	f.Fuzz(func(t *testing.T, src []byte) { fuzzParse(t, "fuzz.md", src) })
}

func FuzzParseHTML(f *testing.F) {
	addSeeds(f, ".html")
	f.Fuzz(func(t *testing.T, src []byte) { fuzzParse(t, "fuzz.html", src) })
}

func FuzzSentences(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, 0, len(s))
	}
	f.Add("Mr. Hale met Dr. Okafor at No. 10. “Yes.” Then… J. K. Rowling, e.g. not.", 0, 80)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		spans := Sentences(text, lint.Span{Start: start, End: end})
		lo, hi := max(start, 0), min(end, len(text))
		prev := lo
		for _, s := range spans {
			if s.Start < prev || s.End <= s.Start || s.End > hi {
				t.Fatalf("span %v out of order or outside [%d,%d) (prev %d)", s, lo, hi, prev)
			}
			if utf8.ValidString(text) && (!utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End])) {
				t.Fatalf("span %v cuts a character", s)
			}
			if isSpaceByteT(text[s.Start]) || isSpaceByteT(text[s.End-1]) {
				t.Fatalf("span %v not trimmed: %q", s, text[s.Start:s.End])
			}
			prev = s.End
		}
	})
}
