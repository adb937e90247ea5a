package evaluate

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

type szegedRow struct {
	ID    string `json:"id"`
	Doc   string `json:"doc"`
	Text  string `json:"text"`
	Label string `json:"label"`
	Cues  []struct {
		Text string `json:"text"`
		Type string `json:"type"`
	} `json:"cues"`
}

// readSzeged groups sentences by Wikipedia document, in file order, and
// makes each document one paragraph under a neutral headline. Items (slice
// "sentence") are labeled "doxastic" when the sentence has a doxastic cue,
// "certain" when it has no cue, and "other-uncertain" otherwise.
func readSzeged(path string, r io.Reader) ([]Draft, error) {
	groups := map[string][]szegedRow{}
	var order []string
	err := scanLines(path, r, func(_ int, line []byte) error {
		var row szegedRow
		if err := json.Unmarshal(line, &row); err != nil {
			return fmt.Errorf("szeged row: %w", err)
		}
		if _, ok := groups[row.Doc]; !ok {
			order = append(order, row.Doc)
		}
		groups[row.Doc] = append(groups[row.Doc], row)
		return nil
	})
	if err != nil {
		return nil, err
	}
	drafts := make([]Draft, 0, len(order))
	for _, doc := range order {
		d := Draft{Name: "szeged/" + doc}
		var db draftBuilder
		db.add(neutralHeadline + "\n\n")
		first := true
		for _, row := range groups[doc] {
			text := oneLine(row.Text)
			if strings.TrimSpace(text) == "" {
				continue
			}
			if !first {
				db.add(" ")
			}
			first = false
			span := db.add(text)
			label := "certain"
			var dox []string
			for _, c := range row.Cues {
				if c.Type == "doxastic" {
					dox = append(dox, c.Text)
				}
			}
			switch {
			case len(dox) > 0:
				label = "doxastic"
			case len(row.Cues) > 0 || row.Label == "uncertain":
				label = "other-uncertain"
			}
			d.Items = append(d.Items, Item{ID: row.ID, Slice: "sentence", Label: label, Span: span, Note: strings.Join(dox, "; ")})
		}
		d.Source = db.String()
		drafts = append(drafts, d)
	}
	return drafts, nil
}
