package format

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"copydesk/lint"
)

// JSONVersion is the version of the JSON output schema. It changes only when
// a field is removed or changes meaning; new fields may be added.
const JSONVersion = 1

// JSON writes one JSON document:
//
//	{"version":1,"files":[{"path","findings":[...],"error"}],"summary":{...}}
//
// Every input is listed, clean ones too; "findings" is always an array;
// "error" is null or the file's error; "fix" is null or the fix. Lines and
// columns are 1-based, columns count Unicode characters, and ends point just
// past the last character. Offsets are byte offsets into the file as read.
type JSON struct {
	w   *bufio.Writer
	n   int
	err error
	buf bytes.Buffer
	enc *json.Encoder
}

// NewJSON returns the JSON formatter.
func NewJSON(w io.Writer, _ Options) Formatter {
	j := &JSON{w: bufio.NewWriter(w)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	return j
}

// JSONFile is one input in JSON output.
type JSONFile struct {
	Path     string        `json:"path"`
	Findings []JSONFinding `json:"findings"`
	Error    *string       `json:"error"`
	// Suppressed are the findings a suppression silenced; omitted when
	// there are none.
	Suppressed []JSONSuppressed `json:"suppressed,omitempty"`
}

// JSONSuppressed is a suppressed finding: the finding's fields, why it was
// silenced, and by what: "inSource" (a directive in the draft), "external"
// (a config [[ignore]]) or "baseline" (the baseline file).
type JSONSuppressed struct {
	JSONFinding
	Kind   string `json:"kind"`
	Reason string `json:"reason"`
}

// JSONFinding is one finding in JSON output.
type JSONFinding struct {
	Rule      string        `json:"rule"`
	Severity  string        `json:"severity"`
	Message   string        `json:"message"`
	Line      int           `json:"line"`
	Column    int           `json:"column"`
	EndLine   int           `json:"end_line"`
	EndColumn int           `json:"end_column"`
	Offset    int           `json:"offset"`
	EndOffset int           `json:"end_offset"`
	Related   []JSONRelated `json:"related"`
	Fix       *JSONFix      `json:"fix"`
}

// JSONRelated is a related location of a finding.
type JSONRelated struct {
	Message   string `json:"message"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
}

// JSONFix is a finding's fix.
type JSONFix struct {
	Message string     `json:"message"`
	Safe    bool       `json:"safe"`
	Edits   []JSONEdit `json:"edits"`
}

// JSONEdit replaces source bytes [offset, end_offset) with text.
type JSONEdit struct {
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"end_line"`
	EndColumn int    `json:"end_column"`
	Text      string `json:"text"`
}

// JSONFileOf converts a result to its JSON form.
func JSONFileOf(r *lint.FileResult) JSONFile {
	out := JSONFile{Path: r.Path, Findings: make([]JSONFinding, 0, len(r.Findings))}
	if r.Err != nil {
		msg := ErrorText(r.Path, r.Err)
		out.Error = &msg
	}
	for i := range r.Findings {
		out.Findings = append(out.Findings, jsonFinding(&r.Findings[i]))
	}
	for i := range r.Suppressed {
		s := &r.Suppressed[i]
		kind := string(s.Kind)
		if s.Baseline {
			kind = "baseline"
		}
		out.Suppressed = append(out.Suppressed, JSONSuppressed{JSONFinding: jsonFinding(&s.Finding), Kind: kind, Reason: s.Reason})
	}
	return out
}

// jsonFinding converts a finding to its JSON form.
func jsonFinding(f *lint.Finding) JSONFinding {
	jf := JSONFinding{
		Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
		Line: f.Start.Line, Column: f.Start.Column, EndLine: f.End.Line, EndColumn: f.End.Column,
		Offset: f.Source.Start, EndOffset: f.Source.End,
		Related: make([]JSONRelated, 0, len(f.Related)),
	}
	for _, rel := range f.Related {
		jf.Related = append(jf.Related, JSONRelated{
			Message: rel.Message, Line: rel.Start.Line, Column: rel.Start.Column,
			EndLine: rel.End.Line, EndColumn: rel.End.Column,
			Offset: rel.Source.Start, EndOffset: rel.Source.End,
		})
	}
	if f.Fix != nil {
		fx := &JSONFix{Message: f.Fix.Message, Safe: f.Fix.Safe, Edits: make([]JSONEdit, 0, len(f.Fix.Edits))}
		for _, e := range f.Fix.Edits {
			fx.Edits = append(fx.Edits, JSONEdit{
				Offset: e.Span.Start, EndOffset: e.Span.End,
				Line: e.Start.Line, Column: e.Start.Column, EndLine: e.End.Line, EndColumn: e.End.Column,
				Text: e.New,
			})
		}
		jf.Fix = fx
	}
	return jf
}

func (j *JSON) write(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

// encode writes v indented to sit at the given depth.
func (j *JSON) encode(v any, prefix string) {
	if j.err != nil {
		return
	}
	j.buf.Reset()
	j.enc.SetIndent(prefix, "  ")
	if j.err = j.enc.Encode(v); j.err != nil {
		return
	}
	j.write(string(bytes.TrimRight(j.buf.Bytes(), "\n")))
}

// Begin implements Formatter.
func (j *JSON) Begin() error {
	j.write(fmt.Sprintf("{\n  \"version\": %d,\n  \"files\": [", JSONVersion))
	return j.err
}

// File implements Formatter.
func (j *JSON) File(r *lint.FileResult) error {
	if j.n > 0 {
		j.write(",")
	}
	j.n++
	j.write("\n    ")
	j.encode(JSONFileOf(r), "    ")
	if j.err == nil && j.w.Buffered() > 64<<10 {
		j.err = j.w.Flush()
	}
	return j.err
}

// End implements Formatter.
func (j *JSON) End(s Summary) error {
	if j.n > 0 {
		j.write("\n  ")
	}
	j.write("],\n  \"summary\": ")
	j.encode(s, "  ")
	j.write("\n}\n")
	if j.err == nil {
		j.err = j.w.Flush()
	}
	return j.err
}
