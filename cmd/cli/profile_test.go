package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestProfileFlags checks that --cpuprofile and --memprofile write pprof
// files and leave the run's output and exit code alone.
func TestProfileFlags(t *testing.T) {
	dir := t.TempDir()
	cpu, mem := filepath.Join(dir, "cpu.out"), filepath.Join(dir, "mem.out")
	files := map[string]string{"a.txt": "Headline\n\nThe word bad is here.\n"}
	plainOut, _, plainCode := runCLI(t, testRegistry(t), files, "", "check", "--color", "never", "a.txt")
	out, stderr, code := runCLI(t, testRegistry(t), files, "", "check", "--color", "never", "--cpuprofile", cpu, "--memprofile", mem, "a.txt")
	if code != plainCode || out != plainOut {
		t.Errorf("with profiles: exit %d, output\n%s\nwant exit %d, output\n%s\nstderr: %s", code, out, plainCode, plainOut, stderr)
	}
	for _, p := range []string{cpu, mem} {
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("%s: not written (%v)", filepath.Base(p), err)
		}
	}
	_, stderr, code = runCLI(t, testRegistry(t), files, "", "check", "--cpuprofile", filepath.Join(dir, "no", "such", "cpu.out"), "a.txt")
	if code != ExitError || !strings.Contains(stderr, "--cpuprofile") {
		t.Errorf("unwritable profile: exit %d, stderr %q; want 2 naming the flag", code, stderr)
	}
}

// TestSetBallast checks that one draft (or standard input) runs without the
// GC ballast and a directory or several files get it.
func TestSetBallast(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	saved := gcBallast
	defer func() { gcBallast = saved }()
	for _, tc := range []struct {
		args []string
		want bool
	}{
		{[]string{file}, false},
		{[]string{"-"}, false},
		{[]string{dir}, true},
		{[]string{file, file}, true},
		{nil, true},
	} {
		gcBallast = nil
		setBallast(tc.args)
		if got := gcBallast != nil; got != tc.want {
			t.Errorf("setBallast(%q): ballast %v, want %v", tc.args, got, tc.want)
		}
	}
}
