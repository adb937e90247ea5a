package lint

import (
	"bytes"
	"sort"
)

// ApplyFixes applies the fixes of findings to src (edits must be resolved to
// Source coordinates, as the runner leaves them). Fixes are taken in order of
// their first edit; a fix that overlaps one already taken waits for the next
// round, as do fixes that are not Safe unless unsafe is true. It returns the
// new source and, for each finding, whether its fix was applied.
func ApplyFixes(src []byte, findings []Finding, unsafe bool) ([]byte, []bool) {
	applied := make([]bool, len(findings))
	order := make([]int, 0, len(findings))
	for i, f := range findings {
		if f.Fix != nil && len(f.Fix.Edits) > 0 && (f.Fix.Safe || unsafe) {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool {
		return findings[order[a]].Fix.Edits[0].Span.Start < findings[order[b]].Fix.Edits[0].Span.Start
	})
	var taken []Edit
	for _, i := range order {
		ok := true
		for _, e := range findings[i].Fix.Edits {
			if !e.Raw && e.Span.End > len(src) {
				ok = false
			}
			for _, t := range taken {
				if e.Span.Overlaps(t.Span) {
					ok = false
				}
			}
		}
		if ok {
			taken = append(taken, findings[i].Fix.Edits...)
			applied[i] = true
		}
	}
	return ApplyEdits(src, taken), applied
}

// ApplyEdits applies non-overlapping Source edits to src.
func ApplyEdits(src []byte, edits []Edit) []byte {
	if len(edits) == 0 {
		return src
	}
	sorted := append([]Edit(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Span.Start < sorted[j].Span.Start })
	var out bytes.Buffer
	out.Grow(len(src))
	pos := 0
	for _, e := range sorted {
		if e.Span.Start < pos || e.Span.End > len(src) {
			continue // overlapping or out of range: never corrupt the text
		}
		out.Write(src[pos:e.Span.Start])
		out.WriteString(e.New)
		pos = e.Span.End
	}
	out.Write(src[pos:])
	return out.Bytes()
}
