package format

// This file keeps the text formatter and fix view as they were before they
// were rewritten for speed (append-style writes, no go-diff where no diff
// is needed): the differential tests in equiv_test.go check that the new
// code writes the same bytes.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/fatih/color"
	"github.com/sergi/go-diff/diffmatchpatch"

	"copydesk/lint"
)

// refMaxLineWidth is the widest source excerpt printed; longer lines (a
// Markdown paragraph is one line) are cut around the span.
const refMaxLineWidth = 100

// refTabWidth is the tab stop used to refExpand tabs in source excerpts.
const refTabWidth = 4

// refText writes findings for people:
//
//	path:line:col: severity: message [rule-id]
//	  12 | the source line
//	     |     ^^^^^^^^
//	    path:line:col: note: related location
//	    fix: what the fix does
//
// then a summary line. Per-file errors are "path: error: message".
type refText struct {
	w    *bufio.Writer
	opts Options
	err  error

	path, sevError, sevWarning, sevInfo, rule, note, gutter, summary *color.Color
}

// refNewText returns the text formatter.
func refNewText(w io.Writer, o Options) Formatter {
	t := &refText{w: bufio.NewWriter(w), opts: o}
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if o.Color {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	t.path = mk(color.Bold)
	t.sevError = mk(color.FgRed, color.Bold)
	t.sevWarning = mk(color.FgYellow, color.Bold)
	t.sevInfo = mk(color.FgCyan, color.Bold)
	t.rule = mk(color.Faint)
	t.note = mk(color.FgCyan)
	t.gutter = mk(color.FgBlue)
	t.summary = mk(color.Bold)
	return t
}

func (t *refText) sev(s lint.Severity) *color.Color {
	switch s {
	case lint.Error:
		return t.sevError
	case lint.Warning:
		return t.sevWarning
	}
	return t.sevInfo
}

func (t *refText) printf(format string, args ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, args...)
	}
}

// Begin implements Formatter.
func (t *refText) Begin() error { return nil }

// File implements Formatter.
func (t *refText) File(r *lint.FileResult) error {
	path := refClean(r.Path)
	for i := range r.Findings {
		t.finding(r, path, &r.Findings[i])
	}
	if t.opts.ShowSuppressed {
		for i := range r.Suppressed {
			t.suppressed(r, path, &r.Suppressed[i])
		}
	}
	if r.Err != nil {
		t.printf("%s: %s %s\n\n", t.path.Sprint(path), t.sevError.Sprint("error:"), refClean(ErrorText(r.Path, r.Err)))
	}
	if t.err == nil {
		t.err = t.w.Flush()
	}
	return t.err
}

func (t *refText) finding(r *lint.FileResult, path string, f *lint.Finding) {
	sev := t.sev(f.Severity)
	t.printf("%s: %s %s %s\n",
		t.path.Sprintf("%s:%d:%d", path, f.Start.Line, f.Start.Column),
		sev.Sprintf("%s:", f.Severity), refClean(f.Message), t.rule.Sprintf("[%s]", f.Rule))
	if r.Doc != nil {
		t.excerpt(r.Doc, f, sev)
	}
	for _, rel := range f.Related {
		t.printf("    %s: %s %s\n",
			t.path.Sprintf("%s:%d:%d", path, rel.Start.Line, rel.Start.Column),
			t.note.Sprint("note:"), refClean(rel.Message))
	}
	if f.Fix != nil {
		t.fix(r, f)
	}
	t.printf("\n")
}

// suppressed prints a silenced finding (--show-suppressed): its place,
// message and excerpt, then what silenced it and why; never its fix.
func (t *refText) suppressed(r *lint.FileResult, path string, s *lint.Suppressed) {
	f := &s.Finding
	t.printf("%s: %s %s %s\n",
		t.path.Sprintf("%s:%d:%d", path, f.Start.Line, f.Start.Column),
		t.rule.Sprintf("suppressed %s:", f.Severity), refClean(f.Message), t.rule.Sprintf("[%s]", f.Rule))
	if r.Doc != nil {
		t.excerpt(r.Doc, f, t.rule)
	}
	by := "directive"
	switch {
	case s.Baseline:
		by = "baseline"
	case s.Kind == lint.External:
		by = "config ignore"
	}
	reason := refClean(s.Reason)
	if reason == "" {
		reason = "(no reason given)"
	}
	t.printf("    %s %s\n\n", t.note.Sprintf("suppressed by %s:", by), reason)
}

func (t *refText) fix(r *lint.FileResult, f *lint.Finding) {
	render := t.opts.RenderFix
	if render == nil {
		render = refRenderFix
	}
	if render != nil && r.Doc != nil {
		if t.err == nil {
			t.err = render(t.w, r.Doc.Source, f, t.opts.Color)
		}
		return
	}
	label := "fix:"
	if !f.Fix.Safe {
		label = "suggestion:"
	}
	t.printf("    %s %s\n", t.note.Sprint(label), refClean(f.Fix.Message))
}

// excerpt prints the finding's first source line with the span underlined.
func (t *refText) excerpt(doc *lint.Document, f *lint.Finding, sev *color.Color) {
	// The line's bytes, without copying them: a 1 MB single-line draft
	// with thousands of findings must not copy the line for each one.
	ls := doc.LineSpan(lint.Span{Start: f.Source.Start, End: f.Source.Start})
	raw := doc.Source[ls.Start:ls.End]
	for len(raw) > 0 && (raw[len(raw)-1] == '\n' || raw[len(raw)-1] == '\r') {
		raw = raw[:len(raw)-1]
	}
	lineStart := ls.Start
	if f.Start.Line == 1 && len(raw) >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF {
		raw, lineStart = raw[3:], lineStart+3
	}
	startCol := f.Start.Column - 1 // in runes
	endCol := f.End.Column - 1
	// On a very long line, cut a byte window around the span before
	// expanding it, so each finding costs O(window), not O(line).
	cutLeft, cutRight := false, false
	if len(raw) > 16*refMaxLineWidth {
		bs := min(max(f.Source.Start-lineStart, 0), len(raw))
		be := len(raw)
		if f.End.Line == f.Start.Line {
			be = min(max(f.Source.End-lineStart, bs), len(raw))
		}
		ws := max(0, bs-4*refMaxLineWidth)
		for ws > 0 && !utf8.RuneStart(raw[ws]) {
			ws--
		}
		we := min(len(raw), bs+8*refMaxLineWidth)
		for we < len(raw) && !utf8.RuneStart(raw[we]) {
			we++
		}
		be = min(be, we)
		cutLeft, cutRight = ws > 0, we < len(raw)
		startCol = utf8.RuneCount(raw[ws:bs])
		endCol = startCol + utf8.RuneCount(raw[bs:be])
		raw = raw[ws:we]
	}
	line := string(raw)
	if f.End.Line != f.Start.Line {
		endCol = utf8.RuneCountInString(line)
	}
	disp, col := refExpand(line)
	start, end := col(startCol), col(endCol)
	if end <= start {
		end = start + 1
	}
	// Cut long lines to a window around the span.
	prefix, suffix := "", ""
	if len(disp) > refMaxLineWidth {
		ws := start - refMaxLineWidth/4
		ws = max(0, min(ws, len(disp)-refMaxLineWidth))
		we := ws + refMaxLineWidth
		if ws > 0 {
			prefix = "…"
		}
		if we < len(disp) {
			suffix = "…"
		}
		disp = disp[ws:we]
		start, end = start-ws, min(end-ws, refMaxLineWidth)
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
	num := fmt.Sprint(f.Start.Line)
	pad := strings.Repeat(" ", len(num))
	t.printf("  %s %s\n", t.gutter.Sprintf("%s |", num), prefix+string(disp)+suffix)
	t.printf("  %s %s%s\n", t.gutter.Sprintf("%s |", pad), strings.Repeat(" ", start), sev.Sprint(strings.Repeat("^", end-start)))
}

// refExpand expands tabs and replaces control characters in a source line. It
// returns the refDisplay runes and a function from a rune column of the line
// to a refDisplay column.
func refExpand(line string) ([]rune, func(int) int) {
	disp := make([]rune, 0, len(line)+refTabWidth)
	cols := make([]int, 0, len(line)+1)
	for _, r := range line {
		cols = append(cols, len(disp))
		switch {
		case r == '\t':
			n := refTabWidth - len(disp)%refTabWidth
			for i := 0; i < n; i++ {
				disp = append(disp, ' ')
			}
		case unicode.IsControl(r) || r == utf8.RuneError:
			disp = append(disp, '\uFFFD')
		default:
			disp = append(disp, r)
		}
	}
	cols = append(cols, len(disp))
	return disp, func(c int) int {
		if c < 0 {
			return 0
		}
		if c >= len(cols) {
			return len(disp) + (c - len(cols) + 1)
		}
		return cols[c]
	}
}

// refClean makes text from a draft safe to print on a terminal: control
// characters (escape sequences above all) are shown as \x escapes.
func refClean(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			fmt.Fprintf(&b, "\\x%02x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// End implements Formatter.
func (t *refText) End(s Summary) error {
	t.printf("%s\n", t.summary.Sprint(SummaryLine(s)))
	if t.err == nil {
		t.err = t.w.Flush()
	}
	return t.err
}

// Limits that keep a fix view short whatever the draft looks like.
const (
	refFixContext   = 30 // unchanged characters shown either side of a change
	refFixMaxChange = 200
	refFixMaxLines  = 8 // removed or added whole lines shown per block
)

// refRenderFix writes the fix of f under the finding in text output, indented
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
func refRenderFix(w io.Writer, src []byte, f *lint.Finding, useColor bool) error {
	if f == nil || f.Fix == nil {
		return nil
	}
	p := refNewPalette(useColor)
	var b strings.Builder
	kind := "(suggestion)"
	if f.Fix.Safe {
		kind = "(safe)"
	}
	msg := refDisplay(f.Fix.Message)
	if msg == "" {
		msg = "Apply the fix"
	}
	fmt.Fprintf(&b, "    %s %s %s\n", p.label.Sprint("fix:"), msg, p.faint.Sprint(kind))
	if groups, ok := refGroupEdits(src, f.Fix.Edits); ok {
		for _, g := range groups {
			refRenderGroup(&b, p, src, g)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type refPalette struct {
	label, faint, del, ins, delWS, insWS *color.Color
}

func refNewPalette(on bool) *refPalette {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return &refPalette{
		label: mk(color.FgCyan),
		faint: mk(color.Faint),
		del:   mk(color.FgRed),
		ins:   mk(color.FgGreen),
		delWS: mk(color.BgRed),
		insWS: mk(color.BgGreen),
	}
}

// refEditGroup is a run of whole source lines [start, end) and the edits in it.
type refEditGroup struct {
	start, end int
	edits      []lint.Edit
}

// refGroupEdits sorts edits and groups those on the same or adjacent lines. It
// returns false when an edit lies outside src or edits overlap.
//
// A group spans whole lines, except on a very long line: there it stops
// refFixWindow bytes from the edits (see refLineStartWithin), so that rendering a
// fix costs in proportion to its edits, not to the line (a 1 MB single-line
// draft can carry tens of thousands of findings). The view shows only
// refFixContext characters of unchanged text either side of a change anyway;
// edits on one long line more than 2×refFixWindow bytes apart make separate
// groups, each shown on its own.
func refGroupEdits(src []byte, edits []lint.Edit) ([]refEditGroup, bool) {
	es := append([]lint.Edit(nil), edits...)
	sort.SliceStable(es, func(i, j int) bool { return es[i].Span.Start < es[j].Span.Start })
	var groups []refEditGroup
	prevEnd := 0
	for _, e := range es {
		if e.Span.Start < prevEnd || e.Span.Start > e.Span.End || e.Span.End > len(src) {
			return nil, false
		}
		prevEnd = e.Span.End
		ls := refLineStartWithin(src, e.Span.Start, refFixWindow)
		var le int
		if e.Span.End > e.Span.Start && src[e.Span.End-1] == '\n' {
			le = e.Span.End
		} else {
			le = refLineEndWithin(src, e.Span.End, refFixWindow)
		}
		if n := len(groups); n > 0 && ls <= groups[n-1].end {
			groups[n-1].end = max(groups[n-1].end, le)
			groups[n-1].edits = append(groups[n-1].edits, e)
			continue
		}
		groups = append(groups, refEditGroup{start: ls, end: le, edits: []lint.Edit{e}})
	}
	return groups, true
}

// refFixWindow is how far, in bytes, refGroupEdits looks from an edit for the
// ends of its line. It must leave more than refFixContext characters (of up
// to 4 bytes each) so that a cut line is shown exactly as a whole one.
const refFixWindow = 1024

// refLineStartWithin returns the start of the line holding off, or, when that
// is more than limit bytes back, the first character boundary limit bytes
// back.
func refLineStartWithin(src []byte, off, limit int) int {
	lo := max(0, off-limit)
	if i := bytes.LastIndexByte(src[lo:off], '\n'); i >= 0 {
		return lo + i + 1
	}
	for lo > 0 && lo < off && !utf8.RuneStart(src[lo]) {
		lo++
	}
	return lo
}

// refLineEndWithin returns the offset after the newline ending the line at
// off, or, when that is more than limit bytes on, the last character
// boundary limit bytes on.
func refLineEndWithin(src []byte, off, limit int) int {
	hi := min(len(src), off+limit)
	if i := bytes.IndexByte(src[off:min(len(src), hi+1)], '\n'); i >= 0 {
		return off + i + 1
	}
	for hi < len(src) && hi > off && !utf8.RuneStart(src[hi]) {
		hi--
	}
	return hi
}

func refRenderGroup(b *strings.Builder, p *refPalette, src []byte, g refEditGroup) {
	before := string(src[g.start:g.end])
	var after strings.Builder
	pos := g.start
	for _, e := range g.edits {
		after.Write(src[pos:e.Span.Start])
		after.WriteString(e.New)
		pos = e.Span.End
	}
	after.Write(src[pos:g.end])

	ops, _ := refLineDiff([]byte(before), []byte(after.String()))
	if refWholeLines(ops) {
		// Blank lines removed with a block are left out, unless they are
		// all the fix removes.
		blanksOnly := true
		for _, op := range ops {
			if op.kind != ' ' && strings.TrimSpace(op.text) != "" {
				blanksOnly = false
			}
		}
		var refChanged []refLineOp
		for _, op := range ops {
			if op.kind != ' ' && (blanksOnly || strings.TrimSpace(op.text) != "") {
				refChanged = append(refChanged, op)
			}
		}
		for shown, op := range refChanged {
			if shown == refFixMaxLines {
				fmt.Fprintf(b, "      %s\n", p.faint.Sprintf("… %d more lines", len(refChanged)-shown))
				break
			}
			c := p.del
			if op.kind == '+' {
				c = p.ins
			}
			fmt.Fprintf(b, "      %s\n", c.Sprint(strings.TrimRight(string(op.kind)+" "+refDisplay(refClip(op.text, refFixMaxChange)), " ")))
		}
		return
	}

	// Word diff: unchanged source between the edits as it is, each edit's
	// old and new text compared on its own (so a 1 MB line costs no more
	// than its edits).
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	var diffs []diffmatchpatch.Diff
	pos = g.start
	for _, e := range g.edits {
		diffs = append(diffs, diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual, Text: string(src[pos:e.Span.Start])})
		diffs = append(diffs, dmp.DiffCleanupSemantic(dmp.DiffMain(string(src[e.Span.Start:e.Span.End]), e.New, false))...)
		pos = e.Span.End
	}
	diffs = append(diffs, diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual, Text: string(src[pos:g.end])})
	for _, line := range refWordDiffLines(refMergeDiffs(diffs)) {
		if !line.refChanged() {
			continue
		}
		b.WriteString("        ")
		for i, s := range line {
			text := s.Text
			switch s.Type {
			case diffmatchpatch.DiffEqual:
				text = refTrimContext(text, i == 0, i == len(line)-1)
				b.WriteString(refDisplay(text))
			case diffmatchpatch.DiffDelete:
				b.WriteString(refChanged(p, text, true))
			case diffmatchpatch.DiffInsert:
				b.WriteString(refChanged(p, text, false))
			}
		}
		b.WriteString("\n")
	}
}

// refMergeDiffs joins adjacent diffs of the same type and drops empty ones.
func refMergeDiffs(diffs []diffmatchpatch.Diff) []diffmatchpatch.Diff {
	out := diffs[:0]
	for _, d := range diffs {
		if d.Text == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Type == d.Type {
			out[n-1].Text += d.Text
			continue
		}
		out = append(out, d)
	}
	return out
}

// refWholeLines reports whether a line diff only removes or only adds lines.
func refWholeLines(ops []refLineOp) bool {
	var kinds [256]bool
	for _, op := range ops {
		kinds[op.kind] = true
	}
	return kinds['-'] != kinds['+']
}

// refDiffLine is one refDisplay line of a word diff.
type refDiffLine []diffmatchpatch.Diff

func (l refDiffLine) refChanged() bool {
	for _, s := range l {
		if s.Type != diffmatchpatch.DiffEqual {
			return true
		}
	}
	return false
}

// refWordDiffLines breaks a word diff into refDisplay lines at the newlines of
// unchanged text; newlines inside a change stay in it (shown as ↵).
func refWordDiffLines(diffs []diffmatchpatch.Diff) []refDiffLine {
	var lines []refDiffLine
	var cur refDiffLine
	for _, d := range diffs {
		if d.Type != diffmatchpatch.DiffEqual {
			cur = append(cur, d)
			continue
		}
		parts := strings.Split(d.Text, "\n")
		for i, part := range parts {
			if i > 0 {
				lines = append(lines, cur)
				cur = nil
			}
			if part != "" {
				cur = append(cur, diffmatchpatch.Diff{Type: diffmatchpatch.DiffEqual, Text: part})
			}
		}
	}
	if len(cur) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// refTrimContext cuts unchanged text to refFixContext characters next to the
// changes: the end of the first segment of a line, the start of the last,
// both ends of one in the middle.
func refTrimContext(s string, first, last bool) string {
	n := utf8.RuneCountInString(s)
	switch {
	case first && last:
		return s
	case first && n > refFixContext:
		return "…" + refLastRunes(s, refFixContext)
	case last && n > refFixContext:
		return refFirstRunes(s, refFixContext) + "…"
	case !first && !last && n > 2*refFixContext+1:
		return refFirstRunes(s, refFixContext) + "…" + refLastRunes(s, refFixContext)
	}
	return s
}

func refFirstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

func refLastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// refClip cuts s to n characters.
func refClip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return refFirstRunes(s, n) + "…"
}

// refChanged renders removed or added text: markers without colour, colour
// (a background for white space only) with it.
func refChanged(p *refPalette, text string, del bool) string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "↵")
	text = refDisplay(refClip(text, refFixMaxChange))
	c, ws := p.ins, p.insWS
	open, close := "{+", "+}"
	if del {
		c, ws = p.del, p.delWS
		open, close = "[-", "-]"
	}
	if c.Sprint("x") == "x" { // colour off
		return open + text + close
	}
	if strings.TrimSpace(text) == "" {
		return ws.Sprint(text)
	}
	return c.Sprint(text)
}

// refDisplay makes draft text printable on one terminal line: CRs dropped,
// tabs as spaces, a trailing newline removed, other control characters
// escaped.
func refDisplay(s string) string {
	s = strings.TrimSuffix(s, "\n")
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) || r == utf8.RuneError }) < 0 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == '\r':
		case r == '\t':
			b.WriteByte(' ')
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				b.WriteString(`\x` + strconv.FormatUint(uint64(s[i]), 16))
			} else {
				b.WriteRune(r)
			}
		case unicode.IsControl(r):
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// refLineOp is one line of a line diff: ' ' kept, '-' removed, '+' added.
type refLineOp struct {
	kind byte
	text string // the line with its line ending, if it has one
}

// refLineDiff compares old and new line by line with go-diff's line mode. The
// common lines at both ends are trimmed first (drafts are fixed in a few
// places; a 50 MB file should not become millions of line records), keeping
// DiffContext of them next to the change: ops start at line skip+1.
func refLineDiff(old, new []byte) (ops []refLineOp, skip int) {
	p := refCommonPrefix(old, new)
	p = bytes.LastIndexByte(old[:p], '\n') + 1 // back to a line start
	s := refCommonSuffix(old[p:], new[p:])
	if k := bytes.IndexByte(old[len(old)-s:], '\n'); k >= 0 {
		s -= k + 1 // forward to a line start
	} else {
		s = 0
	}
	head := refSplitLines(old[:p])
	skip = max(len(head)-DiffContext, 0)
	for _, ln := range head[skip:] {
		ops = append(ops, refLineOp{' ', ln})
	}

	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // exact, deterministic results whatever the load
	a, b, lines := dmp.DiffLinesToRunes(string(old[p:len(old)-s]), string(new[p:len(new)-s]))
	diffs := dmp.DiffCharsToLines(dmp.DiffMainRunes(a, b, false), lines)
	for _, d := range diffs {
		kind := byte(' ')
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			kind = '-'
		case diffmatchpatch.DiffInsert:
			kind = '+'
		}
		for _, ln := range strings.SplitAfter(d.Text, "\n") {
			if ln != "" {
				ops = append(ops, refLineOp{kind, ln})
			}
		}
	}

	tail := old[len(old)-s:]
	for i := 0; i < DiffContext && len(tail) > 0; i++ {
		k := bytes.IndexByte(tail, '\n') + 1
		if k == 0 {
			k = len(tail)
		}
		ops = append(ops, refLineOp{' ', string(tail[:k])})
		tail = tail[k:]
	}
	return ops, skip
}

// refSplitLines splits b after each newline.
func refSplitLines(b []byte) []string {
	var out []string
	for len(b) > 0 {
		k := bytes.IndexByte(b, '\n') + 1
		if k == 0 {
			k = len(b)
		}
		out = append(out, string(b[:k]))
		b = b[k:]
	}
	return out
}

func refCommonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

func refCommonSuffix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

// refSARIF is the SARIF formatter as it was before results were appended
// by hand: File encodes s.result through encoding/json.
type refSARIF struct{ *SARIF }

func refNewSARIF(w io.Writer, o Options) Formatter {
	return refSARIF{NewSARIF(w, o).(*SARIF)}
}

func (s refSARIF) File(r *lint.FileResult) error {
	uri, base := SARIFArtifact(r.Path)
	art := sarifArtifactLocation{URI: uri, URIBaseID: base}
	emit := func(res sarifResult) {
		if s.n > 0 {
			s.write(",")
		}
		s.n++
		s.write("\n        ")
		s.encode(res, "        ")
	}
	for i := range r.Findings {
		emit(s.result(r, art, &r.Findings[i]))
	}
	for i := range r.Suppressed {
		sup := &r.Suppressed[i]
		res := s.result(r, art, &sup.Finding)
		kind := string(sup.Kind)
		if kind == "" {
			kind = string(lint.External)
		}
		res.Suppressions = []sarifSuppression{{Kind: kind, Justification: sup.Reason}}
		emit(res)
	}
	if r.Err != nil {
		s.errs = append(s.errs, sarifNotification{
			Level:     "error",
			Message:   sarifMessage{Text: ErrorText(r.Path, r.Err)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: art}}},
		})
	}
	if s.err == nil && s.w.Buffered() > 64<<10 {
		s.err = s.w.Flush()
	}
	return s.err
}

// refGitHub writes refGitHub Actions workflow commands, one per finding, which
// the Actions runner turns into annotations on the pull request:
//
//	::warning file=drafts/a.md,line=3,endLine=3,col=5,endColumn=14,title=said-to::message
//
// error → ::error, warning → ::warning, info → ::notice. col and endColumn
// (the column of the last character, counted in Unicode characters) are
// given only for a finding on one line, as refGitHub allows. Paths are
// slash-separated, as given (the CLI makes them relative to the repository
// root). A file that could not be checked is "::error file=path::message".
// The run's summary line ends the output as plain log text.
type refGitHub struct {
	w   *bufio.Writer
	err error
}

// refNewGitHub returns the refGitHub Actions formatter.
func refNewGitHub(w io.Writer, _ Options) Formatter {
	return &refGitHub{w: bufio.NewWriter(w)}
}

func (g *refGitHub) printf(format string, args ...any) {
	if g.err == nil {
		_, g.err = fmt.Fprintf(g.w, format, args...)
	}
}

// Begin implements Formatter.
func (g *refGitHub) Begin() error { return nil }

// File implements Formatter.
func (g *refGitHub) File(r *lint.FileResult) error {
	file := escapeProperty(GitHubPath(r.Path))
	for i := range r.Findings {
		f := &r.Findings[i]
		g.printf("::%s file=%s,line=%d,endLine=%d", GitHubLevel(f.Severity), file, f.Start.Line, f.End.Line)
		if f.Start.Line == f.End.Line {
			g.printf(",col=%d,endColumn=%d", f.Start.Column, max(f.Start.Column, f.End.Column-1))
		}
		g.printf(",title=%s::%s\n", escapeProperty(f.Rule), escapeData(f.Message))
	}
	if r.Err != nil {
		g.printf("::error file=%s::%s\n", file, escapeData(ErrorText(r.Path, r.Err)))
	}
	if g.err == nil && g.w.Buffered() > 64<<10 {
		g.err = g.w.Flush()
	}
	return g.err
}

// End implements Formatter.
func (g *refGitHub) End(s Summary) error {
	g.printf("%s\n", SummaryLine(s))
	if g.err == nil {
		g.err = g.w.Flush()
	}
	return g.err
}

// refCheckstyle writes refCheckstyle XML, which Jenkins (warnings-ng), GitLab
// code quality converters, reviewdog and most CI dashboards read:
//
//	<?xml version="1.0" encoding="UTF-8"?>
//	<checkstyle version="4.3">
//	  <file name="drafts/a.md">
//	    <error line="3" column="5" severity="warning" message="…" source="said-to"/>
//	  </file>
//	</checkstyle>
//
// Every input gets a <file>, clean ones too; severity is error, warning or
// info; source is the rule ID; columns count Unicode characters. A file that
// could not be checked has one error with source "copydesk" at line 1.
type refCheckstyle struct {
	w   *bufio.Writer
	err error
}

// refNewCheckstyle returns the refCheckstyle XML formatter.
func refNewCheckstyle(w io.Writer, _ Options) Formatter {
	return &refCheckstyle{w: bufio.NewWriter(w)}
}

func (c *refCheckstyle) printf(format string, args ...any) {
	if c.err == nil {
		_, c.err = fmt.Fprintf(c.w, format, args...)
	}
}

// Begin implements Formatter.
func (c *refCheckstyle) Begin() error {
	c.printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n")
	return c.err
}

// File implements Formatter.
func (c *refCheckstyle) File(r *lint.FileResult) error {
	c.printf("  <file name=\"%s\">\n", xmlEscape(r.Path))
	for i := range r.Findings {
		f := &r.Findings[i]
		c.printf("    <error line=\"%d\" column=\"%d\" severity=\"%s\" message=\"%s\" source=\"%s\"/>\n",
			f.Start.Line, f.Start.Column, f.Severity, xmlEscape(f.Message), xmlEscape(f.Rule))
	}
	if r.Err != nil {
		c.printf("    <error line=\"1\" severity=\"error\" message=\"%s\" source=\"copydesk\"/>\n", xmlEscape(ErrorText(r.Path, r.Err)))
	}
	c.printf("  </file>\n")
	if c.err == nil && c.w.Buffered() > 64<<10 {
		c.err = c.w.Flush()
	}
	return c.err
}

// End implements Formatter.
func (c *refCheckstyle) End(Summary) error {
	c.printf("</checkstyle>\n")
	if c.err == nil {
		c.err = c.w.Flush()
	}
	return c.err
}

// refJUnit writes refJUnit XML, the test report format GitLab, Jenkins, Azure
// Pipelines and CircleCI show natively:
//
//	<testsuites name="copydesk">
//	  <testsuite name="drafts/a.md" tests="2" failures="2" errors="0">
//	    <testcase classname="drafts/a.md" name="said-to at 3:5" file="drafts/a.md" line="3">
//	      <failure type="said-to" message="…">drafts/a.md:3:5: warning: … [said-to]</failure>
//	    </testcase>
//	  </testsuite>
//	</testsuites>
//
// One test suite per input; one failing test case per finding (every
// severity fails: the exit code, not the report, applies fail-on), or one
// passing case named "copydesk" for a clean file. A file that could not be
// checked has one case named "copydesk" with an <error>.
type refJUnit struct {
	w   *bufio.Writer
	err error
}

// refNewJUnit returns the refJUnit XML formatter.
func refNewJUnit(w io.Writer, _ Options) Formatter {
	return &refJUnit{w: bufio.NewWriter(w)}
}

func (j *refJUnit) printf(format string, args ...any) {
	if j.err == nil {
		_, j.err = fmt.Fprintf(j.w, format, args...)
	}
}

// Begin implements Formatter.
func (j *refJUnit) Begin() error {
	j.printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"copydesk\">\n")
	return j.err
}

// File implements Formatter.
func (j *refJUnit) File(r *lint.FileResult) error {
	path := xmlEscape(r.Path)
	tests, errs := len(r.Findings), 0
	if r.Err != nil {
		tests++
		errs = 1
	}
	if tests == 0 {
		tests = 1
	}
	j.printf("  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\">\n", path, tests, len(r.Findings), errs)
	for i := range r.Findings {
		f := &r.Findings[i]
		j.printf("    <testcase classname=\"%s\" name=\"%s at %d:%d\" file=\"%s\" line=\"%d\">\n", path, xmlEscape(f.Rule), f.Start.Line, f.Start.Column, path, f.Start.Line)
		j.printf("      <failure type=\"%s\" message=\"%s\">%s:%d:%d: %s: %s [%s]</failure>\n",
			xmlEscape(f.Rule), xmlEscape(f.Message), path, f.Start.Line, f.Start.Column, f.Severity, xmlEscape(f.Message), xmlEscape(f.Rule))
		j.printf("    </testcase>\n")
	}
	switch {
	case r.Err != nil:
		msg := xmlEscape(ErrorText(r.Path, r.Err))
		j.printf("    <testcase classname=\"%s\" name=\"copydesk\" file=\"%s\">\n      <error message=\"%s\">%s</error>\n    </testcase>\n", path, path, msg, msg)
	case len(r.Findings) == 0:
		j.printf("    <testcase classname=\"%s\" name=\"copydesk\" file=\"%s\"/>\n", path, path)
	}
	j.printf("  </testsuite>\n")
	if j.err == nil && j.w.Buffered() > 64<<10 {
		j.err = j.w.Flush()
	}
	return j.err
}

// End implements Formatter.
func (j *refJUnit) End(Summary) error {
	j.printf("</testsuites>\n")
	if j.err == nil {
		j.err = j.w.Flush()
	}
	return j.err
}
