package format

import (
	"bytes"
	"cmp"
	"copydesk/lint/freelist"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/fatih/color"
	"github.com/sergi/go-diff/diffmatchpatch"

	"copydesk/lint"
)

func init() { DefaultFixRenderer = RenderFix }

// Limits that keep a fix view short whatever the draft looks like.
const (
	fixContext   = 30 // unchanged characters shown either side of a change
	fixMaxChange = 200
	fixMaxLines  = 8 // removed or added whole lines shown per block
)

// RenderFix writes the fix of f under the finding in text output, indented
// by four spaces. It implements FixRenderer and is the package's
// DefaultFixRenderer. The first line is the fix message with "(safe)" or
// "(suggestion)"; then, for each group of edited lines:
//
//   - whole lines removed (or added) are listed as "- line" ("+ line"),
//     leaving out blank lines removed with them;
//   - any other change is a word diff of the edited lines: removed text as
//     [-text-] and added text as {+text+}, or, with color, removed text red
//     and added text green (on a red or green background when it is only
//     white space, so it stays visible). Newlines inside a change show as ↵.
//
// Unchanged text is cut to a few words either side of a change. The edits
// must be in source coordinates (as the runner leaves them); a fix whose
// edits do not fit src prints its message only.
func RenderFix(w io.Writer, src []byte, f *lint.Finding, useColor bool) error {
	if f == nil || f.Fix == nil {
		return nil
	}
	fv := fixViews.Get()
	defer fixViews.Put(fv)
	fv.p = paletteFor(useColor)
	b := fv.render(fv.out[:0], src, f)
	_, err := w.Write(b)
	fv.out = b[:0]
	return err
}

// fixView holds the buffers RenderFix reuses from call to call.
type fixView struct {
	p      *palette
	out    []byte
	edits  []lint.Edit
	groups []editGroup
	after  []byte
	arena  []byte    // the texts of segs
	segs   []wordSeg // a word diff
	line   []wordSeg // one display line of it
	ops    []lineOp  // the lines of a whole-line change, views of the text

	dmp      *diffmatchpatch.DiffMatchPatch
	diffs    []cachedDiff // recent word diffs
	nextDiff int          // the entry of diffs to replace next
}

// wordSeg is text arena[a:b] kept, removed or added.
type wordSeg struct {
	typ  diffmatchpatch.Operation
	a, b int
}

var fixViews freelist.List[fixView]

func (fv *fixView) render(b []byte, src []byte, f *lint.Finding) []byte {
	p := fv.p
	kind := "(suggestion)"
	if f.Fix.Safe {
		kind = "(safe)"
	}
	msg := display(f.Fix.Message)
	if msg == "" {
		msg = "Apply the fix"
	}
	b = append(b, "    "...)
	b = p.label.add(b, "fix:")
	b = append(b, ' ')
	b = append(b, msg...)
	b = append(b, ' ')
	b = p.faint.add(b, kind)
	b = append(b, '\n')
	var ok bool
	fv.edits = append(fv.edits[:0], f.Fix.Edits...)
	if fv.groups, ok = groupEdits(fv.groups[:0], src, fv.edits); ok {
		for _, g := range fv.groups {
			b = fv.renderGroup(b, src, g)
		}
	}
	clear(fv.groups) // drop the references to edits
	clear(fv.edits)
	return b
}

// palette holds the colours of fix views.
type palette struct {
	label, faint, del, ins, delWS, insWS paint
}

var palettes [2]struct {
	once sync.Once
	p    palette
}

func paletteFor(on bool) *palette {
	i := 0
	if on {
		i = 1
	}
	pp := &palettes[i]
	pp.once.Do(func() {
		pp.p = palette{
			label: newPaint(on, color.FgCyan),
			faint: newPaint(on, color.Faint),
			del:   newPaint(on, color.FgRed),
			ins:   newPaint(on, color.FgGreen),
			delWS: newPaint(on, color.BgRed),
			insWS: newPaint(on, color.BgGreen),
		}
	})
	return &pp.p
}

// editGroup is a run of whole source lines [start, end) and the edits in it.
type editGroup struct {
	start, end int
	edits      []lint.Edit
}

// groupEdits sorts edits (in place) and groups those on the same or
// adjacent lines, appending the groups to groups. It returns false when an
// edit lies outside src or edits overlap.
//
// A group spans whole lines, except on a very long line: there it stops
// fixWindow bytes from the edits (see lineStartWithin), so that rendering a
// fix costs in proportion to its edits, not to the line (a 1 MB single-line
// draft can carry tens of thousands of findings). The view shows only
// fixContext characters of unchanged text either side of a change anyway;
// edits on one long line more than 2×fixWindow bytes apart make separate
// groups, each shown on its own.
func groupEdits(groups []editGroup, src []byte, es []lint.Edit) ([]editGroup, bool) {
	if len(es) > 1 {
		slices.SortStableFunc(es, func(a, b lint.Edit) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	}
	prevEnd := 0
	for i, e := range es {
		if e.Span.Start < prevEnd || e.Span.Start > e.Span.End || e.Span.End > len(src) {
			return groups, false
		}
		prevEnd = e.Span.End
		ls := lineStartWithin(src, e.Span.Start, fixWindow)
		var le int
		if e.Span.End > e.Span.Start && src[e.Span.End-1] == '\n' {
			le = e.Span.End
		} else {
			le = lineEndWithin(src, e.Span.End, fixWindow)
		}
		if n := len(groups); n > 0 && ls <= groups[n-1].end {
			groups[n-1].end = max(groups[n-1].end, le)
			groups[n-1].edits = groups[n-1].edits[:len(groups[n-1].edits)+1]
			continue
		}
		groups = append(groups, editGroup{start: ls, end: le, edits: es[i : i+1]})
	}
	return groups, true
}

// fixWindow is how far, in bytes, groupEdits looks from an edit for the
// ends of its line. It must leave more than fixContext characters (of up
// to 4 bytes each) so that a cut line is shown exactly as a whole one.
const fixWindow = 1024

// lineStartWithin returns the start of the line holding off, or, when that
// is more than limit bytes back, the first character boundary limit bytes
// back.
func lineStartWithin(src []byte, off, limit int) int {
	lo := max(0, off-limit)
	if i := bytes.LastIndexByte(src[lo:off], '\n'); i >= 0 {
		return lo + i + 1
	}
	for lo > 0 && lo < off && !utf8.RuneStart(src[lo]) {
		lo++
	}
	return lo
}

// lineEndWithin returns the offset after the newline ending the line at
// off, or, when that is more than limit bytes on, the last character
// boundary limit bytes on.
func lineEndWithin(src []byte, off, limit int) int {
	hi := min(len(src), off+limit)
	if i := bytes.IndexByte(src[off:min(len(src), hi+1)], '\n'); i >= 0 {
		return off + i + 1
	}
	for hi < len(src) && hi > off && !utf8.RuneStart(src[hi]) {
		hi--
	}
	return hi
}

// renderGroup appends the view of one group of edits.
func (fv *fixView) renderGroup(b []byte, src []byte, g editGroup) []byte {
	p := fv.p
	before := src[g.start:g.end]
	after := fv.after[:0]
	pos := g.start
	for _, e := range g.edits {
		after = append(after, src[pos:e.Span.Start]...)
		after = append(after, e.New...)
		pos = e.Span.End
	}
	after = append(after, src[pos:g.end]...)
	fv.after = after

	// Does the fix only remove or only add whole lines (the line diff has
	// '-' lines or '+' lines, not both)? Where the lines that differ are
	// missing on one side, or are one line on each, the answer needs no
	// diff; else ask go-diff's line mode as UnifiedDiff does.
	var ops []lineOp
	whole, ownOps := false, false
	// The source before the first edit and after the last is the same on
	// both sides: the common head and tail are at least that long.
	pre, suf := lineDiffBoundsFrom(before, after, g.edits[0].Span.Start-g.start, g.end-g.edits[len(g.edits)-1].Span.End)
	mo, mn := before[pre:len(before)-suf], after[pre:len(after)-suf]
	switch {
	case len(mo) == 0 && len(mn) == 0:
	case len(mo) == 0 || len(mn) == 0:
		whole, ownOps = true, true
		kind, m := byte('-'), mo
		if len(mo) == 0 {
			kind, m = '+', mn
		}
		// The lines are views of the source and of fv.after, read before
		// either changes: no copy of each line.
		ops = fv.ops[:0]
		for len(m) > 0 {
			k := bytes.IndexByte(m, '\n') + 1
			if k == 0 {
				k = len(m)
			}
			ops = append(ops, lineOp{kind, unsafe.String(&m[0], k)})
			m = m[k:]
		}
	case oneLine(mo) && oneLine(mn):
	default:
		ops, _ = lineDiff(before, after)
		whole = wholeLines(ops)
	}
	if whole {
		b = appendWholeLines(b, p, ops)
		if ownOps {
			clear(ops) // no views of the draft kept in the pooled fixView
			fv.ops = ops[:0]
		}
		return b
	}

	// Word diff: unchanged source between the edits as it is, each edit's
	// old and new text compared on its own (so a 1 MB line costs no more
	// than its edits). An edit that only inserts or deletes is its own
	// diff; go-diff compares the others.
	fv.arena, fv.segs = fv.arena[:0], fv.segs[:0]
	pos = g.start
	for _, e := range g.edits {
		fv.addSeg(diffmatchpatch.DiffEqual, src[pos:e.Span.Start])
		old := src[e.Span.Start:e.Span.End]
		switch {
		case len(old) == 0 && len(e.New) == 0:
		case len(old) == 0 && utf8.ValidString(e.New):
			fv.addSegString(diffmatchpatch.DiffInsert, e.New)
		case len(e.New) == 0 && utf8.Valid(old):
			fv.addSeg(diffmatchpatch.DiffDelete, old)
		default:
			for _, d := range fv.wordDiff(old, e.New) {
				fv.addSegString(d.Type, d.Text)
			}
		}
		pos = e.Span.End
	}
	fv.addSeg(diffmatchpatch.DiffEqual, src[pos:g.end])

	// Display lines break at the newlines of unchanged text; newlines
	// inside a change stay in it (shown as ↵). Only lines with a change
	// are shown.
	line := fv.line[:0]
	for _, s := range fv.segs {
		if s.typ != diffmatchpatch.DiffEqual {
			line = append(line, s)
			continue
		}
		text := fv.arena[s.a:s.b]
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			line = append(line, s)
			continue
		}
		if i > 0 {
			line = append(line, wordSeg{s.typ, s.a, s.a + i})
		}
		b = fv.appendWordLine(b, line)
		line = line[:0]
		// Lines between the first newline and the last hold no change.
		if j := bytes.LastIndexByte(text, '\n'); j+1 < len(text) {
			line = append(line, wordSeg{s.typ, s.a + j + 1, s.b})
		}
	}
	b = fv.appendWordLine(b, line)
	fv.line = line[:0]
	return b
}

// wordDiff returns go-diff's semantic word diff of old and new. The last
// few are remembered: a draft's fixes often repeat (the same mojibake, the
// same hedge), and go-diff's answer is the same each time.
func (fv *fixView) wordDiff(old []byte, new string) []diffmatchpatch.Diff {
	for i := range fv.diffs {
		if c := &fv.diffs[i]; c.new == new && c.old == string(old) {
			return c.diffs
		}
	}
	if fv.dmp == nil {
		fv.dmp = diffmatchpatch.New()
		fv.dmp.DiffTimeout = 0 // exact, deterministic results whatever the load
	}
	c := cachedDiff{old: string(old), new: new}
	c.diffs = fv.dmp.DiffCleanupSemantic(fv.dmp.DiffMain(c.old, new, false))
	if len(fv.diffs) < cap(fv.diffs) || len(fv.diffs) < 8 {
		fv.diffs = append(fv.diffs, c)
	} else {
		fv.diffs[fv.nextDiff%len(fv.diffs)] = c
		fv.nextDiff++
	}
	return c.diffs
}

// cachedDiff is a word diff wordDiff remembers.
type cachedDiff struct {
	old, new string
	diffs    []diffmatchpatch.Diff
}

// oneLine reports whether m is one line: no newline but maybe a last one.
func oneLine(m []byte) bool {
	i := bytes.IndexByte(m, '\n')
	return i < 0 || i == len(m)-1
}

// addSeg appends text of type typ to the word diff, joined to the last
// segment when that has the same type; empty text is left out.
func (fv *fixView) addSeg(typ diffmatchpatch.Operation, text []byte) {
	if len(text) == 0 {
		return
	}
	a := len(fv.arena)
	fv.arena = append(fv.arena, text...)
	fv.joinSeg(typ, a)
}

func (fv *fixView) addSegString(typ diffmatchpatch.Operation, text string) {
	if len(text) == 0 {
		return
	}
	a := len(fv.arena)
	fv.arena = append(fv.arena, text...)
	fv.joinSeg(typ, a)
}

func (fv *fixView) joinSeg(typ diffmatchpatch.Operation, a int) {
	if n := len(fv.segs); n > 0 && fv.segs[n-1].typ == typ {
		fv.segs[n-1].b = len(fv.arena)
		return
	}
	fv.segs = append(fv.segs, wordSeg{typ, a, len(fv.arena)})
}

// appendWordLine appends one display line of a word diff if it has a
// change: unchanged text cut to a few characters next to the changes.
func (fv *fixView) appendWordLine(b []byte, line []wordSeg) []byte {
	changedLine := false
	for _, s := range line {
		if s.typ != diffmatchpatch.DiffEqual {
			changedLine = true
			break
		}
	}
	if !changedLine {
		return b
	}
	b = append(b, "        "...)
	for i, s := range line {
		text := fv.arena[s.a:s.b]
		switch s.typ {
		case diffmatchpatch.DiffEqual:
			b = appendContext(b, text, i == 0, i == len(line)-1)
		case diffmatchpatch.DiffDelete:
			b = appendChanged(b, fv.p, string(text), true)
		case diffmatchpatch.DiffInsert:
			b = appendChanged(b, fv.p, string(text), false)
		}
	}
	return append(b, '\n')
}

// appendContext appends display(trimContext(s, first, last)) for
// unchanged text s without a newline: only the characters shown are read.
// (display works character by character, and "…" needs no change, so the
// pieces can be shown one by one.)
func appendContext(b, s []byte, first, last bool) []byte {
	switch {
	case first && last:
	case first && moreRunes(s, fixContext):
		b = append(b, "…"...)
		return appendDisplayBytes(b, lastRunesOf(s, fixContext))
	case last && moreRunes(s, fixContext):
		b = appendDisplayBytes(b, firstRunesOf(s, fixContext))
		return append(b, "…"...)
	case !first && !last && moreRunes(s, 2*fixContext+1):
		b = appendDisplayBytes(b, firstRunesOf(s, fixContext))
		b = append(b, "…"...)
		return appendDisplayBytes(b, lastRunesOf(s, fixContext))
	}
	return appendDisplayBytes(b, s)
}

// appendDisplayBytes appends display(string(s)) for s without a newline.
func appendDisplayBytes(b, s []byte) []byte {
	if !needsDisplay(s) {
		return append(b, s...)
	}
	return appendDisplayed(b, s)
}

// moreRunes reports whether s has more than n characters.
func moreRunes(s []byte, n int) bool {
	if len(s) <= n {
		return false
	}
	for i, k := 0, 0; i < len(s); k++ {
		if k == n {
			return true
		}
		if s[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRune(s[i:])
		i += size
	}
	return false
}

func firstRunesOf(s []byte, n int) []byte {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRune(s[i:])
		i += size
	}
	return s[:i]
}

func lastRunesOf(s []byte, n int) []byte {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRune(s[:i])
		i -= size
	}
	return s[i:]
}

// appendWholeLines appends the lines a fix removes or adds.
func appendWholeLines(b []byte, p *palette, ops []lineOp) []byte {
	// Blank lines removed with a block are left out, unless they are
	// all the fix removes.
	blanksOnly := true
	changed := 0
	for _, op := range ops {
		if op.kind != ' ' && strings.TrimSpace(op.text) != "" {
			blanksOnly = false
			changed++
		}
	}
	if blanksOnly {
		for _, op := range ops {
			if op.kind != ' ' {
				changed++
			}
		}
	}
	shown := 0
	for _, op := range ops {
		if op.kind == ' ' || !blanksOnly && strings.TrimSpace(op.text) == "" {
			continue
		}
		if shown == fixMaxLines {
			b = append(b, "      "...)
			b = append(b, p.faint.on...)
			b = append(b, "… "...)
			b = strconv.AppendInt(b, int64(changed-shown), 10)
			b = append(b, " more lines"...)
			b = append(b, p.faint.off...)
			return append(b, '\n')
		}
		c := p.del
		if op.kind == '+' {
			c = p.ins
		}
		b = append(b, "      "...)
		b = append(b, c.on...)
		at := len(b)
		b = append(b, op.kind, ' ')
		b = appendDisplay(b, clip(op.text, fixMaxChange))
		for len(b) > at && b[len(b)-1] == ' ' {
			b = b[:len(b)-1]
		}
		b = append(b, c.off...)
		b = append(b, '\n')
		shown++
	}
	return b
}

// wholeLines reports whether a line diff only removes or only adds lines.
func wholeLines(ops []lineOp) bool {
	var kinds [256]bool
	for _, op := range ops {
		kinds[op.kind] = true
	}
	return kinds['-'] != kinds['+']
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

// clip cuts s to n characters.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return firstRunes(s, n) + "…"
}

// appendChanged appends removed or added text: markers without colour,
// colour (a background for white space only) with it.
func appendChanged(b []byte, p *palette, text string, del bool) []byte {
	if strings.IndexByte(text, '\n') >= 0 {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "↵")
	}
	c, ws := p.ins, p.insWS
	open, close := "{+", "+}"
	if del {
		c, ws = p.del, p.delWS
		open, close = "[-", "-]"
	}
	if c.on == "" { // colour off
		b = append(b, open...)
		b = appendDisplay(b, clip(text, fixMaxChange))
		return append(b, close...)
	}
	text = display(clip(text, fixMaxChange))
	if strings.TrimSpace(text) == "" {
		return ws.add(b, text)
	}
	return c.add(b, text)
}

// appendDisplay appends display(s).
func appendDisplay(b []byte, s string) []byte {
	t := strings.TrimSuffix(s, "\n")
	if !needsDisplay(t) {
		return append(b, t...)
	}
	return appendDisplayed(b, t)
}

// needsDisplay reports whether s holds a control character or a
// replacement character (or a byte that is not UTF-8).
func needsDisplay[T string | []byte](s T) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i : i+min(len(s)-i, utf8.UTFMax)]))
		if r == utf8.RuneError || r <= 0x9f {
			return true
		}
		i += size
	}
	return false
}

// display makes draft text printable on one terminal line: CRs dropped,
// tabs as spaces, a trailing newline removed, other control characters
// escaped.
func display(s string) string {
	s = strings.TrimSuffix(s, "\n")
	if !needsDisplay(s) {
		return s
	}
	return string(appendDisplayed(make([]byte, 0, len(s)+8), s))
}

// appendDisplayed appends display(s) to b, for s without a trailing
// newline: written into the report's buffer, it costs no string of its own.
func appendDisplayed[T string | []byte](b []byte, s T) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r':
			case c == '\t':
				b = append(b, ' ')
			case c < 0x20 || c == 0x7f:
				b = appendHexEscape(b, uint64(c), true)
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i : i+min(len(s)-i, utf8.UTFMax)]))
		switch {
		case r == utf8.RuneError && size == 1:
			b = appendHexEscape(b, uint64(c), false)
		case r != utf8.RuneError && unicode.IsControl(r):
			b = appendHexEscape(b, uint64(r), true)
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}

// appendHexEscape appends \x and v in lower-case hexadecimal, at least two
// digits if pad.
func appendHexEscape(b []byte, v uint64, pad bool) []byte {
	b = append(b, '\\', 'x')
	if pad && v < 0x10 {
		b = append(b, '0')
	}
	return strconv.AppendUint(b, v, 16)
}
