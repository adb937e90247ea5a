package parse

import (
	"strings"
	"testing"
	"time"
)

// TestLargeAndDeepInputs checks that hostile shapes parse in linear time
// and keep the document invariants. Each case must finish well inside its
// budget even on a loaded machine; quadratic behaviour would take minutes.
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
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src()
			start := time.Now()
			doc := mustParse(t, tc.path, src)
			if d := time.Since(start); d > tc.budget {
				t.Errorf("took %v (budget %v) for %d bytes", d, tc.budget, len(src))
			}
			if len(doc.Blocks) == 0 {
				t.Errorf("no blocks")
			}
		})
	}
}

// TestFiftyMegabytes parses a 50 MB draft in each format.
func TestFiftyMegabytes(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	para := "Ruth Okafor said the council had \"no plan\". Mr. Hale disagreed, e.g. on cost.\n"
	body := strings.Repeat(strings.Repeat(para, 5)+"\n", 50<<20/(len(para)*5+1))
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
		if len(doc.Blocks) < 100000 {
			t.Errorf("%s: %d blocks", f.path, len(doc.Blocks))
		}
		t.Logf("%s: %d MB in %v, %d blocks", f.path, len(f.src)>>20, time.Since(start).Round(time.Millisecond), len(doc.Blocks))
	}
}
