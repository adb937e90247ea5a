package format

import (
	"bufio"
	"fmt"
	"io"
	"strings"
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

// Text writes findings for people:
//
//	path:line:col: severity: message [rule-id]
//	  12 | the source line
//	     |     ^^^^^^^^
//	    path:line:col: note: related location
//	    fix: what the fix does
//
// then a summary line. Per-file errors are "path: error: message".
type Text struct {
	w    *bufio.Writer
	opts Options
	err  error

	path, sevError, sevWarning, sevInfo, rule, note, gutter, summary *color.Color
}

// NewText returns the text formatter.
func NewText(w io.Writer, o Options) Formatter {
	t := &Text{w: bufio.NewWriter(w), opts: o}
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

func (t *Text) sev(s lint.Severity) *color.Color {
	switch s {
	case lint.Error:
		return t.sevError
	case lint.Warning:
		return t.sevWarning
	}
	return t.sevInfo
}

func (t *Text) printf(format string, args ...any) {
	if t.err == nil {
		_, t.err = fmt.Fprintf(t.w, format, args...)
	}
}

// Begin implements Formatter.
func (t *Text) Begin() error { return nil }

// File implements Formatter.
func (t *Text) File(r *lint.FileResult) error {
	path := Clean(r.Path)
	for i := range r.Findings {
		t.finding(r, path, &r.Findings[i])
	}
	if t.opts.ShowSuppressed {
		for i := range r.Suppressed {
			t.suppressed(r, path, &r.Suppressed[i])
		}
	}
	if r.Err != nil {
		t.printf("%s: %s %s\n\n", t.path.Sprint(path), t.sevError.Sprint("error:"), Clean(ErrorText(r.Path, r.Err)))
	}
	if t.err == nil {
		t.err = t.w.Flush()
	}
	return t.err
}

func (t *Text) finding(r *lint.FileResult, path string, f *lint.Finding) {
	sev := t.sev(f.Severity)
	t.printf("%s: %s %s %s\n",
		t.path.Sprintf("%s:%d:%d", path, f.Start.Line, f.Start.Column),
		sev.Sprintf("%s:", f.Severity), Clean(f.Message), t.rule.Sprintf("[%s]", f.Rule))
	if r.Doc != nil {
		t.excerpt(r.Doc, f, sev)
	}
	for _, rel := range f.Related {
		t.printf("    %s: %s %s\n",
			t.path.Sprintf("%s:%d:%d", path, rel.Start.Line, rel.Start.Column),
			t.note.Sprint("note:"), Clean(rel.Message))
	}
	if f.Fix != nil {
		t.fix(r, f)
	}
	t.printf("\n")
}

// suppressed prints a silenced finding (--show-suppressed): its place,
// message and excerpt, then what silenced it and why; never its fix.
func (t *Text) suppressed(r *lint.FileResult, path string, s *lint.Suppressed) {
	f := &s.Finding
	t.printf("%s: %s %s %s\n",
		t.path.Sprintf("%s:%d:%d", path, f.Start.Line, f.Start.Column),
		t.rule.Sprintf("suppressed %s:", f.Severity), Clean(f.Message), t.rule.Sprintf("[%s]", f.Rule))
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
	reason := Clean(s.Reason)
	if reason == "" {
		reason = "(no reason given)"
	}
	t.printf("    %s %s\n\n", t.note.Sprintf("suppressed by %s:", by), reason)
}

func (t *Text) fix(r *lint.FileResult, f *lint.Finding) {
	render := t.opts.RenderFix
	if render == nil {
		render = DefaultFixRenderer
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
	t.printf("    %s %s\n", t.note.Sprint(label), Clean(f.Fix.Message))
}

// excerpt prints the finding's first source line with the span underlined.
func (t *Text) excerpt(doc *lint.Document, f *lint.Finding, sev *color.Color) {
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
		startCol = utf8.RuneCount(raw[ws:bs])
		endCol = startCol + utf8.RuneCount(raw[bs:be])
		raw = raw[ws:we]
	}
	line := string(raw)
	if f.End.Line != f.Start.Line {
		endCol = utf8.RuneCountInString(line)
	}
	disp, col := expand(line)
	start, end := col(startCol), col(endCol)
	if end <= start {
		end = start + 1
	}
	// Cut long lines to a window around the span.
	prefix, suffix := "", ""
	if len(disp) > maxLineWidth {
		ws := start - maxLineWidth/4
		ws = max(0, min(ws, len(disp)-maxLineWidth))
		we := ws + maxLineWidth
		if ws > 0 {
			prefix = "…"
		}
		if we < len(disp) {
			suffix = "…"
		}
		disp = disp[ws:we]
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
	num := fmt.Sprint(f.Start.Line)
	pad := strings.Repeat(" ", len(num))
	t.printf("  %s %s\n", t.gutter.Sprintf("%s |", num), prefix+string(disp)+suffix)
	t.printf("  %s %s%s\n", t.gutter.Sprintf("%s |", pad), strings.Repeat(" ", start), sev.Sprint(strings.Repeat("^", end-start)))
}

// expand expands tabs and replaces control characters in a source line. It
// returns the display runes and a function from a rune column of the line
// to a display column.
func expand(line string) ([]rune, func(int) int) {
	disp := make([]rune, 0, len(line)+tabWidth)
	cols := make([]int, 0, len(line)+1)
	for _, r := range line {
		cols = append(cols, len(disp))
		switch {
		case r == '\t':
			n := tabWidth - len(disp)%tabWidth
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

// Clean makes text from a draft safe to print on a terminal: control
// characters (escape sequences above all) are shown as \x escapes.
func Clean(s string) string {
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
func (t *Text) End(s Summary) error {
	t.printf("%s\n", t.summary.Sprint(SummaryLine(s)))
	if t.err == nil {
		t.err = t.w.Flush()
	}
	return t.err
}
