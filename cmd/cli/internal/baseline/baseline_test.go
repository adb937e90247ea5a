package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/lint"
	"copydesk/lint/parse"
	"copydesk/rules"
)

func lintDraft(t *testing.T, path, src string) (*lint.Document, []lint.Finding) {
	t.Helper()
	doc, err := parse.Parse(path, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	r := rules.NewUnattributedClaim()
	fs, err := lint.CheckDocument(doc, []lint.Active{{Rule: r, Severity: lint.Warning}})
	if err != nil {
		t.Fatal(err)
	}
	return doc, fs
}

const draft = `# Marwick budget vote delayed

The council leader is said to be furious about the delay.

Two senior officers are believed to have resigned. Two senior officers are believed to have resigned.
`

func TestRoundTrip(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "drafts", "a.md")
	bl := filepath.Join(dir, "baseline.json")
	doc, fs := lintDraft(t, path, draft)
	if len(fs) != 3 {
		t.Fatalf("want 3 findings, got %d", len(fs))
	}
	rec, err := NewRecorder(bl)
	if err != nil {
		t.Fatal(err)
	}
	rec.Record(path, doc, fs)
	rec.Record(path, doc, fs) // a --fix round records the same file again
	if n, files := rec.Counts(); n != 3 || files != 1 {
		t.Fatalf("counts %d findings, %d files", n, files)
	}
	data := rec.Bytes()
	if string(data) != string(rec.Bytes()) {
		t.Fatal("Bytes is not deterministic")
	}
	for _, want := range []string{`"path":"drafts/a.md"`, `"count":2`, `"text":"is said to"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("baseline lacks %s:\n%s", want, data)
		}
	}
	if strings.Contains(string(data), `"line"`) {
		t.Errorf("baseline records lines:\n%s", data)
	}
	if err := os.WriteFile(bl, data, 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := Load(bl)
	if err != nil {
		t.Fatal(err)
	}
	if b.Len() != 3 {
		t.Fatalf("Len = %d", b.Len())
	}

	tests := []struct {
		name     string
		src      string
		kept     []string // flagged texts of the new findings
		baseline int
	}{
		{"unchanged", draft, nil, 3},
		{"paragraph inserted above", strings.Replace(draft, "The council", "Ruth Okafor chaired the meeting.\n\nThe council", 1), nil, 3},
		{"new finding elsewhere", draft + "\nThe contractor reportedly missed three deadlines.\n", []string{"reportedly"}, 3},
		{"a third identical finding", draft + "\nTwo senior officers are believed to have resigned.\n", []string{"are believed to"}, 3},
		{"sentence edited", strings.Replace(draft, "about the delay", "about the long delay", 1), []string{"is said to"}, 2},
	}
	for _, tt := range tests {
		doc, fs := lintDraft(t, path, tt.src)
		kept, based := b.Match(path, doc, fs)
		var got []string
		for i := range kept {
			got = append(got, doc.Slice(kept[i].Span))
		}
		if strings.Join(got, "|") != strings.Join(tt.kept, "|") || len(based) != tt.baseline {
			t.Errorf("%s: new %q and %d baselined, want %q and %d", tt.name, got, len(based), tt.kept, tt.baseline)
		}
	}
	// Another file with the same findings is not baselined.
	other := filepath.Join(dir, "drafts", "b.md")
	doc, fs = lintDraft(t, other, draft)
	if kept, _ := b.Match(other, doc, fs); len(kept) != 3 {
		t.Errorf("another file: %d kept, want 3", len(kept))
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"notjson.json": "rule,path\n",
		"version.json": `{"version": 9, "findings": []}`,
		"entry.json":   `{"version": 1, "findings": [{"rule": "x"}]}`,
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "baseline "+p) {
			t.Errorf("%s: error %v", name, err)
		}
	}
	if _, err := Load(filepath.Join(dir, "missing.json")); err == nil {
		t.Error("missing file: no error")
	}
	if _, err := NewRecorder(filepath.Join(dir, "no", "such", "b.json")); err == nil {
		t.Error("recorder in a missing directory: no error")
	}
}

func TestEmptyBaseline(t *testing.T) {
	rec, err := NewRecorder(filepath.Join(t.TempDir(), "b.json"))
	if err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"version\": 1,\n  \"tool\": \"copydesk\",\n  \"findings\": []\n}\n"
	if got := string(rec.Bytes()); got != want {
		t.Errorf("empty baseline:\n%s", got)
	}
}
