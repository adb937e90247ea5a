package parse

import (
	"bytes"
	"copydesk/lint/freelist"
	"sort"

	"copydesk/lint"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// elemClass says how an HTML element affects prose.
type elemClass uint8

const (
	inline    elemClass = iota // transparent: its text belongs to the enclosing block
	container                  // its bare text is a block of kind Other
	former                     // forms a prose block of its own kind
	skipped                    // never prose, nor anything inside it
	void                       // has no content and no end tag
)

type elemInfo struct {
	class elemClass
	kind  lint.BlockKind
	level int
}

// infoOf classifies a tag: known elements by the switch, other known HTML
// elements are containers, unknown (custom) elements are inline. (A switch
// rather than a map: no table to build at start-up, no hashing per tag.)
func infoOf(a atom.Atom) elemInfo {
	switch a {
	case atom.P:
		return elemInfo{former, lint.Paragraph, 0}
	case atom.Li:
		return elemInfo{former, lint.ListItem, 0}
	case atom.Blockquote:
		return elemInfo{former, lint.Quote, 0}
	case atom.H1:
		return elemInfo{former, lint.Heading, 1}
	case atom.H2:
		return elemInfo{former, lint.Heading, 2}
	case atom.H3:
		return elemInfo{former, lint.Heading, 3}
	case atom.H4:
		return elemInfo{former, lint.Heading, 4}
	case atom.H5:
		return elemInfo{former, lint.Heading, 5}
	case atom.H6:
		return elemInfo{former, lint.Heading, 6}
	case atom.Figcaption, atom.Caption:
		return elemInfo{former, lint.Caption, 0}
	case atom.Td, atom.Th, atom.Dt, atom.Dd:
		return elemInfo{former, lint.Cell, 0}
	case atom.Script, atom.Style, atom.Nav, atom.Noscript, atom.Template, atom.Svg, atom.Iframe, atom.Head,
		atom.Math, atom.Pre, atom.Code, atom.Textarea, atom.Select, atom.Object, atom.Title, atom.Noembed,
		atom.Noframes, atom.Xmp:
		return elemInfo{class: skipped}
	case atom.A, atom.Abbr, atom.Acronym, atom.B, atom.Bdi, atom.Bdo, atom.Big, atom.Cite, atom.Data, atom.Dfn,
		atom.Em, atom.Font, atom.I, atom.Ins, atom.Del, atom.Kbd, atom.Label, atom.Mark, atom.Q, atom.S, atom.Samp,
		atom.Small, atom.Span, atom.Strike, atom.Strong, atom.Sub, atom.Sup, atom.Time, atom.Tt, atom.U, atom.Var,
		atom.Nobr, atom.Button, atom.Output, atom.Ruby, atom.Rt, atom.Rp, atom.Blink, atom.Marquee:
		return elemInfo{class: inline}
	case atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input, atom.Link,
		atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr, atom.Keygen:
		return elemInfo{class: void}
	case 0:
		return elemInfo{class: inline}
	}
	return elemInfo{class: container, kind: lint.Other}
}

// closesP reports whether a start tag ends an open <p>.
func closesP(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Details, atom.Dialog, atom.Div, atom.Dl,
		atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.H1, atom.H2, atom.H3, atom.H4,
		atom.H5, atom.H6, atom.Header, atom.Hgroup, atom.Hr, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P,
		atom.Pre, atom.Section, atom.Table, atom.Ul, atom.Li, atom.Dd, atom.Dt:
		return true
	}
	return false
}

// hnode is an open element.
type hnode struct {
	a      atom.Atom
	name   string // tag name of an unknown element (a == 0)
	info   elemInfo
	id     int  // unique per push
	owner  int  // stack index of the element whose block text here belongs to, -1 for the root
	image  bool // an image inside (owners and figures)
	figure int  // stack index of the nearest enclosing figure, -1
	caps   []int
	link   bool // EnterLink was called for it
}

// maxScopeWalk bounds the walk down the stack when a start tag implicitly
// closes an element (<p>, <li>, <td>...), so hostile nesting stays linear.
const maxScopeWalk = 64

// htmlParser turns tokens into blocks. It keeps its own stack of open
// elements (the tokenizer builds no tree) with the implied end tags drafts
// rely on (<p>, <li>, <td>, <dt>/<dd>, headings), bounded so that hostile
// nesting stays linear.
type htmlParser struct {
	b        *lint.Builder
	src      []byte
	stack    []hnode
	counts   map[atom.Atom]int
	unknown  map[string]int
	nextID   int
	skip     int // skipped elements open
	quoted   int // blockquotes open
	foreign  int // svg and math open (their <title> is not the page's)
	curOwner int // id of the element owning the open builder block, or -1 (none), -2 (root)
	open     bool
	useTitle bool // <title> is the headline (the page has no <h1>)
	headline bool
	sawTitle bool
	inTitle  bool  // the headline <title> is open (perhaps inside a skipped <head>)
	capFix   []int // Text offsets of figcaption blocks whose figure has an image
	nameBuf  []byte
	rd       bytes.Reader // the tokenizer's reader, recycled with the parser
}

// tagName returns the lower-cased name of a start or end tag from its raw
// bytes after "<" or "</", as the tokenizer's TagName does (the name ends
// at white space, "/" or ">"), without the copy TagName makes of every
// name: an all lower-case name is returned in place, any other in a buffer
// reused for the next tag. (TagName also replaces NUL bytes, which Decode
// has already refused.)
func (p *htmlParser) tagName(raw []byte) []byte {
	upper := false
	for i, c := range raw {
		switch c {
		case ' ', '\n', '\r', '\t', '\f', '/', '>':
			raw = raw[:i]
		default:
			upper = upper || 'A' <= c && c <= 'Z'
			continue
		}
		break
	}
	if !upper {
		return raw
	}
	p.nameBuf = append(p.nameBuf[:0], raw...)
	for i, c := range p.nameBuf {
		if 'A' <= c && c <= 'Z' {
			p.nameBuf[i] = c + 'a' - 'A'
		}
	}
	return p.nameBuf
}

// parseHTML reads an HTML draft with the x/net/html tokenizer, tracking
// every token's raw byte offset, so each piece of Text maps to its source.
func parseHTML(path string, src []byte, start int) (*lint.Document, *lint.Builder) {
	useTitle := !hasH1Tag(src[start:])
	doc, b, sawTitle := parseHTMLOnce(path, src, start, useTitle)
	if !useTitle && doc.HeadlineBlock < 0 && sawTitle {
		// "<h1" appeared but made no headline (in a comment, a script or
		// empty): read again with the title as the headline.
		d2, b2, _ := parseHTMLOnce(path, src, start, true)
		if d2.HeadlineBlock >= 0 {
			doc.Release()
			return d2, b2
		}
		d2.Release()
	}
	return doc, b
}

// hasH1Tag reports whether src contains "<h1" followed by a tag delimiter,
// in any case.
func hasH1Tag(src []byte) bool {
	for i := 0; i < len(src); {
		j := bytes.IndexByte(src[i:], '<')
		if j < 0 {
			return false
		}
		i += j + 1
		if i+2 < len(src) && src[i]|0x20 == 'h' && src[i+1] == '1' {
			switch src[i+2] {
			case '>', ' ', '\t', '\n', '\r', '\f', '/':
				return true
			}
		}
	}
	return false
}

// parseHTMLOnce parses the page, taking <title> as the headline if
// useTitle; it also reports whether the page has a <title>.
func parseHTMLOnce(path string, src []byte, start int, useTitle bool) (*lint.Document, *lint.Builder, bool) {
	b := lint.NewBuilder(path, lint.HTML, src)
	b.Grow((len(src) - start) / 2) // markup is about half of a typical page
	p := newHTMLParser(b, src, useTitle)
	p.run(start, len(src))
	doc := b.Finish()
	p.fixCaptions(doc)
	sawTitle := p.sawTitle
	p.release()
	return doc, b, sawTitle
}

// htmlParsers recycles parsers, with their stack, counts and buffers:
// every HTML draft, and every HTML block of a Markdown draft, needs one.
var htmlParsers = freelist.List[htmlParser]{New: func() *htmlParser { return &htmlParser{counts: make(map[atom.Atom]int, 32)} }}

// newHTMLParser returns a parser, recycled if one is free; hand it back
// with release.
func newHTMLParser(b *lint.Builder, src []byte, useTitle bool) *htmlParser {
	p := htmlParsers.Get()
	p.b, p.src, p.curOwner, p.useTitle = b, src, -1, useTitle
	return p
}

// release resets p and hands it back for the next newHTMLParser. Nothing
// may use p afterwards.
func (p *htmlParser) release() {
	clear(p.stack)
	clear(p.counts)
	clear(p.unknown)
	*p = htmlParser{
		stack:   p.stack[:0],
		counts:  p.counts,
		unknown: p.unknown,
		capFix:  p.capFix[:0],
		nameBuf: p.nameBuf[:0],
	}
	htmlParsers.Put(p)
}

// run tokenizes src[from:to], appending its prose to the builder, and
// closes every element still open at the end.
func (p *htmlParser) run(from, to int) {
	p.rd.Reset(p.src[from:to])
	z := html.NewTokenizer(&p.rd)
	off := from
	for {
		tt := z.Next()
		raw := z.Raw()
		s, e := off, off+len(raw)
		off = e
		switch tt {
		case html.ErrorToken:
			for len(p.stack) > 0 {
				p.pop()
			}
			return
		case html.TextToken:
			p.text(s, e)
		case html.StartTagToken, html.SelfClosingTagToken:
			p.start(p.tagName(raw[1:]), tt == html.SelfClosingTagToken, s, e)
		case html.EndTagToken:
			p.end(p.tagName(raw[2:]), s, e)
		case html.CommentToken:
			if len(raw) >= 7 && bytes.HasPrefix(raw, []byte("<!--")) && bytes.HasSuffix(raw, []byte("-->")) {
				p.b.AddComment(view(p.src[s+4:e-3]), lint.Span{Start: s, End: e})
			} else {
				p.b.AddComment(string(z.Text()), lint.Span{Start: s, End: e})
			}
		}
	}
}

func (p *htmlParser) top() *hnode {
	if len(p.stack) == 0 {
		return nil
	}
	return &p.stack[len(p.stack)-1]
}

func (p *htmlParser) count(a atom.Atom, name string) int {
	if a != 0 {
		return p.counts[a]
	}
	return p.unknown[name]
}

func (p *htmlParser) start(name []byte, selfClosing bool, s, e int) {
	a := atom.Lookup(name)
	info := infoOf(a)
	// Implied end tags.
	if p.counts[atom.Head] > 0 && !inHead(a) {
		p.popThrough(atom.Head, "")
	}
	if closesP(a) && p.counts[atom.P] > 0 {
		p.closeInScope(atom.P, 0, 0)
	}
	switch a {
	case atom.Li:
		p.closeInScope(atom.Li, atom.Ul, atom.Ol)
	case atom.Dt, atom.Dd:
		p.closeInScope(atom.Dt, atom.Dl, 0)
		p.closeInScope(atom.Dd, atom.Dl, 0)
	case atom.Td, atom.Th:
		p.closeInScope(atom.Td, atom.Tr, atom.Table)
		p.closeInScope(atom.Th, atom.Tr, atom.Table)
	case atom.Tr:
		p.closeInScope(atom.Tr, atom.Table, 0)
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if t := p.top(); t != nil && t.info.kind == lint.Heading && t.info.class == former {
			p.pop()
		}
	}
	switch info.class {
	case void:
		switch a {
		case atom.Br:
			if p.open && p.curOwner == p.ownerID() && p.skip == 0 {
				p.b.SeekSource(s)
				p.b.Synthetic("\n")
			}
		case atom.Img:
			p.image()
		}
		return
	}
	if selfClosing {
		return // <div/>: an empty element
	}
	n := hnode{a: a, info: info, id: p.nextID, owner: -1, figure: -1}
	p.nextID++
	if a == 0 {
		n.name = string(name)
		if p.unknown == nil {
			p.unknown = make(map[string]int)
		}
		p.unknown[n.name]++
	} else {
		p.counts[a]++
	}
	if t := p.top(); t != nil {
		n.owner, n.figure = t.owner, t.figure
	}
	if info.class == container || info.class == former {
		n.owner = len(p.stack)
	}
	switch a {
	case atom.Figure:
		n.figure = len(p.stack)
	case atom.Blockquote:
		p.quoted++
	case atom.Svg, atom.Math:
		p.foreign++
	case atom.A:
		p.b.EnterLink()
		n.link = true
	case atom.Title:
		p.sawTitle = true
		if p.foreign == 0 && p.useTitle && !p.headline && p.skip-p.counts[atom.Head] == 0 {
			// The page title is the headline: a block of its own, even
			// inside <head>.
			n.info = elemInfo{class: former, kind: lint.Title}
			n.owner = len(p.stack)
			p.stack = append(p.stack, n)
			p.openBlock()
			p.b.MarkHeadline()
			p.headline = true
			p.inTitle = true
			return
		}
	}
	if n.info.class == skipped {
		p.skip++
	}
	p.stack = append(p.stack, n)
}

// inHead reports whether a start tag may appear in <head> without ending it.
func inHead(a atom.Atom) bool {
	switch a {
	case atom.Title, atom.Meta, atom.Link, atom.Style, atom.Script, atom.Base, atom.Noscript, atom.Template:
		return true
	}
	return false
}

// closeInScope pops through the nearest open element a, unless a stop
// element (or a table, or the walk bound) comes first.
func (p *htmlParser) closeInScope(a, stop1, stop2 atom.Atom) {
	if p.counts[a] == 0 {
		return
	}
	for i, k := len(p.stack)-1, 0; i >= 0 && k < maxScopeWalk; i, k = i-1, k+1 {
		t := p.stack[i].a
		if t == a {
			for len(p.stack) > i {
				p.pop()
			}
			return
		}
		if t == stop1 || t == stop2 || t == atom.Table && a != atom.Tr || t == atom.Td || t == atom.Th {
			return
		}
	}
}

func (p *htmlParser) end(name []byte, s, e int) {
	a := atom.Lookup(name)
	if a == atom.Br { // </br> is read as <br>
		p.start(name, false, s, e)
		return
	}
	var uname string
	if a == 0 {
		uname = string(name)
	}
	p.popThrough(a, uname)
}

// popThrough pops elements up to and including the most recent open a (or
// the unknown element name); nothing if none is open.
func (p *htmlParser) popThrough(a atom.Atom, name string) {
	if p.count(a, name) == 0 {
		return
	}
	for len(p.stack) > 0 {
		t := p.top()
		match := t.a == a && (a != 0 || t.name == name)
		p.pop()
		if match {
			return
		}
	}
}

func (p *htmlParser) pop() {
	n := &p.stack[len(p.stack)-1]
	if p.open && p.curOwner == n.id {
		p.b.CloseBlock()
		p.open = false
		p.curOwner = -1
	}
	if n.info.class == skipped {
		p.skip--
	}
	switch n.a {
	case atom.Blockquote:
		p.quoted--
	case atom.Svg, atom.Math:
		p.foreign--
	case atom.Title:
		p.inTitle = false
	case atom.Figure:
		if n.image {
			p.capFix = append(p.capFix, n.caps...)
		}
	case 0:
		p.unknown[n.name]--
	}
	if n.link {
		p.b.LeaveLink()
	}
	if n.a != 0 {
		p.counts[n.a]--
	}
	p.stack = p.stack[:len(p.stack)-1]
}

// ownerID returns the id of the element that owns text at the top of the
// stack, or -2 for the document root.
func (p *htmlParser) ownerID() int {
	t := p.top()
	if t == nil || t.owner < 0 {
		return -2
	}
	return p.stack[t.owner].id
}

func (p *htmlParser) text(s, e int) {
	if p.skip > 0 && !p.inTitle {
		return
	}
	if p.open && p.curOwner == p.ownerID() {
		emitDecoded(p.b, p.src, s, e, false)
		return
	}
	if isBlank(p.src[s:e]) {
		return
	}
	p.openBlock()
	emitDecoded(p.b, p.src, s, e, false)
}

// openBlock closes the open block and opens one for the owner of the text
// at the top of the stack.
func (p *htmlParser) openBlock() {
	if p.open {
		p.b.CloseBlock()
	}
	kind, tag, level := lint.Other, "body", 0
	var owner *hnode
	if t := p.top(); t != nil && t.owner >= 0 {
		owner = &p.stack[t.owner]
		kind, level = owner.info.kind, owner.info.level
		if owner.a != 0 {
			tag = owner.a.String()
		} else {
			tag = owner.name
		}
	}
	if p.quoted > 0 && kind == lint.Paragraph {
		kind = lint.Quote
	}
	separate(p.b)
	p.b.OpenBlock(kind, tag)
	blk := p.b.Current()
	blk.Quoted = p.quoted > 0
	blk.Level = level
	p.open = true
	p.curOwner = -2
	if owner == nil {
		return
	}
	p.curOwner = owner.id
	blk.Image = owner.image
	if kind == lint.Heading && level == 1 && !p.useTitle && !p.headline {
		p.b.MarkHeadline()
		p.headline = true
	}
	if kind == lint.Caption && owner.figure >= 0 {
		fig := &p.stack[owner.figure]
		if fig.image {
			blk.Image = true
		} else {
			fig.caps = append(fig.caps, p.b.Len())
		}
	}
}

// image records an <img>: the block it is in, and the figure around it,
// contain an image.
func (p *htmlParser) image() {
	t := p.top()
	if t == nil {
		return
	}
	if t.owner >= 0 {
		owner := &p.stack[t.owner]
		owner.image = true
		if p.open && p.curOwner == owner.id {
			p.b.Current().Image = true
		}
	}
	if t.figure >= 0 {
		p.stack[t.figure].image = true
	}
}

// fixCaptions marks the figcaption blocks of figures whose image came after
// the caption.
func (p *htmlParser) fixCaptions(doc *lint.Document) {
	for _, off := range p.capFix {
		i := sort.Search(len(doc.Blocks), func(i int) bool { return doc.Blocks[i].Span.End > off })
		if i < len(doc.Blocks) && doc.Blocks[i].Kind == lint.Caption {
			doc.Blocks[i].Image = true
		}
	}
}

func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\f' && c != '\v' {
			return false
		}
	}
	return true
}
