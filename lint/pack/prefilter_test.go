package pack

import (
	"reflect"
	"regexp"
	"testing"
	"unicode/utf8"
)

func TestFirstBytes(t *testing.T) {
	tests := []struct {
		expr    string
		known   bool
		in, out string // bytes that must be in and out of the set
	}{
		{`\b\d{1,2} (?:am|pm)\b`, true, "0123456789", "a \n"},
		{`(?i)slams`, true, "sS\xc5", "a"}, // ſ (U+017F) folds to s
		{`colou?r`, true, "c", "C"},
		{`\p{Lu}{2,}`, true, "AZ\xc3", "a"},
		{`x*`, false, "", ""},
		{`.at`, false, "", ""},
		{`(?:)`, false, "", ""},
		{`[^a]b`, true, "b\xc3\xf4", "a"},
	}
	for _, tt := range tests {
		s := firstBytes(tt.expr)
		if (s != nil) != tt.known {
			t.Errorf("%s: known = %v, want %v", tt.expr, s != nil, tt.known)
			continue
		}
		if s == nil {
			continue
		}
		for i := 0; i < len(tt.in); i++ {
			if !s[tt.in[i]] {
				t.Errorf("%s: %q missing", tt.expr, tt.in[i])
			}
		}
		for i := 0; i < len(tt.out); i++ {
			if s[tt.out[i]] {
				t.Errorf("%s: %q should not be in the set", tt.expr, tt.out[i])
			}
		}
	}
}

// FuzzFirstBytes: whenever the expression matches, the match begins with a
// byte of the set.
func FuzzFirstBytes(f *testing.F) {
	f.Add(`(?i)\bset to\b`, "Council SET TO close")
	f.Add(`[^a]b`, "éb")
	f.Fuzz(func(t *testing.T, expr, text string) {
		re, err := regexp.Compile(expr)
		if err != nil || !utf8.ValidString(text) { // documents are valid UTF-8
			return
		}
		s := firstBytes(expr)
		if s == nil {
			return
		}
		for _, loc := range re.FindAllStringIndex(text, -1) {
			if loc[0] == loc[1] {
				t.Fatalf("%s: empty match at %d but the set is known", expr, loc[0])
			}
			if !s[text[loc[0]]] {
				t.Fatalf("%s: match %q begins with %q, not in the set", expr, text[loc[0]:loc[1]], text[loc[0]])
			}
		}
	})
}

func TestRequiredLits(t *testing.T) {
	tests := []struct {
		expr string
		want []string
	}{
		{`\b\d{1,2}(?:\.\d{2})? (?:am|pm)\b`, []string{" am", " pm"}},
		{`colou?r`, []string{"colo"}},
		{`slams|blasts`, []string{"slams", "blasts"}},
		{`(?i)slams`, nil},
		{`\p{Lu}{2,}`, nil},
		{`x*`, nil},
		{`a+b`, []string{"a"}},
		{`\bset to\b`, []string{"set to"}},
		{`(?P<match>pm)\b`, []string{"pm"}},
	}
	for _, tt := range tests {
		got := requiredLits(tt.expr)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("requiredLits(%s) = %q, want %q", tt.expr, got, tt.want)
		}
	}
}

// FuzzRequiredLits: whenever the expression matches, the text contains one
// of the required literals.
func FuzzRequiredLits(f *testing.F) {
	f.Add(`\b\d{1,2}(?:\.\d{2})? (?:am|pm)\b`, "at 9 pm")
	f.Add(`colou?r|hue`, "the colour")
	f.Add(`(?:ab|cd){2}x[yz]`, "abcdxz")
	f.Fuzz(func(t *testing.T, expr, text string) {
		re, err := regexp.Compile(expr)
		if err != nil || !utf8.ValidString(text) {
			return
		}
		lits := requiredLits(expr)
		if lits == nil {
			return
		}
		if re.MatchString(text) && !containsAny(text, lits) {
			t.Fatalf("%s matches %q, which contains none of %q", expr, text, lits)
		}
	})
}
