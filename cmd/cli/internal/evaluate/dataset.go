package evaluate

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"copydesk/lint"
)

// Names of the data sets this package reads.
const (
	PolNeAR     = "polnear-attribution"
	Szeged      = "szeged-wiki-uncertainty"
	Emergent    = "emergent-headlines"
	Scrapinghub = "scrapinghub-boilerplate"
)

// DatasetNames lists the known data sets in the order they are reported.
var DatasetNames = []string{PolNeAR, Szeged, Emergent, Scrapinghub}

// neutralHeadline heads drafts whose data set has no headline of its own.
const neutralHeadline = "Evaluation draft"

// Draft is one plain-text document built from a data set, with the labeled
// items it contains.
type Draft struct {
	Name   string // unique within the data set; used as the path (with ".txt")
	Source string // the plain-text draft: headline line, blank line, body
	Items  []Item
}

// Item is one labeled unit of a draft.
type Item struct {
	ID    string    // the data set's id, with a suffix for sub-items
	Slice string    // the kind of unit: "sentence", "attribution", "raw"...
	Label string    // the label as mapped, e.g. "sourceless_attribution", "anonymous"
	Span  lint.Span // bytes of Draft.Source
	Note  string    // what the label rests on: a cue, a source string
	// Context is the text shown in examples (the sentence around an
	// attribution); empty means Span.
	Context lint.Span
}

// Text returns the item's text in its draft.
func (it Item) Text(d *Draft) string { return slice(d.Source, it.Span) }

// ContextText returns the text shown for the item in examples.
func (it Item) ContextText(d *Draft) string {
	if it.Context.Empty() {
		return it.Text(d)
	}
	return slice(d.Source, it.Context)
}

func slice(s string, sp lint.Span) string {
	if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
		return ""
	}
	return s[sp.Start:sp.End]
}

// Source is a data set file found on disk.
type Source struct {
	Dataset string // one of DatasetNames
	Path    string // the JSON-lines file
}

// readers build the drafts of a data set from its JSON lines.
var readers = map[string]func(path string, r io.Reader) ([]Draft, error){
	PolNeAR:     readPolNeAR,
	Szeged:      readSzeged,
	Emergent:    readEmergent,
	Scrapinghub: readScrapinghub,
}

// ReadDrafts reads the data set file of src and returns its drafts.
func ReadDrafts(src Source) ([]Draft, error) {
	read, ok := readers[src.Dataset]
	if !ok {
		return nil, fmt.Errorf("%s: unknown data set %q", src.Path, src.Dataset)
	}
	f, err := os.Open(src.Path)
	if err != nil {
		return nil, fmt.Errorf("data set %s: %w", src.Dataset, err)
	}
	defer f.Close()
	return read(src.Path, f)
}

// Locate turns command-line paths into data set files. A path may be a
// corpus folder (each sub-folder holding <split>.jsonl is a data set), a data
// set folder holding <split>.jsonl, or a .jsonl file. Data sets are named by
// their folder, or else recognized from the keys of their first line. The
// result is sorted by data set order, then path, without duplicates.
func Locate(paths []string, split string) ([]Source, error) {
	var out []Source
	seen := map[string]bool{}
	add := func(file string) error {
		abs, err := filepath.Abs(file)
		if err != nil {
			abs = file
		}
		if seen[abs] {
			return nil
		}
		seen[abs] = true
		name, err := detect(file)
		if err != nil {
			return err
		}
		out = append(out, Source{Dataset: name, Path: file})
		return nil
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		if !st.IsDir() {
			if err := add(p); err != nil {
				return nil, err
			}
			continue
		}
		if file := filepath.Join(p, split+".jsonl"); isFile(file) {
			if err := add(file); err != nil {
				return nil, err
			}
			continue
		}
		ents, err := os.ReadDir(p)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		found := 0
		for _, e := range ents { // ReadDir sorts by name
			file := filepath.Join(p, e.Name(), split+".jsonl")
			if !e.IsDir() || !isFile(file) {
				continue
			}
			if _, known := readers[e.Name()]; !known {
				if _, err := sniff(file); err != nil {
					continue // a folder of some other data: not ours
				}
			}
			if err := add(file); err != nil {
				return nil, err
			}
			found++
		}
		if found == 0 {
			return nil, fmt.Errorf("eval: %s: no data set with a %s.jsonl file", p, split)
		}
	}
	rank := map[string]int{}
	for i, n := range DatasetNames {
		rank[n] = i
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Dataset != out[j].Dataset {
			return rank[out[i].Dataset] < rank[out[j].Dataset]
		}
		return out[i].Path < out[j].Path
	})
	return out, nil
}

func isFile(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.Mode().IsRegular()
}

// detect names the data set of a file by its folder, else by its content.
func detect(file string) (string, error) {
	if dir := filepath.Base(filepath.Dir(file)); readers[dir] != nil {
		return dir, nil
	}
	return sniff(file)
}

// sniff recognizes a data set from the keys of the first line of file.
func sniff(file string) (string, error) {
	f, err := os.Open(file)
	if err != nil {
		return "", fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	var first map[string]json.RawMessage
	err = scanLines(file, f, func(_ int, line []byte) error {
		if err := json.Unmarshal(line, &first); err != nil {
			return err
		}
		return errStop
	})
	if err != nil {
		return "", err
	}
	has := func(keys ...string) bool {
		for _, k := range keys {
			if _, ok := first[k]; !ok {
				return false
			}
		}
		return true
	}
	switch {
	case has("article", "sentence_index", "attributions"):
		return PolNeAR, nil
	case has("doc", "cues", "text"):
		return Szeged, nil
	case has("headline", "label", "claim_id"):
		return Emergent, nil
	case has("lines", "raw", "extracted"):
		return Scrapinghub, nil
	}
	return "", fmt.Errorf("eval: %s: not a known data set (want one of %s)", file, strings.Join(DatasetNames, ", "))
}

var errStop = errors.New("stop")

// maxLine bounds one JSON line; scraped pages make long lines.
const maxLine = 256 << 20

// scanLines calls fn with each non-blank line of r and its 1-based number.
// fn returning errStop ends the scan without error; other errors are
// returned with the file and line.
func scanLines(path string, r io.Reader, fn func(n int, line []byte) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), maxLine)
	n := 0
	for sc.Scan() {
		n++
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		if err := fn(n, line); err != nil {
			if errors.Is(err, errStop) {
				return nil
			}
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: line %d: %w", path, n+1, err)
	}
	return nil
}

// runeOffsets converts code-point offsets into a string to byte offsets.
type runeOffsets struct {
	s     string
	bytes []int // byte offset of each code point, plus len(s); nil for ASCII
}

func newRuneOffsets(s string) runeOffsets {
	ro := runeOffsets{s: s}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ro.bytes = make([]int, 0, len(s)+1)
			for j := range s {
				ro.bytes = append(ro.bytes, j)
			}
			ro.bytes = append(ro.bytes, len(s))
			break
		}
	}
	return ro
}

// span converts a code-point span; ok is false when it is out of range.
func (ro runeOffsets) span(start, end int) (lint.Span, bool) {
	n := len(ro.s)
	if ro.bytes != nil {
		n = len(ro.bytes) - 1
	}
	if start < 0 || end < start || end > n {
		return lint.Span{}, false
	}
	if ro.bytes == nil {
		return lint.Span{Start: start, End: end}, true
	}
	return lint.Span{Start: ro.bytes[start], End: ro.bytes[end]}, true
}

// oneLine replaces line breaks with spaces, keeping byte offsets.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, s)
}

// draftBuilder appends pieces of a draft and records their spans.
type draftBuilder struct {
	b strings.Builder
}

func (db *draftBuilder) add(s string) lint.Span {
	start := db.b.Len()
	db.b.WriteString(s)
	return lint.Span{Start: start, End: db.b.Len()}
}

func (db *draftBuilder) String() string { return db.b.String() }
