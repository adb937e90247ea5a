package parse

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unsafe"

	"copydesk/lint"
)

// render describes everything a rule can read from a document.
func render(doc *lint.Document) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %v %q headline=%d %v\n", doc.Path, doc.Format, doc.Text, doc.HeadlineBlock, doc.Headline)
	for i, blk := range doc.Blocks {
		src, exact := doc.SourceSpan(blk.Span)
		fmt.Fprintf(&b, "%d %+v src=%v/%v %v\n", i, blk, src, exact, doc.Pos(src.Start))
	}
	fmt.Fprintf(&b, "quotes %v comments %+v lines %d\n", doc.Quotes, doc.Comments, doc.LineCount())
	return b.String()
}

// TestParseAfterRelease parses drafts of every format one after another,
// releasing each document, and checks that every document built on
// recycled memory is the one a fresh parse gives, and that a plain draft
// without CR shares its source bytes.
func TestParseAfterRelease(t *testing.T) {
	type draft struct {
		name string
		src  []byte
	}
	var drafts []draft
	for _, name := range []string{"draft.txt", "draft.md", "draft.html", "british.md"} {
		src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "parse", name))
		if err != nil {
			t.Fatal(err)
		}
		drafts = append(drafts, draft{name, src})
	}
	for i, src := range tableDrafts {
		drafts = append(drafts, draft{fmt.Sprintf("t%d.md", i), []byte(src)})
	}
	drafts = append(drafts,
		draft{"crlf.txt", []byte("Head\r\n\r\nBody \"quoted\" here.\r\nMore.\r")},
		draft{"e.html", []byte("<title>T</title><h1></h1><p>Body &amp; more.</p>")},
		draft{"empty.txt", nil},
		draft{"blocks.md", []byte("<div class=\"share\">\nShare this &amp; <a href=\"x\">more</a>\n</div>\n\n<FIGURE><img src=x><figcaption>Cap</figcaption></FIGURE>\n\nText.\n")},
		draft{"long.txt", []byte("H\n\n" + strings.Repeat("A sentence of Ruth Okafor's. ", 400))},
	)
	want := make([]string, len(drafts))
	for i, d := range drafts {
		want[i] = render(mustParse(t, d.name, string(d.src)))
	}
	for round := 0; round < 3; round++ {
		for i, d := range drafts {
			doc, err := Parse(d.name, d.src)
			if err != nil {
				t.Fatal(err)
			}
			if got := render(doc); got != want[i] {
				t.Fatalf("round %d %s: recycled parse differs:\n got %s\nwant %s", round, d.name, got, want[i])
			}
			doc.Release()
		}
	}
	// Workers sharing the pools, as the runner's -j workers do.
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for round := 0; round < 5; round++ {
				for k := range drafts {
					i := (k + w*7) % len(drafts)
					doc, err := Parse(drafts[i].name, drafts[i].src)
					if err != nil {
						errs <- err.Error()
						return
					}
					if got := render(doc); got != want[i] {
						errs <- fmt.Sprintf("worker %d %s: recycled parse differs", w, drafts[i].name)
						return
					}
					doc.Release()
				}
			}
		}(w)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}

	// A plain draft without CR is its own Text: no copy.
	src := []byte("\xEF\xBB\xBFHead\n\nBody.\n")
	doc, err := Parse("a.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != string(src[3:]) || unsafe.StringData(doc.Text) != &src[3] {
		t.Errorf("plain Text %q does not share the source", doc.Text)
	}
	doc.Release()
}
