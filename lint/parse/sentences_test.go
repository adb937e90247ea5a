package parse

import (
	"reflect"
	"testing"

	"copydesk/lint"
)

func split(text string) []string {
	var out []string
	for _, s := range Sentences(text, lint.Span{Start: 0, End: len(text)}) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"One. Two! Three? Four", []string{"One.", "Two!", "Three?", "Four"}},
		{"  Padded.   Spaces.  ", []string{"Padded.", "Spaces."}},
		{"Mr. Hale met Mrs. Okafor and Dr. Nandra on St. Anne's Road.", []string{"Mr. Hale met Mrs. Okafor and Dr. Nandra on St. Anne's Road."}},
		{"The U.S. and the U.K. agreed. Talks end.", []string{"The U.S. and the U.K. agreed.", "Talks end."}},
		{"He went to No. 10 today. No. It was not.", []string{"He went to No. 10 today.", "No.", "It was not."}},
		{"Prices rose 4.2 per cent. Then fell.", []string{"Prices rose 4.2 per cent.", "Then fell."}},
		{"J. K. Rowling wrote it. She agreed.", []string{"J. K. Rowling wrote it.", "She agreed."}},
		{"Fruit, e.g. apples, i.e. food. Next.", []string{"Fruit, e.g. apples, i.e. food.", "Next."}},
		{"It was... complicated. Very.", []string{"It was... complicated.", "Very."}},
		{"Wait… Then it came.", []string{"Wait…", "Then it came."}},
		{"The text said “and … The rest”.", []string{"The text said “and … The rest”."}},
		{`He said "no." Then he left.`, []string{`He said "no."`, "Then he left."}},
		{"She said “no.” Then left.", []string{"She said “no.”", "Then left."}},
		{"She said ‘no.’ Then left.", []string{"She said ‘no.’", "Then left."}},
		{`"Why?" she asked. "Because."`, []string{`"Why?" she asked.`, `"Because."`}},
		{"(See below.) Then more.", []string{"(See below.)", "Then more."}},
		{"Really?! Yes.", []string{"Really?!", "Yes."}},
		{"It ended in 2019. 2020 was worse.", []string{"It ended in 2019.", "2020 was worse."}},
		{"Visit example.com today. Ok.", []string{"Visit example.com today.", "Ok."}},
		{"Meet at 7 p.m. on Friday.", []string{"Meet at 7 p.m. on Friday."}},
		{"One.\nTwo on a new line.", []string{"One.", "Two on a new line."}},
		{"Said so.\u00a0Next one.", []string{"Said so.", "Next one."}},
		{"Ends with space. ", []string{"Ends with space."}},
		{"Café owners agreed. Élodie said so.", []string{"Café owners agreed.", "Élodie said so."}},
		{"Smith v. Jones was heard.", []string{"Smith v. Jones was heard."}},
		{"See Fig. 3 and Vol. 2 now. Done.", []string{"See Fig. 3 and Vol. 2 now.", "Done."}},
		{"Headline without stop", []string{"Headline without stop"}},
		{"", nil},
		{"   ", nil},
		{"...", []string{"..."}},
		{". . .", []string{". . ."}},
	}
	for _, tt := range tests {
		if got := split(tt.text); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestSentencesSubspan(t *testing.T) {
	text := "Skip me. Block one. Block two. Skip too."
	blk := lint.Span{Start: 9, End: 30}
	got := Sentences(text, blk)
	want := []lint.Span{{Start: 9, End: 19}, {Start: 20, End: 30}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	// Out-of-range and mid-rune spans are clamped, never a panic.
	for _, s := range []lint.Span{{Start: -5, End: 100}, {Start: 1, End: 2}, {Start: 20, End: 10}} {
		for _, sp := range Sentences("é. Ok. ü", s) {
			if sp.Start < 0 || sp.End > len("é. Ok. ü") || sp.Start > sp.End {
				t.Errorf("span %v out of range", sp)
			}
		}
	}
}

func TestSentencesSpacedEllipsis(t *testing.T) {
	got := split("He said . . . then left. Next.")
	want := []string{"He said . . . then left.", "Next."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
