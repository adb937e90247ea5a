package format

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/lint/linttest"
)

// goldenFile compares got with testdata/format/<name>, or rewrites it
// with -update (the flag of package linttest, shared by all golden tests).
func goldenFile(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("..", "..", "testdata", "format", filepath.FromSlash(name))
	if *linttest.Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		var d bytes.Buffer
		_ = UnifiedDiff(&d, name, want, got)
		t.Errorf("output differs from %s (run with -update to accept):\n%s", path, d.String())
	}
}

// numbered returns n lines "line 1\n" ... "line n\n".
func numbered(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		b.WriteString("Kelbridge line " + string(rune('0'+i/10)) + string(rune('0'+i%10)) + "\n")
	}
	return b.String()
}

var diffCases = []struct {
	name, path, old, new string
}{
	{"remove-first-line", "draft.txt",
		"Advertisement\nMarwick council met.\nRuth Okafor spoke.\nThe vote passed.\nTom Hale left.\n",
		"Marwick council met.\nRuth Okafor spoke.\nThe vote passed.\nTom Hale left.\n"},
	{"remove-middle-line", "news/draft.md",
		"# Budget\n\nOne.\n\nTwo.\n\nRead more\n\nThree.\n\nFour.\n\nFive.\n",
		"# Budget\n\nOne.\n\nTwo.\n\n\nThree.\n\nFour.\n\nFive.\n"},
	{"remove-last-line", "draft.txt",
		"Marwick council met.\nRuth Okafor spoke.\nShare this article\n",
		"Marwick council met.\nRuth Okafor spoke.\n"},
	{"inline-replace", "draft.txt",
		"Dunmere\n\nThe councilâ€™s plan was approved.\nPriya Nandra objected.\n",
		"Dunmere\n\nThe council’s plan was approved.\nPriya Nandra objected.\n"},
	// Changes on lines 5 and 13 (seven unchanged lines apart: two hunks)
	// and on line 27.
	{"multiple-hunks", "draft.txt",
		strings.NewReplacer("line 05\n", "line 05 Read more\n", "line 13\n", "line 13 Share\n", "line 27\n", "line 27 debris\n").Replace(numbered(30)),
		numbered(30)},
	// Changes on lines 5 and 12, six unchanged lines apart: their
	// context touches, so one hunk.
	{"merged-hunks", "draft.txt",
		strings.NewReplacer("line 05\n", "line 05 Read more\n", "line 12\n", "line 12 Share\n").Replace(numbered(20)),
		numbered(20)},
	{"no-newline-last-line-changed", "draft.txt",
		"Ashby Vale\n\nAna Ruiz said the road would reopen.\nRead Full Article",
		"Ashby Vale\n\nAna Ruiz said the road would reopen."},
	{"no-newline-unchanged-end", "draft.txt",
		"Ashby Vale\nthecouncil met\nA\nB\nC\nD\nlast line",
		"Ashby Vale\nthe council met\nA\nB\nC\nD\nlast line"},
	{"no-newline-in-context", "draft.txt",
		"Ashby Vale\nA\nthecouncil met\nB\nlast line",
		"Ashby Vale\nA\nthe council met\nB\nlast line"},
	{"newline-added-at-end", "draft.txt",
		"Hale Cross\nThe end.",
		"Hale Cross\nThe end.\n"},
	{"crlf", "draft.txt",
		"Hale Cross\r\n\r\nAdvertisement\r\nTom Hale said the bridge would open.\r\n",
		"Hale Cross\r\n\r\nTom Hale said the bridge would open.\r\n"},
	{"empty-old", "draft.txt", "", "Marwick\n"},
	{"empty-new", "draft.txt", "Read more\nShare this\n", ""},
	{"path-with-space", "news desk/draft one.md", "A\nRead more\nB\n", "A\nB\n"},
}

func TestUnifiedDiffGolden(t *testing.T) {
	for _, tc := range diffCases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := UnifiedDiff(&buf, tc.path, []byte(tc.old), []byte(tc.new)); err != nil {
				t.Fatal(err)
			}
			goldenFile(t, "diff/"+tc.name+".diff", buf.Bytes())
		})
	}
}

func TestUnifiedDiffIdentical(t *testing.T) {
	var buf bytes.Buffer
	if err := UnifiedDiff(&buf, "x.txt", []byte("same\n"), []byte("same\n")); err != nil || buf.Len() != 0 {
		t.Errorf("identical inputs: %q, %v", buf.String(), err)
	}
}

func TestDiffName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"draft.md", "a/draft.md"},
		{"./news/../draft.md", "a/draft.md"},
		{"my draft.md", "a/my draft.md\t"},
		{"tab\there.md", `"a/tab\there.md"`},
		{`quote".md`, `"a/quote\".md"`},
		{"café.md", "a/café.md"},
	} {
		if got := diffName("a/", tc.in); got != tc.want {
			t.Errorf("diffName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestUnifiedDiffApplies applies every case's diff with git apply and with
// patch -p1 and checks the result is byte for byte the new text.
func TestUnifiedDiffApplies(t *testing.T) {
	git, gitErr := exec.LookPath("git")
	patch, patchErr := exec.LookPath("patch")
	if gitErr != nil && patchErr != nil {
		t.Skip("neither git nor patch is installed")
	}
	for _, tc := range diffCases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := UnifiedDiff(&buf, tc.path, []byte(tc.old), []byte(tc.new)); err != nil {
				t.Fatal(err)
			}
			diff := buf.Bytes()
			if gitErr == nil {
				dir := setupTree(t, tc.path, tc.old)
				run(t, dir, diff, git, "init", "-q")
				run(t, dir, diff, git, "apply", "--check", "-")
				run(t, dir, diff, git, "apply", "-")
				checkApplied(t, "git apply", dir, tc.path, tc.new)
			}
			if patchErr == nil {
				dir := setupTree(t, tc.path, tc.old)
				run(t, dir, diff, patch, "-p1", "--dry-run", "--quiet")
				run(t, dir, diff, patch, "-p1", "--quiet", "--no-backup-if-mismatch")
				checkApplied(t, "patch -p1", dir, tc.path, tc.new)
			}
		})
	}
}

func setupTree(t *testing.T, path, content string) string {
	t.Helper()
	dir := t.TempDir()
	full := filepath.Join(dir, filepath.FromSlash(path))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func run(t *testing.T, dir string, stdin []byte, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(stdin)
	cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s\npatch:\n%s", filepath.Base(name), strings.Join(args, " "), err, out, stdin)
	}
}

func checkApplied(t *testing.T, tool, dir, path, want string) {
	t.Helper()
	got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(path)))
	if err != nil {
		t.Fatalf("%s: %v", tool, err)
	}
	if string(got) != want {
		t.Errorf("%s result = %q, want %q", tool, got, want)
	}
}
