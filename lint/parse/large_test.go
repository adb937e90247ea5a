package parse

import (
	"strings"
	"testing"
	"time"
)

// TestLargeAndDeepInputs checks that hostile shapes parse in linear time
// and keep the document invariants. Each case must finish well inside its
// budget even on a loaded machine; quadratic time would take minutes.
func TestLargeAndDeepInputs(t *testing.T) {
	para := "Ruth Okafor said the council had \"no plan\". Mr. Hale disagreed, e.g. on cost. "
	cases := []struct {
		name, path string
		src        func() string
		budget     time.Duration
	}{
		{"10k nested divs", "a.html", func() string {
			return strings.Repeat("<div>x ", 10000) + strings.Repeat("</div>", 10000)
		}, 5 * time.Second},
		{"10k unclosed nested spans and divs", "a.html", func() string {
			return "<p>" + strings.Repeat("<span><div><b>", 10000) + "text"
		}, 5 * time.Second},
		{"10k li without lists", "a.html", func() string { return strings.Repeat("<li>item <p>para ", 10000) }, 5 * time.Second},
		{"10k stray end tags", "a.html", func() string {
			return strings.Repeat("<div>", 5000) + strings.Repeat("</p></li></span>x", 10000)
		}, 5 * time.Second},
		{"10k nested lists, tables, figures", "a.html", func() string {
			return strings.Repeat("<ul><li>x<table><tr><td>c<figure><figcaption>f", 10000) + strings.Repeat("<img>", 10000)
		}, 5 * time.Second},
		{"10k headings and definition lists", "a.html", func() string { return strings.Repeat("<h1>a<h2>b<dl><dt>t<dd>d", 10000) }, 5 * time.Second},
		{"10k comments", "a.html", func() string { return strings.Repeat("<!-- c --><p>x</p>", 10000) }, 5 * time.Second},
		{"10k nested blockquotes", "a.md", func() string { return strings.Repeat(">", 10000) + " deep\n" }, 10 * time.Second},
		// goldmark costs about depth × indentation per line here, so the
		// input (quadratic in depth) is kept to 300 levels, ~90 KB.
		{"300 nested list items", "a.md", func() string {
			var b strings.Builder
			for i := range 300 {
				b.WriteString(strings.Repeat("  ", i))
				b.WriteString("- item\n")
			}
			return b.String()
		}, 10 * time.Second},
		{"10k open emphasis and links", "a.md", func() string { return strings.Repeat("*[_", 10000) + " text\n" }, 10 * time.Second},
		{"1MB single line plain", "a.txt", func() string { return strings.Repeat(para, 1<<20/len(para)) }, 5 * time.Second},
		{"1MB single line md", "a.md", func() string { return strings.Repeat(para, 1<<20/len(para)) }, 10 * time.Second},
		{"1MB single line html", "a.html", func() string { return "<p>" + strings.Repeat(para, 1<<20/len(para)) }, 5 * time.Second},
		{"1MB of dots and abbreviations", "a.txt", func() string { return "H\n\n" + strings.Repeat("Mr. . . ... ", 1<<20/12) }, 5 * time.Second},
		{"1MB of quote marks", "a.txt", func() string { return "H\n\n" + strings.Repeat("'s' \"“‘«", 1<<20/16) }, 5 * time.Second},
		// Line ends are found by two single-byte searches: neither may
		// rescan the rest of the draft for every line.
		{"1MB of lone CR lines", "a.txt", func() string { return strings.Repeat("Line.\r", 1<<20/6) }, 5 * time.Second},
		{"1MB of lone CR lines md", "a.md", func() string { return strings.Repeat("Line.\r", 1<<20/6) }, 10 * time.Second},
		{"1MB of LF lines, one CR at the end", "a.md", func() string { return strings.Repeat("Line.\n\n", 1<<20/7) + "\r" }, 10 * time.Second},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src()
			start := time.Now()
			doc := mustParse(t, tc.path, src)
			if d := time.Since(start); d > tc.budget*slowdown {
				t.Errorf("took %v (budget %v) for %d bytes", d, tc.budget*slowdown, len(src))
			}
			if len(doc.Blocks) == 0 {
				t.Errorf("no blocks")
			}
		})
	}
}

// TestFiftyMegabytes parses a 50 MB draft in each format, in linear time.
func TestFiftyMegabytes(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	para := "Ruth Okafor said the council had \"no plan\". Mr. Hale disagreed, e.g. on cost.\n"
	// Under the race detector (ten times slower, much more memory) 5 MB.
	body := strings.Repeat(strings.Repeat(para, 5)+"\n", 50<<20/slowdown/(len(para)*5+1))
	for _, f := range []struct{ path, src string }{
		{"big.txt", "Headline\n\n" + body},
		{"big.md", "# Headline\n\n" + body},
		{"big.html", "<h1>Headline</h1><p>" + strings.ReplaceAll(body, "\n\n", "<p>")},
	} {
		start := time.Now()
		doc, err := Parse(f.path, []byte(f.src))
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Blocks) < 100000/slowdown {
			t.Errorf("%s: %d blocks", f.path, len(doc.Blocks))
		}
		t.Logf("%s: %d MB in %v, %d blocks", f.path, len(f.src)>>20, time.Since(start).Round(time.Millisecond), len(doc.Blocks))
	}
}

// TestMarkdownPathological feeds the CommonMark "pathological" shapes that
// make goldmark quadratic; past the limits of mdHostile the draft is read as
// plain lines, so each must parse quickly.
func TestMarkdownPathological(t *testing.T) {
	const n = 30000
	cases := map[string]string{
		"nested brackets":   strings.Repeat("[", n) + "a" + strings.Repeat("]", n),
		"open links":        strings.Repeat("[a](", n),
		"emphasis openers":  strings.Repeat("*a ", n),
		"emphasis closers":  strings.Repeat("a* ", n),
		"alternating emph":  strings.Repeat("*a **a ", n),
		"link closers":      strings.Repeat("a]", n),
		"backticks":         strings.Repeat("`a``", n),
		"unclosed links":    strings.Repeat("[a](b ", n),
		"underscores":       strings.Repeat("a_ ", n) + strings.Repeat("_a ", n),
		"html openers":      strings.Repeat("<a ", n),
		"nested quotes":     strings.Repeat("> ", n) + "a",
		"nested list marks": strings.Repeat("* ", n) + "a",
		"reference defs":    strings.Repeat("[a]: /u\n", n) + strings.Repeat("[a] ", n),
		"table rows":        "|a|b|\n|-|-|\n" + strings.Repeat("|c|d|\n", n),
		"wide table":        strings.Repeat("|a", n) + "\n" + strings.Repeat("|-", n) + "\n" + strings.Repeat("|b", n),
		"image openers":     strings.Repeat("![", n),
		"autolink openers":  strings.Repeat("<http://a", n),
	}
	for name, src := range cases {
		start := time.Now()
		doc := mustParse(t, "p.md", src)
		if d := time.Since(start); d > 5*time.Second*slowdown {
			t.Errorf("%s: %d bytes took %v", name, len(src), d)
		}
		if doc.Format.String() != "markdown" {
			t.Errorf("%s: format %v", name, doc.Format)
		}
	}
}

func TestMdHostile(t *testing.T) {
	for src, want := range map[string]bool{
		"# Title\n\nSee [one](a) and [two][b].\n\n[b]: http://x\n":         false,
		strings.Repeat("[x] ", 600) + "\n\n" + strings.Repeat("[y] ", 600): false, // brackets reset per paragraph
		strings.Repeat("[x] ", 1001):                                       true,
		strings.Repeat("> ", 50) + "deep but fine\n":                       false,
		strings.Repeat("> ", 101) + "too deep\n":                           true,
		strings.Repeat(" ", 202) + "- deep indentation\n":                  true,
		strings.Repeat("[r]: /u\n", 2001):                                  true,
	} {
		if got := mdHostile([]byte(src)); got != want {
			t.Errorf("mdHostile(%.40q...) = %v, want %v", src, got, want)
		}
	}
}
