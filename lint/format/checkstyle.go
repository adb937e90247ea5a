package format

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"copydesk/lint"
)

// Checkstyle writes Checkstyle XML, which Jenkins (warnings-ng), GitLab
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
type Checkstyle struct {
	w   *bufio.Writer
	err error
	out []byte
}

// NewCheckstyle returns the Checkstyle XML formatter.
func NewCheckstyle(w io.Writer, _ Options) Formatter {
	return &Checkstyle{w: bufio.NewWriter(w)}
}

func init() { Register("checkstyle", NewCheckstyle) }

func (c *Checkstyle) printf(format string, args ...any) {
	if c.err == nil {
		_, c.err = fmt.Fprintf(c.w, format, args...)
	}
}

// Begin implements Formatter.
func (c *Checkstyle) Begin() error {
	c.printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n")
	return c.err
}

// File implements Formatter.
func (c *Checkstyle) File(r *lint.FileResult) error {
	b := append(c.out[:0], "  <file name=\""...)
	b = appendXML(b, r.Path)
	b = append(b, "\">\n"...)
	for i := range r.Findings {
		f := &r.Findings[i]
		b = append(b, "    <error line=\""...)
		b = strconv.AppendInt(b, int64(f.Start.Line), 10)
		b = append(b, "\" column=\""...)
		b = strconv.AppendInt(b, int64(f.Start.Column), 10)
		b = append(b, "\" severity=\""...)
		b = append(b, f.Severity.String()...)
		b = append(b, "\" message=\""...)
		b = appendXML(b, f.Message)
		b = append(b, "\" source=\""...)
		b = appendXML(b, f.Rule)
		b = append(b, "\"/>\n"...)
	}
	if r.Err != nil {
		b = append(b, "    <error line=\"1\" severity=\"error\" message=\""...)
		b = appendXML(b, ErrorText(r.Path, r.Err))
		b = append(b, "\" source=\"copydesk\"/>\n"...)
	}
	b = append(b, "  </file>\n"...)
	c.out = b
	if c.err == nil {
		_, c.err = c.w.Write(b)
	}
	if c.err == nil && c.w.Buffered() > 64<<10 {
		c.err = c.w.Flush()
	}
	return c.err
}

// End implements Formatter.
func (c *Checkstyle) End(Summary) error {
	c.printf("</checkstyle>\n")
	if c.err == nil {
		c.err = c.w.Flush()
	}
	return c.err
}
