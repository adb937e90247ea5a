package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"copydesk/rules"
)

// Hostile input through the real entry point (Main with the built-in
// rules): every row runs `copydesk check --format json` over its files and
// good.md, a draft with two known findings, and asserts the exit code, the
// error each bad file gets (naming it, with line and column where there is
// one), the messages on stderr, and that good.md still gets its findings.
// No row may panic.

// goodDraft has an unattributed claim on line 3 and scrape debris on line 5.
const goodDraft = "Marwick bus cuts could go ahead\n\nThe 14 route is said to be losing money.\n\nRead more\n"

// hostileCase is one run over hostile input.
type hostileCase struct {
	name  string
	files map[string]string              // path → contents, besides good.md; "->" makes a symlink
	setup func(t *testing.T, dir string) // more set-up (modes, generated files)
	args  []string                       // paths to check (good.md is added last)
	text  bool                           // text output instead of JSON
	code  int                            // exit code
	errs  map[string]string              // path → text its per-file error must contain
	at    map[string][]string            // path → "line:col" of findings it must include
	clean []string                       // paths that must be listed with no error and no finding
	// stderr must contain each of these.
	stderr []string
	// unreadable is a file made unreadable; if it can be read all the
	// same (running as root), the row expects its findings instead.
	unreadable string
	// large rows are skipped with -short.
	large bool
	// known names a bug not fixed yet: the row is skipped unless
	// COPYDESK_HOSTILE_ALL=1 is set.
	known string
}

// A plugin script: it describes one rule, then misbehaves on every check
// request as its first argument says.
const pluginScript = `read -r line
echo '{"copydesk":1,"rules":[{"id":"shouty","summary":"Exclamation marks in copy"}]}'
while read -r line; do
  case "$1" in
  hang) sleep 3600 ;;
  flood) yes xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx | tr -d '\n' ;;
  badjson) echo '{"id": 1, "findings": [' ;;
  exit) echo "fake plugin: lexicon file missing" >&2; exit 3 ;;
  esac
done
`

func pluginConfig(mode string) string {
	timeout := "1s"
	if mode == "flood" {
		timeout = "60s" // the size limit, not the clock, must stop it
	}
	return fmt.Sprintf("[plugin.fake]\ncommand = [\"sh\", \"../plugin.sh\", %q]\ntimeout = %q\n", mode, timeout)
}

func hostileCases() []hostileCase {
	return []hostileCase{
		{name: "binary", files: map[string]string{"photo.md": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"}, args: []string{"photo.md"},
			code: ExitError, errs: map[string]string{"photo.md": "binary file (NUL byte at line 3, column 1, offset 8)"}},
		{name: "invalid_utf8", files: map[string]string{"latin1.txt": "Marwick caf\xe9\n\nline two\n"}, args: []string{"latin1.txt"},
			code: ExitError, errs: map[string]string{"latin1.txt": "invalid UTF-8 at line 1, column 12 (byte 0xE9 at offset 11)"}},
		{name: "utf16_bom", files: map[string]string{"u16.txt": "\xff\xfeM\x00a\x00r\x00\n\x00"}, args: []string{"u16.txt"},
			code: ExitError, errs: map[string]string{"u16.txt": "UTF-16 is not supported; convert to UTF-8"}},
		{name: "nul_bytes", files: map[string]string{"nul.txt": "Marwick\n\nab\x00cd\n"}, args: []string{"nul.txt"},
			code: ExitError, errs: map[string]string{"nul.txt": "NUL byte at line 3, column 3, offset 11"}},
		{name: "crlf", files: map[string]string{"crlf.md": strings.ReplaceAll(goodDraft, "\n", "\r\n")}, args: []string{"crlf.md"},
			code: ExitFindings, at: map[string][]string{"crlf.md": {"3:14", "5:1"}}},
		{name: "lone_cr", files: map[string]string{"cr.txt": strings.ReplaceAll(goodDraft, "\n", "\r")}, args: []string{"cr.txt"},
			code: ExitFindings, at: map[string][]string{"cr.txt": {"3:14", "5:1"}}},
		{name: "bom_crlf_html", files: map[string]string{"bom.html": "\uFEFF<h1>Marwick bus cuts</h1>\r\n<p>The 14 route is said to be losing money.</p>\r\n<p>Read more</p>\r\n"}, args: []string{"bom.html"},
			code: ExitFindings, at: map[string][]string{"bom.html": {"2:17", "3:4"}}},
		{name: "empty", files: map[string]string{"empty.md": "", "empty.html": "", "empty.txt": ""}, args: []string{"empty.md", "empty.html", "empty.txt"},
			code: ExitFindings, clean: []string{"empty.md", "empty.html", "empty.txt"}},
		{name: "whitespace_only", files: map[string]string{"ws.txt": " \n\t\r\n\u00a0\n\r", "ws.md": "\n\n   \n", "ws.html": "<p> </p>\n\t"}, args: []string{"ws.txt", "ws.md", "ws.html"},
			code: ExitFindings, clean: []string{"ws.txt", "ws.md", "ws.html"}},
		{name: "draft_50mb", setup: writeLargeDraft("big.txt"), args: []string{"big.txt"}, large: true,
			code: ExitFindings, at: map[string][]string{"big.txt": {"5:1"}}},
		{name: "single_line_1mb", setup: writeLongLine("line.txt", 1<<20), args: []string{"line.txt"},
			code: ExitFindings, at: map[string][]string{"line.txt": {"3:32"}}},
		// Text output of a long line: every finding's excerpt and fix view
		// are cut to a window (this took minutes when the fix view diffed the
		// whole line for each of the ~21,000 findings).
		{name: "single_line_1mb_text_output", setup: writeLongLine("line.txt", 1<<20), args: []string{"line.txt"}, text: true, large: true,
			code: ExitFindings, at: map[string][]string{"line.txt": {"3:32", "3:78", "3:1027136"}}},
		{name: "many_anonymous_sources", setup: writeRepeated("anon.txt", "Marwick bus cuts\n\n", "A source close to the talks said the route would close.\n\n", 256<<10),
			args: []string{"anon.txt"}, large: true, code: ExitFindings, at: map[string][]string{"anon.txt": {"3:1"}}},
		{name: "nested_html_100k", setup: writeFile("deep.html", "<h1>Marwick</h1>"+strings.Repeat("<div>", 100000)+"<p>The 14 route is said to be losing money.</p>"+strings.Repeat("</div>", 100000)),
			args: []string{"deep.html"}, code: ExitFindings, at: map[string][]string{"deep.html": {"1:500033"}}},
		{name: "nested_markdown", setup: writeFile("deep.md", "# Marwick\n\n"+strings.Repeat(">", 10000)+" quoted\n\n"+strings.Repeat("- ", 10000)+"item\n\n"+strings.Repeat("[", 10000)+"x"+strings.Repeat("]", 10000)+"\n"),
			args: []string{"deep.md"}, code: ExitFindings},
		{name: "unclosed_markdown", files: map[string]string{"open.md": "# Marwick *bus [cuts\n\nThe 14 route is said to be **losing `money [here](http://example.invalid/\n\n> quoted *open\n\n<div>\n<p>unclosed\n\n<!-- never closed\n\n```\nfence never closes\n"},
			args: []string{"open.md"}, code: ExitFindings, at: map[string][]string{"open.md": {"3:14"}}},
		{name: "unclosed_quotes", files: map[string]string{"quotes.txt": "Marwick bus cuts\n\n“The route is dead, she said.\n\n‘Another quote that never closes.\n\nThe 14 route is said to be losing money.\n"},
			args: []string{"quotes.txt"}, code: ExitFindings},
		{name: "symlink_loop", files: map[string]string{"drafts/a.md": goodDraft, "drafts/loop": "->.", "drafts/up": "->..", "drafts/sub/back": "->../.."},
			args: []string{"drafts"}, code: ExitFindings, at: map[string][]string{filepath.Join("drafts", "a.md"): {"3:14", "5:1"}}},
		{name: "symlink_loop_file", files: map[string]string{"drafts/a.md": "->b.md", "drafts/b.md": "->a.md"},
			args: []string{"drafts"}, code: ExitError, errs: map[string]string{
				filepath.Join("drafts", "a.md"): "too many levels of symbolic links",
				filepath.Join("drafts", "b.md"): "too many levels of symbolic links",
			}},
		{name: "broken_symlink", files: map[string]string{"drafts/gone.md": "->nowhere.md"},
			args: []string{"drafts"}, code: ExitError, errs: map[string]string{filepath.Join("drafts", "gone.md"): "no such file or directory"}},
		{name: "unreadable", files: map[string]string{"secret.md": goodDraft}, setup: chmod("secret.md", 0), unreadable: "secret.md",
			args: []string{"secret.md"}, code: ExitError, errs: map[string]string{"secret.md": "permission denied"}},
		{name: "missing_path", args: []string{"nosuch.md", "nodir/"},
			code: ExitError, errs: map[string]string{"nosuch.md": "no such file or directory", "nodir": "no such file or directory"}},
		{name: "directory_without_drafts", files: map[string]string{"notes/minutes.docx": "x", "notes/.hidden.md": goodDraft}, setup: mkdir("empty"),
			args: []string{"notes", "empty"}, code: ExitError,
			stderr: []string{"copydesk check: no drafts found in notes (extensions", "copydesk check: no drafts found in empty (extensions"}},
		{name: "config_not_toml", files: map[string]string{"bad/.copydesk.toml": "Marwick desk notes\n= [[ not toml\n", "bad/x.md": goodDraft},
			args: []string{"bad/x.md"}, code: ExitError, stderr: []string{filepath.Join("bad", ".copydesk.toml") + ":1: invalid TOML"},
			errs: map[string]string{filepath.Join("bad", "x.md"): "not linted: " + filepath.Join("bad", ".copydesk.toml") + ":1: invalid TOML"}},
		{name: "config_unknown_key", files: map[string]string{"bad/.copydesk.toml": "fail-on = \"warning\"\n[rule.mojibake]\nseverty = \"info\"\n", "bad/x.md": goodDraft},
			args: []string{"bad/x.md"}, code: ExitError, stderr: []string{filepath.Join("bad", ".copydesk.toml") + ":3: rule.mojibake.severty: unknown key (did you mean \"severity\"?)"},
			errs: map[string]string{filepath.Join("bad", "x.md"): "not linted: " + filepath.Join("bad", ".copydesk.toml") + ":3: rule.mojibake.severty: unknown key"}},
		// An unknown key does not hide an unknown rule or option: every
		// problem of the file at once, sorted by line.
		{name: "config_all_problems", files: map[string]string{"bad/.copydesk.toml": "[rule.mojibake]\nseverty = \"info\"\n[rule.hedged-headlines]\nenabled = false\n[rule.glued-words.options]\nmin-len = 3\n", "bad/x.md": goodDraft},
			args: []string{"bad/x.md"}, code: ExitError, stderr: []string{
				filepath.Join("bad", ".copydesk.toml") + ":2: rule.mojibake.severty: unknown key (did you mean \"severity\"?)\n" +
					filepath.Join("bad", ".copydesk.toml") + ":3: [rule.hedged-headlines]: unknown rule \"hedged-headlines\" (did you mean \"hedged-headline\"?)\n" +
					filepath.Join("bad", ".copydesk.toml") + ":6: rule.glued-words.options: unknown option \"min-len\" for rule glued-words"},
			errs: map[string]string{filepath.Join("bad", "x.md"): "not linted: " + filepath.Join("bad", ".copydesk.toml") + ":2: rule.mojibake.severty: unknown key (did you mean \"severity\"?); "}},
		{name: "config_unknown_rule", files: map[string]string{"bad/.copydesk.toml": "[rule.unatributed-claim]\nenabled = false\n", "bad/x.md": goodDraft},
			args: []string{"bad/x.md"}, code: ExitError, stderr: []string{filepath.Join("bad", ".copydesk.toml") + ":1:", "did you mean \"unattributed-claim\"?"},
			errs: map[string]string{filepath.Join("bad", "x.md"): "not linted: " + filepath.Join("bad", ".copydesk.toml") + ":1:"}},
		{name: "config_bad_value", files: map[string]string{"bad/.copydesk.toml": "fail-on = \"sometimes\"\n", "bad/x.md": goodDraft},
			args: []string{"bad/x.md"}, code: ExitError, stderr: []string{filepath.Join("bad", ".copydesk.toml") + ":1:"},
			errs: map[string]string{filepath.Join("bad", "x.md"): "not linted: " + filepath.Join("bad", ".copydesk.toml") + ":1:"}},
		{name: "pack_nested_quantifier", files: map[string]string{
			"sub/.copydesk.toml": "packs = [\"slow.toml\"]\n",
			"sub/slow.toml":      "pack = \"slow\"\n[[rule]]\nid = \"nested\"\nkind = \"pattern\"\nsummary = \"Nested quantifier\"\nmessage = \"Run of a\"\npattern = '(a+)+$'\n",
		}, setup: writeFile("sub/a.txt", "Marwick\n\n"+strings.Repeat("a", 100000)+"\n"),
			args: []string{"sub/a.txt"}, code: ExitFindings, at: map[string][]string{filepath.Join("sub", "a.txt"): {"3:1"}}},
		{name: "pack_empty_pattern", files: map[string]string{
			"sub/.copydesk.toml": "packs = [\"empty.toml\"]\n",
			"sub/empty.toml":     "pack = \"e\"\n[[rule]]\nid = \"empty\"\nkind = \"pattern\"\nsummary = \"Empty pattern\"\nmessage = \"m\"\npattern = ''\n",
			"sub/a.md":           goodDraft,
		}, args: []string{"sub/a.md"}, code: ExitError, stderr: []string{filepath.Join("sub", "empty.toml") + ":7: rule empty: empty pattern"},
			errs: map[string]string{filepath.Join("sub", "a.md"): "not linted: " + filepath.Join("sub", "empty.toml") + ":7: rule empty: empty pattern"}},
		{name: "pack_not_toml", files: map[string]string{"sub/.copydesk.toml": "packs = [\"house.toml\"]\n", "sub/house.toml": "pack = house style\n", "sub/a.md": goodDraft},
			args: []string{"sub/a.md"}, code: ExitError, stderr: []string{filepath.Join("sub", "house.toml") + ":1:"}},
		{name: "pack_missing", files: map[string]string{"sub/.copydesk.toml": "packs = [\"nosuch.toml\"]\n", "sub/a.md": goodDraft},
			args: []string{"sub/a.md"}, code: ExitError, stderr: []string{"nosuch.toml"}},
		{name: "plugin_hangs", files: map[string]string{"plugin.sh": pluginScript, "sub/.copydesk.toml": pluginConfig("hang"), "sub/a.md": goodDraft},
			args: []string{"sub/a.md"}, code: ExitError,
			errs: map[string]string{filepath.Join("sub", "a.md"): "plugin fake: no answer to check within 1s; process killed"},
			at:   map[string][]string{filepath.Join("sub", "a.md"): {"3:14", "5:1"}}},
		{name: "plugin_floods_stdout", files: map[string]string{"plugin.sh": pluginScript, "sub/.copydesk.toml": pluginConfig("flood"), "sub/a.md": goodDraft},
			args: []string{"sub/a.md"}, code: ExitError,
			errs: map[string]string{filepath.Join("sub", "a.md"): "plugin fake: answer to check longer than"},
			at:   map[string][]string{filepath.Join("sub", "a.md"): {"3:14", "5:1"}}},
		{name: "plugin_invalid_json", files: map[string]string{"plugin.sh": pluginScript, "sub/.copydesk.toml": pluginConfig("badjson"), "sub/a.md": goodDraft},
			args: []string{"sub/a.md"}, code: ExitError,
			errs: map[string]string{filepath.Join("sub", "a.md"): "plugin fake: invalid JSON answer to check"},
			at:   map[string][]string{filepath.Join("sub", "a.md"): {"3:14", "5:1"}}},
		{name: "plugin_exits_nonzero", files: map[string]string{"plugin.sh": pluginScript, "sub/.copydesk.toml": pluginConfig("exit"), "sub/a.md": goodDraft},
			args: []string{"sub/a.md"}, code: ExitError,
			errs: map[string]string{filepath.Join("sub", "a.md"): "exited with exit status 3 before answering check; stderr: fake plugin: lexicon file missing"},
			at:   map[string][]string{filepath.Join("sub", "a.md"): {"3:14", "5:1"}}},
		{name: "plugin_missing_command", files: map[string]string{"sub/.copydesk.toml": "[plugin.fake]\ncommand = [\"/nonexistent/copydesk-plugin\"]\n", "sub/a.md": goodDraft},
			args: []string{"sub/a.md"}, code: ExitError,
			stderr: []string{filepath.Join("sub", ".copydesk.toml") + ":1: plugin fake: cannot start /nonexistent/copydesk-plugin"}},
	}
}

// jsonReport is the part of the JSON output the hostile rows check.
type jsonReport struct {
	Files []struct {
		Path     string `json:"path"`
		Findings []struct {
			Rule   string `json:"rule"`
			Line   int    `json:"line"`
			Column int    `json:"column"`
		} `json:"findings"`
		Error *string `json:"error"`
	} `json:"files"`
}

func TestHostileInput(t *testing.T) {
	reg := rules.Registry()
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			if tc.known != "" && os.Getenv("COPYDESK_HOSTILE_ALL") == "" {
				t.Skipf("known bug, not fixed yet (set COPYDESK_HOSTILE_ALL=1 to run): %s", tc.known)
			}
			if tc.large && testing.Short() {
				t.Skip("large input; skipped with -short")
			}
			dir := t.TempDir()
			setupFiles(t, dir, tc.files)
			if err := os.WriteFile(filepath.Join(dir, "good.md"), []byte(goodDraft), 0o644); err != nil {
				t.Fatal(err)
			}
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			t.Chdir(dir)
			if tc.unreadable != "" {
				if _, err := os.ReadFile(tc.unreadable); err == nil {
					t.Logf("%s is readable (running as root?): expecting its findings, not an error", tc.unreadable)
					tc.code, tc.errs, tc.at = ExitFindings, nil, map[string][]string{tc.unreadable: {"3:14", "5:1"}}
				}
			}
			t.Setenv("NO_COLOR", "1")
			args := []string{"check", "-j", "2"}
			if !tc.text {
				args = append(args, "--format", "json")
			}
			args = append(append(args, tc.args...), "good.md")
			var out, errb bytes.Buffer
			start := time.Now()
			code := Main(reg, args, strings.NewReader(""), &out, &errb)
			t.Logf("%s: %v, %d bytes of output", tc.name, time.Since(start).Round(time.Millisecond), out.Len())
			if strings.Contains(errb.String(), "panic") || strings.Contains(errb.String(), "internal error") ||
				strings.Contains(out.String(), "panicked") {
				t.Fatalf("panic:\nstdout: %.2000s\nstderr: %.2000s", out.String(), errb.String())
			}
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstderr: %.2000s\nstdout: %.2000s", code, tc.code, errb.String(), out.String())
			}
			for _, want := range tc.stderr {
				if !strings.Contains(errb.String(), want) {
					t.Errorf("stderr lacks %q:\n%.2000s", want, errb.String())
				}
			}
			if tc.text {
				checkHostileText(t, tc, out.String())
				return
			}
			checkHostileJSON(t, tc, out.Bytes())
		})
	}
}

func checkHostileJSON(t *testing.T, tc hostileCase, out []byte) {
	t.Helper()
	var rep jsonReport
	if err := json.Unmarshal(out, &rep); err != nil {
		t.Fatalf("output is not JSON: %v\n%.2000s", err, out)
	}
	byPath := map[string]int{}
	for i, f := range rep.Files {
		byPath[f.Path] = i
	}
	// The other file of the run still gets its results.
	tc.at = withGood(tc.at)
	for path, want := range tc.errs {
		i, ok := byPath[path]
		switch {
		case !ok:
			t.Errorf("%s not listed in the output", path)
		case rep.Files[i].Error == nil:
			t.Errorf("%s: no error, want one containing %q", path, want)
		case !strings.Contains(*rep.Files[i].Error, want):
			t.Errorf("%s: error %q, want it to contain %q", path, *rep.Files[i].Error, want)
		case strings.Contains(*rep.Files[i].Error, path):
			t.Errorf("%s: error %q names the file again", path, *rep.Files[i].Error)
		}
	}
	for path, wants := range tc.at {
		i, ok := byPath[path]
		if !ok {
			t.Errorf("%s not listed in the output", path)
			continue
		}
		got := map[string]bool{}
		var list []string
		for _, f := range rep.Files[i].Findings {
			k := fmt.Sprintf("%d:%d", f.Line, f.Column)
			got[k] = true
			if len(list) < 20 {
				list = append(list, k+" "+f.Rule)
			}
		}
		for _, w := range wants {
			if !got[w] {
				t.Errorf("%s: no finding at %s; got %v", path, w, list)
			}
		}
		if _, wantErr := tc.errs[path]; !wantErr && rep.Files[i].Error != nil {
			t.Errorf("%s: unexpected error %q", path, *rep.Files[i].Error)
		}
	}
	for _, path := range tc.clean {
		i, ok := byPath[path]
		switch {
		case !ok:
			t.Errorf("%s not listed in the output", path)
		case rep.Files[i].Error != nil || len(rep.Files[i].Findings) > 0:
			t.Errorf("%s: want no error and no finding, got error %v and %d findings", path, rep.Files[i].Error, len(rep.Files[i].Findings))
		}
	}
}

// maxTextLine is the widest line text output may print for a finding
// (excerpts and fix views are cut to a window around the span).
const maxTextLine = 300

func checkHostileText(t *testing.T, tc hostileCase, out string) {
	t.Helper()
	for path, wants := range withGood(tc.at) {
		for _, w := range wants {
			if !strings.Contains(out, path+":"+w+": ") {
				t.Errorf("text output lacks a finding at %s:%s", path, w)
			}
		}
	}
	for i, line := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(line); n > maxTextLine {
			t.Errorf("output line %d has %d characters, want at most %d: %.300s…", i+1, n, maxTextLine, line)
			break
		}
	}
}

func withGood(at map[string][]string) map[string][]string {
	out := map[string][]string{"good.md": {"3:14", "5:1"}}
	for k, v := range at {
		out[k] = v
	}
	return out
}

func writeFile(name, content string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func chmod(name string, mode os.FileMode) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		p := filepath.Join(dir, name)
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(p, 0o644) })
	}
}

func mkdir(name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		if err := os.MkdirAll(filepath.Join(dir, name), 0o755); err != nil {
			t.Fatal(err)
		}
	}
}

// writeLongLine writes a draft whose body is one line of n bytes with an
// unattributed claim at column 26 and more every ~110 bytes.
func writeLongLine(name string, n int) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		unit := "Ruth Okafor said so. The route is said to be losing money. Read more. The cafÃ© on Hale Street. "
		var b strings.Builder
		b.WriteString("Marwick bus cuts\n\n")
		for b.Len() < n {
			b.WriteString(unit)
		}
		writeFile(name, b.String()[:n])(t, dir)
	}
}

// writeRepeated writes head and then unit until the draft has n bytes.
func writeRepeated(name, head, unit string, n int) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		var b strings.Builder
		b.WriteString(head)
		for b.Len() < n {
			b.WriteString(unit)
		}
		writeFile(name, b.String())(t, dir)
	}
}

// largeDraftSize is the size of the draft_50mb row: 50 MB, or 2 MB under
// the race detector, which is ten times slower.
func largeDraftSize() int {
	if raceEnabled {
		return 2 << 20
	}
	return 50 << 20
}

// writeLargeDraft writes a draft of largeDraftSize bytes: named sources,
// a debris line on line 5 and every thousand paragraphs.
func writeLargeDraft(name string) func(*testing.T, string) {
	return func(t *testing.T, dir string) {
		paras := []string{
			"Marwick council met on Monday to discuss the 14 bus route, Ruth Okafor said.",
			"The café on Hale Street will stay open until June, Tom Hale said.",
			"Priya Nandra, who chairs the transport committee, said a decision would come in the spring.",
			"The route is losing money, Ana Ruiz said on Tuesday.",
			"Kelbridge and Dunmere will share the cost, the council said in a statement.",
		}
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		w := &countWriter{w: f}
		_, _ = io.WriteString(w, "Marwick bus route could close\n\nThe 14 route runs every hour, Ruth Okafor said.\n\nRead more\n\n")
		for i := 0; w.n < largeDraftSize(); i++ {
			if i%1000 == 999 {
				_, _ = io.WriteString(w, "Read more\n\n") // write errors surface at f.Close
				continue
			}
			fmt.Fprintf(w, "%s %s\n\n", paras[i%5], paras[(i*3+1)%5])
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

type countWriter struct {
	w io.Writer
	n int
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += n
	return n, err
}
