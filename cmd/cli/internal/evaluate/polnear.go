package evaluate

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"copydesk/lint"
)

type polnearAttribution struct {
	Type        string   `json:"type"`
	Cue         string   `json:"cue"`
	CueSpans    [][2]int `json:"cue_spans"`
	Source      string   `json:"source"`
	SourceSpans [][2]int `json:"source_spans"`
}

type polnearRow struct {
	ID            string               `json:"id"`
	Article       string               `json:"article"`
	SentenceIndex int                  `json:"sentence_index"`
	IsTitle       bool                 `json:"is_title"`
	Text          string               `json:"text"`
	Label         string               `json:"label"`
	Attributions  []polnearAttribution `json:"attributions"`
	DiscardSpans  [][2]int             `json:"discard_spans"`
}

// maxQuoteJoin is the most sentences joined into one paragraph while a
// quotation stays open, so an unbalanced mark cannot swallow an article.
const maxQuoteJoin = 4

// readPolNeAR groups sentences by article and rebuilds each article as a
// draft (see the package documentation). Items:
//
//   - slice "sentence": each body sentence, labeled with its PolNeAR label
//     (the title is the headline and is not a body sentence);
//   - slice "attribution": each sourced attribution of a body sentence,
//     labeled by SourceClass of its source string; its span covers the
//     source and cue when the source lies in the sentence, else the sentence;
//   - slice "discard": each annotator Discard span ("discard") and each body
//     sentence without one ("clean").
func readPolNeAR(path string, r io.Reader) ([]Draft, error) {
	groups := map[string][]polnearRow{}
	var order []string
	err := scanLines(path, r, func(_ int, line []byte) error {
		var row polnearRow
		if err := json.Unmarshal(line, &row); err != nil {
			return fmt.Errorf("polnear row: %w", err)
		}
		if row.Article == "" {
			return fmt.Errorf("polnear row %q: no article", row.ID)
		}
		if _, ok := groups[row.Article]; !ok {
			order = append(order, row.Article)
		}
		groups[row.Article] = append(groups[row.Article], row)
		return nil
	})
	if err != nil {
		return nil, err
	}
	drafts := make([]Draft, 0, len(order))
	for _, art := range order {
		rows := groups[art]
		sort.SliceStable(rows, func(i, j int) bool { return rows[i].SentenceIndex < rows[j].SentenceIndex })
		drafts = append(drafts, polnearDraft(art, rows))
	}
	return drafts, nil
}

func polnearDraft(article string, rows []polnearRow) Draft {
	d := Draft{Name: "polnear/" + article}
	var db draftBuilder
	body := rows
	if len(rows) > 0 && rows[0].IsTitle {
		db.add(oneLine(rows[0].Text))
		body = rows[1:]
	} else {
		db.add(neutralHeadline)
	}
	db.add("\n\n")
	open, joined := false, 0
	first := true
	for _, row := range body {
		if strings.TrimSpace(row.Text) == "" {
			continue
		}
		if !first {
			if open && joined < maxQuoteJoin {
				db.add(" ")
				joined++
			} else {
				db.add("\n\n")
				joined = 0
			}
		}
		first = false
		sent := db.add(row.Text)
		open = quoteOpenAfter(row.Text, open)
		d.Items = append(d.Items, polnearItems(row, sent)...)
	}
	d.Source = db.String()
	return d
}

// polnearItems returns the items of one body sentence placed at sent.
func polnearItems(row polnearRow, sent lint.Span) []Item {
	ro := newRuneOffsets(row.Text)
	at := func(s lint.Span) lint.Span {
		return lint.Span{Start: sent.Start + s.Start, End: sent.Start + s.End}
	}
	var cues []string
	for _, a := range row.Attributions {
		if a.Type == "sourceless" {
			cues = append(cues, a.Cue)
		}
	}
	items := []Item{{ID: row.ID, Slice: "sentence", Label: row.Label, Span: sent, Note: strings.Join(cues, "; ")}}
	// The spec-aligned row relabels sentences whose only "source" is one
	// RULES.md §2 calls absent (see specLabel).
	items = append(items, Item{ID: row.ID, Slice: "sentence-spec", Label: specLabel(row), Span: sent, Note: strings.Join(cues, "; ")})

	n := 0
	for _, a := range row.Attributions {
		if a.Type != "sourced" {
			continue
		}
		n++
		span := sent
		if hull, ok := hullOf(ro, a.SourceSpans); ok {
			if cue, ok := hullOf(ro, a.CueSpans); ok {
				hull = lint.Span{Start: min(hull.Start, cue.Start), End: max(hull.End, cue.End)}
			}
			span = at(hull)
		}
		items = append(items, Item{
			ID:      fmt.Sprintf("%s#a%d", row.ID, n),
			Slice:   "attribution",
			Label:   SourceClass(a.Source),
			Span:    span,
			Note:    a.Source,
			Context: sent,
		})
	}

	if len(row.DiscardSpans) == 0 {
		items = append(items, Item{ID: row.ID, Slice: "discard", Label: "clean", Span: sent})
	}
	for k, ds := range row.DiscardSpans {
		s, ok := ro.span(ds[0], ds[1])
		if !ok || s.Empty() {
			continue
		}
		items = append(items, Item{ID: fmt.Sprintf("%s#d%d", row.ID, k+1), Slice: "discard", Label: "discard", Span: at(s)})
	}
	return items
}

// hullOf returns the smallest span covering code-point spans; false when
// there are none or one is out of range.
func hullOf(ro runeOffsets, spans [][2]int) (lint.Span, bool) {
	if len(spans) == 0 {
		return lint.Span{}, false
	}
	var hull lint.Span
	for i, sp := range spans {
		s, ok := ro.span(sp[0], sp[1])
		if !ok {
			return lint.Span{}, false
		}
		if i == 0 {
			hull = s
			continue
		}
		hull = lint.Span{Start: min(hull.Start, s.Start), End: max(hull.End, s.End)}
	}
	return hull, !hull.Empty()
}

// quoteOpenAfter reports whether a double quotation is open at the end of
// s, given whether one was open at its start: a curly opening mark opens, a
// curly closing mark closes and a straight mark toggles.
func quoteOpenAfter(s string, open bool) bool {
	for _, r := range s {
		switch r {
		case '“':
			open = true
		case '”':
			open = false
		case '"':
			open = !open
		}
	}
	return open
}

// LabelWeasel marks a PolNeAR sentence the annotators coded as sourced
// whose source RULES.md §2 treats as absent: a bare weasel collective
// ("critics", "some analysts", "many") or a writer's-voice hedge cue whose
// "source" is merely the sentence's subject ("X is reportedly…", "X is
// expected to…").
const LabelWeasel = "weasel_attribution"

// specLabel returns the sentence label with LabelWeasel for sentences
// labelled "attribution" that carry such an attribution.
func specLabel(row polnearRow) string {
	if row.Label != "attribution" {
		return row.Label
	}
	for _, a := range row.Attributions {
		if a.Type == "sourced" && (weaselSource(a.Source) || writerHedgeCue(a.Cue)) {
			return LabelWeasel
		}
	}
	return row.Label
}

var weaselHeads = set("reports", "critics", "experts", "analysts", "observers", "commentators", "others", "some", "many", "skeptics", "sceptics")

// weaselSource reports a bare weasel collective: one or two words, an
// optional vague quantifier and a weasel head ("critics", "many observers").
func weaselSource(src string) bool {
	words := strings.Fields(strings.ToLower(strings.TrimSpace(src)))
	switch len(words) {
	case 1:
		return weaselHeads[words[0]]
	case 2:
		if words[1] == "reports" {
			return words[0] == "press" || words[0] == "media" || words[0] == "news"
		}
		return vagueQuantifiers[words[0]] && weaselHeads[words[1]]
	}
	return false
}

// writerHedgeCue reports cues that hedge in the writer's voice.
func writerHedgeCue(cue string) bool {
	c := strings.ToLower(cue)
	for _, k := range []string{"reportedly", "supposedly", "purportedly", "is expected", "are expected", "was expected", "were expected"} {
		if strings.Contains(c, k) {
			return true
		}
	}
	return false
}
