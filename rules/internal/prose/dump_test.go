package prose

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"copydesk/lint/parse"
)

// TestDump prints the analysis of the file named by PROSE_DUMP (a debugging aid).
func TestDump(t *testing.T) {
	path := os.Getenv("PROSE_DUMP")
	if path == "" {
		t.Skip("PROSE_DUMP not set")
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Parse(path, src)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Print(Dump(Analyze(doc)))
}

// Dump renders an analysis for debugging.
func Dump(a *Analysis) string {
	var b strings.Builder
	d := a.Doc
	for si := range a.Sentences {
		s := &a.Sentences[si]
		fmt.Fprintf(&b, "S%d b%d body=%v q=%v spk=%d: %s\n", si, s.Block, s.Body, s.Quoted, s.Speaker, d.Slice(s.Span))
		for i := s.AttrStart; i < s.AttrEnd; i++ {
			at := a.Attributions[i]
			fmt.Fprintf(&b, "   A%d %s cue=%q src=%q head=%q ref=%d pron=%v reason=%v granted=%v spokes=%v\n", i, at.Class, d.Slice(at.Cue), d.Slice(at.Source), at.Head, at.Ref, at.Pronoun, at.Reason, at.Granted, at.Spokesperson)
		}
		for i := s.CueStart; i < s.CueEnd; i++ {
			c := a.Cues[i]
			fmt.Fprintf(&b, "   C %s %q key=%q covered=%v legal=%v sched=%v named=%v\n", c.Kind, d.Slice(c.Span), c.Key, c.Covered, c.Legal, c.Scheduled, c.Named)
		}
	}
	return b.String()
}
