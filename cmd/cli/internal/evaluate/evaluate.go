package evaluate

import (
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"copydesk/lint"
	"copydesk/lint/parse"
)

// Options control an evaluation.
type Options struct {
	Rules    []string  // score only these rules; empty: every mapped rule
	Examples int       // worst false positives and misses kept per row
	Workers  int       // drafts linted at once; 0 means GOMAXPROCS
	Mappings []Mapping // the label→rule table; nil means Mappings
}

// Report is the outcome of an evaluation.
type Report struct {
	Version  int             `json:"version"`
	Datasets []DatasetResult `json:"datasets"`
	Rows     []Row           `json:"rows"`
	// MissingRules are mapped rules that are not registered (not scored).
	MissingRules []string `json:"missing_rules,omitempty"`
}

// DatasetResult describes one data set file as read and linted.
type DatasetResult struct {
	Dataset    string `json:"dataset"`
	Path       string `json:"path"`
	Drafts     int    `json:"drafts"`
	Items      int    `json:"items"`
	Errors     int    `json:"errors"`                // drafts that failed to parse or where a rule failed
	FirstError string `json:"first_error,omitempty"` // the first of them
}

// Row is one rule scored on one slice of a data set.
type Row struct {
	Dataset  string   `json:"dataset"`
	Path     string   `json:"path"`
	Slice    string   `json:"slice"`
	Rule     string   `json:"rule"`
	Positive []string `json:"positive"`
	Negative []string `json:"negative"`
	Info     bool     `json:"info,omitempty"`
	Approx   string   `json:"approximate,omitempty"`

	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
	TN int `json:"tn"`
	// Precision, Recall and F1 are nil when undefined (nothing flagged, no
	// positives).
	Precision *float64 `json:"precision"`
	Recall    *float64 `json:"recall"`
	F1        *float64 `json:"f1"`

	FalsePositives []Example `json:"false_positives,omitempty"`
	Misses         []Example `json:"misses,omitempty"`
}

// Example is one error, standing for Count errors with the same pattern.
type Example struct {
	ID      string `json:"id"`
	Label   string `json:"label"`
	Count   int    `json:"count"`
	Text    string `json:"text"`              // the item, shortened to one line
	Note    string `json:"note,omitempty"`    // the cue or source the label rests on
	Flagged string `json:"flagged,omitempty"` // false positives: the flagged text
	Message string `json:"message,omitempty"` // false positives: the finding's message
}

// ExampleWidth is the most characters of an item's text an example keeps.
const ExampleWidth = 160

// found is a finding reduced to what scoring needs.
type found struct {
	rule     string
	span     lint.Span   // in Source
	related  []lint.Span // in Source
	message  string
	flagged  string
	severity lint.Severity
}

type draftResult struct {
	findings []found
	err      error
}

// Evaluate reads each source, lints its drafts with the registered rules its
// mappings name (each at its default configuration and severity) and scores
// them. An unreadable source is an error; a draft that fails to parse or a
// rule that fails is counted in DatasetResult.Errors.
func Evaluate(reg *lint.Registry, sources []Source, opt Options) (*Report, error) {
	maps := opt.Mappings
	if maps == nil {
		maps = Mappings
	}
	want := map[string]bool{}
	for _, id := range opt.Rules {
		want[id] = true
	}
	rep := &Report{Version: 1}
	missing := map[string]bool{}
	for _, src := range sources {
		var rows []*Mapping
		var active []lint.Active
		have := map[string]bool{}
		for i := range maps {
			m := &maps[i]
			if m.Dataset != src.Dataset || len(want) > 0 && !want[m.Rule] {
				continue
			}
			rule, ok := reg.Get(m.Rule)
			if !ok {
				missing[m.Rule] = true
				continue
			}
			rows = append(rows, m)
			if !have[m.Rule] {
				have[m.Rule] = true
				active = append(active, lint.Active{Rule: rule, Severity: rule.Meta().Severity})
			}
		}
		drafts, err := ReadDrafts(src)
		if err != nil {
			return nil, err
		}
		dr := DatasetResult{Dataset: src.Dataset, Path: src.Path, Drafts: len(drafts)}
		for i := range drafts {
			dr.Items += len(drafts[i].Items)
		}
		results := lintAll(drafts, active, opt.Workers)
		for _, r := range results {
			if r.err != nil {
				if dr.Errors == 0 {
					dr.FirstError = r.err.Error()
				}
				dr.Errors++
			}
		}
		rep.Datasets = append(rep.Datasets, dr)
		for _, m := range rows {
			if row := score(src, m, drafts, results, opt.Examples); row.TP+row.FP+row.FN+row.TN > 0 {
				rep.Rows = append(rep.Rows, row)
			}
		}
	}
	for id := range missing {
		rep.MissingRules = append(rep.MissingRules, id)
	}
	sort.Strings(rep.MissingRules)
	return rep, nil
}

// lintAll lints drafts on workers goroutines; results are by draft index.
func lintAll(drafts []Draft, active []lint.Active, workers int) []draftResult {
	results := make([]draftResult, len(drafts))
	if len(active) == 0 {
		return results
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(drafts))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = lintDraft(&drafts[i], active)
			}
		}()
	}
	for i := range drafts {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

// lintDraft runs the rules over one draft the way `copydesk check` does.
func lintDraft(d *Draft, active []lint.Active) draftResult {
	src := d.Source
	if strings.IndexByte(src, 0) >= 0 {
		src = strings.ReplaceAll(src, "\x00", " ") // NUL would make it "binary"
	}
	doc, err := parse.Parse(d.Name+".txt", []byte(src))
	if err != nil {
		return draftResult{err: fmt.Errorf("draft %s: %w", d.Name, err)}
	}
	fs, err := lint.CheckDocument(doc, active)
	out := make([]found, len(fs))
	for i, f := range fs {
		fd := found{rule: f.Rule, span: f.Source, message: f.Message, flagged: doc.Slice(f.Span), severity: f.Severity}
		for _, r := range f.Related {
			fd.related = append(fd.related, r.Source)
		}
		out[i] = fd
	}
	return draftResult{findings: out, err: err}
}

// overlaps reports whether a finding's source span s touches the item span.
// An empty span counts when it lies inside the item.
func overlaps(item, s lint.Span) bool {
	if s.Empty() {
		return item.Start <= s.Start && s.Start < item.End
	}
	return s.Start < item.End && item.Start < s.End
}

// hit returns the first finding of m's rule that overlaps the item.
func hit(m *Mapping, item lint.Span, fs []found) (found, bool) {
	for _, f := range fs {
		if f.rule != m.Rule {
			continue
		}
		if overlaps(item, f.span) {
			return f, true
		}
		if m.Related {
			for _, r := range f.related {
				if overlaps(item, r) {
					return f, true
				}
			}
		}
	}
	return found{}, false
}

type candidate struct {
	key  string
	ex   Example
	size int // bytes of the item: among false positives of equal count, longer is worse
}

func score(src Source, m *Mapping, drafts []Draft, results []draftResult, examples int) Row {
	row := Row{Dataset: src.Dataset, Path: src.Path, Slice: m.Slice, Rule: m.Rule,
		Positive: m.Positive, Negative: m.Negative, Info: m.Info, Approx: m.Approx}
	var fps, fns []candidate
	for di := range drafts {
		d := &drafts[di]
		fs := results[di].findings
		for _, it := range d.Items {
			if it.Slice != m.Slice {
				continue
			}
			class := m.classOf(it.Label)
			if class == 0 {
				continue
			}
			f, flagged := hit(m, it.Span, fs)
			switch {
			case class > 0 && flagged:
				row.TP++
			case class > 0:
				row.FN++
				if examples > 0 && !m.Info {
					key := it.Note
					if key == "" {
						key = foldKey(it.Text(d))
					}
					fns = append(fns, candidate{strings.ToLower(key), Example{ID: it.ID, Label: it.Label, Text: shorten(it.ContextText(d)), Note: it.Note}, 0})
				}
			case flagged:
				row.FP++
				if examples > 0 {
					fps = append(fps, candidate{foldKey(f.flagged), Example{ID: it.ID, Label: it.Label, Text: shorten(it.ContextText(d)), Note: it.Note,
						Flagged: shorten(f.flagged), Message: f.message}, it.Span.Len()})
				}
			default:
				row.TN++
			}
		}
	}
	row.Precision = ratio(row.TP, row.TP+row.FP)
	row.Recall = ratio(row.TP, row.TP+row.FN)
	if row.Precision != nil && row.Recall != nil {
		p, r := *row.Precision, *row.Recall
		f1 := 0.0
		if p+r > 0 {
			f1 = round4(2 * p * r / (p + r))
		}
		row.F1 = &f1
	}
	row.FalsePositives = worst(fps, examples)
	row.Misses = worst(fns, examples)
	return row
}

func ratio(a, b int) *float64 {
	if b == 0 {
		return nil
	}
	v := round4(float64(a) / float64(b))
	return &v
}

func round4(v float64) float64 {
	return float64(int64(v*10000+0.5)) / 10000
}

// worst groups candidates by key and returns one example per group (its
// first candidate): the largest groups first, then the group whose example
// is the longest item (for false positives: a long line of prose flagged is
// the costliest), then corpus order.
func worst(cands []candidate, n int) []Example {
	if n <= 0 || len(cands) == 0 {
		return nil
	}
	type group struct {
		first int
		count int
	}
	groups := map[string]*group{}
	var keys []string
	for i, c := range cands {
		g, ok := groups[c.key]
		if !ok {
			g = &group{first: i}
			groups[c.key] = g
			keys = append(keys, c.key)
		}
		g.count++
	}
	sort.SliceStable(keys, func(i, j int) bool {
		a, b := groups[keys[i]], groups[keys[j]]
		if a.count != b.count {
			return a.count > b.count
		}
		if sa, sb := cands[a.first].size, cands[b.first].size; sa != sb {
			return sa > sb
		}
		return a.first < b.first
	})
	if len(keys) > n {
		keys = keys[:n]
	}
	out := make([]Example, len(keys))
	for i, k := range keys {
		g := groups[k]
		out[i] = cands[g.first].ex
		out[i].Count = g.count
	}
	return out
}

// foldKey folds text for grouping: lower case, digits masked, white space
// collapsed, at most 80 bytes.
func foldKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsDigit(r):
			r = '#'
		default:
			r = unicode.ToLower(r)
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
		if b.Len() >= 80 {
			break
		}
	}
	return b.String()
}

// shorten puts s on one line and cuts it to ExampleWidth characters.
func shorten(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= ExampleWidth {
		return s
	}
	n := 0
	for i := range s {
		if n == ExampleWidth-1 {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
