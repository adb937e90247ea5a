package lint

import (
	"bytes"
	"copydesk/lint/freelist"
	"encoding/binary"
	"sort"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// Format is the markup a draft is written in.
type Format uint8

// Formats copydesk reads.
const (
	Plain Format = iota
	Markdown
	HTML
)

// String returns "plain", "markdown" or "html".
func (f Format) String() string {
	switch f {
	case Markdown:
		return "markdown"
	case HTML:
		return "html"
	}
	return "plain"
}

// BlockKind says what a block of prose is.
type BlockKind uint8

// Block kinds. Code is never prose and never appears as a block.
const (
	Paragraph BlockKind = iota
	Heading             // a heading (the headline block is a Heading or Title)
	Title               // a headline taken from front matter or <title>
	ListItem            // one item of a bulleted or numbered list
	Quote               // a paragraph inside a blockquote
	Caption             // figcaption, image caption
	Cell                // table cell, definition term or description
	Other               // bare text of a container element (div, section, aside)
)

var blockKindNames = [...]string{"paragraph", "heading", "title", "list-item", "quote", "caption", "cell", "other"}

// String returns the kebab-case name of the kind.
func (k BlockKind) String() string {
	if int(k) < len(blockKindNames) {
		return blockKindNames[k]
	}
	return "unknown"
}

// Block is one unit of prose: a paragraph, heading, list item, quoted
// paragraph, caption or container text.
type Block struct {
	Kind      BlockKind
	Span      Span   // in Document.Text
	Sentences []Span // in Document.Text, filled by the parser's sentence splitter
	Level     int    // heading level (1-6), 0 otherwise
	Quoted    bool   // inside a blockquote
	Tag       string // HTML element or Markdown node that produced the block ("p", "li", "div", "h2"...)
	LinkBytes int    // bytes of Text inside links (for link density)
	Image     bool   // the block contains an image, or is next to one inside the same figure
}

// Comment is a markup comment (<!-- ... -->) found in the source. Comments are
// never prose; suppression directives are read from them.
type Comment struct {
	Text      string // the comment body, without <!-- and --> (it may share Source's bytes)
	Source    Span   // in Document.Source, the whole comment
	NextBlock int    // index of the first block that starts after the comment, or len(Blocks)
}

// Document is a parsed draft: its source bytes, the prose extracted from them
// and an exact map between the two.
type Document struct {
	Path   string
	Format Format
	Source []byte // as read: BOM, CRLF and markup intact
	Text   string // prose only: markup removed, entities decoded, LF line endings

	// Headline is the headline's span in Text; empty when the draft has none.
	Headline Span
	// HeadlineBlock is the index in Blocks of the headline, or -1.
	HeadlineBlock int
	// Blocks are the prose blocks in reading order, the headline included.
	Blocks []Block
	// Quotes are the spans of Text inside direct quotations, sorted and
	// non-overlapping (quote marks included).
	Quotes []Span
	// Comments are the markup comments of the source, in order.
	Comments []Comment

	segs       []segment // Text→Source map, sorted by text offset, covering Text
	lineStarts []int     // byte offsets in Source where lines start (lazy)
	colMarks   []colMark // column checkpoints inside long lines (lazy)
	lineOnce   sync.Once

	memoMu sync.Mutex
	// memo holds the memoised values in the order they were computed: a
	// document has a handful, so a scan beats a map, and the slice is
	// recycled with the document's buffers. memoIndex indexes it once it
	// grows past memoScan entries.
	memo      []memoEntry
	memoIndex map[any]int

	// Memory Release recycles: the pooled buffers the document was built
	// with, the Text bytes when Text does not share Source's, and the span
	// table the parser took from Builder.Spans.
	bufs    *buffers
	textBuf []byte
	spanBuf []Span
}

// buffers are a document's large tables, recycled through bufPool by
// Document.Release so that a run over many drafts reuses warm memory
// instead of allocating (and faulting in) fresh pages for every draft.
type buffers struct {
	text   []byte
	blocks []Block
	segs   []segment
	spans  []Span
	lines  []int
	marks  []colMark
	memo   []memoEntry
	// comments is the Comments table; scratch is Finish's working table.
	comments []Comment
	scratch  []int

	// builder is the Builder NewBuilder hands out with these buffers: a
	// Builder is only used while its document is built (and never after
	// the document is released), so it is recycled with them.
	builder Builder
	// passes is a slab of Passes for NewPass on the document (see
	// Document.newPass); they live as long as the document.
	passes []Pass

	// findings and edits are the memory CheckDocument lends out for a
	// document's findings and their resolved fix edits (see recycle.go);
	// lent says that findings is in a caller's hands. spare is a Document
	// handed back by FileResult.Release, for the next NewBuilder.
	findings []Finding
	edits    []Edit
	lent     bool
	spare    *Document
}

// bufPool holds the buffers of released documents (a free list, not a
// sync.Pool: see package freelist).
var bufPool freelist.List[buffers]

func getBuffers() *buffers { return bufPool.Get() }

// maxPooled bounds the bytes a pooled table may keep: a huge draft's
// tables are left to the garbage collector, so memory stays flat.
const maxPooled = 1 << 20

// keep returns s emptied for reuse, or nil if it is too large to pool.
func keep[T any](s []T) []T {
	if uintptr(cap(s))*unsafe.Sizeof(*new(T)) > maxPooled {
		return nil
	}
	return s[:0]
}

// Release hands the document's large buffers (the Text bytes, the block,
// sentence, quotation and map tables, the line index) back to a pool that
// the next NewBuilder reuses. A run over many drafts that releases each
// document once its output is written allocates, and faults in, far less
// fresh memory. Release is optional: a document that is never released is
// garbage collected as usual.
//
// After Release nothing of the document may be used: not its fields, not
// its methods, and not any string or slice taken from it. Text, and the
// strings Slice returns, share the recycled bytes, so a finding message or
// fix text that is a substring of Text must be written out (or copied)
// before Release. Source belongs to the caller and is not recycled, but
// Text and Comment.Text may share its bytes: recycle Source only after
// Release. A second
// Release does nothing; documents not made by a Builder hold no pooled
// memory.
//
// Findings that CheckDocument returned for the document are not recycled
// by Release (they may outlive it); FileResult.Release recycles them too.
func (d *Document) Release() { d.release(false) }

// release is Release; with all set (FileResult.Release) it also recycles
// the findings CheckDocument lent out, their resolved edits and the
// Document itself, for the next NewBuilder.
func (d *Document) release(all bool) {
	b := d.bufs
	if b == nil {
		return
	}
	d.bufs = nil
	if d.textBuf != nil {
		b.text = keep(d.textBuf)
	}
	clear(d.Blocks)
	b.blocks = keep(d.Blocks)
	b.segs = keep(d.segs)
	if d.spanBuf != nil {
		b.spans = keep(d.spanBuf)
	}
	b.lines = keep(d.lineStarts)
	b.marks = keep(d.colMarks)
	clear(d.memo)
	b.memo = keep(d.memo)
	if cap(d.Comments) > 0 {
		clear(d.Comments)
		b.comments = keep(d.Comments)
	}
	b.builder = Builder{}
	clear(b.passes)
	b.passes = keep(b.passes)
	b.recycleFindings(all)
	if all {
		*d = Document{}
		b.spare = d
	} else {
		*d = Document{Path: d.Path, Format: d.Format, HeadlineBlock: -1}
	}
	bufPool.Put(b)
}

// segment maps Text[t : t+tlen] to Source[s : s+slen]. A verbatim segment has
// tlen == slen and byte-identical content, so every offset inside maps
// exactly; any other segment (a decoded entity, a synthetic separator) maps
// exactly only at its ends.
type segment struct {
	t, tlen  int
	s, slen  int
	verbatim bool
}

// Slice returns the text of a span of Text.
func (d *Document) Slice(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// HasHeadline reports whether the draft has a headline.
func (d *Document) HasHeadline() bool { return d.HeadlineBlock >= 0 }

// Body returns the indexes of all blocks except the headline.
func (d *Document) Body() []int {
	out := make([]int, 0, len(d.Blocks))
	for i := range d.Blocks {
		if i != d.HeadlineBlock {
			out = append(out, i)
		}
	}
	return out
}

// InQuote reports whether the Text offset off lies inside a direct quotation.
func (d *Document) InQuote(off int) bool {
	i := sort.Search(len(d.Quotes), func(i int) bool { return d.Quotes[i].End > off })
	return i < len(d.Quotes) && d.Quotes[i].Start <= off
}

// QuoteCovering returns the quotation span containing off, if any.
func (d *Document) QuoteCovering(off int) (Span, bool) {
	i := sort.Search(len(d.Quotes), func(i int) bool { return d.Quotes[i].End > off })
	if i < len(d.Quotes) && d.Quotes[i].Start <= off {
		return d.Quotes[i], true
	}
	return Span{}, false
}

// BlockAt returns the index of the block containing Text offset off, or -1.
func (d *Document) BlockAt(off int) int {
	i := sort.Search(len(d.Blocks), func(i int) bool { return d.Blocks[i].Span.End > off })
	if i < len(d.Blocks) && d.Blocks[i].Span.Start <= off {
		return i
	}
	return -1
}

func (d *Document) segIndex(t int) int {
	return sort.Search(len(d.segs), func(i int) bool { return d.segs[i].t+d.segs[i].tlen > t })
}

// SourceOffset maps a Text offset to a Source offset. For an offset that
// ends a span use SourceEnd, which maps to the end of the preceding text.
func (d *Document) SourceOffset(t int) int {
	off, _ := d.sourceStart(t)
	return off
}

// SourceEnd maps an exclusive end offset in Text to Source.
func (d *Document) SourceEnd(t int) int {
	off, _ := d.sourceEnd(t)
	return off
}

func (d *Document) sourceStart(t int) (int, bool) {
	if len(d.segs) == 0 {
		return clamp(t, 0, len(d.Source)), t == 0
	}
	if t >= len(d.Text) {
		last := d.segs[len(d.segs)-1]
		return last.s + last.slen, true
	}
	if t < 0 {
		t = 0
	}
	sg := d.segs[d.segIndex(t)]
	if t == sg.t {
		return sg.s, true
	}
	if sg.verbatim {
		return sg.s + (t - sg.t), true
	}
	return sg.s, false
}

func (d *Document) sourceEnd(t int) (int, bool) {
	if len(d.segs) == 0 {
		return clamp(t, 0, len(d.Source)), t == 0
	}
	if t <= 0 {
		return d.segs[0].s, true
	}
	if t > len(d.Text) {
		t = len(d.Text)
	}
	sg := d.segs[d.segIndex(t-1)]
	if t == sg.t+sg.tlen {
		return sg.s + sg.slen, true
	}
	if sg.verbatim {
		return sg.s + (t - sg.t), true
	}
	return sg.s + sg.slen, false
}

// SourceSpan maps a span of Text to the Source bytes it stands for. The
// second result is true when replacing those source bytes with new text is
// the same as replacing the text span: both ends map exactly and no markup
// lies between the pieces of text. A finding may always use the span for its
// location; a fix edit needs exactness.
func (d *Document) SourceSpan(s Span) (Span, bool) {
	if s.Empty() {
		off, ok := d.sourceStart(s.Start)
		return Span{off, off}, ok
	}
	a, okA := d.sourceStart(s.Start)
	b, okB := d.sourceEnd(s.End)
	if b < a {
		b = a
	}
	exact := okA && okB
	if exact {
		// Every pair of consecutive segments inside the span must be
		// contiguous in Source: otherwise markup lies between them.
		i := d.segIndex(s.Start)
		for ; i+1 < len(d.segs) && d.segs[i+1].t < s.End; i++ {
			cur, next := d.segs[i], d.segs[i+1]
			if cur.s+cur.slen != next.s {
				exact = false
				break
			}
		}
	}
	return Span{a, b}, exact
}

func (d *Document) buildLines() {
	d.lineStarts = append(d.lineStarts[:0], 0)
	src := d.Source
	if bytes.IndexByte(src, '\r') < 0 {
		// No CR: find the line feeds with the vectorised search.
		for i := 0; ; {
			j := bytes.IndexByte(src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			d.lineStarts = append(d.lineStarts, i)
		}
	} else {
		for i := 0; i < len(src); i++ {
			switch src[i] {
			case '\n':
				d.lineStarts = append(d.lineStarts, i+1)
			case '\r':
				if i+1 < len(src) && src[i+1] == '\n' {
					continue
				}
				d.lineStarts = append(d.lineStarts, i+1) // a lone CR ends a line too
			}
		}
	}
	// Checkpoints every colMarkStep bytes of long lines, so that Pos counts
	// at most that many bytes however long the line (a 1 MB single-line
	// draft with many findings would otherwise be quadratic).
	for i, start := range d.lineStarts {
		end := len(src)
		if i+1 < len(d.lineStarts) {
			end = d.lineStarts[i+1]
		}
		if end-start <= colMarkStep {
			continue
		}
		if i == 0 && hasBOM(src) {
			start = 3
		}
		col := 0
		for off := start; off+colMarkStep < end; {
			next := off + colMarkStep
			for next < end && !utf8.RuneStart(src[next]) {
				next++
			}
			col += runeCount(src[off:next])
			d.colMarks = append(d.colMarks, colMark{off: next, col: col})
			off = next
		}
	}
}

// colMark records that Source offset off is col characters after the start
// of its line.
type colMark struct{ off, col int }

const colMarkStep = 512

func hasBOM(src []byte) bool {
	return len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF
}

// Pos resolves a Source byte offset to a line and a column counted in
// Unicode characters. A UTF-8 byte order mark does not count as a column.
func (d *Document) Pos(off int) Position {
	d.lineOnce.Do(d.buildLines)
	off = clamp(off, 0, len(d.Source))
	i := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	start := d.lineStarts[i]
	if i == 0 && hasBOM(d.Source) && off >= 3 {
		start = 3
	}
	col := 0
	if m := sort.Search(len(d.colMarks), func(j int) bool { return d.colMarks[j].off > off }) - 1; m >= 0 && d.colMarks[m].off > start {
		start, col = d.colMarks[m].off, d.colMarks[m].col
	}
	return Position{Offset: off, Line: i + 1, Column: col + runeCount(d.Source[start:off]) + 1}
}

// runeCount is utf8.RuneCount (an invalid byte counts as one character)
// without its cost: Go 1.26's RuneCount copies everything after the first
// non-ASCII byte into a new string, an allocation of up to a line for
// every Pos of text with a curly quote in it. ASCII is counted eight bytes
// at a time.
func runeCount(p []byte) int {
	n := 0
	for i := 0; i < len(p); {
		if i+8 <= len(p) && binary.LittleEndian.Uint64(p[i:])&0x8080808080808080 == 0 {
			i += 8
			n += 8
			continue
		}
		if p[i] < utf8.RuneSelf {
			i++
		} else {
			_, w := utf8.DecodeRune(p[i:])
			i += w
		}
		n++
	}
	return n
}

// LineCount returns the number of lines in Source.
func (d *Document) LineCount() int {
	d.lineOnce.Do(d.buildLines)
	return len(d.lineStarts)
}

// SourceLine returns the source bytes of a 1-based line, without its line
// ending, and the offset where it starts.
func (d *Document) SourceLine(line int) (string, int) {
	d.lineOnce.Do(d.buildLines)
	if line < 1 || line > len(d.lineStarts) {
		return "", len(d.Source)
	}
	start := d.lineStarts[line-1]
	end := len(d.Source)
	if line < len(d.lineStarts) {
		end = d.lineStarts[line]
	}
	for end > start && (d.Source[end-1] == '\n' || d.Source[end-1] == '\r') {
		end--
	}
	return string(d.Source[start:end]), start
}

// LineSpan returns the Source span of whole lines from the line containing
// src.Start to the line containing src.End-1, including the final line
// ending. Rules use it to delete whole source lines (list markers included).
func (d *Document) LineSpan(src Span) Span {
	d.lineOnce.Do(d.buildLines)
	first := d.Pos(src.Start).Line
	endOff := src.End - 1
	if endOff < src.Start {
		endOff = src.Start
	}
	last := d.Pos(endOff).Line
	start := d.lineStarts[first-1]
	end := len(d.Source)
	if last < len(d.lineStarts) {
		end = d.lineStarts[last]
	}
	return Span{start, end}
}

// Memo returns the value stored under key, computing it once per document.
// Rules use it to share an analysis (the attribution model, say) so that it
// is computed once however many rules need it. Keys should be unexported
// types of the package that owns the analysis. A value that implements
// Releaser lives until the CheckDocument call whose rules computed it
// returns; any other lives as long as the document.
func (d *Document) Memo(key any, compute func() any) any {
	d.memoMu.Lock()
	if i := d.memoFind(key); i >= 0 {
		v := d.memo[i].val
		d.memoMu.Unlock()
		return v
	}
	d.memoMu.Unlock()
	v := compute()
	d.memoMu.Lock()
	defer d.memoMu.Unlock()
	if i := d.memoFind(key); i >= 0 {
		return d.memo[i].val
	}
	_, rel := v.(Releaser)
	d.memo = append(d.memo, memoEntry{key: key, val: v, release: rel})
	if d.memoIndex != nil {
		d.memoIndex[key] = len(d.memo) - 1
	} else if len(d.memo) > memoScan {
		d.reindexMemo()
	}
	return v
}

// memoEntry is one memoised value; release records that it implements
// Releaser.
type memoEntry struct {
	key, val any
	release  bool
}

// memoScan is the number of memo entries found by a linear scan; past it
// (a pack with many keyed groups, say) lookups go through memoIndex.
const memoScan = 16

// memoFind returns the index of key in d.memo, or -1. memoMu is held.
func (d *Document) memoFind(key any) int {
	if d.memoIndex != nil {
		if i, ok := d.memoIndex[key]; ok {
			return i
		}
		return -1
	}
	for i := range d.memo {
		if d.memo[i].key == key {
			return i
		}
	}
	return -1
}

// reindexMemo rebuilds memoIndex, or drops it when a scan will do. memoMu
// is held.
func (d *Document) reindexMemo() {
	if len(d.memo) <= memoScan {
		d.memoIndex = nil
		return
	}
	d.memoIndex = make(map[any]int, len(d.memo))
	for i := range d.memo {
		d.memoIndex[d.memo[i].key] = i
	}
}

// Releaser is implemented by memo values that own memory worth recycling
// once the rules are done with the document: an analysis's token and
// sentence tables, say, which are large and built for every draft.
// CheckDocument releases the values its rules computed before it returns
// (see Document.Memo); the next Memo call with the same key computes a new
// value. Release must be safe to call once; nothing may use the value, or
// memory it handed out, afterwards.
type Releaser interface {
	Release()
}

// memoMark returns the number of memo values computed so far.
func (d *Document) memoMark() int {
	d.memoMu.Lock()
	defer d.memoMu.Unlock()
	return len(d.memo)
}

// releaseMemo forgets the releasable memo values computed since mark and
// releases them, most recent first; the other values stay.
func (d *Document) releaseMemo(mark int) {
	var stack [8]Releaser
	vals := stack[:0]
	d.memoMu.Lock()
	if mark > len(d.memo) {
		mark = len(d.memo)
	}
	kept := d.memo[:mark]
	for _, e := range d.memo[mark:] {
		if e.release {
			vals = append(vals, e.val.(Releaser))
		} else {
			kept = append(kept, e)
		}
	}
	if len(vals) == 0 {
		d.memoMu.Unlock()
		return
	}
	clear(d.memo[len(kept):])
	d.memo = kept
	if d.memoIndex != nil {
		d.reindexMemo()
	}
	d.memoMu.Unlock()
	for i := len(vals) - 1; i >= 0; i-- {
		vals[i].Release()
	}
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
