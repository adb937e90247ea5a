package external_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"copydesk/lint"
	"copydesk/lint/external"
	"copydesk/lint/parse"
)

// The test binary doubles as the plugin: with COPYDESK_TEST_PLUGIN set it
// runs fakePlugin instead of the tests (the os/exec helper-process idiom).
func TestMain(m *testing.M) {
	if mode := os.Getenv("COPYDESK_TEST_PLUGIN"); mode != "" {
		os.Exit(fakePlugin(mode))
	}
	os.Exit(m.Run())
}

// fakePlugin is a plugin whose misbehavior is chosen by mode.
func fakePlugin(mode string) int {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(nil, 64<<20)
	enc := json.NewEncoder(os.Stdout)
	send := func(v any) {
		if err := enc.Encode(v); err != nil {
			os.Exit(1)
		}
	}
	for in.Scan() {
		var req external.Request
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			fmt.Fprintln(os.Stderr, "bad request:", err)
			return 1
		}
		switch req.Method {
		case "describe":
			if mode == "crash-describe" {
				fmt.Fprintln(os.Stderr, "fake: lexicon file missing")
				return 3
			}
			version := external.Version
			if mode == "version" {
				version = 2
			}
			send(map[string]any{"copydesk": version, "future-field": true, "rules": []map[string]any{
				{"id": "shouty", "summary": "Exclamation marks in copy", "severity": "info"},
				{"id": "double-space", "summary": "Two spaces in a row", "fixable": true, "default": false},
			}})
			continue
		case "check":
		default:
			send(map[string]any{"id": req.ID, "unsupported": true})
			continue
		}
		text := req.Document.Text
		switch mode {
		case "hang":
			time.Sleep(time.Hour)
		case "flood":
			chunk := strings.Repeat("x", 1<<16)
			for {
				if _, err := os.Stdout.WriteString(chunk); err != nil {
					return 1
				}
			}
		case "badjson":
			fmt.Println(`{"id": 1, "findings": [`)
			continue
		case "crash":
			fmt.Fprintln(os.Stderr, "fake: segmentation fault in the lexicon")
			return 2
		case "crash-once":
			marker := os.Getenv("COPYDESK_TEST_MARKER")
			if _, err := os.Stat(marker); err != nil {
				if err := os.WriteFile(marker, nil, 0o644); err != nil {
					return 1
				}
				return 2
			}
		case "inband":
			send(map[string]any{"id": req.ID, "error": "document too long for the fact base"})
			continue
		case "wrong-id":
			req.ID += 7
		}
		var findings []map[string]any
		if i := strings.Index(text, "!"); i >= 0 {
			f := map[string]any{"rule": "shouty", "start": i, "end": i + 1, "match": "!", "message": "Exclamation mark", "extra": 1}
			switch mode {
			case "range":
				f["end"] = len(text) + 5
			case "rune":
				f["start"], f["end"] = 1, 2 // inside the two-byte “é” that starts the test text
				delete(f, "match")
			case "utf16":
				f["match"] = "?"
			case "unknown-rule":
				f["rule"] = "whisper"
			case "overlap":
				f["fix"] = map[string]any{"message": "x", "edits": []map[string]any{{"start": i, "end": i + 1, "new": "."}, {"start": i, "end": i + 1, "new": ";"}}}
			case "no-message":
				f["message"] = ""
			}
			findings = append(findings, f)
		}
		if i := strings.Index(text, "  "); i >= 0 {
			findings = append(findings, map[string]any{"rule": "fake/double-space", "start": i, "end": i + 2, "message": "Two spaces",
				"severity": "error", "related": []map[string]any{{"start": 0, "end": 2, "message": "start of text"}},
				"fix": map[string]any{"message": "Use one space", "safe": true, "edits": []map[string]any{{"start": i, "end": i + 2, "new": " "}}}})
		}
		send(map[string]any{"id": req.ID, "findings": findings})
	}
	return 0
}

func open(t *testing.T, mode string, timeout time.Duration, env ...string) (*external.Plugin, error) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	p, err := external.Open(external.Config{
		Name:      "fake",
		Command:   []string{exe},
		Env:       append([]string{"COPYDESK_TEST_PLUGIN=" + mode}, env...),
		Timeout:   timeout,
		MaxOutput: 1 << 20,
	})
	if p != nil {
		t.Cleanup(func() { p.Close() })
	}
	return p, err
}

const draft = "éclat at Marwick fair\n\nThe fair opened!  Crowds came.\n"

// check lints draft with all of the plugin's rules.
func check(t *testing.T, p *external.Plugin, path, src string) ([]lint.Finding, error) {
	t.Helper()
	doc, err := parse.Parse(path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var active []lint.Active
	for _, r := range p.Rules() {
		active = append(active, lint.Active{Rule: r, Severity: lint.Error})
	}
	return lint.CheckDocument(doc, active)
}

func TestDescribe(t *testing.T) {
	p, err := open(t, "good", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	var got []lint.Meta
	for _, r := range p.Rules() {
		got = append(got, r.Meta())
	}
	exe, _ := os.Executable()
	want := []lint.Meta{
		{ID: "fake/shouty", Summary: "Exclamation marks in copy", Severity: lint.Info, Default: true,
			Doc: "Exclamation marks in copy.\n\nProvided by the external plugin \"fake\" (" + exe + ")."},
		{ID: "fake/double-space", Summary: "Two spaces in a row", Severity: lint.Warning, Fixable: true,
			Doc: "Two spaces in a row.\n\nProvided by the external plugin \"fake\" (" + exe + ")."},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("meta:\n%+v\nwant\n%+v", got, want)
	}
	if _, err := lint.NewRegistry(p.Rules()...); err != nil {
		t.Errorf("registry: %v", err)
	}
}

func TestCheck(t *testing.T) {
	p, err := open(t, "good", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := check(t, p, "fair.txt", draft)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 {
		t.Fatalf("got %d findings, want 2: %+v", len(fs), fs)
	}
	shouty, space := fs[0], fs[1]
	if shouty.Rule != "fake/shouty" || draft[shouty.Source.Start:shouty.Source.End] != "!" || shouty.Fix != nil ||
		shouty.Severity != lint.Error || shouty.Start.Line != 3 || shouty.Start.Column != 16 {
		t.Errorf("shouty = %+v", shouty)
	}
	if space.Rule != "fake/double-space" || space.Fix == nil || !space.Fix.Safe || len(space.Related) != 1 {
		t.Fatalf("double-space = %+v", space)
	}
	fixed, _ := lint.ApplyFixes([]byte(draft), fs, false)
	if want := "éclat at Marwick fair\n\nThe fair opened! Crowds came.\n"; string(fixed) != want {
		t.Errorf("fixed = %q, want %q", fixed, want)
	}
	// The process is long-lived: a second document uses the same one.
	if _, err := check(t, p, "clean.txt", "Calm\n\nNothing here.\n"); err != nil {
		t.Fatal(err)
	}
}

func TestConcurrentChecks(t *testing.T) {
	p, err := open(t, "good", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			src := fmt.Sprintf("Draft %d\n\n%s!\n", i, strings.Repeat("word ", i))
			fs, err := check(t, p, "d.txt", src)
			if err != nil {
				errs <- err
				return
			}
			if len(fs) != 1 || src[fs[0].Source.Start:fs[0].Source.End] != "!" {
				errs <- fmt.Errorf("draft %d: findings %+v", i, fs)
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestMisbehaving checks that every kind of broken plugin is an error
// naming it, and that the other rules' findings survive.
func TestMisbehaving(t *testing.T) {
	tests := []struct {
		mode    string
		timeout time.Duration
		want    string
	}{
		{"hang", 300 * time.Millisecond, "plugin fake: no answer to check within 300ms; process killed"},
		{"flood", 5 * time.Second, "plugin fake: answer to check longer than 1048576 bytes; process killed"},
		{"badjson", 5 * time.Second, "plugin fake: invalid JSON answer to check"},
		{"crash", 5 * time.Second, "plugin fake: exited with exit status 2 before answering check; stderr: fake: segmentation fault in the lexicon"},
		{"inband", 5 * time.Second, "plugin fake: check failed: document too long for the fact base"},
		{"wrong-id", 5 * time.Second, "plugin fake: answer has id 8, want 1"},
		{"range", 5 * time.Second, `plugin fake: bad answer for fair.txt: finding 1 (rule "shouty"): span {BANG}:{END} ends beyond the text ({LEN} bytes)`},
		{"rune", 5 * time.Second, `finding 1 (rule "shouty"): span 1:2 cuts a UTF-8 character`},
		{"utf16", 5 * time.Second, `finding 1 (rule "shouty"): match "?" is not the text at {BANG}:{BANG1}, "!"`},
		{"unknown-rule", 5 * time.Second, `finding 1 (rule "whisper"): unknown rule`},
		{"overlap", 5 * time.Second, `finding 1 (rule "shouty"): fix edits 1 and 2 overlap`},
		{"no-message", 5 * time.Second, `finding 1 (rule "shouty"): empty message`},
	}
	for _, tt := range tests {
		t.Run(tt.mode, func(t *testing.T) {
			p, err := open(t, tt.mode, tt.timeout)
			if err != nil {
				t.Fatal(err)
			}
			other := otherRule{}
			doc, err := parse.Parse("fair.txt", []byte(draft))
			if err != nil {
				t.Fatal(err)
			}
			active := []lint.Active{{Rule: other, Severity: lint.Warning}}
			for _, r := range p.Rules() {
				active = append(active, lint.Active{Rule: r, Severity: lint.Warning})
			}
			start := time.Now()
			fs, err := lint.CheckDocument(doc, active)
			want := strings.NewReplacer("{END}", fmt.Sprint(len(doc.Text)+5), "{LEN}", fmt.Sprint(len(doc.Text)),
				"{BANG}", fmt.Sprint(strings.Index(doc.Text, "!")), "{BANG1}", fmt.Sprint(strings.Index(doc.Text, "!")+1)).Replace(tt.want)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("err = %v\nwant it to contain %q", err, want)
			}
			if n := strings.Count(err.Error(), "plugin fake"); n != 1 {
				t.Errorf("error reported %d times, want once: %v", n, err)
			}
			if !strings.HasPrefix(err.Error(), "fair.txt: rule fake/") {
				t.Errorf("error does not name file and rule: %v", err)
			}
			if len(fs) != 1 || fs[0].Rule != "other" {
				t.Errorf("other rules' findings lost: %+v", fs)
			}
			if d := time.Since(start); d > 4*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
}

// otherRule stands for the built-in rules running next to a plugin.
type otherRule struct{}

func (otherRule) Meta() lint.Meta {
	return lint.Meta{ID: "other", Summary: "s", Doc: "d", Severity: lint.Warning}
}
func (otherRule) Check(p *lint.Pass) error {
	p.Reportf(lint.Span{Start: 0, End: 1}, "other finding")
	return nil
}

func TestOpenErrors(t *testing.T) {
	exe, _ := os.Executable()
	tests := []struct {
		name string
		cfg  external.Config
		want string
	}{
		{"bad name", external.Config{Name: "Fact Check", Command: []string{exe}}, `plugin "Fact Check": name must be kebab-case`},
		{"no command", external.Config{Name: "x"}, "plugin x: empty command"},
		{"missing program", external.Config{Name: "x", Command: []string{"/no/such/plugin"}}, "plugin x: cannot start /no/such/plugin"},
		{"crash on describe", external.Config{Name: "x", Command: []string{exe}, Env: []string{"COPYDESK_TEST_PLUGIN=crash-describe"}},
			"plugin x: exited with exit status 3 before answering describe; stderr: fake: lexicon file missing"},
		{"version", external.Config{Name: "x", Command: []string{exe}, Env: []string{"COPYDESK_TEST_PLUGIN=version"}},
			"plugin x: speaks protocol version 2, copydesk speaks 1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := external.Open(tt.cfg)
			if err == nil {
				p.Close()
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v\nwant %q", err, tt.want)
			}
		})
	}
}

// TestRestart: a plugin that dies is restarted on the next request, and
// given up after MaxFailures deaths.
func TestRestart(t *testing.T) {
	marker := filepath.Join(t.TempDir(), "crashed")
	p, err := open(t, "crash-once", 5*time.Second, "COPYDESK_TEST_MARKER="+marker)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := check(t, p, "a.txt", draft); err == nil {
		t.Fatal("first check: no error")
	}
	fs, err := check(t, p, "b.txt", draft)
	if err != nil || len(fs) != 2 {
		t.Fatalf("after restart: %d findings, err %v", len(fs), err)
	}

	p2, err := open(t, "crash", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < external.MaxFailures; i++ {
		if _, err := check(t, p2, "a.txt", draft); err == nil {
			t.Fatal("crashing plugin: no error")
		}
	}
	_, err = check(t, p2, "a.txt", draft)
	if err == nil || !strings.Contains(err.Error(), "plugin fake: stopped after 3 failures; last: plugin fake: exited") {
		t.Errorf("err = %v", err)
	}
}

func TestUnsupportedAndClose(t *testing.T) {
	p, err := open(t, "good", 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	p.Close()
	p.Close()
	if _, err := check(t, p, "a.txt", draft); err == nil || !strings.Contains(err.Error(), "plugin fake: closed") {
		t.Errorf("check after close: %v", err)
	}
}

// TestClosedHungPlugin: Close does not wait for a plugin that ignores EOF.
func TestCloseKillsHungPlugin(t *testing.T) {
	p, err := open(t, "hang", 200*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	p.Close()
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("Close took %s", d)
	}
}

// TestExamplePlugin runs the documented example plugin from
// testdata/plugins with python3.
func TestExamplePlugin(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	p, err := external.Open(external.Config{
		Name:    "newsdesk",
		Command: []string{py, "newsdesk.py"},
		Dir:     "../../testdata/plugins",
		Timeout: 10 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var ids []string
	for _, r := range p.Rules() {
		ids = append(ids, r.Meta().ID)
	}
	if got := strings.Join(ids, " "); got != "newsdesk/relative-date newsdesk/double-space" {
		t.Fatalf("rules = %s", got)
	}
	src := "# Café vote tomorrow\n\nThe Dunmere café vote is *tomorrow*.  Ana Ruiz said “we decide today”.\n"
	fs, err := check(t, p, "vote.md", src)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range fs {
		got = append(got, f.Rule+" "+src[f.Source.Start:f.Source.End])
	}
	want := []string{"newsdesk/relative-date tomorrow", "newsdesk/relative-date tomorrow", "newsdesk/double-space   "}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("findings = %q, want %q", got, want)
	}
	fixed, _ := lint.ApplyFixes([]byte(src), fs, false)
	if want := "# Café vote tomorrow\n\nThe Dunmere café vote is *tomorrow*. Ana Ruiz said “we decide today”.\n"; string(fixed) != want {
		t.Errorf("fixed = %q", fixed)
	}
	if err := checkExamples(p.Rules()); err != nil {
		t.Error(err)
	}
}

// checkExamples runs each rule's bad and good examples.
func checkExamples(rules []lint.Rule) error {
	for _, r := range rules {
		m := r.Meta()
		for _, ex := range []struct {
			text string
			fire bool
		}{{m.Bad, true}, {m.Good, false}} {
			doc, err := parse.Parse("example.txt", []byte(ex.text))
			if err != nil {
				return err
			}
			fs, err := lint.CheckDocument(doc, []lint.Active{{Rule: r, Severity: m.Severity}})
			if err != nil {
				return err
			}
			if (len(fs) > 0) != ex.fire {
				return fmt.Errorf("%s: example %q: %d findings", m.ID, ex.text, len(fs))
			}
		}
	}
	return nil
}
