package format

import (
	"bytes"
	"encoding/binary"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"

	"copydesk/lint"
)

// maxLineWidth is the widest source excerpt printed; longer lines (a
// Markdown paragraph is one line) are cut around the span.
const maxLineWidth = 100

// tabWidth is the tab stop used to expand tabs in source excerpts.
const tabWidth = 4

// textFlushAt is the size at which the text report of one file is written
// out before the file's end, and textBufSize the buffer's size, allocated
// once: a report rarely outgrows it (a finding is a few hundred bytes).
// Letting the buffer grow to the largest report of a run (40 KB and more
// over the article corpus, in a series of doublings) costs fresh memory,
// which is dear, for no fewer writes worth having.
const (
	textFlushAt = 6 << 10
	textBufSize = 8 << 10
)

// Text writes findings for people:
//
//	path:line:col: severity: message [rule-id]
//	  12 | the source line
//	     |     ^^^^^^^^
//	    path:line:col: note: related location
//	    fix: what the fix does
//
// then a summary line. Per-file errors are "path: error: message".
//
// A file's report is appended to one buffer, reused from file to file, and
// written with one call (or every textFlushAt bytes): no fmt, and no
// allocation per finding in the common case (a line without tabs, a fix
// that inserts or deletes).
type Text struct {
	w    io.Writer
	opts Options
	err  error
	out  appendWriter // the current file's report
	pal  *textPalette

	// The line of the last excerpt: Source offsets of its start and of the
	// next line's start (-1: none), for the document doc. Findings come
	// sorted by offset, so finding each one's line scans the source once.
	doc               *lint.Document
	docCR             bool // the source holds a CR (lines may end in CR alone)
	lineStart, lineNx int

	// What the last excerpt learnt of its line (raw bytes [rawStart,
	// rawEnd) of doc): whether it holds a tab, its length in characters,
	// and, for a line with tabs, its expansion.
	rawStart, rawEnd int
	rawTab           bool
	rawRunes         int
	rawMarks         []runeMark // a line without tabs: every markStep characters or so
	rawDisp          []rune
	rawCols          []int
}

// appendWriter is an io.Writer appending to a byte slice, so that a fix
// renderer writes into the report's buffer.
type appendWriter struct{ b []byte }

func (a *appendWriter) Write(p []byte) (int, error) {
	a.b = append(a.b, p...)
	return len(p), nil
}

// paint is a colour as the escape sequences written before and after text;
// both are empty when colour is off.
type paint struct{ on, off string }

func (p paint) add(b []byte, s string) []byte {
	b = append(b, p.on...)
	b = append(b, s...)
	return append(b, p.off...)
}

// newPaint returns fatih/color's rendering of attrs, on or off.
func newPaint(on bool, attrs ...color.Attribute) paint {
	if !on {
		return paint{}
	}
	c := color.New(attrs...)
	c.EnableColor()
	before, after, _ := strings.Cut(c.Sprint("x"), "x")
	return paint{before, after}
}

type textPalette struct {
	path, sevError, sevWarning, sevInfo, rule, note, gutter, summary paint
}

var textPalettes [2]struct {
	once sync.Once
	p    textPalette
}

func textPaletteFor(on bool) *textPalette {
	i := 0
	if on {
		i = 1
	}
	tp := &textPalettes[i]
	tp.once.Do(func() {
		tp.p = textPalette{
			path:       newPaint(on, color.Bold),
			sevError:   newPaint(on, color.FgRed, color.Bold),
			sevWarning: newPaint(on, color.FgYellow, color.Bold),
			sevInfo:    newPaint(on, color.FgCyan, color.Bold),
			rule:       newPaint(on, color.Faint),
			note:       newPaint(on, color.FgCyan),
			gutter:     newPaint(on, color.FgBlue),
			summary:    newPaint(on, color.Bold),
		}
	})
	return &tp.p
}

// NewText returns the text formatter.
func NewText(w io.Writer, o Options) Formatter {
	return &Text{w: w, opts: o, pal: textPaletteFor(o.Color)}
}

func (t *Text) sev(s lint.Severity) paint {
	switch s {
	case lint.Error:
		return t.pal.sevError
	case lint.Warning:
		return t.pal.sevWarning
	}
	return t.pal.sevInfo
}

// flush writes the buffered report.
func (t *Text) flush() {
	if t.err == nil && len(t.out.b) > 0 {
		_, t.err = t.w.Write(t.out.b)
	}
	t.out.b = t.out.b[:0]
}

// Begin implements Formatter.
func (t *Text) Begin() error { return nil }

// File implements Formatter.
func (t *Text) File(r *lint.FileResult) error {
	path := Clean(r.Path)
	t.doc = nil
	if t.out.b == nil {
		t.out.b = make([]byte, 0, textBufSize)
	}
	for i := range r.Findings {
		t.finding(r, path, &r.Findings[i])
		if len(t.out.b) > textFlushAt {
			t.flush() // a draft with thousands of findings streams too
		}
	}
	if t.opts.ShowSuppressed {
		for i := range r.Suppressed {
			t.suppressed(r, path, &r.Suppressed[i])
		}
	}
	if r.Err != nil {
		b := t.pal.path.add(t.out.b, path)
		b = append(b, ": "...)
		b = t.pal.sevError.add(b, "error:")
		b = append(b, ' ')
		b = appendClean(b, ErrorText(r.Path, r.Err))
		t.out.b = append(b, "\n\n"...)
	}
	t.doc = nil
	t.flush()
	return t.err
}

// place appends "path:line:col" in the path colour.
func (t *Text) place(b []byte, path string, p lint.Position) []byte {
	b = append(b, t.pal.path.on...)
	b = append(b, path...)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(p.Line), 10)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(p.Column), 10)
	return append(b, t.pal.path.off...)
}

// header appends "place: label message [rule]\n".
func (t *Text) header(b []byte, path string, f *lint.Finding, label paint, labelText ...string) []byte {
	b = t.place(b, path, f.Start)
	b = append(b, ": "...)
	b = append(b, label.on...)
	for _, s := range labelText {
		b = append(b, s...)
	}
	b = append(b, label.off...)
	b = append(b, ' ')
	b = appendClean(b, f.Message)
	b = append(b, ' ')
	b = append(b, t.pal.rule.on...)
	b = append(b, '[')
	b = append(b, f.Rule...)
	b = append(b, ']')
	b = append(b, t.pal.rule.off...)
	return append(b, '\n')
}

func (t *Text) finding(r *lint.FileResult, path string, f *lint.Finding) {
	sev := t.sev(f.Severity)
	t.out.b = t.header(t.out.b, path, f, sev, f.Severity.String(), ":")
	if r.Doc != nil {
		t.excerpt(r.Doc, f, sev)
	}
	for i := range f.Related {
		rel := &f.Related[i]
		b := append(t.out.b, "    "...)
		b = t.place(b, path, rel.Start)
		b = append(b, ": "...)
		b = t.pal.note.add(b, "note:")
		b = append(b, ' ')
		b = appendClean(b, rel.Message)
		t.out.b = append(b, '\n')
	}
	if f.Fix != nil {
		t.fix(r, f)
	}
	t.out.b = append(t.out.b, '\n')
}

// suppressed prints a silenced finding (--show-suppressed): its place,
// message and excerpt, then what silenced it and why; never its fix.
func (t *Text) suppressed(r *lint.FileResult, path string, s *lint.Suppressed) {
	f := &s.Finding
	t.out.b = t.header(t.out.b, path, f, t.pal.rule, "suppressed ", f.Severity.String(), ":")
	if r.Doc != nil {
		t.excerpt(r.Doc, f, t.pal.rule)
	}
	by := "directive"
	switch {
	case s.Baseline:
		by = "baseline"
	case s.Kind == lint.External:
		by = "config ignore"
	}
	b := append(t.out.b, "    "...)
	b = append(b, t.pal.note.on...)
	b = append(b, "suppressed by "...)
	b = append(b, by...)
	b = append(b, ':')
	b = append(b, t.pal.note.off...)
	b = append(b, ' ')
	if hasControl(s.Reason) || s.Reason == "" {
		reason := Clean(s.Reason)
		if reason == "" {
			reason = "(no reason given)"
		}
		b = append(b, reason...)
	} else {
		b = append(b, s.Reason...)
	}
	t.out.b = append(b, "\n\n"...)
}

func (t *Text) fix(r *lint.FileResult, f *lint.Finding) {
	render := t.opts.RenderFix
	if render == nil {
		render = DefaultFixRenderer
	}
	if render != nil && r.Doc != nil {
		if t.err == nil {
			t.err = render(&t.out, r.Doc.Source, f, t.opts.Color)
		}
		return
	}
	label := "fix:"
	if !f.Fix.Safe {
		label = "suggestion:"
	}
	b := append(t.out.b, "    "...)
	b = t.pal.note.add(b, label)
	b = append(b, ' ')
	b = appendClean(b, f.Fix.Message)
	t.out.b = append(b, '\n')
}

// line returns the Source span of the line holding off (clamped to the
// source), with its line ending: what doc.LineSpan returns for an empty
// span at off. Offsets that only grow from call to call cost one scan of
// the source in all.
func (t *Text) line(doc *lint.Document, off int) (start, end int) {
	src := doc.Source
	off = min(max(off, 0), len(src))
	if t.doc != doc {
		t.doc = doc
		t.docCR = bytes.IndexByte(src, '\r') >= 0
		t.lineStart, t.lineNx = 0, t.nextLine(src, 0)
		t.rawStart, t.rawEnd = -1, -1
	}
	if off < t.lineStart {
		t.lineStart, t.lineNx = 0, t.nextLine(src, 0)
	}
	for t.lineNx >= 0 && t.lineNx <= off {
		t.lineStart = t.lineNx
		t.lineNx = t.nextLine(src, t.lineStart)
	}
	if t.lineNx < 0 {
		return t.lineStart, len(src)
	}
	return t.lineStart, t.lineNx
}

// nextLine returns the start of the line after the one holding i, or -1
// for the last line. Lines end in LF, CRLF or a lone CR, as lint.Document
// counts them.
func (t *Text) nextLine(src []byte, i int) int {
	if !t.docCR {
		if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
			return i + j + 1
		}
		return -1
	}
	for ; i < len(src); i++ {
		switch src[i] {
		case '\n':
			return i + 1
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			return i + 1
		}
	}
	return -1
}

// excerpt prints the finding's first source line with the span underlined.
func (t *Text) excerpt(doc *lint.Document, f *lint.Finding, sev paint) {
	// The line's bytes, without copying them: a 1 MB single-line draft
	// with thousands of findings must not copy the line for each one.
	lsStart, lsEnd := t.line(doc, f.Source.Start)
	raw := doc.Source[lsStart:lsEnd]
	for len(raw) > 0 && (raw[len(raw)-1] == '\n' || raw[len(raw)-1] == '\r') {
		raw = raw[:len(raw)-1]
	}
	lineStart := lsStart
	if f.Start.Line == 1 && len(raw) >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF {
		raw, lineStart = raw[3:], lineStart+3
	}
	startCol := f.Start.Column - 1 // in runes
	endCol := f.End.Column - 1
	// On a very long line, cut a byte window around the span before
	// expanding it, so each finding costs O(window), not O(line).
	cutLeft, cutRight := false, false
	rawStart := lineStart
	if len(raw) > 16*maxLineWidth {
		bs := min(max(f.Source.Start-lineStart, 0), len(raw))
		be := len(raw)
		if f.End.Line == f.Start.Line {
			be = min(max(f.Source.End-lineStart, bs), len(raw))
		}
		ws := max(0, bs-4*maxLineWidth)
		for ws > 0 && !utf8.RuneStart(raw[ws]) {
			ws--
		}
		we := min(len(raw), bs+8*maxLineWidth)
		for we < len(raw) && !utf8.RuneStart(raw[we]) {
			we++
		}
		be = min(be, we)
		cutLeft, cutRight = ws > 0, we < len(raw)
		startCol = runeCount(raw[ws:bs])
		endCol = startCol + runeCount(raw[bs:be])
		raw = raw[ws:we]
		rawStart += ws
	}
	// What the line holds, once for all the findings on it.
	if rawStart != t.rawStart || rawStart+len(raw) != t.rawEnd {
		t.rawStart, t.rawEnd = rawStart, rawStart+len(raw)
		t.rawTab = bytes.IndexByte(raw, '\t') >= 0
		t.rawRunes, t.rawMarks = countRunes(raw, t.rawMarks[:0], true)
		t.rawDisp, t.rawCols = t.rawDisp[:0], t.rawCols[:0]
		if t.rawTab {
			t.rawDisp, t.rawCols = expandInto(t.rawDisp, t.rawCols, raw)
		}
	}
	if f.End.Line != f.Start.Line {
		endCol = t.rawRunes
	}
	// The display: tabs expanded, control characters replaced. Without a
	// tab a character is one display column.
	n := t.rawRunes
	col := func(c int) int { return max(c, 0) }
	if t.rawTab {
		n = len(t.rawDisp)
		col = func(c int) int {
			if c < 0 {
				return 0
			}
			if c >= len(t.rawCols) {
				return n + (c - len(t.rawCols) + 1)
			}
			return t.rawCols[c]
		}
	}
	start, end := col(startCol), col(endCol)
	if end <= start {
		end = start + 1
	}
	// Cut long lines to a window around the span.
	prefix, suffix := "", ""
	ws, we := 0, n
	if n > maxLineWidth {
		ws = start - maxLineWidth/4
		ws = max(0, min(ws, n-maxLineWidth))
		we = ws + maxLineWidth
		if ws > 0 {
			prefix = "…"
		}
		if we < n {
			suffix = "…"
		}
		start, end = start-ws, min(end-ws, maxLineWidth)
		if prefix != "" {
			start, end = start+1, end+1
		}
		if end <= start {
			end = start + 1
		}
	}
	if cutLeft && prefix == "" {
		prefix = "…"
		start, end = start+1, end+1
	}
	if cutRight && suffix == "" {
		suffix = "…"
	}
	b := append(t.out.b, "  "...)
	b = append(b, t.pal.gutter.on...)
	numAt := len(b)
	b = strconv.AppendInt(b, int64(f.Start.Line), 10)
	numLen := len(b) - numAt
	b = append(b, " |"...)
	b = append(b, t.pal.gutter.off...)
	b = append(b, ' ')
	b = append(b, prefix...)
	if t.rawTab {
		for _, r := range t.rawDisp[ws:we] {
			b = utf8.AppendRune(b, r)
		}
	} else {
		b = appendShown(b, raw, t.rawMarks, ws, we)
	}
	b = append(b, suffix...)
	b = append(b, "\n  "...)
	b = append(b, t.pal.gutter.on...)
	b = appendRepeat(b, ' ', numLen)
	b = append(b, " |"...)
	b = append(b, t.pal.gutter.off...)
	b = appendRepeat(b, ' ', start+1)
	b = append(b, sev.on...)
	b = appendRepeat(b, '^', end-start)
	b = append(b, sev.off...)
	t.out.b = append(b, '\n')
}

// runeCount is utf8.RuneCount without its copy of the text after the
// first non-ASCII byte (RuneCount hands it to RuneCountInString as a new
// string).
func runeCount(b []byte) int {
	n, _ := countRunes(b, nil, false)
	return n
}

// runeMark records that character r of a line starts at byte off.
type runeMark struct{ r, off int }

// markStep is how many characters apart countRunes records marks.
const markStep = 64

// countRunes counts the characters of b as utf8.RuneCount does (a byte
// that is not UTF-8 is one), eight ASCII bytes at a time, and appends
// marks about every markStep characters to marks if mark is set.
func countRunes(b []byte, marks []runeMark, mark bool) (int, []runeMark) {
	n, next := 0, markStep
	for i := 0; i < len(b); {
		switch {
		case i+8 <= len(b) && binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 == 0:
			i += 8
			n += 8
		case b[i] < utf8.RuneSelf:
			i++
			n++
		default:
			_, size := utf8.DecodeRune(b[i:])
			i += size
			n++
		}
		if mark && n >= next {
			marks = append(marks, runeMark{n, i})
			next = n + markStep
		}
	}
	return n, marks
}

// appendRepeat appends n copies of c.
func appendRepeat(b []byte, c byte, n int) []byte {
	for ; n > 0; n-- {
		b = append(b, c)
	}
	return b
}

// appendShown appends characters [from, to) of a line without tabs as
// expand shows them: control characters and bytes that are not UTF-8 as
// U+FFFD. marks (from countRunes) say where to start looking for from.
func appendShown(b, line []byte, marks []runeMark, from, to int) []byte {
	i, k := 0, 0
	for _, m := range marks {
		if m.r > from {
			break
		}
		k, i = m.r, m.off
	}
	for ; i < len(line) && k < from; k++ {
		if line[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRune(line[i:])
		i += size
	}
	start := i // of the characters shown as they are, not yet appended
	for ; i < len(line) && k < to; k++ {
		c := line[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		size := 1
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRune(line[i:])
			if r != utf8.RuneError && r > 0x9f {
				i += size
				continue
			}
		}
		b = append(b, line[start:i]...)
		b = append(b, "\uFFFD"...)
		i += size
		start = i
	}
	return append(b, line[start:i]...)
}

// expandInto is expand for a line with tabs, into reused slices: the
// display runes, and the display column of each rune column (one more
// than the line has characters).
func expandInto(disp []rune, cols []int, line []byte) ([]rune, []int) {
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRune(line[i:])
		i += size
		cols = append(cols, len(disp))
		switch {
		case r == '\t':
			n := tabWidth - len(disp)%tabWidth
			for range n {
				disp = append(disp, ' ')
			}
		case unicode.IsControl(r) || r == utf8.RuneError:
			disp = append(disp, '\uFFFD')
		default:
			disp = append(disp, r)
		}
	}
	return disp, append(cols, len(disp))
}

// Clean makes text from a draft safe to print on a terminal: control
// characters (escape sequences above all) are shown as \x escapes.
func Clean(s string) string {
	if !hasControl(s) {
		return s
	}
	return string(appendClean(nil, s))
}

// hasControl reports whether s holds a control character (C0, DEL or C1),
// as strings.IndexFunc(s, unicode.IsControl) >= 0 does, a byte at a time: a
// C1 character is C2 80-9F in UTF-8, and a C2 byte always starts a
// character.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if !controlLead[s[i]] {
			continue
		}
		if c := s[i]; c != 0xC2 || i+1 < len(s) && s[i+1] >= 0x80 && s[i+1] <= 0x9f {
			return true
		}
	}
	return false
}

// controlLead marks the bytes that start a control character: C0, DEL,
// and C2 (the lead byte of C1 characters, and of others).
var controlLead = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t[0x7f], t[0xC2] = true, true
	return t
}()

// appendClean appends Clean(s).
func appendClean(b []byte, s string) []byte {
	if !hasControl(s) {
		return append(b, s...)
	}
	const hex = "0123456789abcdef"
	for _, r := range s {
		if unicode.IsControl(r) {
			b = append(b, '\\', 'x', hex[r>>4], hex[r&15])
			continue
		}
		b = utf8.AppendRune(b, r)
	}
	return b
}

// End implements Formatter.
func (t *Text) End(s Summary) error {
	t.out.b = t.pal.summary.add(t.out.b, SummaryLine(s))
	t.out.b = append(t.out.b, '\n')
	t.flush()
	return t.err
}
