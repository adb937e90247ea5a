package rules

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/lint"
	"copydesk/rules/internal/prose"
)

// TestClaimIndexMayStem checks the filter headline-overstates runs before
// stemming: whenever a word stems to a claim word, mayStem lets it through.
// Words: the stemmer's own lists and every word of the rule fixtures; claims:
// random sets of their stems.
func TestClaimIndexMayStem(t *testing.T) {
	seen := map[string]bool{}
	var words []string
	addWord := func(w string) {
		if w != "" && !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	for _, ir := range irregularVerbs {
		addWord(ir.form)
		addWord(ir.base)
		addWord(ir.form + "'s")
		addWord(ir.form + "’s")
	}
	for _, w := range stopWords.words {
		addWord(w)
	}
	for _, w := range claimFillers.words {
		addWord(w)
	}
	paths, _ := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*"))
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		text := string(src)
		lower := prose.LowerASCII(text)
		for _, tk := range prose.Tokens(text, lint.Span{Start: 0, End: len(text)}) {
			if tk.Kind == prose.Word {
				addWord(tk.Text(lower))
			}
		}
	}
	if len(words) < 500 {
		t.Fatalf("only %d words to test", len(words))
	}
	var stems []string
	stemSeen := map[string]bool{}
	for _, w := range words {
		if st := claimStem(w); st != "" && !stemSeen[st] {
			stemSeen[st] = true
			stems = append(stems, st)
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 300; round++ {
		claim := make([]string, 0, maxClaimWords)
		in := map[string]bool{}
		for len(claim) < 3+rng.IntN(maxClaimWords-3) {
			st := stems[rng.IntN(len(stems))]
			if !in[st] {
				in[st] = true
				claim = append(claim, st)
			}
		}
		idx := newClaimIndex(claim, nil)
		for _, w := range words {
			if in[claimStem(w)] && !idx.mayStem(claim, w) {
				t.Fatalf("claim %q: %q stems to %q, but mayStem is false", strings.Join(claim, " "), w, claimStem(w))
			}
		}
	}
}
