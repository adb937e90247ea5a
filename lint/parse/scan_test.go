package parse

import (
	"math/rand"
	"testing"
)

// TestScanBytes checks the eight-at-a-time scanners against a byte loop
// at every start and end offset of strings dense and sparse in stops.
func TestScanBytes(t *testing.T) {
	naive := func(table *[256]bool, text string, i, end int) int {
		for i < end && !table[text[i]] {
			i++
		}
		return i
	}
	alphabet := []string{"a", "b", " ", ".", "!", "?", "\"", "'", "é", "“", "”", "‘", "’", "«", "»", "…", "—", "\n"}
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
		for i := 0; i <= len(text); i++ {
			for end := i; end <= len(text); end++ {
				if got, want := nextQuoteByte(text, i, end), naive(&quoteByte, text, i, end); got != want {
					t.Fatalf("nextQuoteByte(%q, %d, %d) = %d, want %d", text, i, end, got, want)
				}
				if got, want := nextStopByte(text, i, end), naive(&sentenceStop, text, i, end); got != want {
					t.Fatalf("nextStopByte(%q, %d, %d) = %d, want %d", text, i, end, got, want)
				}
			}
		}
	}
}
