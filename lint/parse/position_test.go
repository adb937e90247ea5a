package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"copydesk/lint"
)

// TestPositionMapping finds a word in Text and checks that it maps back to
// the exact source bytes and to the right line and column (in characters).
func TestPositionMapping(t *testing.T) {
	const bom = "\xEF\xBB\xBF"
	tests := []struct {
		name, path, src string
		word            string // in Text
		wantSrc         string // the source bytes it maps to; "" means word itself
		exact           bool
		line, col       int
	}{
		{"plain ascii", "a.txt", "Head\n\nThe council met.\n", "council", "", true, 3, 5},
		{"plain multibyte", "a.txt", "Café ’quote’ 🎉\n\nNé à Dunmère, ‘Okafor’ 🎉 said.\n", "Okafor", "", true, 3, 16},
		{"plain emoji", "a.txt", "H\n\n🎉🎉 party time\n", "party", "", true, 3, 4},
		{"plain crlf", "a.txt", "Head\r\n\r\nLine one\r\nline two here\r\n", "two", "", true, 4, 6},
		{"plain lone cr", "a.txt", "Head\r\rLine one\rline two here\r", "two", "", true, 4, 6},
		{"plain crlf newline", "a.txt", "Head\r\n\r\none\r\ntwo\r\n", "one\ntwo", "one\r\ntwo", true, 3, 1},
		{"plain bom", "a.txt", bom + "Héadline\n\nBody.\n", "Héadline", "", true, 1, 1},
		{"plain bom col", "a.txt", bom + "Big news today\n", "news", "", true, 1, 5},
		{"plain list marker", "a.txt", "H\n\n  - item text\n", "item", "", true, 3, 5},
		{"md emphasis", "a.md", "# Title\n\nA *bold* é claim.\n", "claim", "", true, 3, 12},
		{"md across emphasis", "a.md", "# T\n\nA *bold* move\n", "bold move", "bold* move", false, 3, 4},
		{"md entity", "a.md", "# T\n\nFish &amp; chips\n", "&", "&amp;", true, 3, 6},
		{"md entity word", "a.md", "# T\n\ncaf&eacute; owner\n", "café", "caf&eacute;", true, 3, 1},
		{"md escape", "a.md", "# T\n\nnot \\*em\\* here\n", "*em*", "\\*em\\*", true, 3, 5},
		{"md crlf", "a.md", "# Head\r\n\r\nFirst line\r\nsecond line\r\n", "second", "", true, 4, 1},
		{"md soft break", "a.md", "# Head\r\n\r\nFirst line\r\nsecond\r\n", "line\nsecond", "line\r\nsecond", true, 3, 7},
		{"md lone cr", "a.md", "# Head\r\rFirst line\rsecond line\r", "second", "", true, 4, 1},
		{"md bom", "a.md", bom + "# Head é\n\nBody.\n", "Head", "", true, 1, 3},
		{"md yaml title", "a.md", "---\nlayout: x\ntitle: Tram plan ’stalls’\n---\n\nBody.\n", "stalls", "", true, 3, 19},
		{"md yaml quoted title", "a.md", "---\ntitle: \"Tram \\\"plan\\\" \\u00e9 end\"\n---\nBody.\n", "end", "", true, 2, 30},
		{"md yaml escape", "a.md", "---\ntitle: \"Tram \\u00e9\"\n---\n", "é", "\\u00e9", true, 2, 14},
		{"md toml title", "a.md", "+++\ntitle = 'Kelbridge deal'\n+++\n", "deal", "", true, 2, 20},
		{"md body after front matter", "a.md", "---\ntitle: T\n---\n\nMarwick wins.\n", "wins", "", true, 5, 9},
		{"md list", "a.md", "- first\n- sécond item\n", "item", "", true, 2, 10},
		{"md blockquote", "a.md", "> quoted\n> more text\n", "more", "", true, 2, 3},
		{"md table", "a.md", "| A | B |\n|---|---|\n| Dunmère | x |\n", "Dunmère", "", true, 3, 3},
		{"md html block", "a.md", "# T\n\n<div>\nShare caf&eacute; now\n</div>\n", "now", "", true, 4, 19},
		{"md link text", "a.md", "See [the report](http://x) now\n", "report", "", true, 1, 10},
		{"html text", "a.html", "<p>Hello <b>wörld</b> again</p>", "again", "", true, 1, 23},
		{"html entity", "a.html", "<p>caf&eacute; &amp; bar</p>", "&", "&amp;", true, 1, 16},
		{"html numeric entity", "a.html", "<p>it&#8217;s &#x2014; ok</p>", "’", "&#8217;", true, 1, 6},
		{"html legacy entity", "a.html", "<p>&copy 2026</p>", "©", "&copy", true, 1, 4},
		{"html crlf", "a.html", "<p>one\r\ntwo</p>\r\n<p>three</p>", "three", "", true, 3, 4},
		{"html lone cr", "a.html", "<p>one\rtwo</p>\r<p>three</p>", "three", "", true, 3, 4},
		{"html bom", "a.html", bom + "<h1>Héad</h1>", "Héad", "", true, 1, 5},
		{"html multibyte", "a.html", "<p>🎉 “Quote” ’s</p>", "Quote", "", true, 1, 7},
		{"html across tag", "a.html", "<p>Hello <b>world</b></p>", "Hello world", "Hello <b>world", false, 1, 4},
		{"html title", "a.html", "<title>Marwick &amp; Kelbridge</title>", "Kelbridge", "", true, 1, 22},
		{"html br", "a.html", "<p>one<br>two</p>", "one\ntwo", "one<br>two", false, 1, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, tt.path, tt.src)
			i := strings.Index(doc.Text, tt.word)
			if i < 0 {
				t.Fatalf("%q not in Text %q", tt.word, doc.Text)
			}
			ss, exact := doc.SourceSpan(lint.Span{Start: i, End: i + len(tt.word)})
			want := tt.wantSrc
			if want == "" {
				want = tt.word
			}
			if got := string(doc.Source[ss.Start:ss.End]); got != want {
				t.Errorf("source bytes %q, want %q", got, want)
			}
			if exact != tt.exact {
				t.Errorf("exact = %v, want %v", exact, tt.exact)
			}
			pos := doc.Pos(ss.Start)
			if pos.Line != tt.line || pos.Column != tt.col {
				t.Errorf("position %d:%d, want %d:%d", pos.Line, pos.Column, tt.line, tt.col)
			}
		})
	}
}

// TestWordsMapBack checks, for every word of Text in the fixtures, that the
// source bytes it maps to are the word itself whenever the source has no
// markup, entity or escape there.
func TestWordsMapBack(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "parse", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Parse(f, src)
		if err != nil {
			t.Fatal(err)
		}
		checkDoc(t, doc)
		words := 0
		text := doc.Text
		for i := 0; i < len(text); {
			j := i
			for j < len(text) && !isWordByte(text[j]) {
				j++
			}
			k := j
			for k < len(text) && isWordByte(text[k]) {
				k++
			}
			if k > j {
				word := text[j:k]
				ss, exact := doc.SourceSpan(lint.Span{Start: j, End: k})
				got := string(src[ss.Start:ss.End])
				if strings.ContainsAny(got, "&\\<*_\r") {
					// decoded or crossing markup: must not claim exactness
					// unless it is a single replacement.
				} else if got != word || !exact {
					t.Errorf("%s: word %q at %d maps to %q (exact %v)", f, word, j, got, exact)
				}
				words++
			}
			i = k
		}
		if words < 250 {
			t.Errorf("%s: only %d words", f, words)
		}
	}
}

func isWordByte(c byte) bool {
	return c >= 0x80 || unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)) || c == '\''
}

// TestPosLongLine checks line and column on a long single line with
// multi-byte characters (Pos uses checkpoints inside long lines) against a
// plain count.
func TestPosLongLine(t *testing.T) {
	src := "\xEF\xBB\xBF" + strings.Repeat("Café “naïve” 🎉 déjà vu, ", 20000) + "\nsecond line é\r\n" + strings.Repeat("ü", 9000)
	doc := mustParse(t, "long.txt", src)
	for off := 0; off <= len(src); off += 9973 {
		for off < len(src) && !utf8.RuneStart(src[off]) {
			off++
		}
		line, col := lineCol([]byte(src), off)
		if p := doc.Pos(off); p.Line != line || p.Column != col {
			t.Fatalf("Pos(%d) = %d:%d, want %d:%d", off, p.Line, p.Column, line, col)
		}
	}
}

// BenchmarkPosLongLine measures a position lookup in the middle of a 600 KB
// single-line draft (checkpoints keep it O(4 KB), not O(line)).
func BenchmarkPosLongLine(b *testing.B) {
	src := strings.Repeat("Café “naïve” 🎉 déjà vu, ", 20000)
	doc, err := Parse("long.txt", []byte(src))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		doc.Pos(len(src) / 2)
	}
}
