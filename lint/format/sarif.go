package format

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"copydesk/lint"
)

// SARIFSchema is the JSON schema URI written in SARIF output.
const SARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// InformationURI is the tool's home page, written in SARIF output
// (tool.driver.informationUri) when set; builds that publish copydesk set it.
var InformationURI = ""

// SARIFSourceRoot is the uriBaseId of relative artifact URIs: the directory
// paths are relative to (the repository root when the CLI writes SARIF).
const SARIFSourceRoot = "%SRCROOT%"

// SARIF writes one SARIF 2.1.0 log with a single run: the tool and its rules
// (from Options.Rules), then one result per finding. Columns count Unicode
// code points (the run's columnKind); regions also carry the exact byte
// offset and length in the file as read. Fixes become replacements of byte
// regions; suppressed findings (FileResult.Suppressed) are results with
// "suppressions". Per-file errors are tool execution notifications of the
// run's invocation, which is then not successful.
//
// Results stream: memory stays flat however many files are linted.
type SARIF struct {
	w     *bufio.Writer
	opts  Options
	index map[string]int // rule ID → index in tool.driver.rules
	n     int            // results written
	errs  []sarifNotification
	err   error
	buf   bytes.Buffer
	enc   *json.Encoder
	jw    jsonWriter // results, appended by hand
}

// NewSARIF returns the SARIF formatter.
func NewSARIF(w io.Writer, o Options) Formatter {
	s := &SARIF{w: bufio.NewWriter(w), opts: o, index: map[string]int{}}
	s.enc = json.NewEncoder(&s.buf)
	s.enc.SetEscapeHTML(false)
	return s
}

func init() { Register("sarif", NewSARIF) }

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	FullDescription      sarifMessage       `json:"fullDescription"`
	Help                 sarifMessage       `json:"help"`
	DefaultConfiguration sarifRuleConfig    `json:"defaultConfiguration"`
	Properties           *sarifRuleProperty `json:"properties,omitempty"`
}

type sarifRuleConfig struct {
	Enabled bool   `json:"enabled"`
	Level   string `json:"level"`
}

type sarifRuleProperty struct {
	Fixable bool `json:"fixable"`
}

type sarifResult struct {
	RuleID           string             `json:"ruleId"`
	RuleIndex        *int               `json:"ruleIndex,omitempty"`
	Level            string             `json:"level"`
	Message          sarifMessage       `json:"message"`
	Locations        []sarifLocation    `json:"locations"`
	RelatedLocations []sarifLocation    `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix         `json:"fixes,omitempty"`
	Suppressions     []sarifSuppression `json:"suppressions,omitempty"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int           `json:"startLine"`
	StartColumn int           `json:"startColumn"`
	EndLine     int           `json:"endLine"`
	EndColumn   int           `json:"endColumn"`
	ByteOffset  int           `json:"byteOffset"`
	ByteLength  int           `json:"byteLength"`
	Snippet     *sarifMessage `json:"snippet,omitempty"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	Properties      sarifFixProperty      `json:"properties"`
}

type sarifFixProperty struct {
	Safe bool `json:"safe"` // applied by --fix; otherwise a suggestion
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion  `json:"deletedRegion"`
	InsertedContent sarifMessage `json:"insertedContent"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

// SARIFLevel maps a severity to a SARIF level.
func SARIFLevel(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "error"
	case lint.Warning:
		return "warning"
	}
	return "note"
}

// SARIFArtifact returns the artifact location of path: a relative URI
// against SARIFSourceRoot for a relative path inside the base directory, a
// bare relative URI for one outside it (../), a file:// URI for an absolute
// path. Paths are slash-separated and percent-encoded.
func SARIFArtifact(path string) (uri, baseID string) {
	if filepath.IsAbs(path) {
		p := filepath.ToSlash(path)
		if !strings.HasPrefix(p, "/") {
			p = "/" + p // C:/x → /C:/x
		}
		return "file://" + escapeURIPath(p), ""
	}
	p := strings.TrimPrefix(filepath.ToSlash(filepath.Clean(path)), "./")
	if p == ".." || strings.HasPrefix(p, "../") {
		return escapeURIPath(p), ""
	}
	return escapeURIPath(p), SARIFSourceRoot
}

// escapeURIPath percent-encodes a slash-separated path for a URI: every
// byte but unreserved characters and "/" (":" too, so that a first segment
// is never read as a scheme).
func escapeURIPath(p string) string {
	const hex = "0123456789ABCDEF"
	i := 0
	for i < len(p) && uriSafe(p[i]) {
		i++
	}
	if i == len(p) {
		return p
	}
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		c := p[i]
		if uriSafe(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// uriSafe reports whether escapeURIPath keeps c as it is.
func uriSafe(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~/", c) >= 0
}

func (s *SARIF) write(str string) {
	if s.err == nil {
		_, s.err = s.w.WriteString(str)
	}
}

// encode writes v indented to sit at the given depth.
func (s *SARIF) encode(v any, prefix string) {
	if s.err != nil {
		return
	}
	s.buf.Reset()
	s.enc.SetIndent(prefix, "  ")
	if s.err = s.enc.Encode(v); s.err != nil {
		return
	}
	s.write(string(bytes.TrimRight(s.buf.Bytes(), "\n")))
}

// Begin implements Formatter.
func (s *SARIF) Begin() error {
	tool := sarifTool{Driver: sarifDriver{
		Name:           "copydesk",
		Version:        s.opts.Version,
		InformationURI: InformationURI,
		Rules:          make([]sarifRule, 0, len(s.opts.Rules)),
	}}
	for _, m := range s.opts.Rules {
		if _, dup := s.index[m.ID]; dup {
			continue
		}
		s.index[m.ID] = len(tool.Driver.Rules)
		r := sarifRule{
			ID:                   m.ID,
			ShortDescription:     sarifMessage{Text: m.Summary},
			FullDescription:      sarifMessage{Text: firstParagraph(m.Doc, m.Summary)},
			Help:                 sarifMessage{Text: ruleHelp(m)},
			DefaultConfiguration: sarifRuleConfig{Enabled: m.Default, Level: SARIFLevel(m.Severity)},
		}
		if m.Fixable {
			r.Properties = &sarifRuleProperty{Fixable: true}
		}
		tool.Driver.Rules = append(tool.Driver.Rules, r)
	}
	s.write("{\n  \"$schema\": \"" + SARIFSchema + "\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": ")
	s.encode(tool, "      ")
	s.write(",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [")
	return s.err
}

func firstParagraph(doc, fallback string) string {
	doc = strings.TrimSpace(doc)
	if doc == "" {
		return fallback
	}
	p, _, _ := strings.Cut(doc, "\n\n")
	return p
}

// ruleHelp is a rule's documentation with its examples.
func ruleHelp(m lint.Meta) string {
	var b strings.Builder
	b.WriteString(strings.TrimSpace(m.Doc))
	if b.Len() == 0 {
		b.WriteString(m.Summary)
	}
	for _, ex := range []struct{ label, text string }{{"Flagged", m.Bad}, {"Not flagged", m.Good}} {
		if strings.TrimSpace(ex.text) == "" {
			continue
		}
		b.WriteString("\n\n" + ex.label + ":\n")
		for _, line := range strings.Split(strings.TrimRight(ex.text, "\n"), "\n") {
			if line == "" {
				b.WriteString("\n")
				continue
			}
			b.WriteString("\n    " + line)
		}
	}
	return b.String()
}

func sarifRegionOf(src []byte, span lint.Span, start, end lint.Position) sarifRegion {
	r := sarifRegion{
		StartLine: start.Line, StartColumn: start.Column, EndLine: end.Line, EndColumn: end.Column,
		ByteOffset: span.Start, ByteLength: span.End - span.Start,
	}
	if span.Start >= 0 && span.Start <= span.End && span.End <= len(src) && span.End > span.Start {
		r.Snippet = &sarifMessage{Text: string(src[span.Start:span.End])}
	}
	return r
}

func (s *SARIF) result(r *lint.FileResult, art sarifArtifactLocation, f *lint.Finding) sarifResult {
	src := r.Source()
	res := sarifResult{
		RuleID:  f.Rule,
		Level:   SARIFLevel(f.Severity),
		Message: sarifMessage{Text: f.Message},
		Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
			ArtifactLocation: art, Region: ptr(sarifRegionOf(src, f.Source, f.Start, f.End)),
		}}},
	}
	if i, ok := s.index[f.Rule]; ok {
		res.RuleIndex = ptr(i)
	}
	for i, rel := range f.Related {
		res.RelatedLocations = append(res.RelatedLocations, sarifLocation{
			ID: ptr(i + 1),
			PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: art, Region: ptr(sarifRegionOf(src, rel.Source, rel.Start, rel.End)),
			},
			Message: &sarifMessage{Text: rel.Message},
		})
	}
	if f.Fix != nil && len(f.Fix.Edits) > 0 {
		ch := sarifArtifactChange{ArtifactLocation: art}
		for _, e := range f.Fix.Edits {
			reg := sarifRegionOf(nil, e.Span, e.Start, e.End)
			ch.Replacements = append(ch.Replacements, sarifReplacement{DeletedRegion: reg, InsertedContent: sarifMessage{Text: e.New}})
		}
		res.Fixes = []sarifFix{{
			Description:     sarifMessage{Text: f.Fix.Message},
			ArtifactChanges: []sarifArtifactChange{ch},
			Properties:      sarifFixProperty{Safe: f.Fix.Safe},
		}}
	}
	return res
}

func ptr[T any](v T) *T { return &v }

// File implements Formatter.
func (s *SARIF) File(r *lint.FileResult) error {
	uri, base := SARIFArtifact(r.Path)
	art := sarifArtifactLocation{URI: uri, URIBaseID: base}
	s.jw.uri = appendJSONString(s.jw.uri[:0], uri)
	s.jw.base = appendJSONString(s.jw.base[:0], base)
	for i := range r.Findings {
		s.emit(r, art, &r.Findings[i], nil)
	}
	for i := range r.Suppressed {
		sup := &r.Suppressed[i]
		s.emit(r, art, &sup.Finding, sup)
	}
	if r.Err != nil {
		s.errs = append(s.errs, sarifNotification{
			Level:     "error",
			Message:   sarifMessage{Text: ErrorText(r.Path, r.Err)},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: art}}},
		})
	}
	if s.err == nil && s.w.Buffered() > 64<<10 {
		s.err = s.w.Flush()
	}
	return s.err
}

// End implements Formatter.
func (s *SARIF) End(Summary) error {
	if s.n > 0 {
		s.write("\n      ")
	}
	s.write("],\n      \"invocations\": [\n        ")
	s.encode(sarifInvocation{ExecutionSuccessful: len(s.errs) == 0, ToolExecutionNotifications: s.errs}, "        ")
	s.write("\n      ]\n    }\n  ]\n}\n")
	if s.err == nil {
		s.err = s.w.Flush()
	}
	return s.err
}

// emit writes the result of finding f (suppressed by sup, if not nil) as
// encoding/json indents the sarifResult that s.result returns (with sup's
// suppression), by hand into a reused buffer.
func (s *SARIF) emit(r *lint.FileResult, art sarifArtifactLocation, f *lint.Finding, sup *lint.Suppressed) {
	if s.err != nil {
		return
	}
	w := &s.jw
	w.b = w.b[:0]
	if s.n > 0 {
		w.b = append(w.b, ',')
	}
	s.n++
	w.b = append(w.b, "\n        "...)
	w.prefix, w.depth, w.first = "        ", 0, true
	src := r.Source()
	w.open('{')
	w.key("ruleId")
	w.str(f.Rule)
	if i, ok := s.index[f.Rule]; ok {
		w.key("ruleIndex")
		w.int(i)
	}
	w.key("level")
	w.str(SARIFLevel(f.Severity))
	w.key("message")
	w.text(f.Message)
	w.key("locations")
	w.open('[')
	w.elem()
	w.open('{')
	w.physical(art, src, f.Source, f.Start, f.End)
	w.close('}')
	w.close(']')
	if len(f.Related) > 0 {
		w.key("relatedLocations")
		w.open('[')
		for i := range f.Related {
			rel := &f.Related[i]
			w.elem()
			w.open('{')
			w.key("id")
			w.int(i + 1)
			w.physical(art, src, rel.Source, rel.Start, rel.End)
			w.key("message")
			w.text(rel.Message)
			w.close('}')
		}
		w.close(']')
	}
	if f.Fix != nil && len(f.Fix.Edits) > 0 {
		w.key("fixes")
		w.open('[')
		w.elem()
		w.open('{')
		w.key("description")
		w.text(f.Fix.Message)
		w.key("artifactChanges")
		w.open('[')
		w.elem()
		w.open('{')
		w.artifact(art)
		w.key("replacements")
		w.open('[')
		for i := range f.Fix.Edits {
			e := &f.Fix.Edits[i]
			w.elem()
			w.open('{')
			w.key("deletedRegion")
			w.region(nil, e.Span, e.Start, e.End)
			w.key("insertedContent")
			w.text(e.New)
			w.close('}')
		}
		w.close(']')
		w.close('}')
		w.close(']')
		w.key("properties")
		w.open('{')
		w.key("safe")
		w.b = strconv.AppendBool(w.b, f.Fix.Safe)
		w.close('}')
		w.close('}')
		w.close(']')
	}
	if sup != nil {
		kind := string(sup.Kind)
		if kind == "" {
			kind = string(lint.External)
		}
		w.key("suppressions")
		w.open('[')
		w.elem()
		w.open('{')
		w.key("kind")
		w.str(kind)
		if sup.Reason != "" {
			w.key("justification")
			w.str(sup.Reason)
		}
		w.close('}')
		w.close(']')
	}
	w.close('}')
	_, s.err = s.w.Write(w.b)
}

// jsonWriter appends JSON laid out as encoding/json indents it (with
// prefix and an indent of two spaces), for values built by hand: open
// and close objects and arrays, key before each member, elem before each
// array element. Empty arrays and objects are not written with it.
type jsonWriter struct {
	b      []byte
	prefix string
	depth  int
	first  bool // nothing written yet in the innermost object or array

	uri, base []byte // the quoted URI and uriBaseId of the file's artifact
}

func (w *jsonWriter) nl() {
	w.b = append(w.b, '\n')
	w.b = append(w.b, w.prefix...)
	for range w.depth {
		w.b = append(w.b, ' ', ' ')
	}
}

func (w *jsonWriter) open(c byte) {
	w.b = append(w.b, c)
	w.depth++
	w.first = true
}

func (w *jsonWriter) close(c byte) {
	w.depth--
	w.nl()
	w.b = append(w.b, c)
	w.first = false
}

func (w *jsonWriter) elem() {
	if !w.first {
		w.b = append(w.b, ',')
	}
	w.first = false
	w.nl()
}

func (w *jsonWriter) key(k string) {
	w.elem()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':', ' ')
}

func (w *jsonWriter) str(v string) { w.b = appendJSONString(w.b, v) }

func (w *jsonWriter) int(v int) { w.b = strconv.AppendInt(w.b, int64(v), 10) }

// text writes {"text": v}.
func (w *jsonWriter) text(v string) {
	w.open('{')
	w.key("text")
	w.str(v)
	w.close('}')
}

// artifact writes the artifactLocation member; w.uri and w.base hold
// art's fields quoted.
func (w *jsonWriter) artifact(art sarifArtifactLocation) {
	w.key("artifactLocation")
	w.open('{')
	w.key("uri")
	w.b = append(w.b, w.uri...)
	if art.URIBaseID != "" {
		w.key("uriBaseId")
		w.b = append(w.b, w.base...)
	}
	w.close('}')
}

// physical writes the members of a physicalLocation member with a region.
func (w *jsonWriter) physical(art sarifArtifactLocation, src []byte, span lint.Span, start, end lint.Position) {
	w.key("physicalLocation")
	w.open('{')
	w.artifact(art)
	w.key("region")
	w.region(src, span, start, end)
	w.close('}')
}

// region writes sarifRegionOf(src, span, start, end).
func (w *jsonWriter) region(src []byte, span lint.Span, start, end lint.Position) {
	w.open('{')
	w.key("startLine")
	w.int(start.Line)
	w.key("startColumn")
	w.int(start.Column)
	w.key("endLine")
	w.int(end.Line)
	w.key("endColumn")
	w.int(end.Column)
	w.key("byteOffset")
	w.int(span.Start)
	w.key("byteLength")
	w.int(span.End - span.Start)
	if span.Start >= 0 && span.Start <= span.End && span.End <= len(src) && span.End > span.Start {
		w.key("snippet")
		w.open('{')
		w.key("text")
		w.b = appendJSONString(w.b, src[span.Start:span.End])
		w.close('}')
	}
	w.close('}')
}
