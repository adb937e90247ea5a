package format_test

import (
	"io"
	"testing"

	"copydesk/lint/format"
)

// TestFileAllocs pins the allocations of writing the format test's three
// results (a draft with findings and fixes, a clean draft, a file error)
// with a formatter that has already written some: the per-draft cost of
// the report in a run over many drafts. The error's text is the one
// allocation every format makes; JUnit and SARIF also keep the error.
func TestFileAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items at random")
	}
	limits := map[string]float64{"text": 1, "json": 1, "github": 1, "checkstyle": 1, "junit": 2, "sarif": 2}
	rs := results(t)
	for _, name := range format.Names() {
		mk, _ := format.Lookup(name)
		f := mk(io.Discard, format.Options{})
		if err := f.Begin(); err != nil {
			t.Fatal(err)
		}
		for i := range rs {
			_ = f.File(&rs[i])
		}
		got := testing.AllocsPerRun(50, func() {
			for i := range rs {
				_ = f.File(&rs[i])
			}
		})
		limit, ok := limits[name]
		if !ok {
			limit = 4 // a format added since: pin it above
		}
		if got > limit {
			t.Errorf("%s: %.1f allocations per run of %d files, want at most %v", name, got, len(rs), limit)
		}
	}
}
