package format

import (
	"bufio"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"copydesk/lint"
)

// GitHub writes GitHub Actions workflow commands, one per finding, which
// the Actions runner turns into annotations on the pull request:
//
//	::warning file=drafts/a.md,line=3,endLine=3,col=5,endColumn=14,title=said-to::message
//
// error → ::error, warning → ::warning, info → ::notice. col and endColumn
// (the column of the last character, counted in Unicode characters) are
// given only for a finding on one line, as GitHub allows. Paths are
// slash-separated, as given (the CLI makes them relative to the repository
// root). A file that could not be checked is "::error file=path::message".
// The run's summary line ends the output as plain log text.
type GitHub struct {
	w   *bufio.Writer
	err error
	out []byte
}

// NewGitHub returns the GitHub Actions formatter.
func NewGitHub(w io.Writer, _ Options) Formatter {
	return &GitHub{w: bufio.NewWriter(w)}
}

func init() { Register("github", NewGitHub) }

// GitHubLevel maps a severity to a workflow command.
func GitHubLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "notice"
}

// escapeData escapes a workflow command's message as actions/toolkit
// does: "%", CR and LF.
func escapeData(s string) string {
	if !strings.ContainsAny(s, "%\r\n") {
		return s
	}
	s = strings.ReplaceAll(s, "%", "%25")
	s = strings.ReplaceAll(s, "\r", "%0D")
	return strings.ReplaceAll(s, "\n", "%0A")
}

// escapeProperty escapes a workflow command's property value: as data,
// and ":" and "," too.
func escapeProperty(s string) string {
	s = escapeData(s)
	if !strings.ContainsAny(s, ":,") {
		return s
	}
	s = strings.ReplaceAll(s, ":", "%3A")
	return strings.ReplaceAll(s, ",", "%2C")
}

// GitHubPath is path as workflow commands want it: slash-separated, without
// a leading "./".
func GitHubPath(path string) string {
	p := filepath.ToSlash(path)
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	return p
}

func (g *GitHub) printf(format string, args ...any) {
	if g.err == nil {
		_, g.err = fmt.Fprintf(g.w, format, args...)
	}
}

// Begin implements Formatter.
func (g *GitHub) Begin() error { return nil }

// File implements Formatter.
func (g *GitHub) File(r *lint.FileResult) error {
	file := escapeProperty(GitHubPath(r.Path))
	b := g.out[:0]
	for i := range r.Findings {
		f := &r.Findings[i]
		b = append(b, "::"...)
		b = append(b, GitHubLevel(f.Severity)...)
		b = append(b, " file="...)
		b = append(b, file...)
		b = append(b, ",line="...)
		b = strconv.AppendInt(b, int64(f.Start.Line), 10)
		b = append(b, ",endLine="...)
		b = strconv.AppendInt(b, int64(f.End.Line), 10)
		if f.Start.Line == f.End.Line {
			b = append(b, ",col="...)
			b = strconv.AppendInt(b, int64(f.Start.Column), 10)
			b = append(b, ",endColumn="...)
			b = strconv.AppendInt(b, int64(max(f.Start.Column, f.End.Column-1)), 10)
		}
		b = append(b, ",title="...)
		b = append(b, escapeProperty(f.Rule)...)
		b = append(b, "::"...)
		b = append(b, escapeData(f.Message)...)
		b = append(b, '\n')
	}
	if r.Err != nil {
		b = append(b, "::error file="...)
		b = append(b, file...)
		b = append(b, "::"...)
		b = append(b, escapeData(ErrorText(r.Path, r.Err))...)
		b = append(b, '\n')
	}
	g.out = b
	if g.err == nil {
		_, g.err = g.w.Write(b)
	}
	if g.err == nil && g.w.Buffered() > 64<<10 {
		g.err = g.w.Flush()
	}
	return g.err
}

// End implements Formatter.
func (g *GitHub) End(s Summary) error {
	g.printf("%s\n", SummaryLine(s))
	if g.err == nil {
		g.err = g.w.Flush()
	}
	return g.err
}
