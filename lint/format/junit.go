package format

import (
	"bufio"
	"fmt"
	"io"

	"copydesk/lint"
)

// JUnit writes JUnit XML, the test report format GitLab, Jenkins, Azure
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
type JUnit struct {
	w   *bufio.Writer
	err error
}

// NewJUnit returns the JUnit XML formatter.
func NewJUnit(w io.Writer, _ Options) Formatter {
	return &JUnit{w: bufio.NewWriter(w)}
}

func init() { Register("junit", NewJUnit) }

func (j *JUnit) printf(format string, args ...any) {
	if j.err == nil {
		_, j.err = fmt.Fprintf(j.w, format, args...)
	}
}

// Begin implements Formatter.
func (j *JUnit) Begin() error {
	j.printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"copydesk\">\n")
	return j.err
}

// File implements Formatter.
func (j *JUnit) File(r *lint.FileResult) error {
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
func (j *JUnit) End(Summary) error {
	j.printf("</testsuites>\n")
	if j.err == nil {
		j.err = j.w.Flush()
	}
	return j.err
}
