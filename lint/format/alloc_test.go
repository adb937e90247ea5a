package format_test

import (
	"io"
	"testing"

	"copydesk/lint/format"
)

// TestFileAllocs reports the allocations of writing one file's results
// with a formatter that has already written some: the per-draft cost of
// the report in a run over many drafts.
func TestFileAllocs(t *testing.T) {
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
		t.Logf("%s: %.1f allocations per run of %d files", name, got, len(rs))
	}
}
