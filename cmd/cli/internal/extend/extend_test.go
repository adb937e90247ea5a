package extend_test

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/cmd/cli/internal/extend"
	"copydesk/config"
	"copydesk/lint"
	"copydesk/lint/external"
	"copydesk/lint/parse"
)

// With COPYDESK_EXTEND_PLUGIN set, the test binary is a one-rule plugin.
func TestMain(m *testing.M) {
	if os.Getenv("COPYDESK_EXTEND_PLUGIN") != "" {
		in := bufio.NewScanner(os.Stdin)
		for in.Scan() {
			var req external.Request
			if err := json.Unmarshal(in.Bytes(), &req); err != nil {
				os.Exit(1)
			}
			var findings []map[string]any
			if req.Document != nil {
				if i := strings.Index(req.Document.Text, "reportedly"); i >= 0 {
					findings = append(findings, map[string]any{"rule": "claims", "start": i, "end": i + len("reportedly"), "message": "Who reports it?"})
				}
			}
			answer := map[string]any{"id": req.ID, "findings": findings}
			if req.Method == "describe" {
				answer = map[string]any{"copydesk": 1, "rules": []map[string]any{{"id": "claims", "summary": "Unchecked claims"}}}
			}
			if err := json.NewEncoder(os.Stdout).Encode(answer); err != nil {
				os.Exit(1)
			}
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

type baseRule struct{}

func (baseRule) Meta() lint.Meta {
	return lint.Meta{ID: "base", Summary: "s", Doc: "d", Severity: lint.Warning, Default: true}
}
func (baseRule) Check(*lint.Pass) error { return nil }

const packSrc = `pack = "%s"
[[rule]]
id = "per-cent"
kind = "substitution"
summary = "Write per cent"
replace = { "percent" = "per cent" }
bad = "Rise\n\nUp 4 percent.\n"
good = "Rise\n\nUp 4 per cent.\n"
`

// setup writes a config directory: a pack under style/, one in copydesk.d/
// and a config naming the pack and a plugin run by the test binary.
func setup(t *testing.T, cfg string) *config.Config {
	t.Helper()
	dir := t.TempDir()
	write := func(rel, data string) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("style/house.toml", strings.Replace(packSrc, "%s", "house", 1))
	write("copydesk.d/desk.toml", strings.Replace(packSrc, "%s", "desk", 1))
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cfg = strings.ReplaceAll(cfg, "EXE", exe)
	write(".copydesk.toml", cfg)
	c, err := config.Load(filepath.Join(dir, ".copydesk.toml"), "")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

const fullConfig = `packs = ["style/house.toml"]

[rule."house/per-cent"]
severity = "error"

[rule."fact/claims"]
severity = "info"

[plugin.fact]
command = ["EXE"]
timeout = "5s"
`

func ids(reg *lint.Registry) string { return strings.Join(reg.IDs(), " ") }

func TestPrepare(t *testing.T) {
	t.Setenv("COPYDESK_EXTEND_PLUGIN", "1")
	base, _ := lint.NewRegistry(baseRule{})
	c := setup(t, fullConfig)
	l := &extend.Loader{Parse: parse.Parse}
	defer l.Close()
	reg, err := l.Prepare(c, base)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(reg), "base desk/per-cent fact/claims house/per-cent"; got != want {
		t.Errorf("IDs = %s, want %s", got, want)
	}
	if _, err := c.Apply(reg, config.Filter{}); err != nil {
		t.Errorf("Apply: %v", err)
	}
	// A second configuration naming the same plugin shares its process.
	if _, err := l.Prepare(setup(t, fullConfig), base); err != nil {
		t.Fatal(err)
	}
	if got := ids(base); got != "base" {
		t.Errorf("base registry changed: %s", got)
	}
}

func TestNoPlugins(t *testing.T) {
	base, _ := lint.NewRegistry(baseRule{})
	c := setup(t, strings.Replace(fullConfig, `command = ["EXE"]`, `command = ["/no/such/plugin"]`, 1)+
		"\n[[ignore]]\nrule = \"fact/claims\"\ntext = \"x\"\nreason = \"checked\"\n")
	l := &extend.Loader{NoPlugins: true}
	defer l.Close()
	reg, err := l.Prepare(c, base)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(reg), "base desk/per-cent house/per-cent"; got != want {
		t.Errorf("IDs = %s, want %s", got, want)
	}
	if _, err := c.Apply(reg, config.Filter{}); err != nil {
		t.Errorf("Apply with plugin config left in: %v", err)
	}
}

func TestPrepareErrors(t *testing.T) {
	base, _ := lint.NewRegistry(baseRule{})
	t.Run("plugin fails to start", func(t *testing.T) {
		c := setup(t, strings.Replace(fullConfig, `command = ["EXE"]`, `command = ["/no/such/plugin"]`, 1))
		l := &extend.Loader{}
		defer l.Close()
		_, err := l.Prepare(c, base)
		if err == nil || !strings.Contains(err.Error(), ".copydesk.toml:9: plugin fact: cannot start /no/such/plugin") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("bad pack", func(t *testing.T) {
		c := setup(t, `packs = ["style/missing.toml"]`)
		_, err := (&extend.Loader{}).Prepare(c, base)
		if err == nil || !strings.Contains(err.Error(), "style/missing.toml") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("example fails", func(t *testing.T) {
		c := setup(t, `packs = ["style/house.toml"]`)
		bad := strings.Replace(strings.Replace(packSrc, "%s", "house", 1), `Up 4 percent.`, `Up 4 points.`, 1)
		if err := os.WriteFile(filepath.Join(filepath.Dir(c.Path), "style/house.toml"), []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := (&extend.Loader{Parse: parse.Parse}).Prepare(c, base)
		if err == nil || !strings.Contains(err.Error(), "house.toml:7: rule house/per-cent: the bad example does not fire") {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("same pack twice", func(t *testing.T) {
		c := setup(t, `packs = ["copydesk.d/desk.toml", "style/house.toml"]`)
		// copydesk.d/desk.toml is named and found in the folder: loaded once.
		reg, err := (&extend.Loader{}).Prepare(c, base)
		if err != nil || ids(reg) != "base desk/per-cent house/per-cent" {
			t.Errorf("reg %v, err %v", reg, err)
		}
	})
}

// TestResolverWiring runs the loader the way the CLI wires it: as the
// Prepare hook of a config.Resolver, then lints a draft with the rules the
// resolver returns for it.
func TestResolverWiring(t *testing.T) {
	t.Setenv("COPYDESK_EXTEND_PLUGIN", "1")
	base, _ := lint.NewRegistry(baseRule{})
	c := setup(t, fullConfig)
	dir := filepath.Dir(c.Path)
	draft := filepath.Join(dir, "news", "rates.txt")
	if err := os.MkdirAll(filepath.Dir(draft), 0o755); err != nil {
		t.Fatal(err)
	}
	src := []byte("Rates rise\n\nRates reportedly rose 4 percent.\n")
	for _, noPlugins := range []bool{false, true} {
		ld := &extend.Loader{NoPlugins: noPlugins, Parse: parse.Parse}
		res := config.NewResolver(base, config.Options{Prepare: ld.Prepare})
		active, err := res.RulesFor(draft)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parse.Parse(draft, src)
		if err != nil {
			t.Fatal(err)
		}
		fs, err := lint.CheckDocument(doc, active)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range fs {
			got = append(got, fmt.Sprintf("%s %s %q", f.Rule, f.Severity, doc.Slice(f.Span)))
		}
		want := []string{`fact/claims info "reportedly"`, `desk/per-cent warning "percent"`, `house/per-cent error "percent"`}
		if noPlugins {
			want = want[1:]
		}
		if strings.Join(got, "; ") != strings.Join(want, "; ") {
			t.Errorf("noPlugins=%v: findings %q, want %q", noPlugins, got, want)
		}
		if err := ld.Close(); err != nil {
			t.Error(err)
		}
	}
}
