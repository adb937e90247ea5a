package parse

import (
	"bytes"
	"strings"
	"sync"

	"copydesk/lint"

	"github.com/yuin/goldmark/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// mdParser is shared: goldmark parsers keep no per-document state. It is
// goldmark's default CommonMark parser plus our pipe tables (mdtable.go),
// built from the parser package alone: the goldmark package would also set
// up an HTML renderer nobody uses. It is built on first use, not at
// package initialisation (about 15 KB in 18 allocations), so a run that
// reads no Markdown never pays for it.
var mdParser = sync.OnceValue(func() gparser.Parser {
	return gparser.NewParser(
		gparser.WithBlockParsers(gparser.DefaultBlockParsers()...),
		gparser.WithInlineParsers(gparser.DefaultInlineParsers()...),
		gparser.WithParagraphTransformers(gparser.DefaultParagraphTransformers()...),
		gparser.WithParagraphTransformers(util.Prioritized(tableTransformer{}, 200)),
	)
})

var headingTags = [...]string{"h1", "h1", "h2", "h3", "h4", "h5", "h6"}

// parseMarkdown reads a Markdown draft with goldmark. Front matter (YAML
// between "---" lines or TOML between "+++" lines, at the very start) is
// never prose; its title, if any, is the headline. Otherwise the first H1 is.
// Code, raw HTML, link and image targets are left out; HTML comments are
// recorded for suppression directives.
func parseMarkdown(path string, src []byte, start int) (*lint.Document, *lint.Builder) {
	if mdHostile(src[start:]) {
		return parseLines(path, lint.Markdown, src, start)
	}
	b := lint.NewBuilder(path, lint.Markdown, src)
	b.Grow(len(src) - start)
	w := mdWalker{b: b, src: src}
	body := start
	if fm, ok := findFrontMatter(src, start); ok {
		body = fm.bodyStart
		var buf [8]piece
		if pieces, ok := fm.title(src, buf[:0]); ok && hasText(src, pieces) {
			b.OpenBlock(lint.Title, "title")
			b.MarkHeadline()
			for _, p := range pieces {
				if p.repl == "" && !p.replace {
					b.Verbatim(p.start, p.end)
				} else {
					b.Replace(p.repl, p.start, p.end)
				}
			}
			b.CloseBlock()
			w.headline = true
		}
	}
	gsrc := src[body:]
	if hasLoneCR(gsrc) {
		// goldmark ends lines only at LF. A lone CR is replaced by LF in a
		// copy of the same length, so offsets are unchanged; Text is still
		// read from the original bytes.
		gsrc = bytes.Clone(gsrc)
		for i, c := range gsrc {
			if c == '\r' && (i+1 == len(gsrc) || gsrc[i+1] != '\n') {
				gsrc[i] = '\n'
			}
		}
	}
	w.base = body
	root := mdParser().Parse(text.NewReader(gsrc))
	w.block(root)
	return b.Finish(), b
}

// hasText reports whether the title pieces hold more than white space.
func hasText(src []byte, pieces []piece) bool {
	for _, p := range pieces {
		if p.replace && strings.TrimSpace(p.repl) != "" ||
			!p.replace && len(bytes.TrimSpace(src[p.start:p.end])) > 0 {
			return true
		}
	}
	return false
}

func hasLoneCR(s []byte) bool {
	for {
		i := bytes.IndexByte(s, '\r')
		if i < 0 {
			return false
		}
		if i+1 == len(s) || s[i+1] != '\n' {
			return true
		}
		s = s[i+2:]
	}
}

type mdWalker struct {
	b        *lint.Builder
	src      []byte // the whole source; goldmark offsets are relative to base
	base     int
	headline bool // the headline block is set
	quoted   int  // depth of blockquotes
	// A line break waiting for more text in the same block: it is dropped
	// at the end of the block.
	brStart, brEnd int
	brPending      bool
}

func (w *mdWalker) open(kind lint.BlockKind, tag string) *lint.Block {
	w.brPending = false
	separate(w.b)
	w.b.OpenBlock(kind, tag)
	blk := w.b.Current()
	blk.Quoted = w.quoted > 0
	return blk
}

func (w *mdWalker) close() {
	w.brPending = false
	w.b.CloseBlock()
}

func (w *mdWalker) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c)
	}
}

func (w *mdWalker) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		lvl := n.Level
		if lvl < 1 || lvl > 6 {
			lvl = 1
		}
		blk := w.open(lint.Heading, headingTags[lvl])
		blk.Level = lvl
		if lvl == 1 && !w.headline {
			w.b.MarkHeadline()
		}
		w.inlines(n)
		if lvl == 1 && !w.headline {
			// The H1 is the headline only if it had text.
			w.headline = w.b.Current() != nil && w.b.Current().Span.Start < w.b.Len()
		}
		w.close()
	case *ast.Paragraph, *ast.TextBlock:
		kind, tag := lint.Paragraph, "p"
		switch {
		case isListItem(n.Parent()):
			kind, tag = lint.ListItem, "li"
		case w.quoted > 0:
			kind, tag = lint.Quote, "blockquote"
		}
		w.open(kind, tag)
		w.inlines(n)
		w.close()
	case *ast.Blockquote:
		w.quoted++
		w.children(n)
		w.quoted--
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak:
		// Not prose.
	case *ast.HTMLBlock:
		w.htmlBlock(n)
	case *mdTableCell:
		tag := "td"
		if n.header {
			tag = "th"
		}
		w.open(lint.Cell, tag)
		w.inlines(n)
		w.close()
	default:
		w.children(n)
	}
}

func isListItem(n ast.Node) bool {
	_, ok := n.(*ast.ListItem)
	return ok
}

func (w *mdWalker) inlines(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inline(c)
	}
}

func (w *mdWalker) flushBreak() {
	if w.brPending {
		w.brPending = false
		if w.brEnd > w.brStart {
			emitLinesAsBreak(w.b, w.brStart, w.brEnd)
		} else {
			w.b.Synthetic("\n")
		}
	}
}

// emitLinesAsBreak appends "\n" standing for the source bytes of a line
// break (trailing spaces, a hard-break backslash and the line ending).
func emitLinesAsBreak(b *lint.Builder, start, end int) { b.Replace("\n", start, end) }

func (w *mdWalker) inline(n ast.Node) {
	switch n := n.(type) {
	case *ast.Text:
		seg := n.Segment
		if seg.Stop > seg.Start {
			w.flushBreak()
			emitDecoded(w.b, w.src, w.base+seg.Start, w.base+seg.Stop, true)
		}
		if n.SoftLineBreak() || n.HardLineBreak() {
			w.pendBreak(w.base + seg.Stop)
		}
	case *ast.String:
		if len(n.Value) > 0 && !n.IsCode() {
			w.flushBreak()
			w.b.Synthetic(string(n.Value))
		}
	case *ast.CodeSpan, *ast.AutoLink:
		// Not prose.
	case *ast.Link:
		w.b.EnterLink()
		w.inlines(n)
		w.b.LeaveLink()
	case *ast.Image:
		if blk := w.b.Current(); blk != nil {
			blk.Image = true
		}
	case *ast.RawHTML:
		if n.Segments.Len() > 0 {
			w.comments(n.Segments.At(0).Start, n.Segments.At(n.Segments.Len()-1).Stop)
		}
	default:
		w.inlines(n)
	}
}

// pendBreak records the line break after source offset stop: the trailing
// white space, a hard-break backslash and the line ending.
func (w *mdWalker) pendBreak(stop int) {
	e := stop
	for e < len(w.src) && (w.src[e] == ' ' || w.src[e] == '\t' || w.src[e] == '\\') {
		e++
	}
	switch {
	case e+1 < len(w.src) && w.src[e] == '\r' && w.src[e+1] == '\n':
		e += 2
	case e < len(w.src) && (w.src[e] == '\n' || w.src[e] == '\r'):
		e++
	default:
		e = stop
	}
	w.brStart, w.brEnd, w.brPending = stop, e, true
}

// htmlBlock reads a raw HTML block as HTML: its tags are not prose, but the
// text inside them is (CMS exports keep share bars and captions in <div>s,
// and the debris rule must see them). Comments are recorded. A block whose
// lines are not contiguous in the source (inside a blockquote or a list, with
// markers between the lines) only has its comments read.
func (w *mdWalker) htmlBlock(n *ast.HTMLBlock) {
	lines := n.Lines()
	if lines.Len() == 0 {
		return
	}
	from, to := lines.At(0).Start, lines.At(lines.Len()-1).Stop
	contiguous := true
	for i := 1; i < lines.Len(); i++ {
		if lines.At(i).Start != lines.At(i-1).Stop {
			contiguous = false
		}
	}
	if n.HasClosure() {
		if n.ClosureLine.Start != to {
			contiguous = false
		}
		to = n.ClosureLine.Stop
	}
	if !contiguous || n.HTMLBlockType == ast.HTMLBlockType2 {
		// A comment block (type 2) holds no prose: skip the tokenizer.
		w.comments(from, to)
		return
	}
	w.brPending = false
	p := newHTMLParser(w.b, w.src, false)
	p.headline = true // the Markdown headline is chosen by Markdown rules
	p.quoted = w.quoted
	p.run(w.base+from, w.base+min(to, len(w.src)-w.base))
	p.release()
}

// comments records the HTML comments in the goldmark source range
// [from, to).
func (w *mdWalker) comments(from, to int) {
	from += w.base
	to += w.base
	if to > len(w.src) {
		to = len(w.src)
	}
	for from < to {
		i := bytes.Index(w.src[from:to], []byte("<!--"))
		if i < 0 {
			return
		}
		s := from + i
		j := bytes.Index(w.src[s+4:to], []byte("-->"))
		if j < 0 {
			return
		}
		e := s + 4 + j + 3
		w.b.AddComment(view(w.src[s+4:e-3]), lint.Span{Start: s, End: e})
		from = e
	}
}

// Limits beyond which goldmark's time grows quadratically (thousands of
// open brackets in one paragraph, containers nested hundreds deep,
// thousands of link reference definitions). No draft comes near them; a
// Markdown file past them is read as plain lines instead, so hostile input
// costs linear time.
const (
	maxBracketsPerParagraph = 1000
	maxNesting              = 100
	maxRefDefs              = 2000
)

// mdHostile reports whether src is Markdown that goldmark would take
// quadratic time over.
func mdHostile(src []byte) bool {
	brackets, refDefs := 0, 0
	for i := 0; i < len(src); {
		ce, next := lineEnd(src, i, true)
		line := src[i:ce]
		depth, j := 0, 0
		for j < len(line) && (line[j] == ' ' || line[j] == '\t') {
			j++
		}
		depth += j / 2
		blank := j == len(line)
		for j < len(line) {
			c := line[j]
			if c == '>' {
				depth++
				j++
			} else if (c == '-' || c == '*' || c == '+') && j+1 < len(line) && (line[j+1] == ' ' || line[j+1] == '\t') {
				depth++
				j += 2
			} else if c == ' ' || c == '\t' {
				j++
			} else {
				break
			}
		}
		if depth > maxNesting {
			return true
		}
		if blank {
			brackets = 0
		} else {
			brackets += bytes.Count(line, []byte("["))
			if brackets > maxBracketsPerParagraph {
				return true
			}
			if j < len(line) && line[j] == '[' && bytes.Contains(line, []byte("]:")) {
				if refDefs++; refDefs > maxRefDefs {
					return true
				}
			}
		}
		i = next
	}
	return false
}
