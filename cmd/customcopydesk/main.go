// Command customcopydesk shows how a newsroom builds its own copydesk binary:
// the built-in rules plus rules compiled in from its own Go package, with
// the standard command line. Build it with
//
//	go build -o copydesk ./cmd/customcopydesk
//
// Everything else (config, packs, plugins, output formats, exit codes) works
// as in the stock binary.
package main

import (
	"fmt"
	"os"
	"strings"

	"copydesk/cmd/cli"
	"copydesk/lint"
	"copydesk/rules"
)

func main() {
	reg := rules.Registry()
	if err := reg.Add(embargoLine{}); err != nil {
		fmt.Fprintln(os.Stderr, "copydesk:", err)
		os.Exit(cli.ExitError)
	}
	os.Exit(cli.Main(reg, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// embargoLine flags an embargo notice left in copy. A rule is an immutable
// value with Meta and Check; Check must be safe for concurrent use.
type embargoLine struct{}

func (embargoLine) Meta() lint.Meta {
	return lint.Meta{
		ID:       "embargo-line",
		Summary:  "Embargo notice left in copy",
		Doc:      "Agency copy arrives with an embargo line. It must come out before publication.",
		Severity: lint.Error,
		Default:  true,
		Bad:      "School results\n\nEMBARGOED UNTIL 00.01 THURSDAY. Pass rates rose in Kelbridge.\n",
		Good:     "School results\n\nPass rates rose in Kelbridge.\n",
	}
}

func (embargoLine) Check(p *lint.Pass) error {
	const notice = "EMBARGOED"
	text := p.Doc.Text
	for off := 0; ; {
		i := strings.Index(text[off:], notice)
		if i < 0 {
			return nil
		}
		start := off + i
		p.Reportf(lint.Span{Start: start, End: start + len(notice)}, "Embargo notice left in copy: remove it before publication")
		off = start + len(notice)
	}
}
