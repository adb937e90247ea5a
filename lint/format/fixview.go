package format

import (
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
	p := newPalette(useColor)
	var b strings.Builder
	kind := "(suggestion)"
	if f.Fix.Safe {
		kind = "(safe)"
	}
	msg := display(f.Fix.Message)
	if msg == "" {
		msg = "Apply the fix"
	}
	fmt.Fprintf(&b, "    %s %s %s\n", p.label.Sprint("fix:"), msg, p.faint.Sprint(kind))
	if groups, ok := groupEdits(src, f.Fix.Edits); ok {
		for _, g := range groups {
			renderGroup(&b, p, src, g)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

type palette struct {
	label, faint, del, ins, delWS, insWS *color.Color
}

func newPalette(on bool) *palette {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if on {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return &palette{
		label: mk(color.FgCyan),
		faint: mk(color.Faint),
		del:   mk(color.FgRed),
		ins:   mk(color.FgGreen),
		delWS: mk(color.BgRed),
		insWS: mk(color.BgGreen),
	}
}

// editGroup is a run of whole source lines [start, end) and the edits in it.
type editGroup struct {
	start, end int
	edits      []lint.Edit
}

// groupEdits sorts edits and groups those on the same or adjacent lines. It
// returns false when an edit lies outside src or edits overlap.
//
// A group spans whole lines, except on a very long line: there it stops
// fixWindow bytes from the edits (see lineStartWithin), so that rendering a
// fix costs in proportion to its edits, not to the line (a 1 MB single-line
// draft can carry tens of thousands of findings). The view shows only
// fixContext characters of unchanged text either side of a change anyway;
// edits on one long line more than 2×fixWindow bytes apart make separate
// groups, each shown on its own.
func groupEdits(src []byte, edits []lint.Edit) ([]editGroup, bool) {
	es := append([]lint.Edit(nil), edits...)
	sort.SliceStable(es, func(i, j int) bool { return es[i].Span.Start < es[j].Span.Start })
	var groups []editGroup
	prevEnd := 0
	for _, e := range es {
		if e.Span.Start < prevEnd || e.Span.Start > e.Span.End || e.Span.End > len(src) {
			return nil, false
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
			groups[n-1].edits = append(groups[n-1].edits, e)
			continue
		}
		groups = append(groups, editGroup{start: ls, end: le, edits: []lint.Edit{e}})
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

func renderGroup(b *strings.Builder, p *palette, src []byte, g editGroup) {
	before := string(src[g.start:g.end])
	var after strings.Builder
	pos := g.start
	for _, e := range g.edits {
		after.Write(src[pos:e.Span.Start])
		after.WriteString(e.New)
		pos = e.Span.End
	}
	after.Write(src[pos:g.end])

	ops, _ := lineDiff([]byte(before), []byte(after.String()))
	if wholeLines(ops) {
		// Blank lines removed with a block are left out, unless they are
		// all the fix removes.
		blanksOnly := true
		for _, op := range ops {
			if op.kind != ' ' && strings.TrimSpace(op.text) != "" {
				blanksOnly = false
			}
		}
		var changed []lineOp
		for _, op := range ops {
			if op.kind != ' ' && (blanksOnly || strings.TrimSpace(op.text) != "") {
				changed = append(changed, op)
			}
		}
		for shown, op := range changed {
			if shown == fixMaxLines {
				fmt.Fprintf(b, "      %s\n", p.faint.Sprintf("… %d more lines", len(changed)-shown))
				break
			}
			c := p.del
			if op.kind == '+' {
				c = p.ins
			}
			fmt.Fprintf(b, "      %s\n", c.Sprint(strings.TrimRight(string(op.kind)+" "+display(clip(op.text, fixMaxChange)), " ")))
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
	for _, line := range wordDiffLines(mergeDiffs(diffs)) {
		if !line.changed() {
			continue
		}
		b.WriteString("        ")
		for i, s := range line {
			text := s.Text
			switch s.Type {
			case diffmatchpatch.DiffEqual:
				text = trimContext(text, i == 0, i == len(line)-1)
				b.WriteString(display(text))
			case diffmatchpatch.DiffDelete:
				b.WriteString(changed(p, text, true))
			case diffmatchpatch.DiffInsert:
				b.WriteString(changed(p, text, false))
			}
		}
		b.WriteString("\n")
	}
}

// mergeDiffs joins adjacent diffs of the same type and drops empty ones.
func mergeDiffs(diffs []diffmatchpatch.Diff) []diffmatchpatch.Diff {
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

// wholeLines reports whether a line diff only removes or only adds lines.
func wholeLines(ops []lineOp) bool {
	var kinds [256]bool
	for _, op := range ops {
		kinds[op.kind] = true
	}
	return kinds['-'] != kinds['+']
}

// diffLine is one display line of a word diff.
type diffLine []diffmatchpatch.Diff

func (l diffLine) changed() bool {
	for _, s := range l {
		if s.Type != diffmatchpatch.DiffEqual {
			return true
		}
	}
	return false
}

// wordDiffLines breaks a word diff into display lines at the newlines of
// unchanged text; newlines inside a change stay in it (shown as ↵).
func wordDiffLines(diffs []diffmatchpatch.Diff) []diffLine {
	var lines []diffLine
	var cur diffLine
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

// trimContext cuts unchanged text to fixContext characters next to the
// changes: the end of the first segment of a line, the start of the last,
// both ends of one in the middle.
func trimContext(s string, first, last bool) string {
	n := utf8.RuneCountInString(s)
	switch {
	case first && last:
		return s
	case first && n > fixContext:
		return "…" + lastRunes(s, fixContext)
	case last && n > fixContext:
		return firstRunes(s, fixContext) + "…"
	case !first && !last && n > 2*fixContext+1:
		return firstRunes(s, fixContext) + "…" + lastRunes(s, fixContext)
	}
	return s
}

func firstRunes(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}

func lastRunes(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// clip cuts s to n characters.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return firstRunes(s, n) + "…"
}

// changed renders removed or added text: markers without colour, colour
// (a background for white space only) with it.
func changed(p *palette, text string, del bool) string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "↵")
	text = display(clip(text, fixMaxChange))
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

// display makes draft text printable on one terminal line: CRs dropped,
// tabs as spaces, a trailing newline removed, other control characters
// escaped.
func display(s string) string {
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
