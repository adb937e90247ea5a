package evaluate

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Classes of attribution source strings, as labels of "attribution" items.
const (
	SourceAnonymous  = "anonymous"  // an unnamed person or a vague collective
	SourceNamed      = "named"      // a name, institution, spokesperson or document
	SourceUnresolved = "unresolved" // a pronoun or empty: its class is its antecedent's
)

// SourceClass decides from a PolNeAR source string whether the source is
// anonymous. PolNeAR does not label anonymity, so this is our rule,
// following RULES.md §1.3:
//
//  1. Pronouns and relative pronouns ("he", "they", "who", "which") are
//     unresolved: their class is that of the antecedent, which the string
//     does not show. They are not scored.
//  2. The head phrase is the string up to the first complement ("for",
//     "of", "at", "familiar", "close", "who", a comma...), so "a spokeswoman
//     for Ana Ruiz" has the head phrase "a spokeswoman".
//  3. Anonymous when the last word of the head phrase is an unnamed-person
//     or vague-collective noun (official, source, aide, adviser, insider,
//     diplomat, lawmaker, person, people, friend, attorney, critics, experts,
//     analysts, observers, someone, one, another, others...), or the phrase starts
//     with a vague quantifier (some, many, several, most, few...), or it is
//     bare "reports"/"media reports" — unless an appositive name follows a
//     comma ("an aide, Tom Hale,") or the last word is capitalised
//     ("Kelbridge Insider" is a publication).
//  4. Everything else is named: names ("council leader Ruth Okafor"),
//     institutions and their spokespeople (RULES.md §3 counts "a council
//     spokesperson" as on the record), documents ("the report"), and also
//     bare collectives the rules do not treat as weasels ("voters",
//     "Republicans") — an approximation.
func SourceClass(source string) string {
	s := source
	if i := strings.Index(s, " ... "); i >= 0 {
		s = s[:i] // discontinuous span: the first piece holds the head
	}
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), ",;:.—–-"))
	s = stripPossessive(s)
	if s == "" {
		return SourceUnresolved
	}
	lower := strings.ToLower(s)
	if pronouns[lower] {
		return SourceUnresolved
	}
	words := strings.Fields(s)
	head := headPhrase(words)
	if len(head) == 0 {
		return SourceNamed
	}
	if appositiveName(words) {
		return SourceNamed
	}
	first := strings.ToLower(trimWord(head[0]))
	lastWord := stripPossessive(trimWord(head[len(head)-1]))
	last := strings.ToLower(lastWord)
	switch {
	case len(head) > 1 && capitalised(lastWord):
		return SourceNamed // a proper noun: "Business Insider", "aide Tom Hale"
	case anonymousHeads[last]:
		return SourceAnonymous
	case vagueQuantifiers[first]:
		return SourceAnonymous
	case last == "reports" && !determiners[first]:
		return SourceAnonymous
	}
	return SourceNamed
}

// headPhrase returns the words before the first complement or comma.
func headPhrase(words []string) []string {
	for i, w := range words {
		lw := strings.ToLower(w)
		if i > 0 && complements[lw] {
			return words[:i]
		}
		if strings.HasPrefix(w, "(") || w == "—" || w == "–" || w == "-" {
			return words[:i]
		}
		if strings.HasSuffix(w, ",") {
			return words[:i+1]
		}
	}
	return words
}

// appositiveName reports whether a comma is followed by two capitalised
// words, as in "an aide, Tom Hale".
func appositiveName(words []string) bool {
	for i, w := range words {
		if strings.HasSuffix(w, ",") && i+2 < len(words) && capitalised(words[i+1]) && capitalised(words[i+2]) {
			return true
		}
	}
	return false
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func trimWord(w string) string {
	return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func stripPossessive(s string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, suf) {
			return s[:len(s)-len(suf)]
		}
	}
	return s
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

var pronouns = set("he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "hers",
	"their", "theirs", "its", "our", "my", "your", "me", "us", "who", "whom", "whose", "which", "that",
	"this", "these", "those", "one's", "himself", "herself", "themselves")

var complements = set("for", "of", "at", "in", "with", "from", "familiar", "close", "briefed",
	"knowledgeable", "involved", "inside", "within", "on", "who", "whom", "whose", "that", "which",
	"to", "under", "among", "across", "working", "speaking", "representing", "including", "and", "by")

var anonymousHeads = set(
	// unnamed people
	"official", "officials", "source", "sources", "aide", "aides", "adviser", "advisers", "advisor",
	"advisors", "insider", "insiders", "diplomat", "diplomats", "staffer", "staffers", "person",
	"people", "individual", "individuals", "executive", "executives", "employee", "employees",
	"operative", "operatives", "strategist", "strategists", "lawmaker", "lawmakers", "legislator",
	"legislators", "member", "members", "ally", "allies", "associate", "associates", "confidant",
	"confidants", "donor", "donors", "investigator", "investigators", "witness", "witnesses",
	"resident", "residents", "colleague", "colleagues", "friend", "friends", "relative", "relatives",
	"neighbor", "neighbors", "neighbour", "neighbours",
	"attorney", "attorneys", "lawyer", "lawyers",
	"consultant", "consultants", "agent", "agents", "officer", "officers", "worker", "workers",
	"teacher", "teachers", "inspector", "inspectors", "economist", "economists", "researcher",
	"researchers", "scientist", "scientists", "supporter", "supporters", "opponent", "opponents",
	"someone", "somebody", "one", "another", "those",
	// vague collectives (RULES.md §1.3 weasels)
	"critics", "observers", "experts", "analysts", "others", "some", "many", "several",
)

var vagueQuantifiers = set("some", "many", "several", "most", "few", "numerous", "multiple", "various", "other", "others")

var determiners = set("the", "a", "an", "this", "that", "his", "her", "their", "its", "our", "my")
