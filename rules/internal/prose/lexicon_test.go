package prose

import "testing"

// TestLookupTable checks the inline word table against the lexicon map:
// every word, and near misses (prefixes, extensions, case, NUL padding,
// lengths around the table's 15-byte limit), get the map's classes.
func TestLookupTable(t *testing.T) {
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
}
