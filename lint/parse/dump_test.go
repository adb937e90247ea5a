package parse

import (
	"fmt"
	"os"
	"testing"
)

// TestDump prints how a draft parses (Text, blocks with kinds, tags, source
// bytes and sentences, quote spans, comments), for debugging a parser or a
// rule: COPYDESK_DUMP=path/to/draft.md go test -run Dump -v ./lint/parse/
func TestDump(t *testing.T) {
	f := os.Getenv("COPYDESK_DUMP")
	if f == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(f)
	doc, err := Parse(f, src)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("TEXT=%q\nheadline=%d\n", doc.Text, doc.HeadlineBlock)
	for i, b := range doc.Blocks {
		ss, ex := doc.SourceSpan(b.Span)
		fmt.Printf("%d %s tag=%s lvl=%d q=%v img=%v link=%d %q src=%q exact=%v\n", i, b.Kind, b.Tag, b.Level, b.Quoted, b.Image, b.LinkBytes, doc.Slice(b.Span), src[ss.Start:ss.End], ex)
		for _, s := range b.Sentences {
			fmt.Printf("    S %q\n", doc.Slice(s))
		}
	}
	for _, q := range doc.Quotes {
		fmt.Printf("Q %q\n", doc.Slice(q))
	}
	for _, c := range doc.Comments {
		fmt.Printf("C %q %v next=%d\n", c.Text, c.Source, c.NextBlock)
	}
}
