package rules_test

import (
	"os"
	"path/filepath"
	"testing"

	"copydesk/lint"
	"copydesk/lint/linttest"
	"copydesk/lint/parse"
	"copydesk/rules"
)

// checker lints with a single rule at its default severity.
func checker(r lint.Rule) linttest.Linter {
	return func(path string, src []byte) (*lint.Document, []lint.Finding, error) {
		doc, err := parse.Parse(path, src)
		if err != nil {
			return nil, nil, err
		}
		fs, err := lint.CheckDocument(doc, []lint.Active{{Rule: r, Severity: r.Meta().Severity}})
		return doc, fs, err
	}
}

// TestFixtures runs every rule over its fixtures in testdata/rules/<id>/.
func TestFixtures(t *testing.T) {
	reg := rules.Registry()
	dirs, err := os.ReadDir("../testdata/rules")
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		r, ok := reg.Get(d.Name())
		if !ok {
			t.Errorf("testdata/rules/%s: no built-in rule with that ID", d.Name())
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			linttest.RunDir(t, filepath.Join("../testdata/rules", d.Name()), checkerFor(r))
		})
	}
}

// TestMeta checks every built-in rule's metadata and runs its examples: Bad
// must fire and Good must stay silent.
func TestMeta(t *testing.T) {
	if _, err := lint.NewRegistry(rules.All()...); err != nil {
		t.Fatal(err)
	}
	for _, r := range rules.All() {
		m := r.Meta()
		t.Run(m.ID, func(t *testing.T) {
			if m.Bad == "" || m.Good == "" {
				t.Fatalf("%s: Bad and Good examples are required", m.ID)
			}
			if _, err := os.Stat(filepath.Join("../testdata/rules", m.ID)); err != nil {
				t.Errorf("%s: no fixtures in testdata/rules/%s", m.ID, m.ID)
			}
			check := checkerFor(r)
			_, bad, err := check(exampleName("bad", m.Bad), []byte(m.Bad))
			if err != nil {
				t.Fatal(err)
			}
			if !hasRule(bad, m.ID) {
				t.Errorf("%s: Bad example does not fire:\n%s", m.ID, m.Bad)
			}
			_, good, err := check(exampleName("good", m.Good), []byte(m.Good))
			if err != nil {
				t.Fatal(err)
			}
			if hasRule(good, m.ID) {
				t.Errorf("%s: Good example fires:\n%s", m.ID, m.Good)
			}
		})
	}
}

func hasRule(fs []lint.Finding, id string) bool {
	for _, f := range fs {
		if f.Rule == id {
			return true
		}
	}
	return false
}
