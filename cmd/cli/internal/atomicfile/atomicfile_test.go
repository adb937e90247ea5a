package atomicfile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

const original = "Marwick council approved the budget.\n\nRead more\n"

// setup writes original to a fresh file and returns its path.
func setup(t *testing.T, mode fs.FileMode) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "draft.md")
	if err := os.WriteFile(path, []byte(original), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil { // umask-proof
		t.Fatal(err)
	}
	return path
}

// assertIntact checks the file still holds original and that its directory
// holds nothing else (no temporary file left behind).
func assertIntact(t *testing.T, path string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, []byte(original)) {
		t.Errorf("original changed: %q", got)
	}
	assertNoTemp(t, filepath.Dir(path))
}

func assertNoTemp(t *testing.T, dir string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), ".copydesk-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}

func TestWrite(t *testing.T) {
	for _, tc := range []struct {
		name string
		mode fs.FileMode
		data string
	}{
		{"trailing newline", 0o644, "Marwick council approved the budget.\n"},
		{"no trailing newline", 0o644, "Marwick council approved the budget."},
		{"crlf", 0o600, "Kelbridge\r\n\r\nRuth Okafor said so.\r\n"},
		{"empty", 0o640, ""},
		{"executable bit", 0o755, "#!/bin/sh\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := setup(t, tc.mode)
			if err := Write(path, []byte(tc.data)); err != nil {
				t.Fatal(err)
			}
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tc.data {
				t.Errorf("contents = %q, want %q", got, tc.data)
			}
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if runtime.GOOS != "windows" && fi.Mode().Perm() != tc.mode {
				t.Errorf("mode = %v, want %v", fi.Mode().Perm(), tc.mode)
			}
			assertNoTemp(t, filepath.Dir(path))
		})
	}
}

func TestWriteNewFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.txt")
	if err := Write(path, []byte("Dunmere\n")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "Dunmere\n" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestWriteFollowsSymlink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symlinks need privileges on Windows")
	}
	path := setup(t, 0o644)
	link := filepath.Join(filepath.Dir(path), "link.md")
	if err := os.Symlink("draft.md", link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, []byte("fixed\n")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("symlink replaced by a file: %v %v", fi.Mode(), err)
	}
	if got, _ := os.ReadFile(path); string(got) != "fixed\n" {
		t.Errorf("target = %q", got)
	}
}

func TestWriteNotRegular(t *testing.T) {
	dir := t.TempDir()
	err := Write(dir, []byte("x"))
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("err = %v", err)
	}
}

func TestFailedRenameLeavesOriginal(t *testing.T) {
	path := setup(t, 0o644)
	defer func(old func(string, string) error) { rename = old }(rename)
	rename = func(string, string) error {
		return &os.LinkError{Op: "rename", Err: errors.New("simulated failure")}
	}
	err := Write(path, []byte("fixed"))
	if err == nil || !strings.Contains(err.Error(), "simulated failure") || !strings.Contains(err.Error(), path) {
		t.Errorf("err = %v, want the simulated failure naming %s", err, path)
	}
	assertIntact(t, path)
}

func TestFailedWriteLeavesOriginal(t *testing.T) {
	path := setup(t, 0o644)
	defer func(old func(*os.File, []byte) error) { writeData = old }(writeData)
	writeData = func(f *os.File, data []byte) error {
		_, _ = f.Write(data[:len(data)/2]) // half the bytes reach the temporary file
		return errors.New("no space left on device")
	}
	err := Write(path, []byte("a much longer fixed draft than the original one"))
	if err == nil || !strings.Contains(err.Error(), "no space left") {
		t.Errorf("err = %v", err)
	}
	assertIntact(t, path)
}

func TestReadOnlyFile(t *testing.T) {
	// No write bit at all: refused even for root.
	path := setup(t, 0o444)
	err := Write(path, []byte("fixed"))
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("err = %v, want a read-only error naming the file", err)
	}
	if !errors.Is(err, fs.ErrPermission) {
		t.Errorf("err = %v, want fs.ErrPermission", err)
	}
	assertIntact(t, path)
}

func TestReadOnlyDirectory(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("directory permissions differ on Windows")
	}
	path := setup(t, 0o644)
	dir := filepath.Dir(path)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = os.Chmod(dir, 0o755) }()
	probe, err := os.CreateTemp(dir, "probe")
	if err == nil {
		probe.Close()
		os.Remove(probe.Name())
		t.Skip("permissions are not enforced for this user")
	}
	err = Write(path, []byte("fixed"))
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "not writable") {
		t.Errorf("err = %v, want a not-writable error naming the file", err)
	}
	assertIntact(t, path)
}

// TestKilledMidWrite kills a process that is part way through Write (the
// temporary file half written) and checks the original is untouched.
func TestKilledMidWrite(t *testing.T) {
	if os.Getenv("ATOMICFILE_HELPER") != "" {
		helperWrite()
		return
	}
	if testing.Short() {
		t.Skip("spawns a process")
	}
	path := setup(t, 0o644)
	exe, err := os.Executable()
	if err != nil {
		t.Skip(err)
	}
	cmd := exec.Command(exe, "-test.run=^TestKilledMidWrite$")
	cmd.Env = append(os.Environ(), "ATOMICFILE_HELPER="+path)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 7)
	done := make(chan error, 1)
	go func() { _, err := stdout.Read(buf); done <- err }()
	select {
	case err := <-done:
		if err != nil || string(buf[:7]) != "writing" {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			t.Fatalf("helper did not start writing: %q %v", buf, err)
		}
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatal("helper timed out")
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != original {
		t.Errorf("original changed after kill: %q", got)
	}
}

// helperWrite runs in the child process: it writes half the data, tells the
// parent, and waits to be killed.
func helperWrite() {
	writeData = func(f *os.File, data []byte) error {
		_, _ = f.Write(data[:len(data)/2])
		os.Stdout.WriteString("writing")
		time.Sleep(time.Minute)
		return errors.New("not killed")
	}
	_ = Write(os.Getenv("ATOMICFILE_HELPER"), []byte("fixed draft, never completed\n"))
	os.Exit(3)
}
