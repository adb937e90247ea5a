package pack

import (
	"sort"
	"unicode/utf8"

	"copydesk/lint"
)

// group scans a draft once for the phrases of every phrase, substitution
// and count rule of a pack (except sentence-scoped ones, whose units are
// smaller than a block), so that a pack of many rules costs about as
// much as one. Each rule keeps its own leftmost-longest, non-overlapping
// matches, exactly as if it had scanned alone; the result is memoised on the
// document and shared by the group's rules.
type group struct {
	m      matcher     // trie; node.out is an index+1 into outs
	outs   [][]ruleOut // phrases ending at a node, per rule
	nrules int
}

type ruleOut struct {
	rule, phrase int32
}

// add registers rule's normalised phrases; it returns the rule's index.
func (g *group) add(phrases []string) int {
	if len(g.m.nodes) == 0 {
		g.m.nodes = make([]node, 1, 64)
	}
	rule := int32(g.nrules)
	g.nrules++
	for i, p := range phrases {
		cur := int32(0)
		for _, r := range p {
			cur = g.m.child(cur, r, true)
		}
		n := &g.m.nodes[cur]
		if n.out == 0 {
			g.outs = append(g.outs, nil)
			n.out = int32(len(g.outs))
		}
		dup := false
		for _, o := range g.outs[n.out-1] {
			dup = dup || o.rule == rule
		}
		if !dup {
			g.outs[n.out-1] = append(g.outs[n.out-1], ruleOut{rule, int32(i)})
		}
	}
	g.m.index()
	return int(rule)
}

type groupKey struct{ g *group }

// occurrences returns, per rule of the group, its matches in doc.Text,
// sorted by start.
func (g *group) occurrences(doc *lint.Document) [][]match {
	return doc.Memo(groupKey{g}, func() any { return g.scan(doc) }).([][]match)
}

// scan finds the matches of every rule block by block (the units of every
// scope the group serves), so that no match runs from one block into the
// next.
func (g *group) scan(doc *lint.Document) [][]match {
	s := &scanState{
		occ:  make([][]match, g.nrules),
		next: make([]int, g.nrules),
		mark: make([]int, g.nrules),
		best: make([]match, g.nrules),
	}
	for _, b := range doc.Blocks {
		g.scanRange(doc.Text[:b.Span.End], b.Span.Start, s)
	}
	return s.occ
}

type scanState struct {
	occ     [][]match
	next    []int // per rule: where its next match may start
	mark    []int
	best    []match
	touched []int32
}

// scanRange scans text[lo:]; text ends where the block ends.
func (g *group) scanRange(text string, lo int, s *scanState) {
	prevWord := false
	for i := lo; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf && asciiWord[c] {
			if prevWord {
				i++ // inside a word (after a non-ASCII letter)
				continue
			}
			if !g.m.cannotStart(text, i, len(text)) {
				g.record(text, i, s)
			}
			// Later starts are at later words: skip this word's ASCII
			// letters at once.
			for i++; i < len(text) && text[i] < utf8.RuneSelf && asciiWord[text[i]]; i++ {
			}
			prevWord = true
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		w := isWord(r)
		if (!w || !prevWord) && (r >= utf8.RuneSelf || g.m.ascii[asciiFold[r]] != 0) {
			g.record(text, i, s)
		}
		prevWord = w
		i += size
	}
}

// record walks from text[i] and keeps each rule's longest match there.
func (g *group) record(text string, i int, s *scanState) {
	s.touched = g.walk(text, i, s.next, s.mark, s.best, s.touched[:0])
	for _, rule := range s.touched {
		m := s.best[rule]
		s.occ[rule] = append(s.occ[rule], m)
		s.next[rule] = m.end
	}
}

// walk follows the trie from text[i] and records in best, for each rule
// free to match at i, its longest phrase ending at a word boundary. It
// appends the rules that matched to touched; mark[rule] == i+1 says a rule
// is already there.
func (g *group) walk(text string, i int, next, mark []int, best []match, touched []int32) []int32 {
	cur := int32(0)
	for j := i; j < len(text); {
		r, size := utf8.DecodeRuneInString(text[j:])
		f := fold(r)
		nx := g.m.child(cur, f, false)
		if nx == 0 {
			break
		}
		cur = nx
		j += size
		if f == ' ' {
			for j < len(text) {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if fold(r2) != ' ' {
					break
				}
				j += s2
			}
			continue // a phrase never ends with a space
		}
		out := g.m.nodes[cur].out
		if out == 0 {
			continue
		}
		if isWord(r) && j < len(text) {
			if nr, _ := utf8.DecodeRuneInString(text[j:]); isWord(nr) {
				continue
			}
		}
		for _, o := range g.outs[out-1] {
			if i < next[o.rule] {
				continue
			}
			if mark[o.rule] != i+1 {
				mark[o.rule] = i + 1
				touched = append(touched, o.rule)
			}
			best[o.rule] = match{start: i, end: j, phrase: int(o.phrase)}
		}
	}
	return touched
}

// within returns the matches of occ (sorted by start) that lie inside s.
func within(occ []match, s lint.Span) []match {
	lo := sort.Search(len(occ), func(i int) bool { return occ[i].start >= s.Start })
	hi := lo
	for hi < len(occ) && occ[hi].start < s.End {
		hi++
	}
	out := occ[lo:hi]
	for _, m := range out {
		if m.end > s.End {
			// Rare: a phrase running across the end of the unit. Copy
			// and drop such matches.
			kept := make([]match, 0, len(out))
			for _, m := range out {
				if m.end <= s.End {
					kept = append(kept, m)
				}
			}
			return kept
		}
	}
	return out
}
