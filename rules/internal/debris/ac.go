package debris

//go:generate go test -run ^TestTablesUpToDate$ -update

// The contains-patterns of the lexicon (patterns) are matched by one
// Aho–Corasick automaton over ASCII-folded bytes. Upper-case ASCII letters
// are folded to lower case as the text is read, so no lower-cased copy of a
// line is needed; bytes outside the pattern alphabet (non-ASCII, most
// punctuation) break every partial match. The automaton is static data
// generated into tables.go (class, acNext, acOut, acLink, acTerm): it costs
// a process nothing at start-up.

const alphabet = 42

// hit is one pattern occurrence: the pattern's index in patterns and its
// end offset.
type hit struct {
	pat int32
	end int32
}

// find appends every occurrence of a pattern in s to dst, by end offset,
// longer patterns first.
func find(dst []hit, s string) []hit {
	st := uint16(0)
	for i := 0; i < len(s); i++ {
		c := class[s[i]]
		if c == 0 {
			st = 0
			continue
		}
		st = acNext[st][c]
		for t := acOut[st]; t != 0; t = acLink[t] {
			dst = append(dst, hit{pat: int32(acTerm[t]), end: int32(i + 1)})
		}
	}
	return dst
}

// tabSlot is one entry of a generated open-addressing string table
// (classTab, sectionTab, wholeTab, dateTab): the key's FNV-1a hash, its
// value and the key; an empty key marks a free slot.
type tabSlot struct {
	h   uint32
	v   uint8
	key string
}

const (
	fnvOffset uint32 = 2166136261
	fnvPrime  uint32 = 16777619
)

// fnv32 is the FNV-1a hash the tables are keyed by.
func fnv32(s string) uint32 {
	h := fnvOffset
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

// lookup returns the value of key (whose fnv32 hash is h) in tab.
func lookup(tab []tabSlot, key string, h uint32) (uint8, bool) {
	mask := uint32(len(tab) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &tab[i]
		if s.key == "" {
			return 0, false
		}
		if s.h == h && s.key == key {
			return s.v, true
		}
	}
}

// inTab reports whether key is in tab.
func inTab(tab []tabSlot, key string) bool {
	_, ok := lookup(tab, key, fnv32(key))
	return ok
}
