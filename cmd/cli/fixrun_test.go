package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"copydesk/config"
	"copydesk/lint"
	"copydesk/lint/linttest"
	"copydesk/rules"
)

// fixRegistry is testRegistry's kind of rules, with fixes of every sort:
// read-more (safe), utterly (a suggestion), said-to (no fix) and ping/pong,
// whose safe fixes undo each other (colour ↔ color) and never converge.
func fixRegistry(t testing.TB) *lint.Registry {
	t.Helper()
	fixable := func(id, summary string, sev lint.Severity) lint.Meta {
		m := testMeta(id, summary, sev, true)
		m.Fixable = true
		return m
	}
	reg, err := lint.NewRegistry(
		phraseRule{meta: testMeta("said-to", "Claim hedged with \"is said to\"", lint.Warning, true), phrase: "is said to"},
		phraseRule{meta: fixable("read-more", "Leftover \"Read more\" link text", lint.Info), phrase: "Read more",
			fix: &lint.Fix{Message: "Remove \"Read more\"", Safe: true, Edits: []lint.Edit{{New: ""}}}},
		phraseRule{meta: fixable("utterly", "Intensifier", lint.Warning), phrase: "utterly ",
			fix: &lint.Fix{Message: "Drop \"utterly\"", Edits: []lint.Edit{{New: ""}}}},
		phraseRule{meta: fixable("ping", "British spelling", lint.Info), phrase: "colour",
			fix: &lint.Fix{Message: "Write color", Safe: true, Edits: []lint.Edit{{New: "color"}}}},
		phraseRule{meta: fixable("pong", "American spelling", lint.Info), phrase: "color",
			fix: &lint.Fix{Message: "Write colour", Safe: true, Edits: []lint.Edit{{New: "colour"}}}},
	)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

const (
	fixDraftA = "Bus route to close\n\nThe 14 route is said to close. Read more\n\nRead more\n\nRiders in Marwick were told on Monday.\n"
	fixDraftB = "Fair opens\n\nThe fair was utterly full. Read more\n"
	fixDraftC = "Colour run\n\nThe colour run starts at noon. Read more\n"
	fixClean  = "Budget passes\n\nThe budget passed on Monday, Ruth Okafor said.\n"
)

// fixCases are golden runs of --fix and --diff; each golden ends with the
// files as they are after the run.
var fixCases = []cliCase{
	{name: "fix_text", files: map[string]string{"a.md": fixDraftA, "b.md": fixClean}, args: []string{"check", "--fix", "a.md", "b.md"}},
	{name: "fix_remaining_decides_exit", files: map[string]string{"a.md": "Head\n\nRead more\n"}, args: []string{"check", "--fix", "--fail-on", "info", "a.md"}},
	{name: "fix_json", files: map[string]string{"a.md": fixDraftA, "b.md": fixDraftB}, args: []string{"check", "--fix", "--format", "json", "a.md", "b.md"}},
	{name: "fix_suggestion_kept", files: map[string]string{"b.md": fixDraftB}, args: []string{"check", "--fix", "b.md"}},
	{name: "fix_unsafe", files: map[string]string{"b.md": fixDraftB}, args: []string{"check", "--fix", "--unsafe-fixes", "b.md"}},
	{name: "fix_no_convergence", files: map[string]string{"a.md": fixDraftA, "c.md": fixDraftC}, args: []string{"check", "--fix", "c.md", "a.md"}},
	{name: "fix_crlf_bom", files: map[string]string{"w.txt": "\ufeffHead\r\n\r\nGone. Read more\r\n\r\nRead more"}, args: []string{"check", "--fix", "w.txt"}},
	{name: "fix_stdin", args: []string{"check", "--fix", "--stdin-filename", "story.md", "-"}, stdin: fixDraftA},
	{name: "fix_stdin_clean", args: []string{"check", "--fix", "-"}, stdin: fixClean},
	{name: "fix_stdin_no_convergence", args: []string{"check", "--fix", "-"}, stdin: fixDraftC},
	{name: "diff", files: map[string]string{"a.md": fixDraftA, "b.md": fixDraftB, "clean.md": fixClean}, args: []string{"check", "--diff", "a.md", "b.md", "clean.md"}},
	{name: "diff_unsafe", files: map[string]string{"b.md": fixDraftB}, args: []string{"check", "--diff", "--unsafe-fixes", "b.md"}},
	{name: "diff_none", files: map[string]string{"clean.md": fixClean, "b.md": "Head\n\nIt is said to work.\n"}, args: []string{"check", "--diff", "clean.md", "b.md"}},
	{name: "diff_errors", files: map[string]string{"a.md": fixDraftA, "c.md": fixDraftC}, args: []string{"check", "--diff", "gone.md", "c.md", "a.md"}},
	{name: "diff_crlf_no_eol", files: map[string]string{"w.txt": "Head\r\n\r\nOne.\r\n\r\nTwo. Read more\r\n\r\nRead more"}, args: []string{"check", "--diff", "w.txt"}},
}

func TestFixGolden(t *testing.T) {
	reg := fixRegistry(t)
	for _, tc := range fixCases {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, reg, tc.files, tc.stdin, tc.args...)
			var b strings.Builder
			fmt.Fprintf(&b, "$ copydesk %s\n-- stdout --\n%s-- stderr --\n%s-- exit: %d --\n", strings.Join(tc.args, " "), stdout, stderr, code)
			names := make([]string, 0, len(tc.files))
			for name := range tc.files {
				names = append(names, name)
			}
			sort.Strings(names)
			for _, name := range names {
				data, err := os.ReadFile(name)
				if err != nil {
					t.Fatal(err)
				}
				changed := "unchanged"
				if string(data) != tc.files[name] {
					changed = "changed"
				}
				fmt.Fprintf(&b, "-- %s after (%s) --\n%q\n", name, changed, data)
			}
			checkGolden(t, filepath.Join("testdata", "cli", tc.name+".golden"), b.String())
		})
	}
}

func TestFixUsage(t *testing.T) {
	reg := fixRegistry(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"check", "--fix", "--diff", "a.md"}, "--fix and --diff exclude each other"},
		{[]string{"check", "--unsafe-fixes", "a.md"}, "--unsafe-fixes needs --fix or --diff"},
		{[]string{"check", "--diff", "--output", "r.json", "a.md"}, "--diff prints a patch instead of a report: redirect stdout rather than use --output"},
	}
	for _, tt := range tests {
		_, stderr, code := runCLI(t, reg, map[string]string{"a.md": fixDraftA}, "", tt.args...)
		if code != ExitError || !strings.HasPrefix(stderr, "copydesk check: "+tt.want+"\n") {
			t.Errorf("%q: exit %d, stderr %q", tt.args, code, stderr)
		}
		if data, _ := os.ReadFile("a.md"); string(data) != fixDraftA {
			t.Errorf("%q: a.md changed", tt.args)
		}
	}
}

// TestFixIdempotent runs --fix twice: the second run fixes nothing, changes
// nothing, and its exit code comes from what remains.
func TestFixIdempotent(t *testing.T) {
	reg := fixRegistry(t)
	stdout, stderr, code := runCLI(t, reg, map[string]string{"a.md": fixDraftA, "b.md": fixDraftB}, "", "check", "--fix", "a.md", "b.md")
	if code != ExitFindings || !strings.Contains(stderr, "copydesk: fixed 3 findings in 2 files") {
		t.Fatalf("first run: exit %d\n%s%s", code, stdout, stderr)
	}
	a1, _ := os.ReadFile("a.md")
	b1, _ := os.ReadFile("b.md")
	for run := 2; run <= 3; run++ {
		var out, errb bytes.Buffer
		code := Main(reg, []string{"check", "--fix", "a.md", "b.md"}, nil, &out, &errb)
		if code != ExitFindings || strings.Contains(errb.String(), "fixed") {
			t.Errorf("run %d: exit %d, stderr %q", run, code, errb.String())
		}
		a2, _ := os.ReadFile("a.md")
		b2, _ := os.ReadFile("b.md")
		if !bytes.Equal(a1, a2) || !bytes.Equal(b1, b2) {
			t.Errorf("run %d changed a fixed file", run)
		}
		// What remains is the said-to warning and the utterly suggestion.
		if !strings.Contains(out.String(), "[said-to]") || !strings.Contains(out.String(), "[utterly]") || strings.Contains(out.String(), "[read-more]") {
			t.Errorf("run %d report:\n%s", run, out.String())
		}
	}
	// --diff over fixed files prints nothing and exits 0 (the warning
	// left is not a diff).
	var out, errb bytes.Buffer
	if code := Main(reg, []string{"check", "--diff", "a.md", "b.md"}, nil, &out, &errb); code != ExitOK || out.Len() != 0 || errb.Len() != 0 {
		t.Errorf("--diff after --fix: exit %d, %q %q", code, out.String(), errb.String())
	}
}

func TestFixKeepsMode(t *testing.T) {
	reg := fixRegistry(t)
	for _, mode := range []os.FileMode{0o640, 0o600, 0o664, 0o755} {
		dir := t.TempDir()
		t.Chdir(dir)
		if err := os.WriteFile("a.md", []byte(fixDraftA), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod("a.md", mode); err != nil {
			t.Fatal(err)
		}
		var out, errb bytes.Buffer
		if code := Main(reg, []string{"check", "--fix", "a.md"}, nil, &out, &errb); code != ExitFindings {
			t.Fatalf("exit %d: %s", code, errb.String())
		}
		fi, err := os.Stat("a.md")
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != mode {
			t.Errorf("mode %v after --fix, want %v", fi.Mode().Perm(), mode)
		}
		if data, _ := os.ReadFile("a.md"); strings.Contains(string(data), "Read more") {
			t.Errorf("mode %v: not fixed: %q", mode, data)
		}
		entries, _ := os.ReadDir(".")
		if len(entries) != 1 {
			t.Errorf("mode %v: temporary files left: %v", mode, entries)
		}
	}
}

// TestFixReadOnly: a read-only draft is an error naming it (exit 2); it is
// left as it was and reported with its findings as they are; other files
// are still fixed.
func TestFixReadOnly(t *testing.T) {
	reg := fixRegistry(t)
	dir := t.TempDir()
	t.Chdir(dir)
	setupFiles(t, dir, map[string]string{"ro.md": fixDraftA, "rw.md": fixDraftA})
	if err := os.Chmod("ro.md", 0o444); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	code := Main(reg, []string{"check", "--fix", "ro.md", "rw.md"}, nil, &out, &errb)
	if code != ExitError {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(out.String(), "ro.md: error: not fixed: file is read-only") {
		t.Errorf("no error for ro.md:\n%s", out.String())
	}
	if data, _ := os.ReadFile("ro.md"); string(data) != fixDraftA {
		t.Errorf("read-only file changed: %q", data)
	}
	if data, _ := os.ReadFile("rw.md"); strings.Contains(string(data), "Read more") {
		t.Errorf("writable file not fixed: %q", data)
	}
	if !strings.Contains(out.String(), "ro.md:3:32: info: \"Read more\" found [read-more]") {
		t.Errorf("report does not show the unfixed finding:\n%s", out.String())
	}
	if strings.Contains(errb.String(), "ro.md:3:32: fixed") {
		t.Errorf("reports a fix it did not write:\n%s", errb.String())
	}
	if fi, _ := os.Stat("ro.md"); fi.Mode().Perm() != 0o444 {
		t.Errorf("mode changed to %v", fi.Mode().Perm())
	}
}

// TestFixSeesSuppressions: findings that a check extension drops (a
// suppression) are not fixed, in the first round or any later one.
func TestFixSeesSuppressions(t *testing.T) {
	reg := fixRegistry(t)
	old := checkExtensions
	defer func() { checkExtensions = old }()
	checkExtensions = append(checkExtensions, func(o *checkOptions) (*checkExtension, error) {
		return &checkExtension{Result: func(set *config.RuleSet, fr *lint.FileResult) {
			kept := fr.Findings[:0]
			for _, f := range fr.Findings {
				if f.Rule == "read-more" && f.Start.Line == 3 {
					continue // "suppressed"
				}
				kept = append(kept, f)
			}
			fr.Findings = kept
		}}, nil
	})
	_, stderr, _ := runCLI(t, reg, map[string]string{"a.md": fixDraftA}, "", "check", "--fix", "a.md")
	data, _ := os.ReadFile("a.md")
	want := strings.Replace(fixDraftA, "\n\nRead more\n", "\n\n\n", 1)
	if string(data) != want {
		t.Errorf("fixed %q, want %q\n%s", data, want, stderr)
	}
}

// TestDiffApplies applies --diff output with git apply and patch -p1 in
// temporary repositories: the result equals what --fix writes.
func TestDiffApplies(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	reg := fixRegistry(t)
	files := map[string]string{
		"news/a.md":   fixDraftA,
		"news/b.md":   fixDraftB,
		"news/w.txt":  "Head\r\n\r\nOne.\r\n\r\nTwo. Read more\r\n\r\nRead more",
		"long.md":     "Head\n\n" + strings.Repeat("Line of copy.\n\n", 20) + "Read more\n\n" + strings.Repeat("More copy.\n\n", 20) + "End. Read more",
		"clean.md":    fixClean,
		"sp ace/x.md": "Head\n\nRead more\n",
	}
	for _, unsafe := range []bool{false, true} {
		args := []string{"check", "--diff", "."}
		fixArgs := []string{"check", "--fix", "."}
		if unsafe {
			args = append(args, "--unsafe-fixes")
			fixArgs = append(fixArgs, "--unsafe-fixes")
		}
		patch, stderr, code := runCLI(t, reg, files, "", args...)
		if code != ExitFindings || patch == "" {
			t.Fatalf("--diff: exit %d\n%s", code, stderr)
		}
		// What --fix makes of the same files.
		var out, errb bytes.Buffer
		Main(reg, fixArgs, nil, &out, &errb)
		want := map[string][]byte{}
		for name := range files {
			want[name], _ = os.ReadFile(filepath.FromSlash(name))
		}

		dir := t.TempDir()
		setupFiles(t, dir, files)
		run := func(stdin string, name string, args ...string) {
			t.Helper()
			cmd := exec.Command(name, args...)
			cmd.Dir = dir
			cmd.Stdin = strings.NewReader(stdin)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("%s %s: %v\n%s\npatch:\n%s", name, strings.Join(args, " "), err, out, patch)
			}
		}
		run("", git, "init", "-q")
		run(patch, git, "apply", "--check", "-")
		run(patch, git, "apply", "-")
		for name, w := range want {
			got, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
			if !bytes.Equal(got, w) {
				t.Errorf("unsafe=%v: git apply gives %s = %q, --fix %q", unsafe, name, got, w)
			}
		}
		if _, err := exec.LookPath("patch"); err == nil {
			dir2 := t.TempDir()
			setupFiles(t, dir2, files)
			cmd := exec.Command("patch", "-p1", "--quiet")
			cmd.Dir = dir2
			cmd.Stdin = strings.NewReader(patch)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("patch -p1: %v\n%s", err, out)
			}
			for name, w := range want {
				got, _ := os.ReadFile(filepath.Join(dir2, filepath.FromSlash(name)))
				if !bytes.Equal(got, w) {
					t.Errorf("unsafe=%v: patch -p1 gives %s = %q, --fix %q", unsafe, name, got, w)
				}
			}
		}
	}
}

// TestFixRuleGoldens runs `copydesk check --fix --select RULE` over every
// built-in rule fixture that has a .golden file (the draft after its safe
// fixes): the file --fix writes is the golden, --fix - writes it to stdout,
// --diff applied with git apply gives it too, and a second --fix changes
// nothing.
func TestFixRuleGoldens(t *testing.T) {
	goldens, err := filepath.Glob(filepath.Join(repoRoot(t), "testdata", "rules", "*", "*.golden"))
	if err != nil {
		t.Fatal(err)
	}
	if len(goldens) == 0 {
		t.Fatal("no rule fixture goldens")
	}
	_, gitErr := exec.LookPath("git")
	reg := rules.Registry()
	fixedRules := map[string]bool{}
	for _, golden := range goldens {
		fixture := strings.TrimSuffix(golden, ".golden")
		rule := filepath.Base(filepath.Dir(fixture))
		name := rule + "/" + filepath.Base(fixture)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(fixture)
			if err != nil {
				t.Fatal(err)
			}
			fx, err := linttest.ParseFixture(fixture, data)
			if err != nil {
				t.Fatal(err)
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			base := filepath.Base(fixture)
			files := map[string]string{base: string(fx.Source)}
			patch, stderr, code := runCLI(t, reg, files, "", "check", "--diff", "--select", rule, base)
			if bytes.Equal(want, fx.Source) {
				if code != ExitOK || patch != "" {
					t.Errorf("--diff of a draft without fixes: exit %d\n%s%s", code, patch, stderr)
				}
			} else if code != ExitFindings {
				t.Errorf("--diff: exit %d\n%s", code, stderr)
			}
			if patch != "" && gitErr == nil {
				dir := t.TempDir()
				setupFiles(t, dir, files)
				for _, args := range [][]string{{"init", "-q"}, {"apply", "-"}} {
					cmd := exec.Command("git", args...)
					cmd.Dir = dir
					cmd.Stdin = strings.NewReader(patch)
					if out, err := cmd.CombinedOutput(); err != nil {
						t.Fatalf("git %s: %v\n%s", args[0], err, out)
					}
				}
				if got, _ := os.ReadFile(filepath.Join(dir, base)); !bytes.Equal(got, want) {
					t.Errorf("--diff applied:\n%s", linttest.LineDiff(string(want), string(got)))
				}
			}

			var out, errb bytes.Buffer
			Main(reg, []string{"check", "--fix", "--fail-on", "never", "--select", rule, base}, nil, &out, &errb)
			got, _ := os.ReadFile(base)
			if !bytes.Equal(got, want) {
				t.Errorf("--fix:\n%s\n%s", linttest.LineDiff(string(want), string(got)), errb.String())
			}
			if !bytes.Equal(got, fx.Source) {
				fixedRules[rule] = true
			}
			out.Reset()
			errb.Reset()
			if code := Main(reg, []string{"check", "--fix", "--fail-on", "never", "--select", rule, base}, nil, &out, &errb); code != ExitOK || strings.Contains(errb.String(), "fixed") {
				t.Errorf("second --fix: exit %d\n%s", code, errb.String())
			}
			if again, _ := os.ReadFile(base); !bytes.Equal(again, want) {
				t.Error("second --fix changed the file")
			}

			out.Reset()
			errb.Reset()
			Main(reg, []string{"check", "--fix", "--select", rule, "--stdin-filename", base, "-"}, bytes.NewReader(fx.Source), &out, &errb)
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("--fix -:\n%s", linttest.LineDiff(string(want), out.String()))
			}
		})
	}
	// Every rule with safe fixes is covered by at least one golden.
	for _, r := range reg.Rules() {
		if m := r.Meta(); m.Fixable && !fixedRules[m.ID] {
			t.Logf("%s: fixable, but no fixture golden changes the draft (it may offer suggestions only)", m.ID)
		}
	}
}
