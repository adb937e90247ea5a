package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

func TestArticles(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"b.txt":     "Tom Hale resigned.",
		"a.txt":     "Marwick council met.",
		"README.md": "not an article",
	} {
		if err := os.WriteFile(filepath.Join(dir, "articles", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name, env string
		skipped   bool
		want      []string
	}{
		{"unset", "", true, nil},
		{"no articles", t.TempDir(), true, nil},
		{"articles", dir, false, []string{"a.txt:Marwick council met.", "b.txt:Tom Hale resigned."}},
	}
	for _, tt := range tests {
		t.Setenv(Env, tt.env)
		var got []string
		skipped := false
		ok := t.Run(tt.name, func(t *testing.T) {
			defer func() { skipped = t.Skipped() }() // Skip ends the function by runtime.Goexit
			for _, a := range Articles(t) {
				got = append(got, filepath.Base(a.Path)+":"+string(a.Src))
			}
		})
		if !ok {
			t.Fatalf("%s: failed", tt.name)
		}
		if skipped != tt.skipped || len(got) != len(tt.want) {
			t.Errorf("%s: got %q, want %q (skipped %v)", tt.name, got, tt.want, tt.skipped)
			continue
		}
		for i := range tt.want {
			if got[i] != tt.want[i] {
				t.Errorf("%s: article %d is %q, want %q", tt.name, i, got[i], tt.want[i])
			}
		}
	}
}
