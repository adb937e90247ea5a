package evaluate

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

type emergentRow struct {
	ID       string `json:"id"`
	Headline string `json:"headline"`
	Label    string `json:"label"`
}

// readEmergent makes each headline a draft of one line: the headline with no
// body. Items (slice "headline") carry the stance label: for, against or
// observing.
func readEmergent(path string, r io.Reader) ([]Draft, error) {
	var drafts []Draft
	err := scanLines(path, r, func(n int, line []byte) error {
		var row emergentRow
		if err := json.Unmarshal(line, &row); err != nil {
			return fmt.Errorf("emergent row: %w", err)
		}
		h := oneLine(row.Headline)
		if strings.TrimSpace(h) == "" {
			return nil
		}
		id := row.ID
		if id == "" {
			id = fmt.Sprintf("line%d", n)
		}
		drafts = append(drafts, Draft{
			Name:   fmt.Sprintf("emergent/%d", len(drafts)+1),
			Source: h + "\n",
			Items:  []Item{{ID: id, Slice: "headline", Label: row.Label, Span: spanOf(0, len(h))}},
		})
		return nil
	})
	return drafts, err
}
