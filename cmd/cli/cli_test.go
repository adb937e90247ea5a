package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"copydesk/config"
	"copydesk/lint"
	"copydesk/lint/format"
	"copydesk/lint/linttest"
)

// phraseRule is a test-only rule: it reports each occurrence of phrase.
type phraseRule struct {
	meta   lint.Meta
	phrase string
	fix    *lint.Fix // New of its single edit is used; the span is the match
	opts   phraseOpts
}

type phraseOpts struct {
	Phrase string `toml:"phrase"`
}

func (r phraseRule) Meta() lint.Meta { return r.meta }

func (r phraseRule) Check(p *lint.Pass) error {
	phrase := r.phrase
	if r.opts.Phrase != "" {
		phrase = r.opts.Phrase
	}
	if phrase == "BOOM" && strings.Contains(p.Doc.Text, "BOOM") {
		panic("test rule exploded")
	}
	text := p.Doc.Text
	for off := 0; ; {
		i := strings.Index(text[off:], phrase)
		if i < 0 {
			return nil
		}
		s := lint.Span{Start: off + i, End: off + i + len(phrase)}
		f := lint.Finding{Span: s, Message: fmt.Sprintf("%q found", phrase)}
		if r.fix != nil {
			f.Fix = &lint.Fix{Message: r.fix.Message, Safe: r.fix.Safe, Edits: []lint.Edit{{Span: s, New: r.fix.Edits[0].New}}}
		}
		p.Report(f)
		off = s.End
	}
}

// Configure lets the phrase be set in [rule.<id>.options].
func (r phraseRule) Configure(decode func(any) error) (lint.Rule, error) {
	o := r.opts
	if err := decode(&o); err != nil {
		return nil, err
	}
	r.opts = o
	return r, nil
}

func testMeta(id, summary string, sev lint.Severity, on bool) lint.Meta {
	return lint.Meta{
		ID: id, Summary: summary, Severity: sev, Default: on,
		Doc:  "Test-only rule.\n\nIt reports a fixed phrase.",
		Bad:  "Headline\n\nThe plan is said to be final.\n",
		Good: "Headline\n\nThe plan is final, Ana Ruiz said.\n",
	}
}

func testRegistry(t testing.TB) *lint.Registry {
	t.Helper()
	said := testMeta("said-to", "Claim hedged with \"is said to\"", lint.Warning, true)
	said.Options = "phrase = \"is said to\" # the phrase to flag\n"
	more := testMeta("read-more", "Leftover \"Read more\" link text", lint.Info, true)
	more.Fixable = true
	reg, err := lint.NewRegistry(
		phraseRule{meta: said, phrase: "is said to"},
		phraseRule{meta: more, phrase: "Read more", fix: &lint.Fix{Message: "Remove \"Read more\"", Safe: true, Edits: []lint.Edit{{New: ""}}}},
		phraseRule{meta: testMeta("shouting", "Three exclamation marks", lint.Error, true), phrase: "!!!"},
		phraseRule{meta: testMeta("boom", "Panics on BOOM | for tests", lint.Warning, true), phrase: "BOOM"},
		phraseRule{meta: testMeta("off-rule", "Off by default", lint.Info, false), phrase: "Marwick"},
	)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

const (
	draftA = "Council is said to weigh bus cuts\n\nMarwick council is said to be planning cuts to the 14 route. Read more\n"
	draftB = "Budget passes\n\nThe budget passed on Monday, Ruth Okafor said.\n"
	draftC = "<html><head><title>Fire!!! in Dunmere</title></head><body><h1>Fire!!! in Dunmere</h1><p>Crews attended &amp; left.</p></body></html>\n"
)

// cliCase is one run of the command line in a fresh directory.
type cliCase struct {
	name  string
	files map[string]string // path → contents; a "->" prefix makes a symlink
	args  []string
	stdin string
}

var cliCases = []cliCase{
	{name: "check_text", files: map[string]string{"a.md": draftA}, args: []string{"check", "a.md"}},
	{name: "check_json", files: map[string]string{"a.md": draftA, "b.txt": draftB}, args: []string{"check", "--format", "json", "a.md", "b.txt"}},
	{name: "check_clean", files: map[string]string{"b.txt": draftB}, args: []string{"check", "b.txt"}},
	{name: "check_flags_after_paths", files: map[string]string{"a.md": draftA}, args: []string{"check", "a.md", "--select", "read-more", "--fail-on", "warning"}},
	{name: "check_walk", files: map[string]string{
		"drafts/a.md": draftA, "drafts/b.txt": draftB, "drafts/c.html": draftC, "drafts/notes.docx": draftA,
		"drafts/.hidden/x.md": draftA, "drafts/.git/y.md": draftA, "drafts/.z.md": draftA, "drafts/sub/d.markdown": draftA,
	}, args: []string{"check", "drafts"}},
	{name: "check_default_dir", files: map[string]string{"a.md": draftA, "sub/b.txt": draftB}, args: []string{"check", "--format", "json"}},
	{name: "check_explicit_any_extension", files: map[string]string{"story.draft": draftA}, args: []string{"check", "story.draft"}},
	{name: "check_missing_file", files: map[string]string{"a.md": draftA}, args: []string{"check", "nosuch.md", "a.md"}},
	{name: "check_missing_file_json", files: map[string]string{"a.md": draftA}, args: []string{"check", "--format=json", "a.md", "nosuch.md"}},
	{name: "check_stdin", args: []string{"check", "-", "--stdin-filename", "story.html"}, stdin: draftC},
	{name: "check_stdin_plain", args: []string{"check", "-"}, stdin: draftA},
	{name: "check_fail_on_error", files: map[string]string{"a.md": draftA}, args: []string{"check", "--fail-on", "error", "a.md"}},
	{name: "check_fail_on_never", files: map[string]string{"c.html": draftC}, args: []string{"check", "--fail-on=never", "c.html"}},
	{name: "check_fail_on_config", files: map[string]string{
		".copydesk.toml": "fail-on = \"info\"\n", "a.md": "Headline\n\nRead more\n",
	}, args: []string{"check", "a.md"}},
	{name: "check_select_unknown", files: map[string]string{"a.md": draftA}, args: []string{"check", "--select", "said-too", "a.md"}},
	{name: "check_bad_format", files: map[string]string{"a.md": draftA}, args: []string{"check", "--format", "jsn", "a.md"}},
	{name: "check_bad_flag", files: map[string]string{"a.md": draftA}, args: []string{"check", "--colour", "never", "a.md"}},
	{name: "check_bad_config", files: map[string]string{
		".git/HEAD": "", "copydesk.toml": "[rule.said-to]\nseverty = \"error\"\n", "a.md": draftA,
	}, args: []string{"check", "a.md"}},
	{name: "check_config_rules", files: map[string]string{
		".copydesk.toml": `exclude = ["archive"]

[rule.said-to]
severity = "error"
[rule.said-to.options]
phrase = "weigh"

[rule.off-rule]
enabled = true

[[override]]
files = ["letters/**"]
[override.rule.said-to]
enabled = false
`,
		"a.md": draftA, "archive/old.md": draftA, "letters/l.md": draftA,
	}, args: []string{"check", "."}},
	{name: "check_no_config", files: map[string]string{
		".copydesk.toml": "[rule.said-to]\nenabled = false\n", "a.md": draftA,
	}, args: []string{"check", "--no-config", "a.md"}},
	{name: "check_config_flag", files: map[string]string{
		"ci/strict.toml": "fail-on = \"info\"\n[rule.shouting]\nenabled = false\n", "c.html": draftC,
	}, args: []string{"check", "--config", "ci/strict.toml", "c.html"}},
	{name: "check_rule_panic", files: map[string]string{
		"a.md": draftA, "b.md": "Headline\n\nBOOM goes the story, which is said to be true.\n", "c.html": draftC,
	}, args: []string{"check", "a.md", "b.md", "c.html"}},
	{name: "check_binary_and_empty", files: map[string]string{
		"bin.txt": "Head\x00line\n\n\xff\xfe", "empty.md": "", "blank.txt": "  \n\n\t\n", "a.md": draftA,
	}, args: []string{"check", "bin.txt", "empty.md", "blank.txt", "a.md"}},
	{name: "check_empty_dir", files: map[string]string{"empty/.keep": ""}, args: []string{"check", "empty"}},
	{name: "rules", args: []string{"rules"}},
	{name: "rules_markdown", args: []string{"rules", "--markdown"}},
	{name: "rule_doc", args: []string{"rule", "said-to"}},
	{name: "rule_unknown", args: []string{"rule", "said_to"}},
	{name: "help", args: []string{"help"}},
	{name: "help_check", args: []string{"help", "check"}},
	{name: "check_help", args: []string{"check", "--help"}},
	{name: "no_args", args: nil},
	{name: "unknown_command", args: []string{"chek", "a.md"}},
}

// setupFiles writes files into dir; a value "->target" makes a symlink.
func setupFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if target, ok := strings.CutPrefix(content, "->"); ok {
			if err := os.Symlink(target, p); err != nil {
				t.Skipf("symlinks: %v", err)
			}
			continue
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// runCLI runs Main in a fresh directory holding files.
func runCLI(t *testing.T, reg *lint.Registry, files map[string]string, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	dir := t.TempDir()
	setupFiles(t, dir, files)
	t.Chdir(dir)
	t.Setenv("NO_COLOR", "")
	var out, errb bytes.Buffer
	code = Main(reg, args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestGolden(t *testing.T) {
	reg := testRegistry(t)
	// Fix views are pinned by their own goldens in lint/format.
	saved := format.DefaultFixRenderer
	format.DefaultFixRenderer = nil
	defer func() { format.DefaultFixRenderer = saved }()
	// Commands added by other files of the package (eval, hook...) are
	// left out, so that these goldens change only with the core commands.
	all := commands
	defer func() { commands = all }()
	commands = map[string]*command{}
	for _, name := range []string{"check", "help", "init", "rule", "rules", "version"} {
		commands[name] = all[name]
	}
	for _, tc := range cliCases {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, reg, tc.files, tc.stdin, tc.args...)
			got := fmt.Sprintf("$ copydesk %s\n-- stdout --\n%s-- stderr --\n%s-- exit: %d --\n", strings.Join(tc.args, " "), stdout, stderr, code)
			checkGolden(t, filepath.Join("testdata", "cli", tc.name+".golden"), got)
		})
	}
}

// checkGolden compares got with the golden file, rewriting it with -update
// and printing a unified diff on mismatch.
func checkGolden(t *testing.T, rel, got string) {
	t.Helper()
	path := filepath.Join(repoRoot(t), rel)
	if *linttest.Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/cli -update)", err)
	}
	if got != string(want) {
		var d bytes.Buffer
		if err := format.UnifiedDiff(&d, rel, want, []byte(got)); err != nil {
			t.Fatal(err)
		}
		t.Errorf("%s differs (-want +got); run go test ./cmd/cli -update if intended:\n%s", rel, d.String())
	}
}

var rootDir string

// repoRoot returns the repository root, found before any test changes
// directory.
func repoRoot(t *testing.T) string {
	if rootDir == "" {
		t.Fatal("repository root unknown")
	}
	return rootDir
}

func TestMain(m *testing.M) {
	wd, err := os.Getwd()
	if err == nil {
		rootDir, err = filepath.Abs(filepath.Join(wd, "..", ".."))
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	os.Exit(m.Run())
}

func TestExitCodes(t *testing.T) {
	reg := testRegistry(t)
	info := "Headline\n\nRead more\n"
	warn := "Headline\n\nIt is said to work.\n"
	errd := "Headline\n\nWow!!!\n"
	tests := []struct {
		name  string
		files map[string]string
		args  []string
		want  int
	}{
		{"clean", map[string]string{"a.md": draftB}, []string{"check", "a.md"}, 0},
		{"info below default", map[string]string{"a.md": info}, []string{"check", "a.md"}, 0},
		{"warning at default", map[string]string{"a.md": warn}, []string{"check", "a.md"}, 1},
		{"error", map[string]string{"a.md": errd}, []string{"check", "a.md"}, 1},
		{"fail-on info", map[string]string{"a.md": info}, []string{"check", "--fail-on", "info", "a.md"}, 1},
		{"fail-on error, warning", map[string]string{"a.md": warn}, []string{"check", "--fail-on", "error", "a.md"}, 0},
		{"fail-on never", map[string]string{"a.md": errd}, []string{"check", "--fail-on", "never", "a.md"}, 0},
		{"json same as text", map[string]string{"a.md": warn}, []string{"check", "--format", "json", "a.md"}, 1},
		{"json error", map[string]string{"a.md": warn}, []string{"check", "--format", "json", "a.md", "missing.md"}, 2},
		{"flag beats config", map[string]string{"a.md": info, ".copydesk.toml": "fail-on = \"never\""}, []string{"check", "--fail-on", "info", "a.md"}, 1},
		{"config fail-on", map[string]string{"a.md": errd, ".copydesk.toml": "fail-on = \"never\""}, []string{"check", "a.md"}, 0},
		{"config severity", map[string]string{"a.md": info, ".copydesk.toml": "[rule.read-more]\nseverity = \"error\""}, []string{"check", "a.md"}, 1},
		{"per-file config", map[string]string{"a.md": errd, "b/a.md": errd, "b/.copydesk.toml": "fail-on = \"never\""}, []string{"check", "b"}, 0},
		{"missing file", nil, []string{"check", "missing.md"}, 2},
		{"device", nil, []string{"check", os.DevNull}, 2},
		{"invalid utf-8", map[string]string{"a.txt": "a\xffb"}, []string{"check", "a.txt"}, 2},
		{"findings and error", map[string]string{"a.md": errd}, []string{"check", "a.md", "x.md"}, 2},
		{"bad config", map[string]string{"a.md": draftB, ".copydesk.toml": "fail-on = 1"}, []string{"check", "a.md"}, 2},
		{"config not toml", map[string]string{"a.md": draftB, ".copydesk.toml": "[[[\n"}, []string{"check", "a.md"}, 2},
		{"missing --config", map[string]string{"a.md": draftB}, []string{"check", "--config", "nope.toml", "a.md"}, 2},
		{"usage", nil, []string{"check", "--bogus"}, 2},
		{"bad -j", map[string]string{"a.md": draftB}, []string{"check", "-j", "-1", "a.md"}, 2},
		{"stdin twice", nil, []string{"check", "-", "-"}, 2},
		{"stdin-filename without -", map[string]string{"a.md": draftB}, []string{"check", "--stdin-filename", "x.md", "a.md"}, 2},
		{"help", nil, []string{"check", "-h"}, 0},
		{"version", nil, []string{"version"}, 0},
		{"--version", nil, []string{"--version"}, 0},
		{"rule unknown", nil, []string{"rule", "nope"}, 2},
		{"rule no arg", nil, []string{"rule"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCLI(t, reg, tt.files, "", tt.args...)
			if code != tt.want {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.want, stderr)
			}
		})
	}
}

// jsonPaths runs check --format json and returns the listed paths.
func jsonPaths(t *testing.T, reg *lint.Registry, files map[string]string, args ...string) []string {
	t.Helper()
	stdout, stderr, _ := runCLI(t, reg, files, "", append([]string{"check", "--format", "json"}, args...)...)
	if stderr != "" {
		t.Errorf("stderr: %s", stderr)
	}
	var doc struct{ Files []struct{ Path string } }
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	var paths []string
	for _, f := range doc.Files {
		paths = append(paths, filepath.ToSlash(f.Path))
	}
	return paths
}

func TestWalk(t *testing.T) {
	reg := testRegistry(t)
	tests := []struct {
		name  string
		files map[string]string
		args  []string
		want  []string
	}{
		{"extensions and hidden", map[string]string{
			"d/a.md": "", "d/b.TXT": "", "d/c.htm": "", "d/e.markdown": "", "d/f.html": "", "d/g.docx": "", "d/h": "",
			"d/.git/x.md": "", "d/.cache/y.md": "", "d/.z.md": "", "d/node/i.md": "",
		}, []string{"d"}, []string{"d/a.md", "d/b.TXT", "d/c.htm", "d/e.markdown", "d/f.html", "d/node/i.md"}},
		{"exclude and include", map[string]string{
			".copydesk.toml": "include = [\"news/**/*.md\", \"*.txt\"]\nexclude = [\"news/old\", \"**/draft-*\"]\n",
			"news/a.md":      "", "news/b.html": "", "news/old/c.md": "", "news/x/draft-1.md": "", "news/x/final.md": "", "notes/n.txt": "", "notes/n.md": "",
		}, []string{"."}, []string{"news/a.md", "news/x/final.md", "notes/n.txt"}},
		{"explicit files ignore exclude", map[string]string{
			".copydesk.toml": "exclude = [\"archive\"]\n", "archive/a.md": "", "news/b.md": "",
		}, []string{"archive/a.md", "."}, []string{"archive/a.md", "news/b.md"}},
		{"nested config decides", map[string]string{
			"a/b.md": "", "a/skip/c.md": "", "a/.copydesk.toml": "exclude = [\"skip\"]\n", "z/skip/d.md": "",
		}, []string{"."}, []string{"a/b.md", "z/skip/d.md"}},
		{"duplicates once", map[string]string{"a.md": "", "d/b.md": ""}, []string{"a.md", "./a.md", ".", "d"}, []string{"a.md", "d/b.md"}},
		{"symlink loop", map[string]string{"d/a.md": "", "d/loop": "->..", "d/self": "->.", "d/sub/b.md": "", "d/sub/up": "->../.."}, []string{"d"}, []string{"d/a.md", "d/sub/b.md"}},
		{"symlinked draft", map[string]string{"d/a.md": "", "d/link.md": "->a.md", "d/broken.md": "->nowhere.md"}, []string{"d"}, []string{"d/a.md", "d/broken.md", "d/link.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := jsonPaths(t, reg, tt.files, tt.args...)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestParallelOrder(t *testing.T) {
	reg := testRegistry(t)
	files := map[string]string{}
	var want []string
	for i := 0; i < 60; i++ {
		name := fmt.Sprintf("d/%02d.md", i)
		files[name] = strings.Repeat(draftA, i%7+1)
		want = append(want, name)
	}
	sort.Strings(want)
	for _, j := range []string{"1", "3", "16"} {
		got := jsonPaths(t, reg, files, "-j", j, "d")
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("-j %s: order %q", j, got)
		}
	}
}

func TestFileErrorKeepsOtherFindings(t *testing.T) {
	reg := testRegistry(t)
	stdout, _, code := runCLI(t, reg, map[string]string{
		"a.md": draftA, "b.md": "Head\n\nBOOM\n", "c.txt": "x\xff",
	}, "", "check", "--format", "json", "a.md", "b.md", "c.txt", "gone.md")
	if code != ExitError {
		t.Errorf("exit %d", code)
	}
	var doc struct {
		Files []struct {
			Path     string
			Findings []json.RawMessage
			Error    *string
		}
		Summary format.Summary
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Files) != 4 || len(doc.Files[0].Findings) != 3 || doc.Files[0].Error != nil {
		t.Fatalf("files: %s", stdout)
	}
	for _, f := range doc.Files[1:] {
		if f.Error == nil {
			t.Errorf("%s: no error", f.Path)
		}
	}
	if doc.Summary.FileErrors != 3 || doc.Summary.Findings != 3 {
		t.Errorf("summary %+v", doc.Summary)
	}
}

// TestNoDrafts: a directory argument in which the walk finds no draft is
// an input error (exit 2) with a message on stderr saying what was looked
// for; the other paths are still linted.
func TestNoDrafts(t *testing.T) {
	reg := testRegistry(t)
	const exts = "(extensions .txt .md .markdown .html .htm; see include in config)"
	tests := []struct {
		name   string
		files  map[string]string
		args   []string
		stderr string // "" for none
		code   int
		paths  []string
	}{
		{"empty directory", map[string]string{"empty/.keep": ""}, []string{"empty"},
			"copydesk check: no drafts found in empty " + exts + "\n", ExitError, nil},
		{"only hidden and other files", map[string]string{"notes/minutes.docx": "x", "notes/.draft.md": draftA, "notes/.sub/a.md": draftA}, []string{"notes"},
			"copydesk check: no drafts found in notes " + exts + "\n", ExitError, nil},
		{"default directory", map[string]string{".git/HEAD": "", "README": "x"}, nil,
			"copydesk check: no drafts found in . " + exts + "\n", ExitError, nil},
		{"one of two directories", map[string]string{"news/a.md": draftB, "empty/.keep": ""}, []string{"news", "empty"},
			"copydesk check: no drafts found in empty " + exts + "\n", ExitError, []string{"news/a.md"}},
		{"all excluded", map[string]string{".git/HEAD": "", ".copydesk.toml": "exclude = [\"old\", \"*.txt\"]\n", "d/old/a.md": draftB, "d/b.txt": draftB}, []string{"d"},
			"copydesk check: no drafts found in d (all excluded by exclude in .copydesk.toml)\n", ExitError, nil},
		{"include matches nothing", map[string]string{".git/HEAD": "", ".copydesk.toml": "include = [\"news/**\"]\n", "d/a.md": draftB}, []string{"d"},
			"copydesk check: no drafts found in d (no file matches include in .copydesk.toml)\n", ExitError, nil},
		{"drafts in a sub-directory", map[string]string{"d/sub/a.md": draftB}, []string{"d"}, "", ExitOK, []string{"d/sub/a.md"}},
		{"directory walked twice", map[string]string{"d/a.md": draftB}, []string{"d", "d", "d/a.md"}, "", ExitOK, []string{"d/a.md"}},
		{"empty file is a draft", map[string]string{"d/a.md": ""}, []string{"d"}, "", ExitOK, []string{"d/a.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, reg, tt.files, "", append([]string{"check", "--format", "json"}, tt.args...)...)
			if stderr != tt.stderr || code != tt.code {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, stderr, tt.code, tt.stderr)
			}
			var doc struct{ Files []struct{ Path string } }
			if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
				t.Fatalf("%v\n%s", err, stdout)
			}
			var paths []string
			for _, f := range doc.Files {
				paths = append(paths, filepath.ToSlash(f.Path))
			}
			if fmt.Sprint(paths) != fmt.Sprint(tt.paths) {
				t.Errorf("files %q, want %q", paths, tt.paths)
			}
		})
	}
}

// TestConfigErrorListsDrafts: the drafts a configuration governs that
// fails to load are still listed in machine output, each with a file error
// naming the configuration's problems; sub-directories with a good
// configuration of their own are linted; the exit code is 2.
func TestConfigErrorListsDrafts(t *testing.T) {
	reg := testRegistry(t)
	bad := "fail-on = \"warning\"\n[rule.said-to]\nsevrity = \"error\"\n"
	stdout, stderr, code := runCLI(t, reg, map[string]string{
		".git/HEAD":             "",
		"good.md":               draftA,
		"bad/.copydesk.toml":    bad,
		"bad/a.md":              draftA,
		"bad/notes.docx":        "x",
		"bad/deep/b.txt":        draftB,
		"bad/ok/.copydesk.toml": "[rule.said-to]\nseverity = \"info\"\n",
		"bad/ok/c.md":           draftA,
	}, "", "check", "--format", "json", ".", "bad/a.md")
	if code != ExitError {
		t.Errorf("exit %d, want %d", code, ExitError)
	}
	cfgErr := filepath.Join("bad", ".copydesk.toml") + `:3: rule.said-to.sevrity: unknown key (did you mean "severity"?)`
	if strings.Count(stderr, cfgErr) != 1 {
		t.Errorf("stderr should report the configuration error once:\n%s", stderr)
	}
	var doc struct {
		Files []struct {
			Path     string
			Findings []struct{ Severity string }
			Error    *string
		}
		Summary format.Summary
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	type row struct {
		path, err string
		findings  int
	}
	var got []row
	for _, f := range doc.Files {
		r := row{path: filepath.ToSlash(f.Path), findings: len(f.Findings)}
		if f.Error != nil {
			r.err = *f.Error
		}
		got = append(got, r)
	}
	want := []row{
		{"bad/a.md", "not linted: " + cfgErr, 0},
		{"bad/deep/b.txt", "not linted: " + cfgErr, 0},
		{"bad/ok/c.md", "", 3},
		{"good.md", "", 3},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("files:\n got %+v\nwant %+v", got, want)
	}
	if doc.Summary.Files != 4 || doc.Summary.FileErrors != 2 {
		t.Errorf("summary %+v", doc.Summary)
	}
}

func TestInit(t *testing.T) {
	reg := testRegistry(t)
	dir := t.TempDir()
	t.Chdir(dir)
	var out, errb bytes.Buffer
	if code := Main(reg, []string{"init"}, nil, &out, &errb); code != 0 {
		t.Fatalf("init: exit %d: %s", code, errb.String())
	}
	data, err := os.ReadFile(".copydesk.toml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, id := range reg.IDs() {
		if !strings.Contains(text, "[rule."+id+"]") {
			t.Errorf("no [rule.%s]", id)
		}
	}
	if !strings.Contains(text, "# [rule.said-to.options]\n# phrase = \"is said to\" # the phrase to flag\n") {
		t.Errorf("options not listed:\n%s", text)
	}
	// The file it writes is a valid configuration, with the defaults.
	c, err := config.Load(".copydesk.toml", "")
	if err != nil {
		t.Fatal(err)
	}
	set, err := c.Apply(reg, config.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	as, _ := set.RulesFor("x.md")
	if len(as) != 4 {
		t.Errorf("%d active rules from the default config", len(as))
	}
	// Uncommenting the options gives a valid configuration too.
	uncommented := strings.ReplaceAll(text, "# [rule.said-to.options]\n# phrase", "[rule.said-to.options]\nphrase")
	if c, err := config.Parse("u.toml", []byte(uncommented), dir); err != nil {
		t.Error(err)
	} else if _, err := c.Apply(reg, config.Filter{}); err != nil {
		t.Error(err)
	}
	out.Reset()
	errb.Reset()
	if code := Main(reg, []string{"init"}, nil, &out, &errb); code != ExitError || !strings.Contains(errb.String(), "already exists") {
		t.Errorf("second init: exit %d, %q", code, errb.String())
	}
	again, _ := os.ReadFile(".copydesk.toml")
	if !bytes.Equal(again, data) {
		t.Error("init overwrote the file")
	}
	os.Remove(".copydesk.toml")
	if err := os.WriteFile("copydesk.toml", nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if code := Main(reg, []string{"init"}, nil, &out, &errb); code != ExitError {
		t.Errorf("init next to copydesk.toml: exit %d", code)
	}
}

func TestVersion(t *testing.T) {
	reg := testRegistry(t)
	old := Version
	defer func() { Version = old }()
	Version = "v9.8.7"
	var out bytes.Buffer
	if code := Main(reg, []string{"version"}, nil, &out, &out); code != 0 || out.String() != "copydesk v9.8.7\n" {
		t.Errorf("exit %d, %q", code, out.String())
	}
	Version = ""
	out.Reset()
	Main(reg, []string{"--version"}, nil, &out, &out)
	if !strings.HasPrefix(out.String(), "copydesk ") {
		t.Errorf("%q", out.String())
	}
}

func TestUseColor(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	tests := []struct {
		mode, noColor, term string
		out                 any
		want                bool
	}{
		{"always", "1", "dumb", &bytes.Buffer{}, true},
		{"never", "", "xterm", w, false},
		{"auto", "", "xterm", &bytes.Buffer{}, false},
		{"auto", "", "xterm", w, false}, // a pipe is not a terminal
		{"auto", "1", "xterm", w, false},
	}
	for _, tt := range tests {
		t.Setenv("NO_COLOR", tt.noColor)
		t.Setenv("TERM", tt.term)
		var got bool
		switch o := tt.out.(type) {
		case *bytes.Buffer:
			got = useColor(tt.mode, o)
		case *os.File:
			got = useColor(tt.mode, o)
		}
		if got != tt.want {
			t.Errorf("useColor(%s, NO_COLOR=%q, TERM=%q) = %v", tt.mode, tt.noColor, tt.term, got)
		}
	}
	// --color always colors output to a buffer.
	stdout, _, _ := runCLI(t, testRegistry(t), map[string]string{"a.md": draftA}, "", "check", "--color", "always", "a.md")
	if !strings.Contains(stdout, "\x1b[") {
		t.Error("--color always: no colour")
	}
}

func TestParseArgs(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"a.md", "--format", "json", "b.md"}, "format=json pos=[a.md b.md]"},
		{[]string{"--format=json", "-", "--no-config"}, "format=json noconfig pos=[-]"},
		{[]string{"a.md", "--", "--format"}, "format=text pos=[a.md --format]"},
		{[]string{"-j", "4", "x", "--select", "a,b", "--select", "c"}, "format=text j=4 select=a,b,c pos=[x]"},
	}
	for _, tt := range tests {
		fs := newFlagSet("check")
		o := &checkOptions{}
		defineCheckFlags(fs, o)
		pos, err := parseArgs(fs, tt.args)
		if err != nil {
			t.Fatal(err)
		}
		got := "format=" + o.Format
		if o.NoConfig {
			got += " noconfig"
		}
		if o.Jobs != 0 {
			got += fmt.Sprintf(" j=%d", o.Jobs)
		}
		if len(o.Select) > 0 {
			got += " select=" + o.Select.String()
		}
		got += fmt.Sprintf(" pos=%v", pos)
		if got != tt.want {
			t.Errorf("%q: %s, want %s", tt.args, got, tt.want)
		}
	}
}

func TestExtensions(t *testing.T) {
	reg := testRegistry(t)
	old := checkExtensions
	defer func() { checkExtensions = old }()
	var prepared, closed int
	var seen []string
	checkExtensions = append(checkExtensions, func(o *checkOptions) (*checkExtension, error) {
		return &checkExtension{
			Prepare: func(c *config.Config, base *lint.Registry) (*lint.Registry, error) {
				prepared++
				return base, nil
			},
			Result: func(set *config.RuleSet, fr *lint.FileResult) {
				seen = append(seen, fr.Path)
				if set == nil {
					t.Errorf("%s: no rule set", fr.Path)
				}
				fr.Findings = nil // a suppression that silences everything
			},
			Close: func() error { closed++; return nil },
		}, nil
	})
	stdout, stderr, code := runCLI(t, reg, map[string]string{"a.md": draftA, "b/c.md": draftA, "b/.copydesk.toml": ""}, "", "check", "a.md", "b")
	if code != 0 || prepared != 2 || closed != 1 || strings.Join(seen, ",") != "a.md,"+filepath.Join("b", "c.md") {
		t.Errorf("exit %d, prepared %d, closed %d, seen %q\n%s%s", code, prepared, closed, seen, stdout, stderr)
	}
}
