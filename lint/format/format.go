package format

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"copydesk/lint"
)

// Formatter writes the results of one run. Calls come in order: Begin, File
// for each input (in input order), End.
type Formatter interface {
	Begin() error
	File(r *lint.FileResult) error
	End(s Summary) error
}

// Options configure a formatter.
type Options struct {
	// Color enables ANSI colour (text output). The caller decides: the
	// formatter never looks at the terminal or the environment.
	Color bool
	// Rules are the rules of the run, for formats that describe them.
	Rules []lint.Meta
	// Version is copydesk's version, for formats that name the tool.
	Version string
	// RenderFix prints a finding's fix under it in text output; nil means
	// DefaultFixRenderer, and when that is nil too the fix message alone.
	RenderFix FixRenderer
	// ShowSuppressed lists suppressed findings in text output, each with
	// its reason (--show-suppressed). Machine formats always carry them.
	ShowSuppressed bool
}

// FixRenderer writes the fix of f (which is not nil) for text output. src is
// the file's source; lines should be indented by four spaces.
type FixRenderer func(w io.Writer, src []byte, f *lint.Finding, color bool) error

// DefaultFixRenderer is the fix renderer text output uses for Options
// without RenderFix. The file of this package that renders fix diffs sets
// it; when nil, text output prints the fix message alone.
var DefaultFixRenderer FixRenderer

// Factory makes a formatter writing to w.
type Factory func(w io.Writer, o Options) Formatter

var (
	regMu     sync.RWMutex
	factories = map[string]Factory{}
)

// Register makes a format available under name (--format name). It panics
// if name is taken: registration happens at init time.
func Register(name string, f Factory) {
	regMu.Lock()
	defer regMu.Unlock()
	if _, dup := factories[name]; dup {
		panic("format: " + name + " registered twice")
	}
	factories[name] = f
}

// Lookup returns the factory registered under name.
func Lookup(name string) (Factory, bool) {
	regMu.RLock()
	defer regMu.RUnlock()
	f, ok := factories[name]
	return f, ok
}

// Names returns the registered format names, sorted.
func Names() []string {
	regMu.RLock()
	defer regMu.RUnlock()
	names := make([]string, 0, len(factories))
	for n := range factories {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func init() {
	Register("text", NewText)
	Register("json", NewJSON)
}

// Summary counts the results of a run.
type Summary struct {
	Files      int `json:"files"`                // inputs, those with errors included
	Findings   int `json:"findings"`             // all findings
	Errors     int `json:"errors"`               // findings of severity error
	Warnings   int `json:"warnings"`             // findings of severity warning
	Info       int `json:"info"`                 // findings of severity info
	FileErrors int `json:"file_errors"`          // inputs with a per-file error
	Suppressed int `json:"suppressed,omitempty"` // findings silenced (directives, config ignores, baseline); not in Findings
	Baselined  int `json:"baselined,omitempty"`  // of those, silenced by the baseline file
}

// Add counts one file's result.
func (s *Summary) Add(r *lint.FileResult) {
	s.Files++
	if r.Err != nil {
		s.FileErrors++
	}
	s.Suppressed += len(r.Suppressed)
	for i := range r.Suppressed {
		if r.Suppressed[i].Baseline {
			s.Baselined++
		}
	}
	for i := range r.Findings {
		s.Findings++
		switch r.Findings[i].Severity {
		case lint.Error:
			s.Errors++
		case lint.Warning:
			s.Warnings++
		default:
			s.Info++
		}
	}
}

// Write runs f over results held in memory.
func Write(f Formatter, results []lint.FileResult) error {
	if err := f.Begin(); err != nil {
		return err
	}
	var s Summary
	for i := range results {
		s.Add(&results[i])
		if err := f.File(&results[i]); err != nil {
			return err
		}
	}
	return f.End(s)
}

// ErrorText returns a per-file error as one line for output: without a
// leading "path: " (the output names the file already) and without a
// recovered panic's stack trace. A leading "path:line:column: " (as the
// parser reports invalid UTF-8) becomes words after the message: "invalid
// UTF-8 at line 3, column 12 (byte 0xE9 at offset 40)".
func ErrorText(path string, err error) string {
	if err == nil {
		return ""
	}
	msg := err.Error()
	var lines []string
	inStack := false
	for _, line := range strings.Split(msg, "\n") {
		if strings.HasPrefix(line, "goroutine ") {
			inStack = true // a recovered panic's stack trace follows
			continue
		}
		if inStack && !strings.HasPrefix(line, path+": ") {
			continue
		}
		inStack = false
		line = strings.TrimPrefix(line, path+": ")
		line = movePosition(line, path)
		if strings.TrimSpace(line) != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "; ")
}

// movePosition rewrites "path:L:C: message (detail)" as "message at line
// L, column C (detail)", and "path:L: message" as "message at line L"; it
// returns other lines as they are.
func movePosition(line, path string) string {
	rest, ok := strings.CutPrefix(line, path+":")
	if !ok {
		return line
	}
	var nums []string
	for len(nums) < 2 {
		n := 0
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n == 0 || n == len(rest) || rest[n] != ':' {
			return line
		}
		nums, rest = append(nums, rest[:n]), rest[n+1:]
		if strings.HasPrefix(rest, " ") {
			break
		}
	}
	msg, ok := strings.CutPrefix(rest, " ")
	if !ok || msg == "" {
		return line
	}
	pos := " at line " + nums[0]
	if len(nums) == 2 {
		pos += ", column " + nums[1]
	}
	if i := strings.Index(msg, " ("); i > 0 && strings.HasSuffix(msg, ")") {
		return msg[:i] + pos + msg[i:]
	}
	return msg + pos
}

// plural returns "1 file" or "n files".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// SummaryLine returns the human summary of a run: "No findings in 3 files",
// "2 findings (1 error, 1 warning, 0 info) in 3 files", with "; 3
// suppressed (2 by the baseline)" appended when findings were silenced and
// "; 1 file error" when inputs failed.
func SummaryLine(s Summary) string {
	var b strings.Builder
	if s.Findings == 0 {
		fmt.Fprintf(&b, "No findings in %s", plural(s.Files, "file", "files"))
	} else {
		fmt.Fprintf(&b, "%s (%s, %s, %d info) in %s",
			plural(s.Findings, "finding", "findings"),
			plural(s.Errors, "error", "errors"),
			plural(s.Warnings, "warning", "warnings"),
			s.Info, plural(s.Files, "file", "files"))
	}
	if s.Suppressed > 0 {
		fmt.Fprintf(&b, "; %d suppressed", s.Suppressed)
		if s.Baselined > 0 {
			fmt.Fprintf(&b, " (%d by the baseline)", s.Baselined)
		}
	}
	if s.FileErrors > 0 {
		fmt.Fprintf(&b, "; %s", plural(s.FileErrors, "file error", "file errors"))
	}
	return b.String()
}
