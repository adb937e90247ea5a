package evaluate

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"copydesk/lint"
)

// scrapinghubSlices are the texts of a page, in report order: the full page
// text and what each extractor kept.
var scrapinghubSlices = []struct{ Slice, Key string }{
	{"raw", "raw"},
	{"extracted.newspaper", "newspaper"},
	{"extracted.readability", "readability"},
	{"extracted.trafilatura", "trafilatura"},
	{"extracted.boilerpipe", "boilerpipe"},
}

type scrapinghubLine struct {
	Text  string `json:"text"`
	Label string `json:"label"`
}

type scrapinghubRow struct {
	ID        string                       `json:"id"`
	Raw       *string                      `json:"raw"`
	Extracted map[string]*string           `json:"extracted"`
	Lines     map[string][]scrapinghubLine `json:"lines"`
}

// readScrapinghub makes one draft per page and text (raw, and each
// extractor's output) under a neutral headline. Items (slice "raw",
// "extracted.<tool>") are the labeled lines: body, debris, mixed or
// short_in_body.
func readScrapinghub(path string, r io.Reader) ([]Draft, error) {
	var drafts []Draft
	err := scanLines(path, r, func(n int, line []byte) error {
		var row scrapinghubRow
		if err := json.Unmarshal(line, &row); err != nil {
			return fmt.Errorf("scrapinghub row: %w", err)
		}
		if row.ID == "" {
			row.ID = fmt.Sprintf("line%d", n)
		}
		for _, sl := range scrapinghubSlices {
			var text *string
			if sl.Key == "raw" {
				text = row.Raw
			} else {
				text = row.Extracted[sl.Key]
			}
			lines := row.Lines[sl.Key]
			if len(lines) == 0 {
				continue
			}
			t := ""
			if text != nil {
				t = *text
			}
			drafts = append(drafts, scrapinghubDraft(row.ID, sl.Slice, t, lines))
		}
		return nil
	})
	return drafts, err
}

// scrapinghubDraft lays out one text. When every labeled line is found in
// order among the text's lines (compared after trimming white space), the
// draft is the text itself, so blank lines and unlabeled lines stay where
// the extractor put them; otherwise it is the labeled lines, one per line.
func scrapinghubDraft(id, slice, text string, lines []scrapinghubLine) Draft {
	d := Draft{Name: "scrapinghub/" + id + "/" + slice}
	head := neutralHeadline + "\n\n"
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	if spans, ok := alignLines(text, lines); ok {
		d.Source = head + text
		for i, l := range lines {
			s := spans[i]
			d.Items = append(d.Items, Item{
				ID:    fmt.Sprintf("%s:%s:L%d", id, slice, i+1),
				Slice: slice, Label: l.Label,
				Span: spanOf(len(head)+s.Start, len(head)+s.End),
			})
		}
		return d
	}
	var db draftBuilder
	db.add(head)
	for i, l := range lines {
		if i > 0 {
			db.add("\n")
		}
		s := db.add(oneLine(l.Text))
		d.Items = append(d.Items, Item{ID: fmt.Sprintf("%s:%s:L%d", id, slice, i+1), Slice: slice, Label: l.Label, Span: s})
	}
	d.Source = db.String()
	return d
}

// alignLines finds each labeled line, in order, among the lines of text and
// returns the spans of their trimmed content.
func alignLines(text string, lines []scrapinghubLine) ([]lint.Span, bool) {
	spans := make([]lint.Span, 0, len(lines))
	pos := 0
	for _, l := range lines {
		want := strings.TrimSpace(l.Text)
		found := false
		for pos < len(text) {
			end := strings.IndexByte(text[pos:], '\n')
			if end < 0 {
				end = len(text)
			} else {
				end += pos
			}
			lineStart := pos
			pos = end + 1
			got := strings.TrimSpace(text[lineStart:end])
			if got == want && want != "" {
				off := lineStart + strings.Index(text[lineStart:end], got)
				spans = append(spans, spanOf(off, off+len(got)))
				found = true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return spans, true
}

func spanOf(start, end int) lint.Span { return lint.Span{Start: start, End: end} }
