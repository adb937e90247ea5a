package lint

import (
	"regexp"
	"testing"
)

func TestValidID(t *testing.T) {
	tests := []struct {
		id   string
		want bool
	}{
		{"unattributed-claim", true},
		{"a", true},
		{"rule2", true},
		{"house/per-cent", true},
		{"p1/r-2-x", true},
		{"", false},
		{"-a", false},
		{"a-", false},
		{"a--b", false},
		{"a/", false},
		{"/a", false},
		{"a/b/c", false},
		{"a-/b", false},
		{"a/-b", false},
		{"Upper", false},
		{"with space", false},
		{"under_score", false},
		{"é", false},
	}
	for _, tt := range tests {
		if got := ValidID(tt.id); got != tt.want {
			t.Errorf("ValidID(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}

// FuzzValidID checks the hand-written scanner against the grammar written
// as a regular expression.
func FuzzValidID(f *testing.F) {
	re := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)?$`)
	for _, s := range []string{"a-b/c-d", "a--b", "a/b/c", "-", "/", "x9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		if got, want := ValidID(id), re.MatchString(id); got != want {
			t.Fatalf("ValidID(%q) = %v, regexp says %v", id, got, want)
		}
	})
}
