package parse

import (
	"fmt"
	"reflect"
	"testing"

	"copydesk/lint"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// tableDrafts are Markdown shapes around pipe tables. Each must parse to
// the same tree as goldmark's own table extension gives (the reference our
// transformer replaces), node for node.
var tableDrafts = []string{
	"| A | B |\n|---|---|\n| c | d |\n",
	"| Town | Votes |\n| :--- | ---: |\n| Marwick | 1,204 |\n| Kelbridge | 988 |\n",
	"| Left | Centre | Right |\n|:--|:-:|--:|\n| a | b | c |\n",
	"Town | Votes\n--- | ---\nDunmere | 12\nHale Cross | 7\n",
	"| Escaped \\| pipe | B |\n|---|---|\n| a \\| b | c |\n",
	"| Code | B |\n|---|---|\n| `a | b` | c |\n| `x \\| y` | z |\n",
	"| A | B | C |\n|---|---|---|\n| one |\n| one | two | three | four |\n|\n",
	"| A | B | C |\n|---|---|\n| x | y |\n",
	"| A |\n|---|---|\n| x | y |\n",
	"Ruth Okafor said: the vote | was close.\nIt was not - as some said - a rout.\n",
	"The score was 3 | 4 and\n-- | : not a table\n",
	"Intro line before the table.\n| A | B |\n|---|---|\n| c | d |\n\nAfter.\n",
	"First line.\nSecond line.\n| A | B |\n| - | - |\n",
	"> | Quoted | table |\n> |---|---|\n> | in | blockquote |\n",
	"- | In | list |\n  |----|----|\n  | item | cells |\n",
	"-\t| tab | list |\n \t|---|---|\n",
	"| A | B |\r\n|---|---|\r\n| c | d |\r\n",
	"Before\r\n| A | B |\r\n|---|---|\r\n",
	"| *Emph* and [link](http://x.org) | ![img](i.png) &amp; \\* |\n|---|---|\n| <b>raw</b> <!-- c --> | a  \n",
	"|A|\n|-|\n|b|\n",
	"| A |\n|:-:|\n",
	"A\n|-\n",
	"A | B\n-|-\nc | d",
	"| A | B |\n|---|---|\nlazy line without pipes\n",
	"    | indented | code |\n    |---|---|\n",
	"| A | B |\n    |---|---|\n",
	"| A | B |\n   |---|---|\n",
	"| A | B |\n| --- | -x- |\n",
	"| A | B |\n| --- | |\n",
	"| A | B |\n|||\n",
	"| A | B |\n| --- | --- | \n| c \\\\| d |\n",
	"A\n-\n",
	"A\n:-\n",
	"# Heading | with pipe\n|---|\n",
	"| \\| |\n|---|\n| \\\\ |\n",
	"|  |  |\n|--|--|\n|  |  |\n",
	"| A | B |\n|---|---|\n| c | d |\n| e | f |\n\n| G | H |\n|---|---|\n",
}

var refMdParser = goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()

// TestTablesMatchGoldmarkExtension checks our pipe tables node for node
// against goldmark's table extension.
func TestTablesMatchGoldmarkExtension(t *testing.T) {
	for _, src := range tableDrafts {
		if err := sameMdTree([]byte(src)); err != nil {
			t.Errorf("%q: %v", src, err)
		}
	}
}

func FuzzTables(f *testing.F) {
	for _, src := range tableDrafts {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 4096 || mdHostile([]byte(src)) {
			return
		}
		if err := sameMdTree([]byte(src)); err != nil {
			t.Fatalf("%q: %v", src, err)
		}
	})
}

func sameMdTree(src []byte) error {
	ref := refMdParser.Parse(text.NewReader(src))
	got := mdParser().Parse(text.NewReader(src))
	return sameMdNode(ref, got, "doc")
}

// sameMdNode compares a node of goldmark's tree with ours: kinds (the
// extension's table nodes against ours), block lines and what the walker
// reads from each node, and then the children.
func sameMdNode(ref, got ast.Node, path string) error {
	path += "/" + got.Kind().String()
	switch r := ref.(type) {
	case *east.Table:
		if _, ok := got.(*mdTable); !ok {
			return fmt.Errorf("%s: want a table", path)
		}
	case *east.TableHeader, *east.TableRow:
		g, ok := got.(*mdTableRow)
		if _, header := r.(*east.TableHeader); !ok || g.header != header {
			return fmt.Errorf("%s: want %T", path, ref)
		}
	case *east.TableCell:
		g, ok := got.(*mdTableCell)
		_, header := r.Parent().(*east.TableHeader)
		if !ok || g.header != header {
			return fmt.Errorf("%s: want a cell (header %v)", path, header)
		}
	default:
		if reflect.TypeOf(ref) != reflect.TypeOf(got) {
			return fmt.Errorf("%s: want %T", path, ref)
		}
	}
	if ref.Type() == ast.TypeBlock {
		if !reflect.DeepEqual(ref.Lines().Sliced(0, ref.Lines().Len()), got.Lines().Sliced(0, got.Lines().Len())) {
			return fmt.Errorf("%s: lines %v, want %v", path, got.Lines().Sliced(0, got.Lines().Len()), ref.Lines().Sliced(0, ref.Lines().Len()))
		}
	}
	switch r := ref.(type) {
	case *ast.Text:
		g := got.(*ast.Text)
		if r.Segment != g.Segment || r.SoftLineBreak() != g.SoftLineBreak() || r.HardLineBreak() != g.HardLineBreak() {
			return fmt.Errorf("%s: text %+v, want %+v", path, g.Segment, r.Segment)
		}
	case *ast.String:
		if g := got.(*ast.String); string(r.Value) != string(g.Value) || r.IsCode() != g.IsCode() {
			return fmt.Errorf("%s: string %q, want %q", path, g.Value, r.Value)
		}
	case *ast.Heading:
		if r.Level != got.(*ast.Heading).Level {
			return fmt.Errorf("%s: level", path)
		}
	case *ast.HTMLBlock:
		g := got.(*ast.HTMLBlock)
		if r.HTMLBlockType != g.HTMLBlockType || r.HasClosure() != g.HasClosure() || r.ClosureLine != g.ClosureLine {
			return fmt.Errorf("%s: html block", path)
		}
	case *ast.RawHTML:
		g := got.(*ast.RawHTML)
		if !reflect.DeepEqual(r.Segments.Sliced(0, r.Segments.Len()), g.Segments.Sliced(0, g.Segments.Len())) {
			return fmt.Errorf("%s: raw html", path)
		}
	case *ast.CodeSpan:
		// Not prose; the extension splits text at escaped pipes in here.
		return nil
	}
	if ref.ChildCount() != got.ChildCount() {
		return fmt.Errorf("%s: %d children, want %d", path, got.ChildCount(), ref.ChildCount())
	}
	for r, g, i := ref.FirstChild(), got.FirstChild(), 0; r != nil; r, g, i = r.NextSibling(), g.NextSibling(), i+1 {
		if err := sameMdNode(r, g, fmt.Sprintf("%s[%d]", path, i)); err != nil {
			return err
		}
	}
	return nil
}

// TestMarkdownTableBlocks pins the blocks tables give: one Cell per
// non-empty cell, th in the header row, exact source bytes.
func TestMarkdownTableBlocks(t *testing.T) {
	P, C := lint.Paragraph, lint.Cell
	tests := []struct {
		name, src string
		want      []blockView
		srcs      []string // source bytes of each block, when they differ from its text
	}{
		{"escaped pipe", "| Escaped \\| pipe | B |\n|---|---|\n| a \\| b | c |\n",
			[]blockView{{C, "th", "Escaped | pipe"}, {C, "th", "B"}, {C, "td", "a | b"}, {C, "td", "c"}},
			[]string{"Escaped \\| pipe", "B", "a \\| b", "c"}},
		// GFM splits a row into cells before inline parsing: a bare pipe
		// cuts a code span, an escaped one stays inside it (and code is
		// never prose). The third cell is past the header's two.
		{"pipes in code spans", "| Code | B |\n|---|---|\n| see `a | b` now | c |\n| `x \\| y` | z |\n",
			[]blockView{{C, "th", "Code"}, {C, "th", "B"}, {C, "td", "see `a"}, {C, "td", "b` now"}, {C, "td", "z"}},
			nil},
		{"alignment row", "| Left | Centre | Right |\n|:--|:-:|--:|\n| Marwick | 12 | 7 |\n",
			[]blockView{{C, "th", "Left"}, {C, "th", "Centre"}, {C, "th", "Right"}, {C, "td", "Marwick"}, {C, "td", "12"}, {C, "td", "7"}}, nil},
		{"fewer and more cells", "| A | B | C |\n|---|---|---|\n| one |\n| 1 | 2 | 3 | 4 |\n",
			[]blockView{{C, "th", "A"}, {C, "th", "B"}, {C, "th", "C"}, {C, "td", "one"}, {C, "td", "1"}, {C, "td", "2"}, {C, "td", "3"}}, nil},
		{"no outer pipes", "Town | Votes\n--- | ---\nDunmere | 12\n",
			[]blockView{{C, "th", "Town"}, {C, "th", "Votes"}, {C, "td", "Dunmere"}, {C, "td", "12"}}, nil},
		{"only looks like a table", "Ruth Okafor said the vote | was close.\nTom Hale - the clerk - agreed.\n",
			[]blockView{{P, "p", "Ruth Okafor said the vote | was close.\nTom Hale - the clerk - agreed."}}, nil},
		{"header wider than delimiter row", "| A | B | C |\n|---|---|\n| x | y |\n",
			[]blockView{{P, "p", "| A | B | C |\n|---|---|\n| x | y |"}}, nil},
		{"paragraph before the table", "Votes in Ashby Vale:\n| A | B |\n|---|---|\n| c | *d* |\n",
			[]blockView{{P, "p", "Votes in Ashby Vale:"}, {C, "th", "A"}, {C, "th", "B"}, {C, "td", "c"}, {C, "td", "d"}}, nil},
		{"crlf", "| A | B |\r\n|---|---|\r\n| c | d |\r\n",
			[]blockView{{C, "th", "A"}, {C, "th", "B"}, {C, "td", "c"}, {C, "td", "d"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := mustParse(t, "a.md", tt.src)
			if got := views(doc); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("blocks:\n got %+v\nwant %+v", got, tt.want)
			}
			for i, want := range tt.srcs {
				ss, _ := doc.SourceSpan(doc.Blocks[i].Span)
				if s := string(doc.Source[ss.Start:ss.End]); s != want {
					t.Errorf("block %d source %q, want %q", i, s, want)
				}
			}
			if tt.srcs == nil {
				for i, b := range doc.Blocks {
					ss, exact := doc.SourceSpan(b.Span)
					if s := string(doc.Source[ss.Start:ss.End]); s != doc.Slice(b.Span) && b.Kind == C || !exact && b.Kind == C {
						t.Errorf("block %d source %q (exact %v), want %q", i, s, exact, doc.Slice(b.Span))
					}
				}
			}
		})
	}
}
