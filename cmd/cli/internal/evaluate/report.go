package evaluate

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// WriteJSON writes the report as indented JSON (version 1).
func WriteJSON(w io.Writer, rep *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rep); err != nil {
		return fmt.Errorf("eval: write json: %w", err)
	}
	return nil
}

// WriteText writes the report as a table, then the examples of each row.
func WriteText(w io.Writer, rep *Report) error {
	var b strings.Builder
	b.WriteString("Data sets\n")
	dt := table{right: []bool{false, false, true, true, true}}
	dt.add("DATASET", "PATH", "DRAFTS", "ITEMS", "ERRORS")
	for _, d := range rep.Datasets {
		dt.add(d.Dataset, d.Path, strconv.Itoa(d.Drafts), strconv.Itoa(d.Items), strconv.Itoa(d.Errors))
	}
	dt.write(&b)
	for _, d := range rep.Datasets {
		if d.FirstError != "" {
			fmt.Fprintf(&b, "  %s: first error: %s\n", d.Dataset, firstLine(d.FirstError))
		}
	}

	b.WriteString("\nDetection quality (an item is flagged when a finding of the rule overlaps it)\n")
	t := table{right: []bool{false, false, false, true, true, true, true, true, true, true, true, true, false}}
	t.add("DATASET", "SLICE", "RULE", "POS", "NEG", "TP", "FP", "FN", "TN", "PREC", "RECALL", "F1", "NOTE")
	approx, info := false, false
	for _, r := range rep.Rows {
		var notes []string
		if r.Approx != "" {
			notes = append(notes, "approx")
			approx = true
		}
		if r.Info {
			notes = append(notes, "info")
			info = true
		}
		t.add(r.Dataset, r.Slice, r.Rule, strconv.Itoa(r.TP+r.FN), strconv.Itoa(r.FP+r.TN),
			strconv.Itoa(r.TP), strconv.Itoa(r.FP), strconv.Itoa(r.FN), strconv.Itoa(r.TN),
			num(r.Precision), num(r.Recall), num(r.F1), strings.Join(notes, ","))
	}
	if len(rep.Rows) == 0 {
		b.WriteString("  (no rule scored)\n")
	} else {
		t.write(&b)
	}
	if approx {
		b.WriteString("approx: the labels only approximate what the rule looks for (README: Evaluation: detection quality).\n")
	}
	if info {
		b.WriteString("info: not a quality measure; see the row's mapping notes.\n")
	}
	if len(rep.MissingRules) > 0 {
		fmt.Fprintf(&b, "not registered, not scored: %s\n", strings.Join(rep.MissingRules, ", "))
	}

	for _, r := range rep.Rows {
		if len(r.FalsePositives) == 0 && len(r.Misses) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n== %s on %s/%s\n", r.Rule, r.Dataset, r.Slice)
		if r.Approx != "" {
			fmt.Fprintf(&b, "approximate: %s\n", r.Approx)
		}
		if len(r.FalsePositives) > 0 {
			fmt.Fprintf(&b, "false positives (%d; worst patterns first)\n", r.FP)
			for _, e := range r.FalsePositives {
				fmt.Fprintf(&b, "  x%d %s [%s] flagged %q: %s\n", e.Count, e.ID, e.Label, e.Flagged, e.Message)
				fmt.Fprintf(&b, "      %s\n", e.Text)
			}
		}
		if len(r.Misses) > 0 {
			fmt.Fprintf(&b, "misses (%d; commonest first)\n", r.FN)
			for _, e := range r.Misses {
				note := ""
				if e.Note != "" {
					note = fmt.Sprintf(" %q", e.Note)
				}
				fmt.Fprintf(&b, "  x%d %s [%s]%s\n", e.Count, e.ID, e.Label, note)
				fmt.Fprintf(&b, "      %s\n", e.Text)
			}
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("eval: write: %w", err)
	}
	return nil
}

func num(v *float64) string {
	if v == nil {
		return "-"
	}
	return strconv.FormatFloat(*v, 'f', 3, 64)
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// table lays out rows in columns separated by two spaces.
type table struct {
	rows  [][]string
	right []bool // right-align column i
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) write(b *strings.Builder) {
	var widths []int
	for _, row := range t.rows {
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
	}
	for _, row := range t.rows {
		var line strings.Builder
		for i, c := range row {
			if i > 0 {
				line.WriteString("  ")
			}
			pad := strings.Repeat(" ", widths[i]-utf8.RuneCountInString(c))
			if i < len(t.right) && t.right[i] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
}
