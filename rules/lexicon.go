package rules

// The rules' fixed lexicons (speech verbs, stop words, institutions...) are
// word lists in the source, and one generated table in the binary
// (lexicon_table.go: go generate ./rules): an open-addressing hash table in
// initialised data, built by no code at start-up, where one probe tells
// every lexicon a word is in and, for an irregular form, its base form.

// The word table first: the irregular forms' stems (irregular_table.go)
// are computed with it.
//go:generate go test -run ^TestLexTableUpToDate$ -update
//go:generate go test -run ^TestIrregularTableUpToDate$ -update

// lexSet is a set of lexicons, one bit each.
type lexSet uint32

const (
	lexSpeechVerbs lexSet = 1 << iota
	lexClaimAdverbs
	lexAnonymousHeads
	lexHonorifics
	lexInstitutions
	lexCourtWords
	lexDenialWords
	lexClaimNounModifiers
	lexMonthPrepositions
	lexDateWords
	lexBareVerbs
	lexAuxiliaries
	lexWhWords
	lexSoftHedges
	lexPersonNouns
	lexBareTailSources
	lexStopWords
	lexClaimFillers
	lexContrastWords
	lexBodyHedges
	lexAgentlessParticiples
	lexGluedAllow
	numLexicons = iota
)

// wordList is a fixed lexicon: its words (the generator's source) and its
// bit in the word table.
type wordList struct {
	bit   lexSet
	words []string
}

// has reports whether w is in the list.
func (l wordList) has(w string) bool { return lexLookup(w).sets&l.bit != 0 }

// lexEntry is a word of the word table.
type lexEntry struct {
	word string
	sets lexSet
	base string // for a form in irregularVerbs, its base form
}

// lexHash is FNV-1a: the generator places the words with it.
func lexHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	return h
}

var noEntry lexEntry

// lexLookup returns w's entry in the word table, or an empty one.
func lexLookup(w string) *lexEntry {
	if len(w) > lexMaxLen || w == "" {
		return &noEntry
	}
	const mask = len(lexIndex) - 1
	for i := int(lexHash(w)) & mask; ; i = (i + 1) & mask {
		k := lexIndex[i]
		if k == 0 {
			return &noEntry
		}
		if e := &lexEntries[k-1]; e.word == w {
			return e
		}
	}
}

// irregularBase returns the base form of the irregular form w.
func irregularBase(w string) (string, bool) {
	b := lexLookup(w).base
	return b, b != ""
}
