package cli

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestReadDraft checks readDraft against os.ReadFile around its buffer
// sizes, and its errors.
func TestReadDraft(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []int{0, 1, 4096, 64<<10 - 1, 64 << 10, 64<<10 + 1, 200 << 10, 3 << 20} {
		p := filepath.Join(dir, "draft.txt")
		want := bytes.Repeat([]byte("Ruth Okafor said. "), n/18+1)[:n]
		if err := os.WriteFile(p, want, 0o644); err != nil {
			t.Fatal(err)
		}
		for range 2 { // the second read reuses the first's buffer
			got, err := readDraft(p)
			if err != nil || !bytes.Equal(got, want) {
				t.Fatalf("%d bytes: got %d bytes, %v", n, len(got), err)
			}
			recycleDraft(got)
		}
	}
	// A draft is the caller's until recycled: later reads never write
	// into it.
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	if err := os.WriteFile(a, []byte("Marwick council met."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte("Tom Hale resigned on Monday."), 0o644); err != nil {
		t.Fatal(err)
	}
	first, err := readDraft(a)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := readDraft(b); err != nil {
			t.Fatal(err)
		}
		if string(first) != "Marwick council met." {
			t.Fatalf("an unrecycled draft was overwritten: %q", first)
		}
	}
	if _, err := readDraft(filepath.Join(dir, "missing.txt")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want not exist", err)
	}
	_, err = readDraft(dir)
	_, want := os.ReadFile(dir)
	if err == nil || want == nil || plainErr(err).Error() != plainErr(want).Error() {
		t.Errorf("directory: %v, want %v", err, want)
	}
}
