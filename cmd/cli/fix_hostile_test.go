package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/lint/parse"
	"copydesk/rules"
)

// `copydesk check --fix` end to end with the built-in rules: line endings,
// byte order marks, a missing final newline and file modes survive; links
// stay links; a draft that cannot be written, or whose fixes do not
// converge, is left byte for byte as it was with an error naming it (exit
// 2) while the other drafts of the run are fixed. (Failures in the middle
// of a write — a failed rename, a killed process — are simulated in
// cmd/cli/internal/atomicfile, whose hooks this package cannot reach.)
func TestFixHostile(t *testing.T) {
	const debris = "Marwick bus cuts\n\nThe 14 route runs hourly, Ruth Okafor said.\n\nRead more\n"
	const debrisFixed = "Marwick bus cuts\n\nThe 14 route runs hourly, Ruth Okafor said.\n"
	cases := []struct {
		name, path, src string
		mode            os.FileMode
		want            string
	}{
		{"crlf keeps CRLF and the final newline", "crlf.md", strings.ReplaceAll(debris, "\n", "\r\n"), 0o640,
			strings.ReplaceAll(debrisFixed, "\n", "\r\n")},
		{"no final newline stays without", "nonl.txt", "Marwick bus cuts\n\nRead more\n\nThe cafÃ© will close, Tom Hale said.", 0o600,
			"Marwick bus cuts\n\nThe café will close, Tom Hale said."},
		{"BOM kept", "bom.html", "\uFEFF<h1>Marwick bus cuts</h1>\n<p>The cafÃ© will close, Tom Hale said.</p>\n<p>Read more</p>\n", 0o664,
			"\uFEFF<h1>Marwick bus cuts</h1>\n<p>The café will close, Tom Hale said.</p>\n"},
		{"lone CR", "cr.txt", strings.ReplaceAll(debris, "\n", "\r"), 0o644, strings.ReplaceAll(debrisFixed, "\n", "\r")},
		{"executable bit kept", "x.md", debris, 0o755, debrisFixed},
	}
	reg := rules.Registry()
	dir := t.TempDir()
	t.Chdir(dir)
	var paths []string
	for _, tc := range cases {
		if err := os.WriteFile(tc.path, []byte(tc.src), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(tc.path, tc.mode); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, tc.path)
	}
	// A link to a draft elsewhere: the target is fixed, the link stays.
	if err := os.Mkdir("real", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("real", "story.md"), []byte(debris), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join("real", "story.md"), "link.md"); err != nil {
		t.Fatal(err)
	}
	paths = append(paths, "link.md")

	var out, errb bytes.Buffer
	code := Main(reg, append([]string{"check", "--fix"}, paths...), nil, &out, &errb)
	if code != ExitOK {
		t.Errorf("exit %d, want 0\nstdout: %s\nstderr: %s", code, out.String(), errb.String())
	}
	for _, tc := range cases {
		got, err := os.ReadFile(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tc.want {
			t.Errorf("%s: fixed to %q, want %q", tc.name, got, tc.want)
		}
		if fi, _ := os.Stat(tc.path); fi.Mode().Perm() != tc.mode {
			t.Errorf("%s: mode %v after --fix, want %v", tc.name, fi.Mode().Perm(), tc.mode)
		}
	}
	if fi, err := os.Lstat("link.md"); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link.md is no longer a symbolic link (%v)", err)
	}
	if got, _ := os.ReadFile(filepath.Join("real", "story.md")); string(got) != debrisFixed {
		t.Errorf("link target fixed to %q", got)
	}
	if entries, _ := os.ReadDir("."); len(entries) != len(cases)+2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// TestFixLeavesDraftIntact: when a draft cannot be written, or its fixes do
// not converge, it is left exactly as it was and named in an error (exit
// 2), and the other draft of the run is still fixed.
func TestFixLeavesDraftIntact(t *testing.T) {
	const debris = "Marwick bus cuts\n\nThe 14 route runs hourly, Ruth Okafor said.\n\nRead more\n"
	const debrisFixed = "Marwick bus cuts\n\nThe 14 route runs hourly, Ruth Okafor said.\n"
	cases := []struct {
		name  string
		files map[string]string
		setup func(t *testing.T) // makes the bad draft unwritable
		bad   string             // the draft that must stay as it was
		want  string             // its error
	}{
		{name: "read-only file", files: map[string]string{"ro.md": debris},
			setup: func(t *testing.T) { chmod("ro.md", 0o444)(t, ".") },
			bad:   "ro.md", want: "ro.md: error: not fixed: file is read-only"},
		{name: "read-only directory", files: map[string]string{"locked/a.md": debris},
			setup: func(t *testing.T) {
				chmod("locked", 0o555)(t, ".")
				if f, err := os.CreateTemp("locked", "probe"); err == nil {
					f.Close()
					os.Remove(f.Name())
					t.Skip("the directory is writable all the same (running as root)")
				}
			},
			bad: filepath.Join("locked", "a.md"), want: "is not writable"},
		{name: "fixes that undo each other", files: map[string]string{
			"swap/.copydesk.toml": "packs = [\"swap.toml\"]\n",
			"swap/swap.toml": "pack = \"swap\"\n" +
				"[[rule]]\nid = \"a\"\nkind = \"substitution\"\nsummary = \"A\"\nmessage = \"{replacement}\"\nreplace = { \"route\" = \"line\" }\n" +
				"[[rule]]\nid = \"b\"\nkind = \"substitution\"\nsummary = \"B\"\nmessage = \"{replacement}\"\nreplace = { \"line\" = \"route\" }\n",
			"swap/a.md": debris,
		}, bad: filepath.Join("swap", "a.md"), want: "fixes did not converge"},
	}
	reg := rules.Registry()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			setupFiles(t, dir, tc.files)
			setupFiles(t, dir, map[string]string{"other.md": debris})
			t.Chdir(dir)
			if tc.setup != nil {
				tc.setup(t)
			}
			var out, errb bytes.Buffer
			code := Main(reg, []string{"check", "--fix", tc.bad, "other.md"}, nil, &out, &errb)
			if code != ExitError {
				t.Errorf("exit %d, want 2\nstdout: %s\nstderr: %s", code, out.String(), errb.String())
			}
			if !strings.Contains(out.String()+errb.String(), tc.want) {
				t.Errorf("no error %q\nstdout: %s\nstderr: %s", tc.want, out.String(), errb.String())
			}
			if got, _ := os.ReadFile(tc.bad); string(got) != debris {
				t.Errorf("%s changed: %q", tc.bad, got)
			}
			if got, _ := os.ReadFile("other.md"); string(got) != debrisFixed {
				t.Errorf("other.md not fixed: %q", got)
			}
			entries, _ := os.ReadDir(filepath.Dir(tc.bad))
			for _, e := range entries {
				if strings.Contains(e.Name(), ".copydesk-") {
					t.Errorf("temporary file left behind: %s", e.Name())
				}
			}
		})
	}
}

// TestFixKeepsTagsWhole: removing a debris line of an HTML draft must not
// cut a tag that spans lines, or the text after it vanishes into the tag
// (found by FuzzFixAllRules: `<A\n00>Ad \n000` lost "000").
func TestFixKeepsTagsWhole(t *testing.T) {
	const draft = "<h1>Marwick bus cuts</h1>\n<p><a\n href=\"x\">Advertisement\nThe council approved the budget on Monday, Ruth Okafor said.</a></p>\n"
	dir := t.TempDir()
	t.Chdir(dir)
	setupFiles(t, dir, map[string]string{"ad.html": draft})
	var out, errb bytes.Buffer
	Main(rules.Registry(), []string{"check", "--fix", "ad.html"}, nil, &out, &errb)
	got, err := os.ReadFile("ad.html")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Parse("ad.html", got)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Text, "The council approved the budget on Monday, Ruth Okafor said.") {
		t.Errorf("--fix lost the sentence: %q", got)
	}
}
