package prose

import "copydesk/lint"

// Passive participles of §2 and the question they raise.
var passiveTo = map[string]string{
	"said": "said", "believed": "believed", "thought": "thought", "understood": "understood",
	"rumoured": "rumoured", "rumored": "rumored", "reported": "reported", "alleged": "alleged",
	"tipped": "tipped", "suspected": "suspected", "expected": "expected",
}

// "it is X (that)" participles.
var itIs = map[string]bool{
	"believed": true, "thought": true, "understood": true, "suggested": true, "claimed": true,
	"alleged": true, "reported": true, "rumoured": true, "rumored": true, "said": true,
}

// Adverb cues and the participle to ask about.
var adverbCues = map[string]string{
	"reportedly": "reported", "allegedly": "alleged", "supposedly": "supposed",
	"purportedly": "purported", "reputedly": "reputed",
}

// Verbs that follow a weasel subject.
var weaselVerbs = map[string]bool{
	"say": true, "says": true, "said": true, "argue": true, "argues": true, "argued": true,
	"believe": true, "believed": true, "claim": true, "claimed": true, "feel": true, "felt": true,
	"think": true, "thought": true, "contend": true, "contended": true, "warn": true, "warned": true,
	"note": true, "noted": true, "suggest": true, "suggested": true, "fear": true, "feared": true,
	"insist": true, "insisted": true, "maintain": true, "maintained": true,
}

// Modifiers allowed between a copula and a participle.
var passiveAdverbs = map[string]bool{
	"widely": true, "generally": true, "largely": true, "also": true, "now": true, "still": true,
	"often": true, "increasingly": true, "not": true, "long": true, "commonly": true, "already": true,
	"currently": true, "originally": true, "initially": true, "further": true, "even": true,
	"privately": true, "broadly": true, "universally": true, "mistakenly": true, "falsely": true,
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
			z.addCue(si, toks, j, j, Adverb, w, adverbCues[w], func(c *Cue) { c.Legal = w == "allegedly" })
		case w == "according":
			if z.wordIs(toks, j+1, "to") {
				k := j + 2
				if word(toks, k) && (z.lw(toks[k]) == "media" || z.lw(toks[k]) == "local" || z.lw(toks[k]) == "press" || z.lw(toks[k]) == "news" || z.lw(toks[k]) == "unconfirmed") {
					k++
				}
				if z.wordIs(toks, k, "reports") && (k+1 == len(toks) || toks[k+1].Kind == Punct || z.wordIs(toks, k+1, "that")) {
					z.addCue(si, toks, j, k, Adverb, "according to reports", "reported", nil)
					j = k
				}
			}
		case w == "rumour" || w == "rumor":
			if z.wordIs(toks, j+1, "has") && z.wordIs(toks, j+2, "it") {
				z.addCue(si, toks, j, j+2, Adverb, "rumour has it", "rumoured", nil)
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

// addCue appends a cue spanning toks[from..to].
func (z *analyzer) addCue(si int, toks []Token, from, to int, kind CueKind, key, verb string, set func(*Cue)) {
	c := Cue{
		Span: lint.Span{Start: int(toks[from].Start), End: int(toks[to].End)},
		Kind: kind, Key: key, Verb: verb, Sentence: si, Block: z.a.Sentences[si].Block, CoveredBy: -1,
	}
	if set != nil {
		set(&c)
	}
	z.a.Cues = append(z.a.Cues, c)
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
		kind, key := Passive, "is "+x+" to"
		if x == "expected" {
			kind = Prediction
			key = "is expected to"
			if perfect {
				return j
			}
		}
		z.addCue(si, toks, j, k+1, kind, key, passiveTo[x], func(c *Cue) {
			c.Legal = x == "alleged"
			if kind == Prediction {
				c.Scheduled = z.procedural(toks, k+2) && z.namesTime(toks)
			}
		})
		return k + 1
	case x == "seen" && z.wordIs(toks, k+1, "as") && !perfect:
		if word(toks, k+2) && toks[k+2].cls&wSubjPronoun != 0 && word(toks, k+3) {
			return j // "seen as she left"
		}
		key := "is seen as"
		if widely {
			key = "is widely seen as"
		}
		z.addCue(si, toks, j, k+1, Passive, key, "seen", nil)
		return k + 1
	case widely && !perfect && (x == "regarded" || x == "considered" || x == "believed" || x == "tipped" || x == "expected" || x == "seen" || x == "viewed"):
		z.addCue(si, toks, j, k, Passive, "is widely "+x, x, nil)
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
		z.addCue(si, toks, j, k+1, Passive, "has been described as", "described", nil)
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
	ok := itIs[x] || widely && (x == "known" || x == "accepted" || x == "believed" || x == "thought")
	if !ok {
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
	key := "it is " + x
	if widely {
		key = "it is widely " + x
	}
	if end > k {
		key += " that"
	}
	verb := x
	kind := Passive
	if widely && x != "believed" && x != "thought" {
		kind = WeaselCue
	}
	z.addCue(si, toks, j, end, kind, key, verb, func(c *Cue) { c.Legal = x == "alleged" })
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
			z.addCue(si, toks, j, k+2, WeaselCue, "in what many see as", "seen", func(c *Cue) { c.Idiom = true })
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
		z.addCue(si, toks, j, k+1, Passive, "in what is seen as", z.lw(toks[k]), func(c *Cue) { c.Idiom = true })
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
		for ; m < len(toks) && m-k <= 6 && word(toks, m) && !weaselVerbs[z.lw(toks[m])]; m++ {
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
	if !word(toks, k) || !weaselVerbs[z.lw(toks[k])] {
		return j
	}
	key := z.lower[int(toks[start].Start):int(toks[k].End)]
	if k-start > 2 {
		key = z.lw(toks[start]) + " " + z.lw(toks[k])
	}
	z.addCue(si, toks, start, k, WeaselCue, key, "", func(c *Cue) { c.Named = named })
	return k
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
