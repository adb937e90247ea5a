package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/config"
	"copydesk/rules"
)

// readmeSection returns the body of a "## title" section of the README.
func readmeSection(t *testing.T, title string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(data), "\n## "+title+"\n")
	if !ok {
		t.Fatalf("README has no section %q", title)
	}
	if i := strings.Index(rest, "\n## "); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// TestREADMEConfigExample keeps the configuration reference valid: its
// example loads and applies to the built-in rules.
func TestREADMEConfigExample(t *testing.T) {
	sec := readmeSection(t, "Configuration")
	_, rest, ok := strings.Cut(sec, "```toml\n")
	if !ok {
		t.Fatal("no toml block")
	}
	example, _, _ := strings.Cut(rest, "```")
	c, err := config.Parse("README.toml", []byte(example), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Apply(rules.Registry(), config.Filter{}); err != nil {
		// [rule."house/slammed"] is only mentioned in a comment; every
		// other rule ID must exist.
		t.Fatal(err)
	}
}

// TestREADMEFlags checks that every flag of check is documented.
func TestREADMEFlags(t *testing.T) {
	sec := readmeSection(t, "Commands and flags")
	fs := newFlagSet("check")
	defineCheckFlags(fs, &checkOptions{})
	for _, name := range []string{"format", "select", "ignore", "fail-on", "color", "stdin-filename", "j", "config", "no-config"} {
		dash := "--"
		if len(name) == 1 {
			dash = "-"
		}
		if fs.Lookup(name) == nil {
			t.Errorf("check has no flag %s%s", dash, name)
		}
		if !strings.Contains(sec, "`"+dash+name) {
			t.Errorf("README does not document %s%s", dash, name)
		}
	}
}

// TestRuleOptionsDocsApply checks that each built-in rule's Meta.Options,
// which `copydesk init` writes commented out, is a valid options table once
// uncommented.
func TestRuleOptionsDocsApply(t *testing.T) {
	reg := rules.Registry()
	for _, r := range reg.Rules() {
		m := r.Meta()
		if strings.TrimSpace(m.Options) == "" {
			continue
		}
		src := "[rule." + tomlKey(m.ID) + ".options]\n" + m.Options
		c, err := config.Parse("options.toml", []byte(src), t.TempDir())
		if err == nil {
			_, err = c.Apply(reg, config.Filter{})
		}
		if err != nil {
			t.Errorf("%s: Meta.Options does not apply:\n%v\n%s", m.ID, err, src)
		}
	}
}
