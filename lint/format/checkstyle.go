package format

import (
	"bufio"
	"fmt"
	"io"

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
func (c *Checkstyle) End(Summary) error {
	c.printf("</checkstyle>\n")
	if c.err == nil {
		c.err = c.w.Flush()
	}
	return c.err
}
