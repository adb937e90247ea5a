package baseline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"copydesk/lint"
)

// Version is the version of the baseline file format.
const Version = 1

// Entry is one recorded finding (Count identical ones).
type Entry struct {
	Path    string `json:"path"`
	Rule    string `json:"rule"`
	Text    string `json:"text"`
	Context string `json:"context"`
	Count   int    `json:"count,omitempty"` // omitted when 1
}

// file is the JSON form of a baseline.
type file struct {
	Version  int     `json:"version"`
	Tool     string  `json:"tool"`
	Findings []Entry `json:"findings"`
}

// Key identifies a finding across edits elsewhere in its draft.
type Key struct {
	Rule, Text, Context string
}

// KeyOf returns the key of a resolved finding of doc.
func KeyOf(doc *lint.Document, f *lint.Finding) Key {
	return Key{Rule: f.Rule, Text: flagged(doc, f), Context: contextHash(doc, f)}
}

// flagged is the finding's text: the prose it flags, or the source bytes
// when it flags no prose (a comment).
func flagged(doc *lint.Document, f *lint.Finding) string {
	if t := doc.Slice(f.Span); t != "" {
		return t
	}
	if f.Source.Start >= 0 && f.Source.End <= len(doc.Source) && f.Source.Start <= f.Source.End {
		return string(doc.Source[f.Source.Start:f.Source.End])
	}
	return ""
}

// contextHash hashes the sentence that holds the start of the finding
// (else its block, else its source lines), white space collapsed.
func contextHash(doc *lint.Document, f *lint.Finding) string {
	var ctx string
	if !f.Span.Empty() {
		if bi := doc.BlockAt(f.Span.Start); bi >= 0 {
			b := &doc.Blocks[bi]
			ctx = doc.Slice(b.Span)
			for _, s := range b.Sentences {
				if s.Start <= f.Span.Start && f.Span.Start < s.End {
					ctx = doc.Slice(s)
					break
				}
			}
		}
	}
	if ctx == "" && len(doc.Source) > 0 {
		ls := doc.LineSpan(f.Source)
		ctx = string(doc.Source[ls.Start:ls.End])
	}
	sum := sha256.Sum256([]byte(strings.Join(strings.Fields(ctx), " ")))
	return hex.EncodeToString(sum[:6])
}

// Baseline is a loaded baseline file.
type Baseline struct {
	dir    string
	counts map[string]map[Key]int // by relative path
	total  int
}

// Load reads a baseline file.
func Load(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("baseline %s: %w", path, unwrapPath(err))
	}
	var f file
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("baseline %s: not a copydesk baseline: %w", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("baseline %s: version %d, want %d", path, f.Version, Version)
	}
	dir, err := absDir(path)
	if err != nil {
		return nil, err
	}
	b := &Baseline{dir: dir, counts: map[string]map[Key]int{}}
	for i, e := range f.Findings {
		if e.Path == "" || e.Rule == "" || e.Count < 0 {
			return nil, fmt.Errorf("baseline %s: finding %d: needs path and rule", path, i+1)
		}
		n := max(e.Count, 1)
		m := b.counts[e.Path]
		if m == nil {
			m = map[Key]int{}
			b.counts[e.Path] = m
		}
		m[Key{e.Rule, e.Text, e.Context}] += n
		b.total += n
	}
	return b, nil
}

// Len returns the number of findings the baseline records.
func (b *Baseline) Len() int { return b.total }

// Recorded returns the number of findings the baseline records for the
// file at path.
func (b *Baseline) Recorded(path string) int {
	n := 0
	for _, c := range b.counts[rel(b.dir, path)] {
		n += c
	}
	return n
}

// Match splits a file's findings into those the baseline does not record
// (kept, in order) and those it does. Each entry matches at most Count
// findings. Calling it again for the same file starts afresh, so that a
// --fix round re-linting a draft sees the same baseline.
func (b *Baseline) Match(path string, doc *lint.Document, findings []lint.Finding) (kept, baselined []lint.Finding) {
	m := b.counts[rel(b.dir, path)]
	if len(m) == 0 || doc == nil {
		return findings, nil
	}
	left := make(map[Key]int, len(m))
	for k, n := range m {
		left[k] = n
	}
	kept = findings[:0:0]
	for i := range findings {
		k := KeyOf(doc, &findings[i])
		if left[k] > 0 {
			left[k]--
			baselined = append(baselined, findings[i])
			continue
		}
		kept = append(kept, findings[i])
	}
	return kept, baselined
}

// Recorder collects the findings of a run for a new baseline file.
type Recorder struct {
	path  string
	dir   string
	files map[string][]Entry // by relative path
	seen  map[string]bool    // relative paths recorded in this run
	keep  *Baseline          // entries of files not seen are kept from it
}

// NewRecorder returns a recorder for a baseline to be written at path. The
// directory must exist.
func NewRecorder(path string) (*Recorder, error) {
	dir, err := absDir(path)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		if err == nil {
			err = errors.New("not a directory")
		}
		return nil, fmt.Errorf("baseline %s: %w", path, unwrapPath(err))
	}
	return &Recorder{path: path, dir: dir, files: map[string][]Entry{}, seen: map[string]bool{}}, nil
}

// Keep makes the new baseline keep b's entries for every file the run
// does not record (a run over some of the files shrinks the baseline for
// those files only).
func (r *Recorder) Keep(b *Baseline) { r.keep = b }

// Record sets the findings recorded for a file, replacing what an earlier
// call recorded for it.
func (r *Recorder) Record(path string, doc *lint.Document, findings []lint.Finding) {
	p := rel(r.dir, path)
	r.seen[p] = true
	if doc == nil || len(findings) == 0 {
		delete(r.files, p)
		return
	}
	entries := make([]Entry, 0, len(findings))
	for i := range findings {
		k := KeyOf(doc, &findings[i])
		entries = append(entries, Entry{Path: p, Rule: k.Rule, Text: k.Text, Context: k.Context, Count: 1})
	}
	r.files[p] = entries
}

// Counts returns the findings and files the new baseline holds.
func (r *Recorder) Counts() (findings, files int) {
	all := r.entries()
	for _, es := range all {
		findings += len(es)
	}
	return findings, len(all)
}

// entries returns the recorded entries by file, with those kept from the
// old baseline.
func (r *Recorder) entries() map[string][]Entry {
	if r.keep == nil {
		return r.files
	}
	out := make(map[string][]Entry, len(r.files))
	for p, es := range r.files {
		out[p] = es
	}
	for p, m := range r.keep.counts {
		if r.seen[p] {
			continue
		}
		for k, n := range m {
			for i := 0; i < n; i++ {
				out[p] = append(out[p], Entry{Path: p, Rule: k.Rule, Text: k.Text, Context: k.Context, Count: 1})
			}
		}
	}
	return out
}

// Bytes returns the baseline file: entries sorted by path, rule, text and
// context, identical findings merged into one entry with a count, one
// entry per line.
func (r *Recorder) Bytes() []byte {
	var all []Entry
	for _, es := range r.entries() {
		all = append(all, es...)
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		if a.Text != b.Text {
			return a.Text < b.Text
		}
		return a.Context < b.Context
	})
	merged := all[:0]
	for _, e := range all {
		if n := len(merged); n > 0 && merged[n-1].Path == e.Path && merged[n-1].Rule == e.Rule &&
			merged[n-1].Text == e.Text && merged[n-1].Context == e.Context {
			merged[n-1].Count++
			continue
		}
		merged = append(merged, e)
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\n  \"version\": %d,\n  \"tool\": \"copydesk\",\n  \"findings\": [", Version)
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for i, e := range merged {
		if e.Count == 1 {
			e.Count = 0
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n    ")
		_ = enc.Encode(e) // strings and ints only: cannot fail
		buf.Truncate(buf.Len() - 1)
	}
	if len(merged) > 0 {
		buf.WriteString("\n  ")
	}
	buf.WriteString("]\n}\n")
	return buf.Bytes()
}

func absDir(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("baseline %s: %w", path, err)
	}
	return filepath.Dir(abs), nil
}

// rel returns path relative to dir, slash-separated; path itself when it
// cannot be made relative.
func rel(dir, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	r, err := filepath.Rel(dir, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(r)
}

// unwrapPath drops the *PathError wrapping, whose message repeats the
// path.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
