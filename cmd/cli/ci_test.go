package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"copydesk/lint"
)

// asCLI makes the test binary act as copydesk when the pre-commit hook a
// test installed runs it (the hook runs the binary that installed it: this
// one).
const asCLI = "COPYDESK_TEST_AS_CLI"

func init() {
	if os.Getenv(asCLI) != "1" {
		return
	}
	reg, err := lint.NewRegistry(
		phraseRule{meta: testMeta("shouting", "Three exclamation marks", lint.Error, true), phrase: "!!!"},
		phraseRule{meta: testMeta("said-to", "Claim hedged with \"is said to\"", lint.Warning, true), phrase: "is said to"},
	)
	if err != nil {
		os.Exit(3)
	}
	os.Exit(Main(reg, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

const (
	dirtyDraft = "Fire in Dunmere\n\nCrews attended!!! Nobody was hurt.\n"
	cleanDraft = "Fire in Dunmere\n\nCrews attended. Nobody was hurt.\n"
)

// newGitRepo makes a git repository in a fresh directory, with git's user
// and global configuration kept out, and changes into it.
func newGitRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	if runtime.GOOS == "windows" {
		t.Skip("the hook is a POSIX shell script")
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", home)
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	for _, v := range []string{"GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE"} {
		t.Setenv(v, "")
		os.Unsetenv(v)
	}
	t.Setenv("NO_COLOR", "")
	dir := t.TempDir()
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	t.Chdir(dir)
	gitRun(t, "init", "-q", "-b", "main", ".")
	gitRun(t, "config", "user.name", "Ruth Okafor")
	gitRun(t, "config", "user.email", "ruth@example.org")
	gitRun(t, "config", "commit.gpgsign", "false")
	return dir
}

// gitRun runs git in the current directory and returns its combined output;
// it fails the test on error.
func gitRun(t *testing.T, args ...string) string {
	t.Helper()
	out, err := gitTry(args...)
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

// gitTry runs git with the test binary standing in for copydesk in hooks.
func gitTry(args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Env = append(os.Environ(), asCLI+"=1")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func write(t *testing.T, name, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// mainIn runs copydesk in process with the test registry.
func mainIn(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Main(testRegistry(t), args, nil, &out, &errb)
	return out.String(), errb.String(), code
}

// TestHookCommit installs the hook in a real repository: the staged
// content, not the working tree, decides whether the commit goes through.
func TestHookCommit(t *testing.T) {
	newGitRepo(t)
	if out, errs, code := mainIn(t, "hook", "install"); code != 0 || !strings.Contains(out, "Installed") {
		t.Fatalf("install: exit %d\n%s%s", code, out, errs)
	}
	hook := filepath.Join(".git", "hooks", "pre-commit")
	if fi, err := os.Stat(hook); err != nil || fi.Mode()&0o111 == 0 {
		t.Fatalf("hook not executable: %v", err)
	}

	// Staged: an error. Working tree: clean. The commit is blocked.
	write(t, "news/fire.md", dirtyDraft)
	gitRun(t, "add", "news/fire.md")
	write(t, "news/fire.md", cleanDraft)
	out, err := gitTry("commit", "-q", "-m", "fire")
	if err == nil {
		t.Fatalf("commit with a staged error went through:\n%s", out)
	}
	if !strings.Contains(out, "news/fire.md:3:15: error:") || !strings.Contains(out, "[shouting]") {
		t.Errorf("hook output does not name the finding:\n%s", out)
	}

	// Stage the clean version: the commit goes through.
	gitRun(t, "add", "news/fire.md")
	if out, err := gitTry("commit", "-q", "-m", "fire"); err != nil {
		t.Fatalf("clean commit blocked: %v\n%s", err, out)
	}

	// Staged: clean. Working tree: an error. Allowed: the error is not committed.
	write(t, "news/fire.md", cleanDraft+"\nMore later.\n")
	gitRun(t, "add", "news/fire.md")
	write(t, "news/fire.md", dirtyDraft)
	if out, err := gitTry("commit", "-q", "-m", "more"); err != nil {
		t.Fatalf("commit blocked by an unstaged error: %v\n%s", err, out)
	}

	// git commit -a commits the working tree: the hook sees that index.
	if out, err := gitTry("commit", "-q", "-a", "-m", "dirty"); err == nil {
		t.Fatalf("commit -a with an error went through:\n%s", out)
	}

	// Files that are not drafts are not linted.
	write(t, "notes.docx", dirtyDraft)
	write(t, ".github/x.md", dirtyDraft)
	gitRun(t, "add", "notes.docx", ".github/x.md")
	if out, err := gitTry("commit", "-q", "-m", "assets"); err != nil {
		t.Fatalf("non-drafts blocked the commit: %v\n%s", err, out)
	}
}

func TestHookInstallUninstall(t *testing.T) {
	newGitRepo(t)
	hook := filepath.Join(".git", "hooks", "pre-commit")
	if _, _, code := mainIn(t, "hook", "install"); code != 0 {
		t.Fatal("install failed")
	}
	bin, _ := os.Executable()
	bin, _ = filepath.EvalSymlinks(bin)
	data, _ := os.ReadFile(hook)
	if !strings.Contains(string(data), "copydesk="+shellQuote(bin)+"\n") || !strings.Contains(string(data), "check --staged") {
		t.Errorf("hook script:\n%s", data)
	}
	if _, _, code := mainIn(t, "hook", "install"); code != 0 {
		t.Error("re-install over our own hook failed")
	}
	foreign := "#!/bin/sh\nexec make lint\n"
	write(t, hook, foreign)
	if _, stderr, code := mainIn(t, "hook", "install"); code != ExitError || !strings.Contains(stderr, "--force") {
		t.Errorf("install over a foreign hook: exit %d, %q", code, stderr)
	}
	if _, _, code := mainIn(t, "hook", "uninstall"); code != ExitError {
		t.Error("uninstall removed a foreign hook")
	}
	if data, _ := os.ReadFile(hook); string(data) != foreign {
		t.Error("foreign hook changed")
	}
	if _, _, code := mainIn(t, "hook", "install", "--force"); code != 0 {
		t.Error("install --force failed")
	}
	if _, _, code := mainIn(t, "hook", "uninstall"); code != 0 {
		t.Error("uninstall failed")
	}
	if _, err := os.Stat(hook); !os.IsNotExist(err) {
		t.Errorf("hook still there: %v", err)
	}
	if out, _, code := mainIn(t, "hook", "uninstall"); code != 0 || !strings.Contains(out, "No pre-commit hook") {
		t.Errorf("uninstall without a hook: exit %d %q", code, out)
	}
	for _, args := range [][]string{{"hook"}, {"hook", "remove"}, {"hook", "uninstall", "--force"}} {
		if _, _, code := mainIn(t, args...); code != ExitError {
			t.Errorf("%q: exit %d", args, code)
		}
	}

	// core.hooksPath is honored.
	gitRun(t, "config", "core.hooksPath", "githooks")
	if _, _, code := mainIn(t, "hook", "install"); code != 0 {
		t.Fatal("install with core.hooksPath failed")
	}
	if _, err := os.Stat(filepath.Join("githooks", "pre-commit")); err != nil {
		t.Errorf("core.hooksPath ignored: %v", err)
	}
}

func TestHookOutsideRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	t.Chdir(t.TempDir())
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(mustGetwd(t)))
	if _, stderr, code := mainIn(t, "hook", "install"); code != ExitError || !strings.Contains(stderr, "git") {
		t.Errorf("exit %d, %q", code, stderr)
	}
	if _, stderr, code := mainIn(t, "check", "--staged"); code != ExitError || !strings.Contains(stderr, "git") {
		t.Errorf("check --staged: exit %d, %q", code, stderr)
	}
}

func mustGetwd(t *testing.T) string {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

// jsonFindings maps each listed path to its findings' rule IDs.
func jsonFindings(t *testing.T, stdout string) map[string][]string {
	t.Helper()
	var doc struct {
		Files []struct {
			Path     string
			Findings []struct{ Rule string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	got := map[string][]string{}
	for _, f := range doc.Files {
		rules := []string{}
		for _, fd := range f.Findings {
			rules = append(rules, fd.Rule)
		}
		got[filepath.ToSlash(f.Path)] = rules
	}
	return got
}

func TestStaged(t *testing.T) {
	newGitRepo(t)
	write(t, ".copydesk.toml", "exclude = [\"archive\"]\n")
	write(t, "news/a.md", cleanDraft)
	write(t, "news/b.md", cleanDraft)
	write(t, "archive/old.md", dirtyDraft)
	write(t, "news/empty.txt", "")
	gitRun(t, "add", ".")
	gitRun(t, "commit", "-q", "--no-verify", "-m", "start")

	// a.md: the staged version has the error, the working tree does not.
	// b.md: the working tree has an error that is not staged.
	write(t, "news/a.md", cleanDraft+"\nIt is said to spread!!!\n")
	gitRun(t, "add", "news/a.md")
	write(t, "news/a.md", cleanDraft)
	write(t, "news/b.md", dirtyDraft)
	write(t, "archive/old.md", dirtyDraft+"\nUpdated.\n")
	write(t, "news/c.md", dirtyDraft) // untracked
	write(t, "news/notes.docx", dirtyDraft)
	write(t, "news/.hidden.md", dirtyDraft)
	gitRun(t, "add", "archive/old.md", "news/notes.docx", "news/.hidden.md")

	stdout, stderr, code := mainIn(t, "check", "--staged", "--format", "json")
	got := jsonFindings(t, stdout)
	if code != ExitFindings || len(got) != 1 || strings.Join(got["news/a.md"], ",") != "said-to,shouting" {
		t.Errorf("--staged: exit %d, %v\n%s", code, got, stderr)
	}
	// Without --staged the working tree is linted: a.md is clean there.
	stdout, _, _ = mainIn(t, "check", "--format", "json", "news/a.md")
	if got := jsonFindings(t, stdout); len(got["news/a.md"]) != 0 {
		t.Errorf("working tree a.md: %v", got)
	}
	// A named file is linted whatever its name and exclude; a directory is
	// chosen from as a walk would (exclude = ["archive"]).
	stdout, _, _ = mainIn(t, "check", "--staged", "--format", "json", "news/notes.docx", "archive/old.md")
	if got := jsonFindings(t, stdout); len(got) != 2 || len(got["news/notes.docx"]) != 1 || len(got["archive/old.md"]) != 1 {
		t.Errorf("named files: %v", got)
	}
	stdout, _, code = mainIn(t, "check", "--staged", "--format", "json", "archive")
	if got := jsonFindings(t, stdout); code != 0 || len(got) != 0 {
		t.Errorf("excluded directory: exit %d %v", code, got)
	}
	// From a subdirectory: paths are shown from there, "." scopes to it.
	t.Chdir("news")
	stdout, _, _ = mainIn(t, "check", "--staged", "--format", "json")
	if got := jsonFindings(t, stdout); len(got) != 1 || got["a.md"] == nil {
		t.Errorf("from news/: %v", got)
	}
	stdout, _, _ = mainIn(t, "check", "--staged", "--format", "json", "..")
	if got := jsonFindings(t, stdout); len(got) != 1 || got["a.md"] == nil {
		t.Errorf("from news/, ..: %v", got)
	}
	if _, stderr, code := mainIn(t, "check", "--staged", "../.."); code != ExitError || !strings.Contains(stderr, "outside") {
		t.Errorf("outside the work tree: exit %d %q", code, stderr)
	}
}

func TestStagedFlags(t *testing.T) {
	newGitRepo(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"check", "--staged", "--fix"}, "--staged cannot be used with --fix"},
		{[]string{"check", "--staged", "--diff"}, "--staged cannot be used with --fix"},
		{[]string{"check", "--staged", "--changed-since", "main"}, "exclude each other"},
		{[]string{"check", "--staged", "-", "--stdin-filename", "a.md"}, "not standard input"},
		{[]string{"check", "--changed-since", "--", "a.md"}, "not a revision"},
		{[]string{"check", "--staged", "-"}, "not standard input"},
		{[]string{"check", "--changed-since", "nope"}, "--changed-since nope"},
	}
	for _, tt := range tests {
		_, stderr, code := mainIn(t, tt.args...)
		if code != ExitError || !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: exit %d, %q (want %q)", tt.args, code, stderr, tt.want)
		}
	}
	// An empty repository (no commit yet): everything staged is new.
	write(t, "a.md", dirtyDraft)
	gitRun(t, "add", "a.md")
	if _, stderr, code := mainIn(t, "check", "--staged"); code != ExitFindings {
		t.Errorf("unborn branch: exit %d %s", code, stderr)
	}
	// Nothing staged: nothing linted, exit 0.
	gitRun(t, "commit", "-q", "--no-verify", "-m", "a")
	if out, _, code := mainIn(t, "check", "--staged"); code != 0 || !strings.Contains(out, "No findings in 0 files") {
		t.Errorf("nothing staged: exit %d %q", code, out)
	}
}

func TestChangedSince(t *testing.T) {
	newGitRepo(t)
	write(t, "archive/2019.md", dirtyDraft)
	write(t, "news/kept.md", dirtyDraft)
	write(t, "news/edited.md", cleanDraft)
	write(t, "news/gone.md", cleanDraft)
	write(t, ".gitignore", "scratch/\n")
	gitRun(t, "add", ".")
	gitRun(t, "commit", "-q", "--no-verify", "-m", "archive")
	// main moves on after the branch point: its changes are not ours.
	gitRun(t, "checkout", "-q", "-b", "feature")
	gitRun(t, "checkout", "-q", "main")
	write(t, "news/main-only.md", dirtyDraft)
	gitRun(t, "add", ".")
	gitRun(t, "commit", "-q", "--no-verify", "-m", "main")
	gitRun(t, "checkout", "-q", "feature")

	write(t, "news/edited.md", dirtyDraft) // committed on the branch
	gitRun(t, "rm", "-q", "news/gone.md")
	gitRun(t, "add", ".")
	gitRun(t, "commit", "-q", "--no-verify", "-m", "edit")
	write(t, "news/staged.md", cleanDraft)
	gitRun(t, "add", "news/staged.md")
	write(t, "news/new.md", dirtyDraft)        // untracked
	write(t, "scratch/ignored.md", dirtyDraft) // ignored

	stdout, stderr, code := mainIn(t, "check", "--changed-since", "main", "--format", "json")
	got := jsonFindings(t, stdout)
	var paths []string
	for p := range got {
		paths = append(paths, p)
	}
	want := "news/edited.md news/new.md news/staged.md"
	if code != ExitFindings || len(paths) != 3 || got["news/edited.md"] == nil || got["news/new.md"] == nil || got["news/staged.md"] == nil {
		t.Errorf("exit %d, files %v, want %s\n%s", code, got, want, stderr)
	}
	// Paths scope the changed files.
	stdout, _, _ = mainIn(t, "check", "--changed-since", "main", "--format", "json", "news/new.md", "archive")
	if got := jsonFindings(t, stdout); len(got) != 1 || got["news/new.md"] == nil {
		t.Errorf("scoped: %v", got)
	}
	// Since HEAD: only uncommitted and untracked changes.
	stdout, _, _ = mainIn(t, "check", "--changed-since", "HEAD", "--format", "json")
	if got := jsonFindings(t, stdout); len(got) != 2 || got["news/edited.md"] != nil {
		t.Errorf("since HEAD: %v", got)
	}
}

// TestOutputFile: --output gets the --format report, stdout the text.
func TestOutputFile(t *testing.T) {
	newGitRepo(t)
	write(t, "news/a.md", dirtyDraft)
	write(t, "b.md", cleanDraft)
	t.Chdir("news")
	stdout, stderr, code := mainIn(t, "check", "--format", "sarif", "--output", "report.sarif", "a.md", "../b.md")
	if code != ExitFindings || !strings.HasPrefix(stdout, "a.md:3:15: error:") || stderr != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	data, err := os.ReadFile("report.sarif")
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	// SARIF paths are relative to the repository root, not to news/.
	if loc := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation; loc.URI != "news/a.md" || loc.URIBaseID != "%SRCROOT%" {
		t.Errorf("artifact %+v", loc)
	}

	// github: repo-relative paths on stdout.
	stdout, _, _ = mainIn(t, "check", "--format", "github", "a.md")
	if !strings.HasPrefix(stdout, "::error file=news/a.md,line=3,endLine=3,col=15,endColumn=17,title=shouting::") {
		t.Errorf("github: %q", stdout)
	}
	// --format text --output: the same text in the file, no colour.
	stdout, _, _ = mainIn(t, "check", "--color", "always", "--output", "r.txt", "a.md")
	if data, _ := os.ReadFile("r.txt"); strings.Contains(string(data), "\x1b[") || !strings.Contains(stdout, "\x1b[") ||
		!strings.HasPrefix(string(data), "a.md:3:15: error:") {
		t.Errorf("text file %q, stdout %q", data, stdout)
	}
	for _, args := range [][]string{
		{"check", "--output", "nodir/r.json", "--format", "json", "a.md"},
		{"check", "--output", ".", "a.md"},
		{"check", "--output", "-", "a.md"},
	} {
		if _, stderr, code := mainIn(t, args...); code != ExitError || !strings.Contains(stderr, "--output") {
			t.Errorf("%q: exit %d %q", args, code, stderr)
		}
	}
	if _, err := os.Stat("nodir"); !os.IsNotExist(err) {
		t.Error("--output made a directory")
	}
}

// TestPreCommitHooksFile checks the pre-commit framework manifest at the
// repository root.
func TestPreCommitHooksFile(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot(t), ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"- id: copydesk\n", "  entry: copydesk check\n", "  language: golang\n",
		"  types_or: [markdown, html, plain-text]\n", "  pass_filenames: true\n",
	} {
		if !strings.Contains(string(data), line) {
			t.Errorf(".pre-commit-hooks.yaml lacks %q", line)
		}
	}
}

// TestREADMECIFlags checks that this file's flags, formats and command are
// documented.
func TestREADMECIFlags(t *testing.T) {
	flags := readmeSection(t, "Commands and flags")
	for _, want := range []string{"`--output FILE`", "`--staged`", "`--changed-since REV`", "copydesk hook install", "sarif\\|github\\|checkstyle\\|junit"} {
		if !strings.Contains(flags, want) {
			t.Errorf("Commands and flags does not document %s", want)
		}
	}
	formats := readmeSection(t, "Output formats")
	for _, want := range []string{"### SARIF", "### GitHub Actions annotations", "### Checkstyle and JUnit XML"} {
		if !strings.Contains(formats, want) {
			t.Errorf("Output formats lacks %s", want)
		}
	}
	ci := readmeSection(t, "CI and pre-commit")
	for _, want := range []string{"upload-sarif", "--format github", "--format junit", ".pre-commit-config.yaml", "copydesk hook install", "fail-on"} {
		if !strings.Contains(ci, want) {
			t.Errorf("CI and pre-commit lacks %s", want)
		}
	}
}

// TestSARIFEndToEnd: a check run's SARIF, suppressions included, validates
// against the OASIS schema.
func TestSARIFEndToEnd(t *testing.T) {
	draft := "Fire in Dunmere\n\n<!-- copydesk-ignore shouting: the headline of the quoted poster -->\nCrews attended!!!\n\nIt is said to spread!!!\n"
	stdout, stderr, code := runCLI(t, testRegistry(t), map[string]string{"a.md": draft, "bad.txt": "x\xff"}, "",
		"check", "--format", "sarif", "a.md", "bad.txt", "missing.md")
	if code != ExitError {
		t.Errorf("exit %d\n%s", code, stderr)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(filepath.Join(repoRoot(t), "testdata", "schema", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(stdout))
	if err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("%v\n%s", err, stdout)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID       string
				Suppressions []struct{ Kind, Justification string }
			}
			Invocations []struct {
				ToolExecutionNotifications []json.RawMessage
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range log.Runs[0].Results {
		s := r.RuleID
		for _, sup := range r.Suppressions {
			s += " (" + sup.Kind + ": " + sup.Justification + ")"
		}
		got = append(got, s)
	}
	sort.Strings(got)
	want := "said-to,shouting,shouting (inSource: the headline of the quoted poster)"
	if strings.Join(got, ",") != want {
		t.Errorf("results %q, want %q", got, want)
	}
	if n := len(log.Runs[0].Invocations[0].ToolExecutionNotifications); n != 2 {
		t.Errorf("%d notifications, want 2 (bad.txt, missing.md)", n)
	}
}

// TestChangedUnderBrokenConfig: a changed draft whose configuration fails
// to load is listed with a file error (exit 2), as a walk lists it, not
// dropped from the output; the staged drafts around it are still linted.
func TestChangedUnderBrokenConfig(t *testing.T) {
	newGitRepo(t)
	write(t, "news/a.md", cleanDraft)
	gitRun(t, "add", ".")
	gitRun(t, "commit", "-q", "--no-verify", "-m", "start")
	write(t, "bad/.copydesk.toml", "[rule.said-to]\nsevrity = \"error\"\n")
	write(t, "bad/b.md", dirtyDraft)
	write(t, "bad/notes.docx", dirtyDraft)
	write(t, "news/a.md", dirtyDraft)
	gitRun(t, "add", ".")
	for _, args := range [][]string{
		{"check", "--staged", "--format", "json"},
		{"check", "--changed-since", "HEAD", "--format", "json"},
	} {
		stdout, stderr, code := mainIn(t, args...)
		var doc struct {
			Files []struct {
				Path     string
				Findings []struct{ Rule string }
				Error    *string
			}
		}
		if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, stdout)
		}
		var got []string
		for _, f := range doc.Files {
			e := ""
			if f.Error != nil {
				e = *f.Error
			}
			got = append(got, fmt.Sprintf("%s findings=%d err=%q", filepath.ToSlash(f.Path), len(f.Findings), e))
		}
		want := []string{
			`bad/b.md findings=0 err="not linted: bad/.copydesk.toml:2: rule.said-to.sevrity: unknown key (did you mean \"severity\"?)"`,
			`news/a.md findings=1 err=""`,
		}
		if code != ExitError || strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%v: exit %d\n got %s\nwant %s\nstderr: %s", args, code, strings.Join(got, "\n     "), strings.Join(want, "\n     "), stderr)
		}
		if n := strings.Count(stderr, "unknown key"); n != 1 {
			t.Errorf("%v: the configuration error should be reported once on stderr, got %d:\n%s", args, n, stderr)
		}
	}
}
