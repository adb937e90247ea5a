package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/rules"
)

// runIn runs Main in dir (already holding the files) with the built-in
// rules.
func runIn(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	t.Chdir(dir)
	t.Setenv("NO_COLOR", "")
	var out, errb bytes.Buffer
	code = Main(rules.Registry(), args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func newDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil { // stop config discovery here
		t.Fatal(err)
	}
	setupFiles(t, dir, files)
	return dir
}

const directiveDraft = `# Marwick budget vote delayed

<!-- copydesk-ignore unattributed-claim: the leader's mood is reported by Tom Hale below -->
The council leader is said to be furious about the delay.

Cllr Tom Hale said the leader had told him she was furious.

<!-- copydesk-ignore glued-words: stale -->
Ruth Okafor chaired the meeting.
`

func TestDirectivesCLI(t *testing.T) {
	dir := newDir(t, map[string]string{"a.md": directiveDraft})
	tests := []struct {
		name     string
		args     []string
		code     int
		contains []string
		absent   []string
	}{
		{"default", []string{"check", "a.md"}, ExitFindings,
			[]string{"a.md:8:1: warning: unused copydesk-ignore: glued-words found nothing in the next block", "; 1 suppressed"},
			[]string{"is said to"}},
		{"show suppressed", []string{"check", "--show-suppressed", "a.md"}, ExitFindings,
			[]string{"a.md:4:20: suppressed warning:", "suppressed by directive: the leader's mood is reported by Tom Hale below"}, nil},
		{"no-suppress: everything, nothing unused", []string{"check", "--no-suppress", "a.md"}, ExitFindings,
			[]string{`"is said to"`, "1 finding "}, []string{"unused", "suppressed"}},
		{"suppression off", []string{"check", "--ignore", "suppression", "a.md"}, ExitOK,
			[]string{"No findings in 1 file; 1 suppressed"}, []string{"unused"}},
		{"rule not run: not unused", []string{"check", "--select", "unattributed-claim,suppression", "a.md"}, ExitOK,
			[]string{"No findings in 1 file; 1 suppressed"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := runIn(t, dir, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.code, out, errs)
			}
			for _, s := range tt.contains {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q:\n%s", s, out)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(out, s) {
					t.Errorf("output has %q:\n%s", s, out)
				}
			}
		})
	}
}

const plainDraft = `Marwick budget vote delayed

The council leader is said to be furious about the delay.
`

const ignoreConfig = `[[ignore]]
files = ["letters/*.txt"]
rule = "unattributed-claim"
text = "is said to"
reason = "readers' letters are printed as sent"

[[ignore]]
rule = ["hedged-headline", "glued-words"]
reason = "left from an old headline"
`

func TestConfigIgnores(t *testing.T) {
	dir := newDir(t, map[string]string{
		".copydesk.toml":    ignoreConfig,
		"letters/a.txt":     plainDraft,
		"news/b.txt":        plainDraft,
		"letters/moved.txt": strings.Replace(plainDraft, "The council", "Ruth Okafor wrote to the Courier on Monday.\n\nThe council", 1),
	})
	out, errs, code := runIn(t, dir, "check", "--format", "json", ".")
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	var rep struct {
		Files []struct {
			Path       string
			Findings   []struct{ Rule string }
			Suppressed []struct {
				Rule, Kind, Reason string
				Line               int
			}
		}
		Summary struct{ Findings, Suppressed int }
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Files {
		letters := strings.HasPrefix(f.Path, "letters/")
		if letters && (len(f.Findings) != 0 || len(f.Suppressed) != 1 || f.Suppressed[0].Kind != "external" ||
			f.Suppressed[0].Reason != "readers' letters are printed as sent") {
			t.Errorf("%s: findings %v, suppressed %+v", f.Path, f.Findings, f.Suppressed)
		}
		if !letters && (len(f.Findings) != 1 || len(f.Suppressed) != 0) {
			t.Errorf("%s: findings %v, suppressed %+v; want the finding reported", f.Path, f.Findings, f.Suppressed)
		}
		if f.Path == "letters/moved.txt" && f.Suppressed[0].Line != 5 {
			t.Errorf("moved finding at line %d", f.Suppressed[0].Line)
		}
	}
	if rep.Summary.Suppressed != 2 || rep.Summary.Findings != 1 {
		t.Errorf("summary %+v", rep.Summary)
	}
	want := ".copydesk.toml:7: info: unused [[ignore]] entry: hedged-headline, glued-words silenced nothing in this run; remove it [suppression]\n"
	if errs != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", errs, want)
	}
	// The unused entry is noted only when one of its rules ran, and not
	// with the suppression rule off or --no-suppress.
	for _, args := range [][]string{
		{"check", "--select", "unattributed-claim,suppression", "."},
		{"check", "--ignore", "suppression", "."},
		{"check", "--no-suppress", "."},
	} {
		_, errs, _ := runIn(t, dir, args...)
		if errs != "" {
			t.Errorf("%v: stderr %q", args, errs)
		}
	}
	if out, _, code := runIn(t, dir, "check", "--no-suppress", "letters/a.txt"); code != ExitFindings || !strings.Contains(out, "is said to") {
		t.Errorf("--no-suppress hides a config-ignored finding: exit %d\n%s", code, out)
	}
}

const baselineDraft = `# Marwick budget vote delayed

The council leader is said to be furious about the delay.

Two senior officers are believed to have resigned. Two senior officers are believed to have resigned.
`

func TestBaselineRoundTrip(t *testing.T) {
	dir := newDir(t, map[string]string{"drafts/a.md": baselineDraft, "drafts/b.txt": plainDraft})
	out, errs, code := runIn(t, dir, "check", "--write-baseline", "baseline.json", "drafts")
	if code != ExitOK || !strings.Contains(out, "No findings in 2 files; 4 suppressed (4 by the baseline)") {
		t.Fatalf("writing: exit %d\n%s%s", code, out, errs)
	}
	if errs != "copydesk: wrote the baseline baseline.json: 4 findings in 2 files\n" {
		t.Errorf("stderr %q", errs)
	}
	first, err := os.ReadFile(filepath.Join(dir, "baseline.json"))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, code := runIn(t, dir, "check", "-j", "1", "--write-baseline", "baseline.json", "drafts"); code != ExitOK {
		t.Fatal(code)
	}
	if again, _ := os.ReadFile(filepath.Join(dir, "baseline.json")); !bytes.Equal(first, again) {
		t.Errorf("baseline not deterministic:\n%s\n%s", first, again)
	}
	if bytes.Contains(first, []byte(`"line"`)) || !bytes.Contains(first, []byte(`"count":2`)) {
		t.Errorf("baseline:\n%s", first)
	}

	// Edit elsewhere: a paragraph above, a third identical finding, a new one.
	edited := strings.Replace(baselineDraft, "The council leader", "Ruth Okafor chaired the meeting.\n\nThe council leader", 1) +
		"\nTwo senior officers are believed to have resigned.\n\nThe contractor reportedly missed three deadlines.\n"
	setupFiles(t, dir, map[string]string{"drafts/a.md": edited})
	out, errs, code = runIn(t, dir, "check", "--baseline", "baseline.json", "drafts")
	if code != ExitFindings {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	if n := strings.Count(out, "[unattributed-claim]"); n != 2 || !strings.Contains(out, `"reportedly"`) ||
		!strings.Contains(out, "drafts/a.md:9:21:") || !strings.Contains(out, "2 findings") ||
		!strings.Contains(out, "; 4 suppressed (4 by the baseline)") {
		t.Errorf("only the new findings should be reported:\n%s", out)
	}
	if errs != "" {
		t.Errorf("stderr %q", errs)
	}

	// Fix b.txt's finding: the baseline notes it is gone, and shrinking
	// drops it without adding the new findings of a.md.
	setupFiles(t, dir, map[string]string{"drafts/b.txt": "Marwick vote\n\nThe vote was delayed, Ruth Okafor said.\n"})
	_, errs, _ = runIn(t, dir, "check", "--baseline", "baseline.json", "drafts")
	if !strings.Contains(errs, "1 finding in the baseline baseline.json no longer found") {
		t.Errorf("stderr %q", errs)
	}
	_, _, code = runIn(t, dir, "check", "--baseline", "baseline.json", "--write-baseline", "baseline.json", "drafts")
	if code != ExitFindings {
		t.Errorf("shrinking: exit %d, want 1 (new findings stay reported)", code)
	}
	shrunk, _ := os.ReadFile(filepath.Join(dir, "baseline.json"))
	if bytes.Contains(shrunk, []byte("b.txt")) || bytes.Contains(shrunk, []byte("reportedly")) || !bytes.Contains(shrunk, []byte(`"count":2`)) {
		t.Errorf("shrunk baseline:\n%s", shrunk)
	}
}

func TestSuppressUsageErrors(t *testing.T) {
	dir := newDir(t, map[string]string{"a.md": directiveDraft, "bad.json": "[1,2]"})
	for _, tt := range []struct {
		args []string
		msg  string
	}{
		{[]string{"check", "--fix", "--write-baseline", "b.json", "a.md"}, "cannot be combined with --fix"},
		{[]string{"check", "--no-suppress", "--write-baseline", "b.json", "a.md"}, "exclude each other"},
		{[]string{"check", "--baseline", "missing.json", "a.md"}, "baseline missing.json: no such file"},
		{[]string{"check", "--baseline", "bad.json", "a.md"}, "not a copydesk baseline"},
		{[]string{"check", "--write-baseline", "no/such/dir/b.json", "a.md"}, "baseline no/such/dir/b.json"},
	} {
		_, errs, code := runIn(t, dir, tt.args...)
		if code != ExitError || !strings.Contains(errs, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errs, tt.msg)
		}
	}
}

// TestFixSkipsSuppressed checks that --fix and --diff leave a suppressed
// finding's safe fix alone, and that pack rules are named in directives
// like built-in ones.
func TestFixSkipsSuppressed(t *testing.T) {
	pack, err := os.ReadFile(filepath.Join(repoRoot(t), "testdata", "packs", "house.toml"))
	if err != nil {
		t.Fatal(err)
	}
	draft := `# Marwick rates rise

<!-- copydesk-ignore house/per-cent: the council's table is quoted as published -->
Band D rises by 4.9 percent, the table says.

Band E rises by 5 percent.

<!-- copydesk-ignore house/per-cnt: typo -->
Ruth Okafor chaired the meeting.
`
	dir := newDir(t, map[string]string{".copydesk.toml": "packs = [\"house.toml\"]\n", "house.toml": string(pack), "a.md": draft})
	out, _, _ := runIn(t, dir, "check", "--diff", "a.md")
	if strings.Contains(out, "-Band D") || !strings.Contains(out, "+Band E rises by 5 per cent.") {
		t.Errorf("--diff:\n%s", out)
	}
	out, errs, _ := runIn(t, dir, "check", "--fix", "a.md")
	got, _ := os.ReadFile(filepath.Join(dir, "a.md"))
	if !strings.Contains(string(got), "4.9 percent, the table says") || !strings.Contains(string(got), "5 per cent.") {
		t.Errorf("--fix:\n%s\n%s%s", got, out, errs)
	}
	if !strings.Contains(out, `names unknown rule "house/per-cnt" (did you mean "house/per-cent"?)`) {
		t.Errorf("no did-you-mean for a pack rule:\n%s", out)
	}
}

// TestSuppressJSONGolden pins the JSON of a draft with every kind of
// suppression and the suppression rule's findings.
func TestSuppressJSONGolden(t *testing.T) {
	dir := newDir(t, map[string]string{
		".copydesk.toml": `[[ignore]]
rule = "unattributed-claim"
text = "is believed to"
reason = "attributed in the standfirst"
`,
		"a.md": directiveDraft + "\nThe treasurer is believed to have objected.\n\nThe contractor reportedly missed three deadlines.\n",
	})
	if _, _, code := runIn(t, dir, "check", "--write-baseline", "b.json", "a.md"); code != ExitOK {
		t.Fatal(code)
	}
	setupFiles(t, dir, map[string]string{"a.md": directiveDraft + "\nThe treasurer is believed to have objected.\n\nThe contractor reportedly missed three deadlines.\n\nCritics argue the plan suits the high street.\n"})
	out, errs, code := runIn(t, dir, "check", "--format", "json", "--baseline", "b.json", "a.md")
	got := out + "-- stderr --\n" + errs + "-- exit: " + string(rune('0'+code)) + " --\n"
	checkGolden(t, filepath.Join("testdata", "cli", "suppress_json.golden"), got)
}

// TestSuppressSARIF checks that SARIF carries every kind of suppression
// with a kind SARIF knows (a baseline is "external") and the reason.
func TestSuppressSARIF(t *testing.T) {
	dir := newDir(t, map[string]string{
		".copydesk.toml": "[[ignore]]\nrule = \"unattributed-claim\"\ntext = \"is believed to\"\nreason = \"attributed in the standfirst\"\n",
		"a.md":           directiveDraft + "\nThe treasurer is believed to have objected.\n\nThe contractor reportedly missed three deadlines.\n",
	})
	if _, _, code := runIn(t, dir, "check", "--write-baseline", "b.json", "a.md"); code != ExitOK {
		t.Fatal(code)
	}
	out, errs, code := runIn(t, dir, "check", "--format", "sarif", "--baseline", "b.json", "a.md")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID       string `json:"ruleId"`
				Suppressions []struct{ Kind, Justification string }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, r := range log.Runs[0].Results {
		if len(r.Suppressions) != 1 || r.Suppressions[0].Justification == "" {
			t.Errorf("result %s: suppressions %+v", r.RuleID, r.Suppressions)
			continue
		}
		kinds[r.Suppressions[0].Kind]++
	}
	if kinds["inSource"] != 1 || kinds["external"] != 3 || len(kinds) != 2 {
		t.Errorf("suppression kinds %v, want 1 inSource and 3 external (config ignore, two baselined)", kinds)
	}
}

// TestREADMESuppressFlags checks that the suppression flags are documented.
func TestREADMESuppressFlags(t *testing.T) {
	sec := readmeSection(t, "Commands and flags")
	fs := newFlagSet("check")
	defineCheckFlags(fs, &checkOptions{})
	for _, name := range []string{"no-suppress", "show-suppressed", "baseline", "write-baseline"} {
		if fs.Lookup(name) == nil {
			t.Errorf("check has no flag --%s", name)
		}
		if !strings.Contains(sec, "`--"+name) {
			t.Errorf("README does not document --%s", name)
		}
	}
	if !strings.Contains(readmeSection(t, "Suppressions and baselines"), "copydesk check --baseline") {
		t.Error("README does not describe the baseline workflow")
	}
}

// TestBaselineShrinkSubset checks that shrinking over some of the files
// keeps the other files' entries.
func TestBaselineShrinkSubset(t *testing.T) {
	dir := newDir(t, map[string]string{"a.txt": plainDraft, "b.txt": plainDraft})
	if _, _, code := runIn(t, dir, "check", "--write-baseline", "b.json", "."); code != ExitOK {
		t.Fatal(code)
	}
	setupFiles(t, dir, map[string]string{"a.txt": "Marwick vote\n\nThe vote was delayed, Ruth Okafor said.\n"})
	_, errs, code := runIn(t, dir, "check", "--baseline", "b.json", "--write-baseline", "b.json", "a.txt")
	if code != ExitOK || errs != "copydesk: wrote the baseline b.json: 1 finding in 1 file\n" {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "b.json"))
	if bytes.Contains(data, []byte(`"a.txt"`)) || !bytes.Contains(data, []byte(`"b.txt"`)) {
		t.Errorf("baseline after shrinking a.txt:\n%s", data)
	}
	if out, _, code := runIn(t, dir, "check", "--baseline", "b.json", "."); code != ExitOK {
		t.Errorf("b.txt no longer baselined: exit %d\n%s", code, out)
	}
}
