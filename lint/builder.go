package lint

import (
	"sort"
	"unsafe"
)

// Builder assembles a Document. Parsers append prose only through it, so the
// Text→Source map is made in one place and never re-derived by searching the
// source for the text again.
//
// While every piece appended is verbatim and continues the previous one (a
// plain-text draft without CR), no byte is copied: the document's Text is
// then a view of its Source. The first piece that breaks the run copies
// the run into a buffer of its own and appends from there.
type Builder struct {
	doc  *Document
	bufs *buffers
	text []byte // Text, once it is no longer one run of Source
	// shared: Text so far is Source[shareStart:shareEnd], nothing copied.
	shared               bool
	shareStart, shareEnd int
	growText             int // room wanted for Text when it is first copied
	last                 int // source offset where the last appended piece ended
	open                 int // index of the open block, or -1
	links                int // depth of open links (bytes appended inside count as link text)
}

// NewBuilder starts a document for src. The source is kept as given: the
// document's Source is src, and its Text may share src's bytes, so src must
// not be modified while the document is in use. The Builder is recycled
// with the document's memory: do not use it once the document is released.
func NewBuilder(path string, format Format, src []byte) *Builder {
	bufs := getBuffers()
	doc := bufs.spare
	bufs.spare = nil
	if doc == nil {
		doc = new(Document)
	}
	*doc = Document{Path: path, Format: format, Source: src, HeadlineBlock: -1, bufs: bufs}
	doc.Blocks = bufs.blocks[:0]
	doc.segs = bufs.segs[:0]
	doc.lineStarts = bufs.lines[:0]
	doc.colMarks = bufs.marks[:0]
	doc.memo = bufs.memo[:0]
	bufs.memo = nil
	b := &bufs.builder
	*b = Builder{doc: doc, bufs: bufs, shared: true, open: -1}
	return b
}

// Grow reserves room for about n more bytes of Text, and for the blocks and
// map segments such text usually needs, so that a parser that knows the size
// of its input does not re-allocate as it appends. It is only a hint.
func (b *Builder) Grow(n int) {
	if n <= 0 {
		return
	}
	b.Reserve(n, n/256+4, n/128+8)
}

// Reserve is Grow with explicit counts: room for about text more bytes of
// Text, blocks more blocks and segs more map segments (a verbatim piece that
// continues the previous one needs no new segment; each decoded entity,
// replaced line ending or synthetic separator needs one, and so does the
// verbatim text after it). It is only a hint.
func (b *Builder) Reserve(text, blocks, segs int) {
	if text > 0 {
		if b.shared {
			b.growText = max(b.growText, b.Len()+text)
		} else {
			b.text = reserve(b.text, text)
		}
	}
	if blocks > 0 {
		b.doc.Blocks = reserve(b.doc.Blocks, blocks)
	}
	if segs > 0 {
		b.doc.segs = reserve(b.doc.segs, segs)
	}
}

// reserve returns s with room for n more elements. A buffer that must grow
// at least doubles: the tables are recycled from draft to draft, and
// growing one exactly to each larger draft's size would allocate again at
// every new largest draft.
func reserve[T any](s []T, n int) []T {
	if cap(s)-len(s) >= n {
		return s
	}
	return append(make([]T, 0, max(len(s)+n, 2*cap(s))), s...)
}

// Spans returns an empty slice with room for n spans, for a parser's
// sentence and quotation tables. Its memory belongs to the document, which
// recycles it on Release. Only the first call's memory is recycled: a
// second call gets a new slice.
func (b *Builder) Spans(n int) []Span {
	s := b.bufs.spans[:0]
	b.bufs.spans = nil
	s = reserve(s, n)
	b.doc.spanBuf = s
	return s
}

// textBytes returns the Text built so far.
func (b *Builder) textBytes() []byte {
	if b.shared {
		return b.doc.Source[b.shareStart:b.shareEnd]
	}
	return b.text
}

// unshare ends the view of Source: the run so far is copied into a buffer
// with room for n more bytes.
func (b *Builder) unshare(n int) {
	if !b.shared {
		return
	}
	b.shared = false
	run := b.doc.Source[b.shareStart:b.shareEnd]
	want := max(b.growText, len(run)+n)
	buf := b.bufs.text[:0]
	b.bufs.text = nil
	b.text = append(reserve(buf, want), run...)
}

// Len returns the length of the Text built so far.
func (b *Builder) Len() int {
	if b.shared {
		return b.shareEnd - b.shareStart
	}
	return len(b.text)
}

// LastByte returns the last byte of the Text built so far, or 0.
func (b *Builder) LastByte() byte {
	s := b.textBytes()
	if len(s) == 0 {
		return 0
	}
	return s[len(s)-1]
}

// Verbatim appends Source[start:end] to Text unchanged.
func (b *Builder) Verbatim(start, end int) {
	if end <= start {
		return
	}
	t := b.Len()
	switch {
	case b.shared && t == 0:
		b.shareStart, b.shareEnd = start, end
	case b.shared && b.shareEnd == start:
		b.shareEnd = end
	default:
		b.unshare(end - start)
		b.text = append(b.text, b.doc.Source[start:end]...)
	}
	b.addSeg(segment{t: t, tlen: end - start, s: start, slen: end - start, verbatim: true})
	b.last = end
}

// Replace appends s as the text standing for Source[start:end] (a decoded
// entity, a front-matter string with escapes, a CRLF read as LF).
func (b *Builder) Replace(s string, start, end int) {
	if s == "" && end <= start {
		return
	}
	t := b.Len()
	if s == "" {
		// Nothing in Text stands for the source bytes: no segment needed.
		b.last = end
		return
	}
	b.unshare(len(s))
	b.text = append(b.text, s...)
	b.addSeg(segment{t: t, tlen: len(s), s: start, slen: end - start})
	b.last = end
}

// Synthetic appends text that stands for no source bytes (a separator
// between blocks, a space for a line break). It maps to the end of the last
// appended source range.
func (b *Builder) Synthetic(s string) {
	if s == "" {
		return
	}
	t := b.Len()
	b.unshare(len(s))
	b.text = append(b.text, s...)
	b.addSeg(segment{t: t, tlen: len(s), s: b.last, slen: 0})
}

// SeekSource sets the source offset that following Synthetic text maps to.
func (b *Builder) SeekSource(off int) { b.last = off }

func (b *Builder) addSeg(sg segment) {
	segs := b.doc.segs
	if n := len(segs); n > 0 && sg.verbatim {
		p := &segs[n-1]
		if p.verbatim && p.t+p.tlen == sg.t && p.s+p.slen == sg.s {
			p.tlen += sg.tlen
			p.slen += sg.slen
			b.countLink(sg.tlen)
			return
		}
	}
	b.doc.segs = append(segs, sg)
	b.countLink(sg.tlen)
}

func (b *Builder) countLink(n int) {
	if b.links > 0 && b.open >= 0 {
		b.doc.Blocks[b.open].LinkBytes += n
	}
}

// EnterLink and LeaveLink bracket text inside a hyperlink, for link density.
func (b *Builder) EnterLink() { b.links++ }

// LeaveLink ends a link opened with EnterLink.
func (b *Builder) LeaveLink() {
	if b.links > 0 {
		b.links--
	}
}

// OpenBlock starts a block at the current end of Text, closing any open one,
// and returns its index.
func (b *Builder) OpenBlock(kind BlockKind, tag string) int {
	b.CloseBlock()
	n := b.Len()
	b.doc.Blocks = append(b.doc.Blocks, Block{Kind: kind, Tag: tag, Span: Span{n, n}})
	b.open = len(b.doc.Blocks) - 1
	return b.open
}

// Current returns the open block for the parser to set details on, or nil.
func (b *Builder) Current() *Block {
	if b.open < 0 {
		return nil
	}
	return &b.doc.Blocks[b.open]
}

// CloseBlock ends the open block. Trailing white space is left out of its
// span; a block with no text is dropped.
func (b *Builder) CloseBlock() {
	if b.open < 0 {
		return
	}
	blk := &b.doc.Blocks[b.open]
	text := b.textBytes()
	end := len(text)
	for end > blk.Span.Start && isSpaceByte(text[end-1]) {
		end--
	}
	start := blk.Span.Start
	for start < end && isSpaceByte(text[start]) {
		start++
	}
	blk.Span = Span{start, end}
	if blk.Span.Empty() {
		if b.doc.HeadlineBlock == b.open {
			b.doc.HeadlineBlock = -1
		}
		b.doc.Blocks = b.doc.Blocks[:b.open]
	}
	b.open = -1
}

// MarkHeadline makes the open block (or, if none is open, the last block)
// the headline.
func (b *Builder) MarkHeadline() {
	i := b.open
	if i < 0 {
		i = len(b.doc.Blocks) - 1
	}
	if i >= 0 {
		b.doc.HeadlineBlock = i
	}
}

// AddComment records a markup comment.
func (b *Builder) AddComment(text string, src Span) {
	if b.doc.Comments == nil && cap(b.bufs.comments) > 0 {
		b.doc.Comments = b.bufs.comments[:0]
		b.bufs.comments = nil
	}
	b.doc.Comments = append(b.doc.Comments, Comment{Text: text, Source: src, NextBlock: -1})
}

// Finish closes any open block and returns the document. Block.Sentences and
// Document.Quotes are left for the parser to fill.
func (b *Builder) Finish() *Document {
	b.CloseBlock()
	d := b.doc
	switch {
	case b.shared && b.shareEnd > b.shareStart:
		d.Text = unsafe.String(&d.Source[b.shareStart], b.shareEnd-b.shareStart)
	case !b.shared && len(b.text) > 0:
		d.Text = unsafe.String(unsafe.SliceData(b.text), len(b.text))
	}
	if !b.shared {
		d.textBuf = b.text
	}
	if d.HeadlineBlock >= 0 {
		d.Headline = d.Blocks[d.HeadlineBlock].Span
	}
	if len(d.Comments) > 0 {
		// NextBlock is the first block whose source start is at or after the
		// comment's end. The first index where the running maximum of block
		// starts reaches an offset is the first block starting there, so a
		// binary search over running maxima finds it without scanning every
		// block for every comment.
		maxStart := reserve(b.bufs.scratch[:0], len(d.Blocks))[:len(d.Blocks)]
		b.bufs.scratch = maxStart[:0]
		m := -1
		for j, blk := range d.Blocks {
			if s, _ := d.SourceSpan(blk.Span); s.Start > m {
				m = s.Start
			}
			maxStart[j] = m
		}
		for i := range d.Comments {
			c := &d.Comments[i]
			c.NextBlock = sort.SearchInts(maxStart, c.Source.End)
		}
	}
	return d
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}
