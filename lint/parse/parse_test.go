package parse

import (
	"reflect"
	"strings"
	"testing"

	"copydesk/lint"
)

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]lint.Format{
		"a.md": lint.Markdown, "b.MARKDOWN": lint.Markdown, "dir.x/c.html": lint.HTML, "d.HTM": lint.HTML,
		"e.txt": lint.Plain, "f": lint.Plain, "g.rst": lint.Plain, "-": lint.Plain,
	} {
		if got := FormatOf(path); got != want {
			t.Errorf("FormatOf(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestParseBlocks(t *testing.T) {
	P, H, T, L, Q, C, X, O := lint.Paragraph, lint.Heading, lint.Title, lint.ListItem, lint.Quote, lint.Cell, lint.Caption, lint.Other
	tests := []struct {
		name, path, src string
		headline        int
		want            []blockView
	}{
		{"plain basic", "a.txt", "Headline here\n\nFirst para\nwraps here.\n\nSecond.\n", 0,
			[]blockView{{H, "headline", "Headline here"}, {P, "p", "First para\nwraps here."}, {P, "p", "Second."}}},
		{"plain leading blanks", "a.txt", "\n \n  Headline\nBody right after.\n", 0,
			[]blockView{{H, "headline", "Headline"}, {P, "p", "Body right after."}}},
		{"plain bullets", "a", "H\n\nIntro:\n- one\n* two\n  continued\n• three\n– four\n1. five\n12) six\nAfter.\n", 0,
			[]blockView{{H, "headline", "H"}, {P, "p", "Intro:"}, {L, "li", "one"}, {L, "li", "two\n  continued"},
				{L, "li", "three"}, {L, "li", "four"}, {L, "li", "five"}, {L, "li", "six"}, {P, "p", "After."}}},
		{"plain not bullets", "a.txt", "H\n\n-5 degrees\n2024. was\n*bold*\n", 0,
			[]blockView{{H, "headline", "H"}, {P, "p", "-5 degrees\n2024. was\n*bold*"}}},
		{"plain empty", "a.txt", "", -1, nil},
		{"plain blank", "a.txt", " \n\t\r\n  \r", -1, nil},
		{"md h1 headline", "a.md", "Intro line\n\n# The headline\n\n## Sub\n\nBody *text* here.\n", 1,
			[]blockView{{P, "p", "Intro line"}, {H, "h1", "The headline"}, {H, "h2", "Sub"}, {P, "p", "Body text here."}}},
		{"md setext and second h1", "a.md", "Head\n====\n\n# Another\n", 0,
			[]blockView{{H, "h1", "Head"}, {H, "h1", "Another"}}},
		{"md yaml title", "a.md", "---\ntitle: Plain title # comment\nother: x\n---\n# H1\n\nText.\n", 0,
			[]blockView{{T, "title", "Plain title"}, {H, "h1", "H1"}, {P, "p", "Text."}}},
		{"md yaml single quoted", "a.md", "---\ntitle: 'It''s here'\n---\nText.\n", 0,
			[]blockView{{T, "title", "It's here"}, {P, "p", "Text."}}},
		{"md toml title", "a.md", "+++\ndate = 2026-01-01\ntitle = \"Tab\\there\"\n[extra]\ntitle = \"no\"\n+++\nText.\n", 0,
			[]blockView{{T, "title", "Tab\there"}, {P, "p", "Text."}}},
		{"md toml title in table ignored", "a.md", "+++\n[extra]\ntitle = \"no\"\n+++\n# Yes\n", 0,
			[]blockView{{H, "h1", "Yes"}}},
		{"md title with NUL escape falls back", "a.md", "---\ntitle: \"a\\u0000b\"\n---\n# H\n", 0,
			[]blockView{{H, "h1", "H"}}},
		{"md blank title falls back", "a.md", "---\ntitle: \"  \"\n---\n# H\n", 0,
			[]blockView{{H, "h1", "H"}}},
		{"md front matter without title", "a.md", "---\nauthor: x\n---\n# From H1\n", 0,
			[]blockView{{H, "h1", "From H1"}}},
		{"md unclosed front matter is markdown", "a.md", "---\ntitle: x\n", -1,
			[]blockView{{P, "p", "title: x"}}},
		{"md code is not prose", "a.md", "Run `go test` now.\n\n```\ncode block\n```\n\n    indented code\n\nEnd.\n", -1,
			[]blockView{{P, "p", "Run  now."}, {P, "p", "End."}}},
		{"md lists and quotes", "a.md", "- one\n- two\n  - nested\n\n> quoted *para*\n>\n> - quoted item\n", -1,
			[]blockView{{L, "li", "one"}, {L, "li", "two"}, {L, "li", "nested"}, {Q, "blockquote", "quoted para"}, {L, "li", "quoted item"}}},
		{"md links and images", "a.md", "See [the report](http://x.org) and <http://y.org>. ![alt](i.png)\n", -1,
			[]blockView{{P, "p", "See the report and ."}}},
		{"md html tags not prose", "a.md", "<div class=\"share\">\nShare this &amp; <a href=\"x\">more</a>\n</div>\n\n<script>\nvar x;\n</script>\n\nText <b>bold</b> <!-- c -->.\n\n<h1>html h1</h1>\n", -1,
			[]blockView{{O, "div", "Share this & more"}, {P, "p", "Text bold ."}, {H, "h1", "html h1"}}},
		{"md table", "a.md", "| A | B |\n|---|---|\n| c | d |\n", -1,
			[]blockView{{C, "th", "A"}, {C, "th", "B"}, {C, "td", "c"}, {C, "td", "d"}}},
		{"md entities and escapes", "a.md", "Fish &amp; chips \\*not em\\* &copy &#233;\n", -1,
			[]blockView{{P, "p", "Fish & chips *not em* &copy é"}}},
		{"md breaks", "a.md", "one  \ntwo\\\nthree\nfour\n", -1,
			[]blockView{{P, "p", "one\ntwo\nthree\nfour"}}},
		{"html structure", "a.html", "<html><head><title>T</title><style>x</style></head><body><h1>Head</h1>" +
			"<div>Share<span>this</span><p>Para <a href=x>link</a>.</p>tail</div><ul><li>a<li>b</ul>" +
			"<figure><img src=x><figcaption>Cap</figcaption></figure><table><tr><td>c<td>d</table>" +
			"<dl><dt>t<dd>u</dl><blockquote>Bq</blockquote><script>no</script><nav>no</nav><pre>no</pre></body></html>", 0,
			[]blockView{{H, "h1", "Head"}, {O, "div", "Sharethis"}, {P, "p", "Para link."}, {O, "div", "tail"},
				{L, "li", "a"}, {L, "li", "b"}, {X, "figcaption", "Cap"}, {C, "td", "c"}, {C, "td", "d"},
				{C, "dt", "t"}, {C, "dd", "u"}, {Q, "blockquote", "Bq"}}},
		{"html title headline", "a.htm", "<title>Page &amp; title</title><p>Body</p>", 0,
			[]blockView{{T, "title", "Page & title"}, {P, "p", "Body"}}},
		{"html title in head", "a.html", "<!DOCTYPE html><html><head><meta charset=utf-8><title>In head</title></head><body><p>Body</p></body></html>", 0,
			[]blockView{{T, "title", "In head"}, {P, "p", "Body"}}},
		{"html h1 in comment", "a.html", "<title>Real</title><!-- <h1>x</h1> --><p>Body</p>", 0,
			[]blockView{{T, "title", "Real"}, {P, "p", "Body"}}},
		{"html implied p end", "a.html", "<p>one<p>two<div>three</div>", -1,
			[]blockView{{P, "p", "one"}, {P, "p", "two"}, {O, "div", "three"}}},
		{"html fragment", "a.html", "Just text &mdash; here", -1,
			[]blockView{{O, "body", "Just text — here"}}},
		{"html br", "a.html", "<p>one<br>two<br/>three</p>", -1,
			[]blockView{{P, "p", "one\ntwo\nthree"}}},
		{"html empty", "a.html", "", -1, nil},
		{"html nbsp blocks dropped", "a.html", "<p>&nbsp;</p><h1>\u00a0</h1><!-- c --><p>Text</p><p>\u00a0&#160;</p>", -1,
			[]blockView{{P, "p", "Text"}}},
		{"plain nbsp line", "a.txt", "Head\n\n\u00a0\n\nBody\n", 0,
			[]blockView{{H, "headline", "Head"}, {P, "p", "Body"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, tt.path, tt.src)
			if got := views(doc); !reflect.DeepEqual(got, tt.want) && (len(got) != 0 || len(tt.want) != 0) {
				t.Errorf("blocks:\n got %+v\nwant %+v", got, tt.want)
			}
			if doc.HeadlineBlock != tt.headline {
				t.Errorf("headline block = %d, want %d", doc.HeadlineBlock, tt.headline)
			}
		})
	}
}

func TestBlockDetails(t *testing.T) {
	doc := mustParse(t, "a.html", `<h2>Sub</h2><blockquote><p>Q</p></blockquote>`+
		`<p>Read <a href="x">more here</a> now</p><p><img src=x> pic</p>`+
		`<figure><figcaption>late</figcaption><img src=y></figure>`)
	b := doc.Blocks
	if b[0].Level != 2 || b[0].Kind != lint.Heading {
		t.Errorf("h2: %+v", b[0])
	}
	if !b[1].Quoted || b[1].Kind != lint.Quote {
		t.Errorf("blockquote p: %+v", b[1])
	}
	if b[2].LinkBytes != len("more here") {
		t.Errorf("LinkBytes = %d", b[2].LinkBytes)
	}
	if !b[3].Image || b[2].Image {
		t.Errorf("image flags: %v %v", b[2].Image, b[3].Image)
	}
	if !b[4].Image || b[4].Kind != lint.Caption {
		t.Errorf("figcaption before its image: %+v", b[4])
	}

	md := mustParse(t, "a.md", "# H\n\n> ## Quoted heading\n\nSee [a link](x) ![i](y)\n")
	if !md.Blocks[1].Quoted || md.Blocks[1].Level != 2 {
		t.Errorf("quoted heading: %+v", md.Blocks[1])
	}
	if md.Blocks[2].LinkBytes != len("a link") || !md.Blocks[2].Image {
		t.Errorf("md link/image: %+v", md.Blocks[2])
	}
}

func TestComments(t *testing.T) {
	for _, tt := range []struct {
		path, src string
		want      []string
	}{
		{"a.md", "<!-- copydesk-ignore x: y -->\n\nText <!--inline--> more.\n\n<!-- a -->\n<!-- b -->\n", []string{" copydesk-ignore x: y ", "inline", " a ", " b "}},
		{"a.html", "<p>x<!-- one --></p><script><!-- not --></script><!--two-->", []string{" one ", "two"}},
	} {
		doc := mustParse(t, tt.path, tt.src)
		var got []string
		for _, c := range doc.Comments {
			got = append(got, c.Text)
			if s := string(doc.Source[c.Source.Start:c.Source.End]); s != "<!--"+c.Text+"-->" {
				t.Errorf("%s: comment source %q", tt.path, s)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: comments %q, want %q", tt.path, got, tt.want)
		}
	}
}

// TestPlainTextIsSource: a plain draft's Text is its source without a BOM,
// with CRLF and lone CR read as LF, so every offset maps one to one.
func TestPlainTextIsSource(t *testing.T) {
	for _, src := range []string{
		"", "  \n", "Head\n\nBody\n", "\xEF\xBB\xBF\n\n  Head  \r\n\r\n- item\r\n  more\r\n\r\n\r\nLast\rline",
		"H\n\n1. one\n2) two\n\n\n• three\n", "no newline at end",
	} {
		doc := mustParse(t, "a.txt", src)
		want := strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(strings.TrimPrefix(src, "\xEF\xBB\xBF"))
		if doc.Text != want {
			t.Errorf("Text = %q, want %q", doc.Text, want)
		}
	}
}

func TestCommentNextBlockAfterDroppedBlocks(t *testing.T) {
	doc := mustParse(t, "a.html", "<h1>Head</h1><p>&nbsp;</p><!-- copydesk-ignore x: y --><p>&nbsp;</p><p>Body</p><!-- end -->")
	if len(doc.Blocks) != 2 || doc.HeadlineBlock != 0 {
		t.Fatalf("blocks %+v headline %d", views(doc), doc.HeadlineBlock)
	}
	if got := []int{doc.Comments[0].NextBlock, doc.Comments[1].NextBlock}; got[0] != 1 || got[1] != 2 {
		t.Errorf("NextBlock = %v, want [1 2]", got)
	}
}
