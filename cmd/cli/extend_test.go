package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// readRepoFile returns a file of the repository, for copying into a test
// directory.
func readRepoFile(t *testing.T, rel string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// jsonRules returns "rule@line" of each finding of a --format json report.
func jsonRules(t *testing.T, stdout string) (found []string, errs []string) {
	t.Helper()
	var doc struct {
		Files []struct {
			Findings []struct {
				Rule string
				Line int
			}
			Error *string
		}
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	for _, f := range doc.Files {
		for _, fd := range f.Findings {
			found = append(found, fd.Rule)
		}
		if f.Error != nil {
			errs = append(errs, *f.Error)
		}
	}
	return found, errs
}

func hasAll(list []string, want ...string) bool {
	for _, w := range want {
		if !contains(list, w) {
			return false
		}
	}
	return true
}

// TestPacksEndToEnd runs check, --fix, rules and rule with the example packs
// of testdata/packs: one named in the config, one in copydesk.d/.
func TestPacksEndToEnd(t *testing.T) {
	reg := testRegistry(t)
	files := map[string]string{
		".copydesk.toml":            "packs = [\"style/house.toml\"]\n\n[rule.\"house/jargon\"]\nseverity = \"warning\"\n",
		"style/house.toml":          readRepoFile(t, "testdata/packs/house.toml"),
		"copydesk.d/headlines.toml": readRepoFile(t, "testdata/packs/headlines.toml"),
		"news/a.md":                 "# Council slams tax rise\n\nCouncil tax in Marwick will rise by 4 percent in April. Going forward, stakeholders will be told.\n",
	}
	stdout, stderr, code := runCLI(t, reg, files, "", "check", "--format", "json", "news")
	found, errs := jsonRules(t, stdout)
	if code != ExitFindings || len(errs) > 0 || !hasAll(found, "house/per-cent", "house/jargon", "headlines/tabloid-verbs") {
		t.Fatalf("check: exit %d, found %q, errors %q\n%s", code, found, errs, stderr)
	}

	// --select takes a pack rule; --fix applies its substitution.
	var out, errb bytes.Buffer
	code = Main(reg, []string{"check", "--fix", "--select", "house/per-cent", "news/a.md"}, nil, &out, &errb)
	data, _ := os.ReadFile(filepath.Join("news", "a.md"))
	if code != ExitOK || !strings.Contains(string(data), "4 per cent in April") || !strings.Contains(errb.String(), "news/a.md:3:39: fixed: ") {
		t.Errorf("--fix: exit %d, file %q\n%s%s", code, data, out.String(), errb.String())
	}

	// rules lists the pack rules of the current directory's config.
	out.Reset()
	errb.Reset()
	if code := Main(reg, []string{"rules"}, nil, &out, &errb); code != ExitOK || !strings.Contains(out.String(), "house/per-cent") || !strings.Contains(out.String(), "headlines/shouting") {
		t.Errorf("rules: exit %d\n%s%s", code, out.String(), errb.String())
	}
	out.Reset()
	if code := Main(reg, []string{"rules", "--no-config"}, nil, &out, &errb); code != ExitOK || strings.Contains(out.String(), "house/") {
		t.Errorf("rules --no-config: exit %d\n%s", code, out.String())
	}
	out.Reset()
	if code := Main(reg, []string{"rules", "--markdown"}, nil, &out, &errb); code != ExitOK || !strings.Contains(out.String(), "| `house/per-cent` | warning | yes |") {
		t.Errorf("rules --markdown: exit %d\n%s", code, out.String())
	}
	out.Reset()
	if code := Main(reg, []string{"rule", "house/per-cent"}, nil, &out, &errb); code != ExitOK ||
		!strings.HasPrefix(out.String(), "house/per-cent: House style writes per cent, not percent\n") ||
		!strings.Contains(out.String(), "[rule.\"house/per-cent\".options]") && !strings.Contains(out.String(), "Options: none") {
		t.Errorf("rule house/per-cent: exit %d\n%s%s", code, out.String(), errb.String())
	}
	out.Reset()
	errb.Reset()
	if code := Main(reg, []string{"rule", "house/per-cnt"}, nil, &out, &errb); code != ExitError || !strings.Contains(errb.String(), `did you mean "house/per-cent"`) {
		t.Errorf("rule house/per-cnt: exit %d\n%s", code, errb.String())
	}

	// From another directory, --config names the configuration.
	if err := os.Chdir("news"); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if code := Main(reg, []string{"rules", "--config", "../.copydesk.toml"}, nil, &out, &errb); code != ExitOK || !strings.Contains(out.String(), "house/time-format") {
		t.Errorf("rules --config: exit %d\n%s", code, out.String())
	}
	out.Reset()
	errb.Reset()
	if code := Main(reg, []string{"rules", "--config", "nope.toml"}, nil, &out, &errb); code != ExitError || !strings.Contains(errb.String(), "nope.toml") {
		t.Errorf("rules --config nope.toml: exit %d\n%s", code, errb.String())
	}
}

// TestPackErrors: a broken pack is an error with its file and line, exit 2.
func TestPackErrors(t *testing.T) {
	reg := testRegistry(t)
	files := map[string]string{
		".copydesk.toml": "packs = [\"bad.toml\"]\n",
		"bad.toml":       "pack = \"bad\"\n\n[[rule]]\nid = \"x\"\nkind = \"patern\"\nsummary = \"s\"\nmessage = \"m\"\n",
		"a.md":           draftB,
	}
	_, stderr, code := runCLI(t, reg, files, "", "check", "a.md")
	if code != ExitError || !strings.Contains(stderr, "bad.toml:") {
		t.Errorf("check: exit %d\n%s", code, stderr)
	}
	var out, errb bytes.Buffer
	if code := Main(reg, []string{"rules"}, nil, &out, &errb); code != ExitError || !strings.Contains(errb.String(), "bad.toml:") {
		t.Errorf("rules: exit %d\n%s", code, errb.String())
	}
}

// pythonPath returns the Python 3 interpreter itself: a version manager's
// python3 shim can take seconds to start, once per plugin process.
func pythonPath(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not installed")
	}
	out, err := exec.Command("python3", "-c", "import sys; print(sys.executable)").Output()
	if p := strings.TrimSpace(string(out)); err == nil && p != "" {
		return p
	}
	return "python3"
}

const crashPlugin = `import json, sys
for line in sys.stdin:
    req = json.loads(line)
    if req.get("method") == "describe":
        print(json.dumps({"copydesk": 1, "rules": [{"id": "x", "summary": "Never answers a check"}]}), flush=True)
    else:
        sys.stderr.write("out of cheese\n")
        sys.exit(3)
`

// TestPluginEndToEnd runs the example plugin of testdata/plugins (python3)
// through the command line: its rules are reported, fixed, listed and
// documented; --no-plugins leaves it out; a crashing plugin is an error
// naming it, and the other rules' findings are kept.
func TestPluginEndToEnd(t *testing.T) {
	python := pythonPath(t)
	reg := testRegistry(t)
	files := map[string]string{
		".copydesk.toml":    "[plugin.newsdesk]\ncommand = [" + strconv.Quote(python) + ", \"tools/newsdesk.py\"]\ntimeout = \"20s\"\n\n[rule.\"newsdesk/relative-date\"]\nseverity = \"error\"\n",
		"tools/newsdesk.py": readRepoFile(t, "testdata/plugins/newsdesk.py"),
		"tools/crash.py":    crashPlugin,
		"drafts/vote.md":    "Vote due\n\nThe council votes tomorrow.  It is said to be close.\n",
		"drafts/fair.txt":   "Fair opens\n\nThe fair opened.  Crowds came.\n",
	}
	stdout, stderr, code := runCLI(t, reg, files, "", "check", "--format", "json", "drafts")
	found, errs := jsonRules(t, stdout)
	if code != ExitFindings || len(errs) > 0 || !hasAll(found, "newsdesk/relative-date", "newsdesk/double-space", "said-to") {
		t.Fatalf("check: exit %d, found %q, errors %q\n%s", code, found, errs, stderr)
	}

	var out, errb bytes.Buffer
	if code := Main(reg, []string{"check", "--no-plugins", "--format", "json", "drafts"}, nil, &out, &errb); code != ExitFindings {
		t.Errorf("--no-plugins: exit %d\n%s", code, errb.String())
	}
	if found, _ := jsonRules(t, out.String()); len(found) != 1 || found[0] != "said-to" {
		t.Errorf("--no-plugins found %q", found)
	}

	// The plugin's safe fix is applied by --fix.
	out.Reset()
	errb.Reset()
	Main(reg, []string{"check", "--fix", "drafts/fair.txt"}, nil, &out, &errb)
	if data, _ := os.ReadFile(filepath.Join("drafts", "fair.txt")); string(data) != "Fair opens\n\nThe fair opened. Crowds came.\n" {
		t.Errorf("--fix: %q\n%s", data, errb.String())
	}

	out.Reset()
	if code := Main(reg, []string{"rules"}, nil, &out, &errb); code != ExitOK || !strings.Contains(out.String(), "newsdesk/relative-date") {
		t.Errorf("rules: exit %d\n%s%s", code, out.String(), errb.String())
	}
	out.Reset()
	if code := Main(reg, []string{"rules", "--no-plugins"}, nil, &out, &errb); code != ExitOK || strings.Contains(out.String(), "newsdesk/") {
		t.Errorf("rules --no-plugins: exit %d\n%s", code, out.String())
	}
	out.Reset()
	if code := Main(reg, []string{"rule", "newsdesk/relative-date"}, nil, &out, &errb); code != ExitOK || !strings.Contains(out.String(), "Relative dates that go stale") {
		t.Errorf("rule newsdesk/relative-date: exit %d\n%s%s", code, out.String(), errb.String())
	}

	// A plugin that crashes on every check: an error naming it, exit 2,
	// the other rules' findings kept.
	cfg := files[".copydesk.toml"] + "\n[plugin.crashy]\ncommand = [" + strconv.Quote(python) + ", \"tools/crash.py\"]\n"
	if err := os.WriteFile(".copydesk.toml", []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	errb.Reset()
	code = Main(reg, []string{"check", "--format", "json", "drafts/vote.md"}, nil, &out, &errb)
	found, errs = jsonRules(t, out.String())
	if code != ExitError || !hasAll(found, "newsdesk/relative-date", "said-to") || len(errs) != 1 || !strings.Contains(errs[0], "plugin crashy") {
		t.Errorf("crashing plugin: exit %d, found %q, errors %q\n%s", code, found, errs, errb.String())
	}
	// --no-plugins is the way out.
	out.Reset()
	errb.Reset()
	if code := Main(reg, []string{"check", "--no-plugins", "drafts/vote.md"}, nil, &out, &errb); code != ExitFindings {
		t.Errorf("--no-plugins with a crashing plugin: exit %d\n%s", code, errb.String())
	}
}

// TestPackRulesDescribed: formats that describe the run's rules (SARIF)
// get the pack rules too.
func TestPackRulesDescribed(t *testing.T) {
	reg := testRegistry(t)
	files := map[string]string{
		".copydesk.toml": "packs = [\"house.toml\"]\n",
		"house.toml":     readRepoFile(t, "testdata/packs/house.toml"),
		"drafts/a.md":    "Rates rise\n\nCouncil tax will rise by 4 percent.\n",
	}
	stdout, stderr, code := runCLI(t, reg, files, "", "check", "--format", "sarif", "drafts")
	var doc struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string }
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex *int
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil || len(doc.Runs) != 1 {
		t.Fatalf("exit %d: %v\n%s%s", code, err, stdout, stderr)
	}
	var ids []string
	for _, r := range doc.Runs[0].Tool.Driver.Rules {
		ids = append(ids, r.ID)
	}
	if !hasAll(ids, "said-to", "house/per-cent", "house/jargon") {
		t.Errorf("rules described: %q", ids)
	}
	res := doc.Runs[0].Results
	if len(res) != 1 || res[0].RuleID != "house/per-cent" || res[0].RuleIndex == nil || ids[*res[0].RuleIndex] != "house/per-cent" {
		t.Errorf("results: %+v", res)
	}
}
