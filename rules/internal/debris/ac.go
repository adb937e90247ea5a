package debris

// matcher is an Aho–Corasick automaton over ASCII-folded bytes. Upper-case
// ASCII letters are folded to lower case as the text is read, so no
// lower-cased copy of a line is needed; bytes outside the pattern alphabet
// (non-ASCII, most punctuation) break every partial match.
type matcher struct {
	next [][alphabet]uint16 // goto function with failure links folded in
	out  [][]int32          // pattern ids ending at each state (suffixes included)
	lens []int              // byte length of each pattern
}

const alphabet = 42

// class maps a byte to its alphabet class; 0 is "no pattern byte".
var class = buildClass()

func buildClass() (class [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		class[c] = uint8(c-'a') + 1
		class[c-'a'+'A'] = uint8(c-'a') + 1
	}
	for c := '0'; c <= '9'; c++ {
		class[c] = uint8(c-'0') + 27
	}
	class[' '] = 37
	class['\''] = 38
	class[':'] = 39
	class['-'] = 40
	class['('] = 41
	return class
}

// hit is one pattern occurrence: the pattern's id and its end offset.
type hit struct {
	pat int32
	end int32
}

// newMatcher compiles patterns (lower-case ASCII, spaces, digits, ' : - ( only).
func newMatcher(patterns []string) *matcher {
	m := &matcher{next: make([][alphabet]uint16, 1), out: make([][]int32, 1)}
	for id, p := range patterns {
		s := 0
		for i := 0; i < len(p); i++ {
			c := class[p[i]]
			if c == 0 {
				panic("debris: pattern byte outside the alphabet: " + p)
			}
			if m.next[s][c] == 0 {
				m.next = append(m.next, [alphabet]uint16{})
				m.out = append(m.out, nil)
				m.next[s][c] = uint16(len(m.next) - 1)
			}
			s = int(m.next[s][c])
		}
		m.out[s] = append(m.out[s], int32(id))
		m.lens = append(m.lens, len(p))
	}
	if len(m.next) > 1<<16-1 {
		panic("debris: matcher too large")
	}
	// Breadth-first: failure links, folded into the goto table.
	fail := make([]uint16, len(m.next))
	queue := make([]uint16, 0, len(m.next))
	for c := 1; c < alphabet; c++ {
		if t := m.next[0][c]; t != 0 {
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		m.out[s] = append(m.out[s], m.out[fail[s]]...)
		for c := 1; c < alphabet; c++ {
			t := m.next[s][c]
			if t == 0 {
				m.next[s][c] = m.next[fail[s]][c]
				continue
			}
			fail[t] = m.next[fail[s]][c]
			queue = append(queue, t)
		}
	}
	return m
}

// find appends every occurrence of a pattern in s to dst.
func (m *matcher) find(dst []hit, s string) []hit {
	st := uint16(0)
	for i := 0; i < len(s); i++ {
		c := class[s[i]]
		if c == 0 {
			st = 0
			continue
		}
		st = m.next[st][c]
		if outs := m.out[st]; len(outs) > 0 {
			for _, id := range outs {
				dst = append(dst, hit{pat: id, end: int32(i + 1)})
			}
		}
	}
	return dst
}
