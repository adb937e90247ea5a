package debris

import "testing"

func TestIsSectionWord(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"News", true},
		{"Contact Us", true},
		{"Privacy Policy", true},
		{"TERMS OF USE", true},
		{"Sign in", true},
		{"Ana Ruiz", false},
		{"Key dates", false},
		{"Heated seats", false},
	}
	for _, tt := range tests {
		if got := IsSectionWord(NormalizeKey(tt.line)); got != tt.want {
			t.Errorf("IsSectionWord(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
