package format

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

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
	out []byte
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
	at := len(j.out)
	j.out = appendXML(j.out, r.Path)
	b := j.out
	path := b[at:] // escaped, appended in front of the report and left there
	tests, errs := len(r.Findings), 0
	if r.Err != nil {
		tests++
		errs = 1
	}
	if tests == 0 {
		tests = 1
	}
	b = append(b, "  <testsuite name=\""...)
	b = append(b, path...)
	b = append(b, "\" tests=\""...)
	b = strconv.AppendInt(b, int64(tests), 10)
	b = append(b, "\" failures=\""...)
	b = strconv.AppendInt(b, int64(len(r.Findings)), 10)
	b = append(b, "\" errors=\""...)
	b = strconv.AppendInt(b, int64(errs), 10)
	b = append(b, "\">\n"...)
	for i := range r.Findings {
		f := &r.Findings[i]
		b = append(b, "    <testcase classname=\""...)
		b = append(b, path...)
		b = append(b, "\" name=\""...)
		b = appendXML(b, f.Rule)
		b = append(b, " at "...)
		b = strconv.AppendInt(b, int64(f.Start.Line), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(f.Start.Column), 10)
		b = append(b, "\" file=\""...)
		b = append(b, path...)
		b = append(b, "\" line=\""...)
		b = strconv.AppendInt(b, int64(f.Start.Line), 10)
		b = append(b, "\">\n      <failure type=\""...)
		b = appendXML(b, f.Rule)
		b = append(b, "\" message=\""...)
		b = appendXML(b, f.Message)
		b = append(b, "\">"...)
		b = append(b, path...)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(f.Start.Line), 10)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(f.Start.Column), 10)
		b = append(b, ": "...)
		b = append(b, f.Severity.String()...)
		b = append(b, ": "...)
		b = appendXML(b, f.Message)
		b = append(b, " ["...)
		b = appendXML(b, f.Rule)
		b = append(b, "]</failure>\n    </testcase>\n"...)
	}
	switch {
	case r.Err != nil:
		msg := xmlEscape(ErrorText(r.Path, r.Err))
		b = append(b, "    <testcase classname=\""...)
		b = append(b, path...)
		b = append(b, "\" name=\"copydesk\" file=\""...)
		b = append(b, path...)
		b = append(b, "\">\n      <error message=\""...)
		b = append(b, msg...)
		b = append(b, "\">"...)
		b = append(b, msg...)
		b = append(b, "</error>\n    </testcase>\n"...)
	case len(r.Findings) == 0:
		b = append(b, "    <testcase classname=\""...)
		b = append(b, path...)
		b = append(b, "\" name=\"copydesk\" file=\""...)
		b = append(b, path...)
		b = append(b, "\"/>\n"...)
	}
	b = append(b, "  </testsuite>\n"...)
	if j.err == nil {
		_, j.err = j.w.Write(b[at+len(path):])
	}
	j.out = b[:0]
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
