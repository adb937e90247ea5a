package format

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

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
//
// Files are written by hand-rolled appends into a reused buffer, exactly as
// encoding/json would indent JSONFileOf's value (JSON.File); the summary
// still goes through encoding/json.
type JSON struct {
	w   *bufio.Writer
	n   int
	err error
	buf bytes.Buffer
	enc *json.Encoder
	out []byte
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
	j.out = appendJSONFile(append(j.out[:0], "\n    "...), r)
	if j.err == nil {
		_, j.err = j.w.Write(j.out)
	}
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

// The indented layout of a file in JSON output: what encoding/json writes
// for JSONFileOf(r) with the prefix "    " and the indent "  ".

// jsonNL appends a newline and the indent of depth d under the file.
func jsonNL(b []byte, d int) []byte {
	b = append(b, "\n    "...)
	for ; d > 0; d-- {
		b = append(b, "  "...)
	}
	return b
}

// jsonKey appends a newline, the indent and "key": .
func jsonKey(b []byte, d int, key string) []byte {
	b = jsonNL(b, d)
	b = append(b, '"')
	b = append(b, key...)
	return append(b, `": `...)
}

func jsonInt(b []byte, d int, key string, v int) []byte {
	b = jsonKey(b, d, key)
	b = strconv.AppendInt(b, int64(v), 10)
	return append(b, ',')
}

func jsonStr(b []byte, d int, key, v string) []byte {
	b = jsonKey(b, d, key)
	b = appendJSONString(b, v)
	return append(b, ',')
}

func appendJSONFile(b []byte, r *lint.FileResult) []byte {
	b = append(b, '{')
	b = jsonStr(b, 1, "path", r.Path)
	b = jsonKey(b, 1, "findings")
	if len(r.Findings) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, '[')
		for i := range r.Findings {
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonNL(b, 2)
			b = appendJSONFinding(b, 2, &r.Findings[i])
			b = jsonNL(b, 2)
			b = append(b, '}')
		}
		b = jsonNL(b, 1)
		b = append(b, ']')
	}
	b = append(b, ',')
	b = jsonKey(b, 1, "error")
	if r.Err != nil {
		b = appendJSONString(b, ErrorText(r.Path, r.Err))
	} else {
		b = append(b, "null"...)
	}
	if len(r.Suppressed) > 0 {
		b = append(b, ',')
		b = jsonKey(b, 1, "suppressed")
		b = append(b, '[')
		for i := range r.Suppressed {
			s := &r.Suppressed[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonNL(b, 2)
			b = appendJSONFinding(b, 2, &s.Finding)
			kind := string(s.Kind)
			if s.Baseline {
				kind = "baseline"
			}
			b = append(b, ',')
			b = jsonStr(b, 3, "kind", kind)
			b = jsonKey(b, 3, "reason")
			b = appendJSONString(b, s.Reason)
			b = jsonNL(b, 2)
			b = append(b, '}')
		}
		b = jsonNL(b, 1)
		b = append(b, ']')
	}
	b = jsonNL(b, 0)
	return append(b, '}')
}

// appendJSONFinding appends a finding's object at depth d without its
// closing newline and brace, so that a suppressed finding can add fields.
func appendJSONFinding(b []byte, d int, f *lint.Finding) []byte {
	d++
	b = append(b, '{')
	b = jsonStr(b, d, "rule", f.Rule)
	b = jsonStr(b, d, "severity", f.Severity.String())
	b = jsonStr(b, d, "message", f.Message)
	b = jsonInt(b, d, "line", f.Start.Line)
	b = jsonInt(b, d, "column", f.Start.Column)
	b = jsonInt(b, d, "end_line", f.End.Line)
	b = jsonInt(b, d, "end_column", f.End.Column)
	b = jsonInt(b, d, "offset", f.Source.Start)
	b = jsonInt(b, d, "end_offset", f.Source.End)
	b = jsonKey(b, d, "related")
	if len(f.Related) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, '[')
		for i := range f.Related {
			rel := &f.Related[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonNL(b, d+1)
			b = append(b, '{')
			b = jsonStr(b, d+2, "message", rel.Message)
			b = jsonInt(b, d+2, "line", rel.Start.Line)
			b = jsonInt(b, d+2, "column", rel.Start.Column)
			b = jsonInt(b, d+2, "end_line", rel.End.Line)
			b = jsonInt(b, d+2, "end_column", rel.End.Column)
			b = jsonInt(b, d+2, "offset", rel.Source.Start)
			b = jsonKey(b, d+2, "end_offset")
			b = strconv.AppendInt(b, int64(rel.Source.End), 10)
			b = jsonNL(b, d+1)
			b = append(b, '}')
		}
		b = jsonNL(b, d)
		b = append(b, ']')
	}
	b = append(b, ',')
	b = jsonKey(b, d, "fix")
	if f.Fix == nil {
		return append(b, "null"...)
	}
	b = append(b, '{')
	b = jsonStr(b, d+1, "message", f.Fix.Message)
	b = jsonKey(b, d+1, "safe")
	b = strconv.AppendBool(b, f.Fix.Safe)
	b = append(b, ',')
	b = jsonKey(b, d+1, "edits")
	if len(f.Fix.Edits) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, '[')
		for i := range f.Fix.Edits {
			e := &f.Fix.Edits[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonNL(b, d+2)
			b = append(b, '{')
			b = jsonInt(b, d+3, "offset", e.Span.Start)
			b = jsonInt(b, d+3, "end_offset", e.Span.End)
			b = jsonInt(b, d+3, "line", e.Start.Line)
			b = jsonInt(b, d+3, "column", e.Start.Column)
			b = jsonInt(b, d+3, "end_line", e.End.Line)
			b = jsonInt(b, d+3, "end_column", e.End.Column)
			b = jsonKey(b, d+3, "text")
			b = appendJSONString(b, e.New)
			b = jsonNL(b, d+2)
			b = append(b, '}')
		}
		b = jsonNL(b, d+1)
		b = append(b, ']')
	}
	b = jsonNL(b, d)
	return append(b, '}')
}

// jsonPlain marks the bytes appendJSONString copies as they are: printable
// ASCII but for the quote and the backslash.
var jsonPlain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// appendJSONString appends s quoted as encoding/json quotes it without
// HTML escaping: \", \\, \b, \f, \n, \r, \t, \u00XX for other control
// bytes, \ufffd for each byte that is not UTF-8, and \u2028, \u2029.
func appendJSONString[T string | []byte](b []byte, s T) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		for i < len(s) && jsonPlain[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i : i+min(len(s)-i, utf8.UTFMax)]))
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
