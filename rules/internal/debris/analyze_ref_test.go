package debris

import (
	"math/rand"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refClass merges the word lists into a map.
var refClass = sync.OnceValue(func() map[string]uint8 {
	class := map[string]uint8{}
	for _, l := range []struct {
		words []string
		c     uint8
	}{{stopWords, classStop}, {attributionCues, classAttribution}, {secondPerson, classSecond}, {firstPlural, classPlural}, {cueWords, classCue}, {creditWords, classCredit}} {
		for _, w := range l.words {
			class[w] |= l.c
		}
	}
	return class
})

// refWords is the specification of Analyze's word scan, written plainly: a
// rune at a time, the word lists in a map. Analyze's eight-bytes-at-a-time
// loops and generated tables must agree with it.
func refWords(line string) (key string, words []int, f Features) {
	class := refClass()
	var b strings.Builder
	firstLetter := true
	var cur []byte
	inWord := false
	end := func() {
		if !inWord {
			return
		}
		inWord = false
		f.Words++
		c := class[string(cur)]
		if c&classStop != 0 {
			f.Stop++
		}
		f.Attribution = f.Attribution || c&classAttribution != 0
		f.Second = f.Second || c&classSecond != 0
		f.FirstPlural = f.FirstPlural || c&classPlural != 0
		f.Cue = f.Cue || c&classCue != 0
		f.Credit = f.Credit || c&classCredit != 0
		cur = cur[:0]
	}
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		letter := r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
		switch {
		case letter:
			if !inWord {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				words = append(words, b.Len())
				inWord = true
			}
			if firstLetter && !(r >= '0' && r <= '9') {
				f.Capital = unicode.IsUpper(r)
				firstLetter = false
			}
			if r >= '0' && r <= '9' {
				f.Digit = true
			}
			w := line[i : i+size]
			if r < utf8.RuneSelf {
				w = strings.ToLower(w)
			}
			b.WriteString(w)
			cur = append(cur, w...)
		case (r == '\'' || r == '’') && inWord && i+size < len(line) && isLetterByte(line[i+size]):
		default:
			end()
		}
		i += size
	}
	end()
	return b.String(), words, f
}

func checkAnalyze(t *testing.T, sc *Scratch, line string) {
	t.Helper()
	key, words, want := refWords(line)
	got := sc.Analyze(line)
	if got.Key != key || got.Words != want.Words || got.Stop != want.Stop || got.Digit != want.Digit ||
		got.Capital != want.Capital || got.Attribution != want.Attribution || got.Second != want.Second ||
		got.FirstPlural != want.FirstPlural || got.Cue != want.Cue || got.Credit != want.Credit {
		t.Fatalf("Analyze(%q):\n got key %q %+v\nwant key %q %+v", line, got.Key, got, key, want)
	}
	for i := range words {
		end := len(key)
		if i+1 < len(words) {
			end = words[i+1] - 1
		}
		if sc.word(i) != key[words[i]:end] {
			t.Fatalf("Analyze(%q): word %d = %q, want %q", line, i, sc.word(i), key[words[i]:end])
		}
	}
}

// TestAnalyzeMatchesReference runs Analyze and refWords over random lines
// of letters, digits, separators, apostrophes and non-ASCII text, long and
// short (chunk boundaries), and every listed word.
func TestAnalyzeMatchesReference(t *testing.T) {
	var sc Scratch
	pieces := []string{"a", "B", "z", "Z", "0", "9", " ", "  ", ",", ".", "'", "’", "don't", "DON’T", "é", "É", "ß",
		"٣", "—", "“", "\xff", "\t", "said", "Said", "you", "We", "according", "the", "spokesperson", "x1",
		"acknowledged", "acknowledgeds", "Marwick", "12:30", "&amp;", "<p>", "a’", "’s", "l'é", "ǅ", "\u0301"}
	for _, l := range [][]string{stopWords, attributionCues, secondPerson, firstPlural} {
		for _, w := range l {
			checkAnalyze(t, &sc, w)
			checkAnalyze(t, &sc, "The "+strings.ToUpper(w)+", it")
		}
	}
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := r.Intn(30); k > 0; k-- {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		checkAnalyze(t, &sc, b.String())
	}
}

// FuzzAnalyze checks Analyze against refWords on any line.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"", "Marwick council said", "don’t DON'T l'été 2024Marwick", "\xff\xfe x", "a b  c"} {
		f.Add(s)
	}
	var sc Scratch
	f.Fuzz(func(t *testing.T, line string) {
		checkAnalyze(t, &sc, line)
	})
}
