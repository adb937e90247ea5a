package pack

import (
	"unicode"
	"unicode/utf8"
)

// matcher finds a fixed set of phrases in prose, case-insensitively and at
// word boundaries, in one left-to-right pass: all phrases of a rule share one
// trie over folded runes, so the cost does not grow with the number of
// phrases. A space in a phrase matches any run of white space in the text (a
// phrase may wrap across lines); curly apostrophes match straight ones.
type matcher struct {
	nodes []node
	ascii [128]int32 // root edges for ASCII runes (0: none)
	// second[c] is the set of folded ASCII runes that can follow a phrase's
	// first rune c; wild[c] means anything may (a one-rune phrase, a
	// non-ASCII second rune). Most words are ruled out by their first two
	// letters without walking the trie.
	second [128][2]uint64
	wild   [128]bool
}

// index fills second and wild from the trie.
func (m *matcher) index() {
	for c := range m.ascii {
		n := m.ascii[c]
		m.second[c], m.wild[c] = [2]uint64{}, false
		if n == 0 {
			continue
		}
		if m.nodes[n].out != 0 {
			m.wild[c] = true
		}
		for _, e := range m.nodes[n].edges {
			if e.r >= utf8.RuneSelf {
				m.wild[c] = true
				continue
			}
			m.second[c][e.r>>6] |= 1 << (e.r & 63)
		}
	}
}

// cannotStart reports whether no phrase can begin at text[i], an ASCII
// word character at the start of a word, judging by its first two bytes.
func (m *matcher) cannotStart(text string, i, hi int) bool {
	c := asciiFold[text[i]]
	if m.ascii[c] == 0 {
		return true
	}
	if m.wild[c] || i+1 >= hi || text[i+1] >= utf8.RuneSelf {
		return false
	}
	c2 := asciiFold[text[i+1]]
	return m.second[c][c2>>6]&(1<<(c2&63)) == 0
}

type node struct {
	edges []edge
	out   int32 // phrase index + 1 when a phrase ends here, else 0
}

type edge struct {
	r  rune
	to int32
}

// match is one phrase occurrence: Text offsets and the phrase index.
type match struct {
	start, end int
	phrase     int
}

// fold maps a rune to the form phrases and text are compared in.
func fold(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u02bc':
		return '\''
	case '\u2010', '\u2011':
		return '-'
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		if r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' {
			return ' '
		}
		return r
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return unicode.ToLower(r)
}

// isWord reports whether r is part of a word (letters, digits, marks).
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// normalizePhrase folds a phrase and collapses its white space; it returns
// "" for a phrase with no visible characters.
func normalizePhrase(p string) string {
	out := make([]rune, 0, len(p))
	space := false
	for _, r := range p {
		r = fold(r)
		if r == ' ' {
			space = len(out) > 0
			continue
		}
		if space {
			out = append(out, ' ')
			space = false
		}
		out = append(out, r)
	}
	return string(out)
}

// newMatcher compiles phrases (already normalised and non-empty). Phrase i
// is reported as index i; when two phrases normalise alike the first wins.
func newMatcher(phrases []string) *matcher {
	m := &matcher{nodes: make([]node, 1, 16)}
	for i, p := range phrases {
		cur := int32(0)
		for _, r := range p {
			cur = m.child(cur, r, true)
		}
		if m.nodes[cur].out == 0 {
			m.nodes[cur].out = int32(i + 1)
		}
	}
	m.index()
	return m
}

func (m *matcher) child(n int32, r rune, create bool) int32 {
	if n == 0 && r < utf8.RuneSelf {
		if c := m.ascii[r]; c != 0 || !create {
			return c
		}
		m.nodes = append(m.nodes, node{})
		c := int32(len(m.nodes) - 1)
		m.ascii[r] = c
		return c
	}
	for _, e := range m.nodes[n].edges {
		if e.r == r {
			return e.to
		}
	}
	if !create {
		return 0
	}
	m.nodes = append(m.nodes, node{})
	c := int32(len(m.nodes) - 1)
	m.nodes[n].edges = append(m.nodes[n].edges, edge{r, c})
	return c
}

// find calls fn for each leftmost-longest, non-overlapping phrase occurrence
// in text[lo:hi]. Occurrences must begin and end at word boundaries (where
// the phrase itself begins or ends with a word character); the span bounds
// count as boundaries.
func (m *matcher) find(text string, lo, hi int, fn func(match)) {
	prevWord := false
	for i := lo; i < hi; {
		c := text[i]
		if c < utf8.RuneSelf && asciiWord[c] {
			if prevWord {
				i++ // inside a word (after a non-ASCII letter): no phrase starts here
				continue
			}
			if !m.cannotStart(text, i, hi) {
				if end, idx := m.longest(text, i, hi); idx >= 0 {
					fn(match{start: i, end: end, phrase: idx})
					// Continue after the match; its last rune decides the
					// boundary for the next start.
					lr, _ := utf8.DecodeLastRuneInString(text[i:end])
					prevWord = isWord(lr)
					i = end
					continue
				}
			}
			// Nothing starts at this word: skip its ASCII letters at once.
			for i++; i < hi && text[i] < utf8.RuneSelf && asciiWord[text[i]]; i++ {
			}
			prevWord = true
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:hi])
		w := isWord(r)
		if (!w || !prevWord) && (r >= utf8.RuneSelf || m.ascii[asciiFold[r]] != 0) {
			if end, idx := m.longest(text, i, hi); idx >= 0 {
				fn(match{start: i, end: end, phrase: idx})
				lr, _ := utf8.DecodeLastRuneInString(text[i:end])
				prevWord = isWord(lr)
				i = end
				continue
			}
		}
		prevWord = w
		i += size
	}
}

// longest walks the trie from text[i] and returns the end of the longest
// phrase that ends at a word boundary, or -1.
func (m *matcher) longest(text string, i, hi int) (int, int) {
	best, bestIdx := -1, -1
	cur := int32(0)
	j := i
	for j < hi {
		r, size := utf8.DecodeRuneInString(text[j:hi])
		f := fold(r)
		next := m.child(cur, f, false)
		if next == 0 {
			break
		}
		cur = next
		j += size
		if f == ' ' {
			// One phrase space matches a run of white space.
			for j < hi {
				r2, s2 := utf8.DecodeRuneInString(text[j:hi])
				if fold(r2) != ' ' {
					break
				}
				j += s2
			}
		}
		if out := m.nodes[cur].out; out != 0 {
			ok := true
			if isWord(r) && j < hi {
				nr, _ := utf8.DecodeRuneInString(text[j:hi])
				ok = !isWord(nr)
			}
			if ok && f != ' ' {
				best, bestIdx = j, int(out-1)
			}
		}
	}
	return best, bestIdx
}

var asciiWord, asciiFold = func() (w [128]bool, f [128]rune) {
	for c := rune(0); c < 128; c++ {
		w[c] = isWord(c)
		f[c] = fold(c)
	}
	return
}()
