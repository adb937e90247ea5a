package prose

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestLookupTable checks the generated word table against the lexicon
// lists: every word, and near misses (prefixes, extensions, case, NUL
// padding, lengths around the table's 15-byte limit), get the lists'
// classes.
func TestLookupTable(t *testing.T) {
	lexicon := lexiconWords()
	if 4*len(lexicon) > wordTableSize {
		t.Errorf("%d lexicon words fill more than a quarter of the %d-slot word table: raise wordTableSize", len(lexicon), wordTableSize)
	}
	check := func(w string) {
		t.Helper()
		if got, want := lookup(w), lexicon[w]; got != want {
			t.Errorf("lookup(%q) = %b, want %b", w, got, want)
		}
	}
	for w := range lexicon {
		check(w)
		check(w + "s")
		check(w + "\x00")
		check(w[:len(w)-1])
		check("x" + w)
		check(w + "abcdefghijklmnop")
	}
	for _, w := range []string{"", "\x00", "a", "said", "Said", "sa\x00d", "abcdefghijklmno", "abcdefghijklmnop", "attorney-general", "’s", "'s", "zzzz"} {
		check(w)
	}
	// Random words, some 3% of which pass wordBits and probe the table
	// from their home slot.
	rng := rand.New(rand.NewPCG(3, 4))
	passed := 0
	for range 200000 {
		b := make([]byte, 1+rng.IntN(15))
		for i := range b {
			b[i] = "abcdefghijklmnopqrstuvwxyz'-"[rng.IntN(28)]
		}
		check(string(b))
		k0, k1, _ := packWord(string(b))
		if h := wordHash(k0, k1); wordBits[h>>(64-wordBitsLog+6)]>>(h>>(64-wordBitsLog)&63)&1 != 0 {
			passed++
		}
	}
	if passed == 0 {
		t.Error("no random word passed wordBits")
	}
}

// TestPackWord checks the overlapping loads against a byte-by-byte packing
// for every length.
func TestPackWord(t *testing.T) {
	const s = "abcdefghijklmnopq\xff’s"
	for i := 0; i < len(s); i++ {
		for j := i; j <= len(s); j++ {
			w := s[i:j]
			k0, k1, ok := packWord(w)
			var r0, r1 uint64
			for k := 0; k < len(w) && k < 8; k++ {
				r0 |= uint64(w[k]) << (8 * k)
			}
			for k := 8; k < len(w); k++ {
				r1 |= uint64(w[k]) << (8 * (k - 8))
			}
			rok := len(w) >= 1 && len(w) <= 15
			if rok {
				r1 |= uint64(len(w)) << 56
			} else {
				r0, r1 = 0, 0
			}
			if k0 != r0 || k1 != r1 || ok != rok {
				t.Errorf("packWord(%q) = %x %x %v, want %x %x %v", w, k0, k1, ok, r0, r1, rok)
			}
		}
	}
}

// TestClassPadded checks analyzer.classify, which loads 16 bytes at a word
// whatever follows it, against lookup: the words of the lexicon and near
// misses, followed by letters, NULs or 0xFF bytes.
func TestClassPadded(t *testing.T) {
	var words []string
	for w := range lexiconWords() {
		words = append(words, w, w+"s", w[:len(w)-1], "x"+w, w+"abcdefghijklmnop")
	}
	words = append(words, "a", "i", "abcdefghijklmno", "abcdefghijklmnop", "zzzz")
	for _, pad := range []string{"\x00", "\xff", "e", " "} {
		for _, w := range words {
			buf := []byte(w + strings.Repeat(pad, 16))
			z := &analyzer{lower: string(buf)}
			toks := []Token{{Start: 0, End: uint32(len(w)), Kind: Word}}
			if got, want := z.classify(toks), lookup(w); got != want || toks[0].cls != want {
				t.Errorf("classify(%q + %q...) = %b, want %b", w, pad, got, want)
			}
		}
	}
}
