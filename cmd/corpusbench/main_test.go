package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMeasureInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "12345")
	write("b.md", "123")
	write("c.png", "ignored")
	write(".git/d.txt", "ignored")
	write("sub/e.HTML", "12")
	files, size, err := measureInput(dir)
	if err != nil {
		t.Fatal(err)
	}
	if files != 3 || size != 10 {
		t.Errorf("measureInput = %d files, %d bytes; want 3, 10", files, size)
	}
}

func TestRunWithFakeBinary(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "fake")
	// A stand-in for copydesk that exits 1, as copydesk does when it has findings.
	if err := os.WriteFile(bin, []byte("#!/bin/sh\nexit 1\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	draft := filepath.Join(dir, "draft.txt")
	if err := os.WriteFile(draft, []byte("Headline\n\nBody.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb strings.Builder
	if code := run([]string{"-bin", bin, "-runs", "2", draft}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	for _, want := range []string{"input:     1 files", "MB/s:", "peak RSS:"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	// A binary that fails with exit 2 is an error.
	if err := os.WriteFile(bin, []byte("#!/bin/sh\necho broken >&2\nexit 2\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	errb.Reset()
	if code := run([]string{"-bin", bin, draft}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "broken") {
		t.Errorf("exit %d, stderr %q; want 2 quoting the binary's stderr", code, errb.String())
	}
}
