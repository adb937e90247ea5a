package prose

import (
	"testing"

	"copydesk/lint"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in    string
		want  []string // token texts
		lower []string
	}{
		{"Ms Rees's car", []string{"Ms", "Rees's", "car"}, []string{"ms", "rees's", "car"}},
		{"“We don’t know,” she said.", []string{"“", "We", "don’t", "know", ",", "”", "she", "said", "."}, nil},
		{"It cost £40,000 at 3am.", []string{"It", "cost", "£40,000", "at", "3am", "."}, nil},
		{"the co-op's 'rock' - end", []string{"the", "co-op's", "'", "rock", "'", "-", "end"}, nil},
		{"Rees' car", []string{"Rees", "'", "car"}, nil},
		{"", nil, nil},
	}
	for _, tt := range tests {
		toks := Tokens(tt.in, lint.Span{Start: 0, End: len(tt.in)})
		if len(toks) != len(tt.want) {
			t.Errorf("%q: got %d tokens %v, want %v", tt.in, len(toks), texts(tt.in, toks), tt.want)
			continue
		}
		for i, tk := range toks {
			if got := tk.Text(tt.in); got != tt.want[i] {
				t.Errorf("%q: token %d = %q, want %q", tt.in, i, got, tt.want[i])
			}
			if got := tk.Text(LowerASCII(tt.in)); tt.lower != nil && got != tt.lower[i] {
				t.Errorf("%q: lower %d = %q, want %q", tt.in, i, got, tt.lower[i])
			}
		}
	}
}

func TestTokenFlags(t *testing.T) {
	in := "The NHS and Okafor met in May 2019.\nThen"
	toks := Tokens(in, lint.Span{Start: 0, End: len(in)})
	check := func(i int, f Flag, want bool) {
		t.Helper()
		if toks[i].Is(f) != want {
			t.Errorf("token %q flag %b = %v, want %v", toks[i].Text(in), f, !want, want)
		}
	}
	check(0, Cap, true)
	check(1, AllCaps, true)
	check(2, Cap, false)
	check(3, Cap, true)
	check(3, AllCaps, false)
	check(7, HasDigit, true)
	check(7, Cap, false)
	check(9, NewlineBefore, true)
	check(8, SpaceBefore, false)
	if toks[8].Kind != Punct || toks[8].Rune != '.' {
		t.Errorf("want '.' punct, got %+v", toks[8])
	}
}

func TestTokensSubSpan(t *testing.T) {
	in := "xx Hello world yy"
	toks := Tokens(in, lint.Span{Start: 3, End: 14})
	if len(toks) != 2 || toks[0].Span() != (lint.Span{Start: 3, End: 8}) || toks[1].Text(in) != "world" {
		t.Fatalf("got %+v", toks)
	}
}

func texts(s string, toks []Token) []string {
	var out []string
	for _, t := range toks {
		out = append(out, t.Text(s))
	}
	return out
}

func spanOf(s string) lint.Span { return lint.Span{Start: 0, End: len(s)} }
