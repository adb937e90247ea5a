package prose

import (
	"reflect"
	"testing"

	"copydesk/lint/parse"
)

// FuzzAnalyze checks that any draft analyses without panicking and that
// every span the analysis reports lies inside the text, in reading order.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"Headline\n\nOfficials said it was late. \"He is said to be furious,\" she said.",
		"<h1>T</h1><p>An official, who spoke on condition of anonymity because, said:</p><p>\"x",
		"# T\n\n> Critics argue.\n\nIt is understood that ' \" “ ‘ ,, ; according to",
		"a\n\n, said , said: “ said according to the , who said",
		"X\n\nIt was said that it is widely known that some say many people believe, critics, including Ana Ruiz, argue",
	} {
		f.Add("draft.txt", []byte(s))
	}
	f.Fuzz(func(t *testing.T, name string, src []byte) {
		switch len(name) % 3 {
		case 0:
			name = "d.txt"
		case 1:
			name = "d.md"
		default:
			name = "d.html"
		}
		doc, err := parse.Parse(name, src)
		if err != nil {
			return
		}
		// The analysis on the tables another input's analysis released
		// (the fuzzer runs inputs one after another) must equal one on
		// fresh tables.
		a := analyze(doc)
		defer a.Release()
		if want := analyzeInto(doc, new(tables)); !reflect.DeepEqual(analysisTables(a), analysisTables(want)) {
			t.Fatal("analysis on recycled tables differs from one on fresh tables")
		}
		n := len(doc.Text)
		in := func(what string, start, end int) {
			if start < 0 || end > n || start > end {
				t.Fatalf("%s span [%d,%d) outside text of %d bytes", what, start, end, n)
			}
		}
		last := -1
		for i, at := range a.Attributions {
			in("cue", at.Cue.Start, at.Cue.End)
			in("source", at.Source.Start, at.Source.End)
			if at.Sentence < last {
				t.Fatalf("attribution %d out of reading order", i)
			}
			last = at.Sentence
			if r := a.Root(i); r < 0 || r >= len(a.Attributions) {
				t.Fatalf("attribution %d: root %d out of range", i, r)
			}
		}
		for _, c := range a.Cues {
			in("cue", c.Span.Start, c.Span.End)
		}
		for i := range a.Sentences {
			a.SourceClass(i)
			a.Hedged(i)
		}
	})
}

// FuzzAppendLower checks appendLower, which recycles the analysis' buffer,
// against lowerASCII.
func FuzzAppendLower(f *testing.F) {
	f.Add("Hello World ÄÖÜ ABCXYZ@[`{ abc", 3)
	f.Add("", 0)
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = min(max(n, 0), 64)
		buf := make([]byte, n, n+len(s)/2)
		for i := range buf {
			buf[i] = 'Q'
		}
		got := appendLower(buf, s)
		if string(got[:n]) != string(buf[:n]) || string(got[n:]) != lowerASCII(s) {
			t.Fatalf("appendLower(%q) = %q, want %q", s, got[n:], lowerASCII(s))
		}
	})
}

// analysisTables returns the tables of a, for comparisons (an empty table
// as nil: new tables start nil, recycled ones empty).
func analysisTables(a *Analysis) []any {
	return []any{orNil(a.Tokens), orNil(a.Sentences), orNil(a.Attributions), orNil(a.Cues), orNil(a.Hedges),
		orNil(a.BlockSentences), orNil(a.Court)}
}

func orNil[T any](s []T) []T {
	if len(s) == 0 {
		return nil
	}
	return s
}
