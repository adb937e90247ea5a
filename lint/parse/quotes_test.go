package parse

import (
	"reflect"
	"testing"
)

func quotesOf(t *testing.T, path, src string) []string {
	t.Helper()
	doc := mustParse(t, path, src)
	var out []string
	for _, q := range doc.Quotes {
		out = append(out, doc.Slice(q))
	}
	return out
}

func TestQuoteSpans(t *testing.T) {
	tests := []struct {
		name, body string
		want       []string
	}{
		{"straight", `She said "the plan is dead" and left.`, []string{`"the plan is dead"`}},
		{"straight with punctuation", `"It failed," she said. "We lost."`, []string{`"It failed,"`, `"We lost."`}},
		{"straight after dash and paren", `Some—"yes"—and ("no") then: "maybe".`, []string{`"yes"`, `"no"`, `"maybe"`}},
		{"inches are not quotes", `A 5" pipe and 12" drill.`, nil},
		{"curly", "He said “it is over” today.", []string{"“it is over”"}},
		{"curly nested", "“She told me ‘never again’, and meant it,” he said.", []string{"“She told me ‘never again’, and meant it,”"}},
		{"guillemets", "Il a dit «non» hier.", []string{"«non»"}},
		{"stray closer", "A stray ” mark and » here.", nil},
		{"british single", "Okafor: 'We will not give up'", []string{"'We will not give up'"}},
		{"british curly single", "She said ‘the council misled us’ on Monday.", []string{"‘the council misled us’"}},
		{"single with apostrophes inside", "‘I don’t think Rees’s plan works,’ she said.", []string{"‘I don’t think Rees’s plan works,’"}},
		{"plural possessive inside", "‘The councils’ plans are bad,’ she said.", []string{"‘The councils’ plans are bad,’"}},
		{"apostrophes alone", "Don't ask about Rees's car or the '90s or rock 'n' roll or the councils' plans.", nil},
		{"curly apostrophes alone", "Don’t ask about Rees’s car or the ’90s or the councils’ plans.", nil},
		{"elision openers", "Tell 'em 'til dawn and 'cause it's late. 'Tis true.", nil},
		{"unclosed closes at paragraph end", "He said \"this never ends.\n\nNext paragraph is not quoted.", []string{"\"this never ends."}},
		{"reopened quote", "\"First part of the quote.\n\n\"Second part,\" she said.", []string{"\"First part of the quote.", "\"Second part,\""}},
		{"may have 'misled'", "Dunmere Water may have 'misled' regulator", []string{"'misled'"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := quotesOf(t, "a.txt", "Neutral headline\n\n"+tt.body+"\n")
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("quotes\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestQuoteSpansBlockquote(t *testing.T) {
	got := quotesOf(t, "a.md", "# H\n\n> Whole quoted block\n> with two lines.\n\nNot quoted.\n")
	want := []string{"Whole quoted block\nwith two lines."}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("md blockquote: got %q, want %q", got, want)
	}
	got = quotesOf(t, "a.html", "<h1>H</h1><blockquote>Bare <p>and para</p></blockquote><p>out</p>")
	want = []string{"Bare", "and para"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("html blockquote: got %q, want %q", got, want)
	}
}
