package parse

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"
)

// TestScanBytes checks the stop finders and nextSpecial against a byte
// loop at every start and end offset of strings dense and sparse in stops.
func TestScanBytes(t *testing.T) {
	naive := func(table *[256]bool, text string, i, end int) int {
		for i < end && !table[text[i]] {
			i++
		}
		return i
	}
	alphabet := []string{"a", "b", " ", ".", "!", "?", "\"", "'", "&", "\\", "\r", "é", "“", "”", "‘", "’", "«", "»", "…", "—", "\n"}
	rng := rand.New(rand.NewSource(1))
	texts := []string{"", "plain words only here and more", "x.", "\"", "ééééééééééé.", "abcdefgh'ijklmnop"}
	for n := 0; n < 300; n++ {
		var s []byte
		sparse := n%2 == 0
		for len(s) < 40 {
			k := rng.Intn(len(alphabet))
			if sparse && k > 2 && rng.Intn(8) > 0 {
				k = rng.Intn(3)
			}
			s = append(s, alphabet[k]...)
		}
		texts = append(texts, string(s))
	}
	for _, text := range texts {
		// A finder answers a sequence of forward queries, here every
		// offset in turn and every other one.
		for step := 1; step <= 2; step++ {
			for end := 0; end <= len(text); end++ {
				q := newStopFinder(text, end, '"', '\'', 0xE2, 0xC2)
				s := newStopFinder(text, end, '.', '!', '?', 0xE2)
				for i := 0; i <= end; i += step {
					if got, want := q.find(i), naive(&quoteByte, text, i, end); got != want {
						t.Fatalf("quote stops in %q[:%d] from %d = %d, want %d", text, end, i, got, want)
					}
					if got, want := s.find(i), naive(&sentenceStop, text, i, end); got != want {
						t.Fatalf("sentence stops in %q[:%d] from %d = %d, want %d", text, end, i, got, want)
					}
				}
			}
		}
		for i := 0; i <= len(text); i++ {
			for end := i; end <= len(text); end++ {
				if got, want := nextSpecial([]byte(text), i, end, &mdSpecial, true), naive(&mdSpecial, text, i, end); got != want {
					t.Fatalf("nextSpecial(%q, %d, %d, md) = %d, want %d", text, i, end, got, want)
				}
				if got, want := nextSpecial([]byte(text), i, end, &htmlSpecial, false), naive(&htmlSpecial, text, i, end); got != want {
					t.Fatalf("nextSpecial(%q, %d, %d, html) = %d, want %d", text, i, end, got, want)
				}
			}
		}
	}
}

// TestIndexEOL checks indexEOL against bytes.IndexAny on lines of every
// length around its chunk sizes.
func TestIndexEOL(t *testing.T) {
	for _, n := range []int{0, 1, 2, 127, 128, 129, 383, 384, 385, 70000, 200000} {
		for _, tail := range []string{"", "\n", "\r", "\r\n", "x\rx\n", "\n\r"} {
			s := []byte(strings.Repeat("a", n) + tail + "more\rand\nmore")
			if got, want := indexEOL(s), bytes.IndexAny(s, "\r\n"); got != want {
				t.Fatalf("indexEOL(%d a + %q) = %d, want %d", n, tail, got, want)
			}
			s = []byte(strings.Repeat("a", n) + tail)
			if got, want := indexEOL(s), bytes.IndexAny(s, "\r\n"); got != want {
				t.Fatalf("indexEOL(%d a + %q) = %d, want %d", n, tail, got, want)
			}
		}
	}
}
