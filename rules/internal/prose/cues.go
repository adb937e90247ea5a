package prose

import (
	"unsafe"

	"copydesk/lint"
)

// The participles of "is X to" (§2), the question they raise and the key
// of their cue. The strings are static, so a cue's Key and Verb never
// share the analysis' recycled memory. passiveToCue finds an entry; the
// lexicon gives their words the class wPassiveTo.
var passiveToCues = [...]struct{ verb, key string }{
	{"said", "is said to"}, {"believed", "is believed to"}, {"thought", "is thought to"},
	{"understood", "is understood to"}, {"rumoured", "is rumoured to"}, {"rumored", "is rumored to"},
	{"reported", "is reported to"}, {"alleged", "is alleged to"}, {"tipped", "is tipped to"},
	{"suspected", "is suspected to"}, {"expected", "is expected to"},
}

// The participles of "is widely X" and their keys.
var widelyCues = [...]struct{ verb, key string }{
	{"regarded", "is widely regarded"}, {"considered", "is widely considered"},
	{"believed", "is widely believed"}, {"tipped", "is widely tipped"}, {"expected", "is widely expected"},
	{"seen", "is widely seen"}, {"viewed", "is widely viewed"},
}

// The participles of "it is [widely] X [that]" and their keys; widelyOnly
// marks those that need "widely" ("it is widely known").
var itIsCues = [...]struct {
	verb, key, keyThat, widely, widelyThat string
	widelyOnly                             bool
}{
	{"believed", "it is believed", "it is believed that", "it is widely believed", "it is widely believed that", false},
	{"thought", "it is thought", "it is thought that", "it is widely thought", "it is widely thought that", false},
	{"understood", "it is understood", "it is understood that", "it is widely understood", "it is widely understood that", false},
	{"suggested", "it is suggested", "it is suggested that", "it is widely suggested", "it is widely suggested that", false},
	{"claimed", "it is claimed", "it is claimed that", "it is widely claimed", "it is widely claimed that", false},
	{"alleged", "it is alleged", "it is alleged that", "it is widely alleged", "it is widely alleged that", false},
	{"reported", "it is reported", "it is reported that", "it is widely reported", "it is widely reported that", false},
	{"rumoured", "it is rumoured", "it is rumoured that", "it is widely rumoured", "it is widely rumoured that", false},
	{"rumored", "it is rumored", "it is rumored that", "it is widely rumored", "it is widely rumored that", false},
	{"said", "it is said", "it is said that", "it is widely said", "it is widely said that", false},
	{"known", "it is known", "it is known that", "it is widely known", "it is widely known that", true},
	{"accepted", "it is accepted", "it is accepted that", "it is widely accepted", "it is widely accepted that", true},
}

// Adverb cues and the participle to ask about.
var adverbCues = [...]struct{ adverb, verb string }{
	{"reportedly", "reported"}, {"allegedly", "alleged"}, {"supposedly", "supposed"},
	{"purportedly", "purported"}, {"reputedly", "reputed"},
}

// passiveToCue returns the entry of passiveToCues for x, or a zero one.
func passiveToCue(x string) (verb, key string) {
	for _, e := range &passiveToCues {
		if e.verb == x {
			return e.verb, e.key
		}
	}
	return "", ""
}

// widelyCue returns the entry of widelyCues for x, or a zero one.
func widelyCue(x string) (verb, key string) {
	for _, e := range &widelyCues {
		if e.verb == x {
			return e.verb, e.key
		}
	}
	return "", ""
}

// itIsCue returns the index of x in itIsCues, or -1.
func itIsCue(x string) int {
	for i := range itIsCues {
		if itIsCues[i].verb == x {
			return i
		}
	}
	return -1
}

// adverbCue returns the static adverb equal to w and its participle.
func adverbCue(w string) (adverb, verb string) {
	for _, e := range &adverbCues {
		if e.adverb == w {
			return e.adverb, e.verb
		}
	}
	return "", ""
}

// Verbs that follow a weasel subject (the lexicon's class wWeaselVerb).
var weaselVerbs = []string{
	"say", "says", "said", "argue", "argues", "argued", "believe", "believed", "claim", "claimed", "feel", "felt",
	"think", "thought", "contend", "contended", "warn", "warned", "note", "noted", "suggest", "suggested",
	"fear", "feared", "insist", "insisted", "maintain", "maintained",
}

// Modifiers allowed between a copula and a participle (the lexicon's class
// wPassiveAdverb).
var passiveAdverbs = []string{
	"widely", "generally", "largely", "also", "now", "still", "often", "increasingly", "not", "long", "commonly",
	"already", "currently", "originally", "initially", "further", "even", "privately", "broadly", "universally",
	"mistakenly", "falsely",
}

// cues finds §2 constructions outside quotes in sentence si.
func (z *analyzer) cues(si int, toks []Token) {
	s := &z.a.Sentences[si]
	for j := 0; j < len(toks); j++ {
		if toks[j].cls&wCueStart == 0 || !word(toks, j) {
			continue
		}
		w := z.lw(toks[j])
		switch {
		case w == "it":
			if k := z.itCue(si, toks, j); k > j {
				j = k
			}
		case toks[j].cls&wCopula != 0 && w != "'s" && w != "’s":
			if k := z.copulaCue(si, toks, j, j); k > j {
				j = k
			}
		case w == "has" || w == "have" || w == "had":
			if z.wordIs(toks, j+1, "been") {
				if k := z.copulaCue(si, toks, j, j+1); k > j {
					j = k
				}
			}
		case w == "in":
			if k := z.inWhatCue(si, toks, j); k > j {
				j = k
			}
		case toks[j].cls&wCueAdverb != 0:
			if (w == "supposedly" || w == "purportedly") && word(toks, j-1) && toks[j-1].cls&(wDet|wPossessive) != 0 {
				break // "the supposedly imminent ban": the writer's doubt, not a report
			}
			if w == "allegedly" && (z.wordIs(toks, j-1, "for") || z.wordIs(toks, j-1, "of")) {
				break // "wanted for allegedly…", "accused of allegedly…": the charge is the source
			}
			adverb, verb := adverbCue(w)
			z.addCue(si, toks, j, j, Adverb, adverb, verb).Legal = w == "allegedly"
		case w == "according":
			if z.wordIs(toks, j+1, "to") {
				k := j + 2
				if word(toks, k) && (z.lw(toks[k]) == "media" || z.lw(toks[k]) == "local" || z.lw(toks[k]) == "press" || z.lw(toks[k]) == "news" || z.lw(toks[k]) == "unconfirmed") {
					k++
				}
				if z.wordIs(toks, k, "reports") && (k+1 == len(toks) || toks[k+1].Kind == Punct || z.wordIs(toks, k+1, "that")) {
					z.addCue(si, toks, j, k, Adverb, "according to reports", "reported")
					j = k
				}
			}
		case w == "rumour" || w == "rumor":
			if z.wordIs(toks, j+1, "has") && z.wordIs(toks, j+2, "it") {
				z.addCue(si, toks, j, j+2, Adverb, "rumour has it", "rumoured")
				j += 2
			}
		case w == "some" || w == "many" || toks[j].cls&wWeaselNoun != 0:
			if k := z.weaselCue(si, toks, j); k > j {
				j = k
			}
		}
	}
	_ = s
}

// addCue appends a cue spanning toks[from..to] and returns it, for the
// caller to set its other fields.
func (z *analyzer) addCue(si int, toks []Token, from, to int, kind CueKind, key, verb string) *Cue {
	z.a.Cues = append(z.a.Cues, Cue{
		Span: lint.Span{Start: int(toks[from].Start), End: int(toks[to].End)},
		Kind: kind, Key: key, Verb: verb, Sentence: si, Block: z.a.Sentences[si].Block, CoveredBy: -1,
	})
	return &z.a.Cues[len(z.a.Cues)-1]
}

// infinitive reports whether toks[k] can begin a bare infinitive after "to"
// ("to be", "to have", "to resign"), not a noun phrase ("to police").
func (z *analyzer) infinitive(toks []Token, k int) bool {
	if !word(toks, k) || toks[k].Is(Cap) {
		return false
	}
	c := toks[k].cls
	return c&(wDet|wPossessive|wSubjPronoun|wInstitution|wAnonNoun|wIndef) == 0 || z.lw(toks[k]) == "be"
}

// copulaCue matches "is/are/was/were [adv] [being] X to|as" starting at the
// copula (at j, or "been" at b for "has been") and returns the last token
// index used, or j.
func (z *analyzer) copulaCue(si int, toks []Token, j, b int) int {
	k := b + 1
	widely := false
	for n := 0; n < 2 && word(toks, k) && toks[k].cls&wPassiveAdverb != 0; n++ {
		if z.lw(toks[k]) == "widely" {
			widely = true
		}
		k++
	}
	if z.wordIs(toks, k, "being") {
		k++
	}
	if !word(toks, k) {
		return j
	}
	x := z.lw(toks[k])
	perfect := b != j
	switch {
	case toks[k].cls&wPassiveTo != 0 && z.wordIs(toks, k+1, "to") && z.infinitive(toks, k+2):
		verb, key := passiveToCue(x)
		kind := Passive
		if x == "expected" {
			kind = Prediction
			if perfect {
				return j
			}
		}
		c := z.addCue(si, toks, j, k+1, kind, key, verb)
		c.Legal = x == "alleged"
		if kind == Prediction {
			c.Scheduled = z.procedural(toks, k+2) && z.namesTime(toks)
		}
		return k + 1
	case x == "seen" && z.wordIs(toks, k+1, "as") && !perfect:
		if word(toks, k+2) && toks[k+2].cls&wSubjPronoun != 0 && word(toks, k+3) {
			return j // "seen as she left"
		}
		key := "is seen as"
		if widely {
			key = "is widely seen as"
		}
		z.addCue(si, toks, j, k+1, Passive, key, "seen")
		return k + 1
	case widely && !perfect && (x == "regarded" || x == "considered" || x == "believed" || x == "tipped" || x == "expected" || x == "seen" || x == "viewed"):
		verb, key := widelyCue(x)
		z.addCue(si, toks, j, k, Passive, key, verb)
		return k
	case x == "described" && z.wordIs(toks, k+1, "as") && (perfect || !widely):
		// Only without an agent later in the clause.
		for m := k + 2; m < len(toks) && m < k+12; m++ {
			if toks[m].Kind == Punct && toks[m].Flags&InQuote == 0 && (toks[m].Rune == ',' || toks[m].Rune == ';' || toks[m].Rune == '.') {
				break
			}
			if z.wordIs(toks, m, "by") {
				return j
			}
		}
		if !perfect {
			return j // "was described as" is usually followed by its describer
		}
		z.addCue(si, toks, j, k+1, Passive, "has been described as", "described")
		return k + 1
	}
	return j
}

// itCue matches "it is/was/has been [widely] X [that]".
func (z *analyzer) itCue(si int, toks []Token, j int) int {
	k := j + 1
	switch {
	case z.wordIs(toks, k, "is") || z.wordIs(toks, k, "was"):
		k++
	case (z.wordIs(toks, k, "has") || z.wordIs(toks, k, "had")) && z.wordIs(toks, k+1, "been"):
		k += 2
	case (z.wordIs(toks, k, "'s") || z.wordIs(toks, k, "’s")):
		k++
	default:
		return j
	}
	widely := false
	if z.wordIs(toks, k, "widely") || z.wordIs(toks, k, "generally") {
		widely = true
		k++
	}
	if !word(toks, k) {
		return j
	}
	x := z.lw(toks[k])
	e := itIsCue(x)
	if e < 0 || itIsCues[e].widelyOnly && !widely {
		return j
	}
	if z.wordIs(toks, k+1, "by") || z.wordIs(toks, k+1, "to") && x == "reported" || z.wordIs(toks, k+1, "in") || z.wordIs(toks, k+1, "on") || z.wordIs(toks, k+1, "as") {
		return j // an agent, or "it was reported to police"
	}
	// "it is said" needs a clause: "that", a comma or the end.
	end := k
	if z.wordIs(toks, k+1, "that") {
		end = k + 1
	} else if x == "thought" || x == "said" || x == "believed" {
		if !(k+1 < len(toks) && toks[k+1].Kind == Punct) && !z.wordIs(toks, k+1, "the") && !word(toks, k+1) {
			return j
		}
		if word(toks, k+1) && (z.lw(toks[k+1]) == "to" || z.lw(toks[k+1]) == "about" || z.lw(toks[k+1]) == "of") {
			return j
		}
	}
	ic := &itIsCues[e]
	key := ic.key
	switch {
	case widely && end > k:
		key = ic.widelyThat
	case widely:
		key = ic.widely
	case end > k:
		key = ic.keyThat
	}
	kind := Passive
	if widely && x != "believed" && x != "thought" {
		kind = WeaselCue
	}
	z.addCue(si, toks, j, end, kind, key, ic.verb).Legal = x == "alleged"
	return end
}

// inWhatCue matches "in what (is|was)? (widely)? (being)? seen as" and "in
// what (many|some) see as".
func (z *analyzer) inWhatCue(si int, toks []Token, j int) int {
	if !z.wordIs(toks, j+1, "what") {
		return j
	}
	k := j + 2
	if z.wordIs(toks, k, "many") || z.wordIs(toks, k, "some") {
		if (z.wordIs(toks, k+1, "see") || z.wordIs(toks, k+1, "saw") || z.wordIs(toks, k+1, "regard")) && z.wordIs(toks, k+2, "as") {
			z.addCue(si, toks, j, k+2, WeaselCue, "in what many see as", "seen").Idiom = true
			return k + 2
		}
		return j
	}
	if z.wordIs(toks, k, "is") || z.wordIs(toks, k, "was") {
		k++
	}
	if z.wordIs(toks, k, "widely") || z.wordIs(toks, k, "being") {
		k++
	}
	if z.wordIs(toks, k, "being") {
		k++
	}
	if (z.wordIs(toks, k, "seen") || z.wordIs(toks, k, "viewed") || z.wordIs(toks, k, "regarded")) && z.wordIs(toks, k+1, "as") {
		verb := "seen"
		switch z.lw(toks[k]) {
		case "viewed":
			verb = "viewed"
		case "regarded":
			verb = "regarded"
		}
		z.addCue(si, toks, j, k+1, Passive, "in what is seen as", verb).Idiom = true
		return k + 1
	}
	return j
}

// clauseStart reports whether toks[j] begins a clause: the sentence start,
// after punctuation, a quote, or a conjunction.
func (z *analyzer) clauseStart(toks []Token, j int) bool {
	if j == 0 {
		return true
	}
	p := toks[j-1]
	if p.Flags&InQuote != 0 || p.Kind == Punct {
		return p.Kind == Punct || p.Flags&InQuote != 0
	}
	switch z.lw(p) {
	case "and", "but", "that", "while", "as", "though", "although", "yet", "because", "so", "whereas", "since", "where":
		return true
	}
	return false
}

// weaselCue matches "(some|many) (people|observers|residents)? VERB" and
// "critics/observers/experts/analysts (of …)? (, appositive,)? VERB".
func (z *analyzer) weaselCue(si int, toks []Token, j int) int {
	w := z.lw(toks[j])
	start := j
	k := j
	if w == "some" || w == "many" {
		if !z.clauseStart(toks, j) || z.wordIs(toks, j+1, "of") || z.wordIs(toks, j+1, "in") {
			return j // "some of them said": a group the story has named
		}
		k++
		if word(toks, k) {
			switch z.lw(toks[k]) {
			case "people", "observers", "residents", "others", "critics", "experts", "analysts", "commentators", "voters", "fans", "locals":
				k++
			}
		}
	} else {
		switch w {
		case "critics", "observers", "experts", "analysts", "commentators", "sceptics", "skeptics":
		default:
			return j
		}
		if !z.clauseStart(toks, j) && !(z.wordIs(toks, j-1, "other")) {
			return j
		}
		if z.wordIs(toks, j-1, "other") {
			start = j - 1
		}
		k++
	}
	named := false
	// An "of/in/at…" complement of up to six words.
	if word(toks, k) && (z.lw(toks[k]) == "of" || z.lw(toks[k]) == "in" || z.lw(toks[k]) == "at" || z.lw(toks[k]) == "from" || z.lw(toks[k]) == "on") && k > j {
		m := k + 1
		for ; m < len(toks) && m-k <= 6 && word(toks, m) && toks[m].cls&wWeaselVerb == 0; m++ {
			if toks[m].Is(Cap) {
				named = true
			}
		}
		k = m
	}
	// A comma-enclosed appositive.
	if punctIs(toks, k, ',') {
		m := k + 1
		for ; m < len(toks) && m-k <= 16 && !punctIs(toks, m, ','); m++ {
			if toks[m].Flags&InQuote != 0 || toks[m].Kind == Punct && (toks[m].Rune == '.' || toks[m].Rune == ';') {
				return j
			}
			if word(toks, m) && toks[m].Is(Cap) {
				named = true
			}
		}
		if !punctIs(toks, m, ',') {
			return j
		}
		k = m + 1
	}
	if !word(toks, k) || toks[k].cls&wWeaselVerb == 0 {
		return j
	}
	key := z.lower[int(toks[start].Start):int(toks[k].End)]
	if k-start > 2 {
		key = z.joinKey(z.lw(toks[start]), z.lw(toks[k]))
	}
	z.addCue(si, toks, start, k, WeaselCue, key, "").Named = named
	return k
}

// joinKey returns a + " " + b in the analysis' recycled key memory (valid
// until Release, as the lower-cased text is).
func (z *analyzer) joinKey(a, b string) string {
	t := z.a.bufs
	n := len(t.keys)
	t.keys = append(append(append(t.keys, a...), ' '), b...)
	return unsafe.String(&t.keys[n], len(t.keys)-n)
}

// procedural reports whether the infinitive at k names a procedural event:
// "vote", "meet", "take place", "be held", "be published".
func (z *analyzer) procedural(toks []Token, k int) bool {
	if toks[k].cls&wProcedural != 0 {
		return true
	}
	switch z.lw(toks[k]) {
	case "take":
		return z.wordIs(toks, k+1, "place")
	case "go":
		return z.wordIs(toks, k+1, "ahead")
	case "be":
		if word(toks, k+1) {
			switch z.lw(toks[k+1]) {
			case "held", "published", "announced", "signed", "opened", "debated", "heard", "released",
				"sworn", "unveiled", "launched", "discussed", "considered", "decided", "sentenced", "named":
				return true
			}
		}
	}
	return false
}

// namesTime reports whether a sentence names a specific time: a weekday,
// today/tonight/tomorrow, next week, or a date.
func (z *analyzer) namesTime(toks []Token) bool {
	for k := range toks {
		t := toks[k]
		if t.Kind != Word {
			continue
		}
		c := t.cls
		if c&wWeekday != 0 {
			return true
		}
		if c&wMonth != 0 && (t.Is(Cap) || z.lw(t) != "may") {
			if z.lw(t) == "may" && !z.isMonthMay(toks, k) {
				continue
			}
			if z.lw(t) == "march" && !t.Is(Cap) {
				continue
			}
			return true
		}
		if (z.lw(t) == "next" || z.lw(t) == "this") && k+1 < len(toks) {
			switch z.lw(toks[k+1]) {
			case "week", "month", "year", "weekend", "spring", "summer", "autumn", "winter", "morning", "afternoon", "evening":
				return true
			}
		}
	}
	return false
}
