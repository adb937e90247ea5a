package prose

import (
	"encoding/binary"
	"math"
	"strings"
	"unsafe"

	"copydesk/lint"
)

// analyzer holds the state of one Analyze run.
type analyzer struct {
	a     *Analysis
	doc   *lint.Document
	lower string
	// lastBody is the index of the last body block seen, -1 at first.
	lastBody int
	// paraAttr is the index of the first attribution of the current block.
	paraAttr int
	// prevParaAttr is the range of attributions of the previous body block.
	prevParaStart, prevParaEnd int
	// sent holds, per sentence, the classes of its words.
	sent []sentClasses
}

// analyze computes the attribution model of doc, on tables that an
// earlier analysis released if there are any (see Release).
func analyze(doc *lint.Document) *Analysis { return analyzeInto(doc, getTables()) }

// analyzeInto is analyze on the tables t.
func analyzeInto(doc *lint.Document, t *tables) *Analysis {
	a := &t.an
	*a = Analysis{Doc: doc, bufs: t}
	// Least capacities: none for new tables, whose caller may never
	// release them, generous ones for recycled tables that a draft
	// outgrows (see minLower).
	lower, toks, sents := 0, 0, 0
	if t.recycled {
		lower, toks, sents = minLower, minTokens, minSentences
	}
	// 16 spare bytes after the text for classify.
	t.lower = appendLower(reserve(t.lower, len(doc.Text)+16, lower), doc.Text)
	z := &analyzer{a: a, doc: doc, lower: unsafe.String(unsafe.SliceData(t.lower), len(t.lower)), lastBody: -1}
	a.lower = z.lower
	a.BlockSentences = reserve(t.blockSentences, len(doc.Blocks), sents)[:len(doc.Blocks)]
	// Prose runs at about one token per five bytes, rarely more than one
	// per four: growing the slice would copy it, and for a 50 MB draft that is a
	// copy of several hundred megabytes.
	a.Tokens = reserve(t.tokens, len(doc.Text)/4+16, toks)
	nSent := 0
	for _, b := range doc.Blocks {
		nSent += max(1, len(b.Sentences))
	}
	a.Sentences = reserve(t.sentences, nSent, sents)
	a.Court = reserve(t.court, nSent, sents)
	a.Attributions = reserve(t.attributions, nSent, sents)
	a.Hedges = reserve(t.hedges, nSent/2+4, sents/2)
	a.Cues = reserve(t.cues, nSent/8+4, sents/8)
	z.sent = reserve(t.sent, nSent, sents)
	qi := 0
	for bi := range doc.Blocks {
		blk := &doc.Blocks[bi]
		body := bi != doc.HeadlineBlock && !blk.Quoted &&
			(blk.Kind == lint.Paragraph || blk.Kind == lint.ListItem || blk.Kind == lint.Caption || blk.Kind == lint.Other)
		first := len(a.Sentences)
		one := [1]lint.Span{blk.Span}
		sents := blk.Sentences
		if len(sents) == 0 {
			sents = one[:]
		}
		for _, ss := range sents {
			ts := len(a.Tokens)
			a.Tokens = appendTokensIn(a.Tokens, doc.Text, ss)
			toks := a.Tokens[ts:]
			// The classes of the sentence's words, for the passes of block
			// to skip a sentence with nothing for them.
			words := z.classify(toks)
			var free wclass
			colon := false
			for qi < len(doc.Quotes) && doc.Quotes[qi].End <= ss.Start {
				qi++
			}
			if qi == len(doc.Quotes) || doc.Quotes[qi].Start >= ss.End {
				// No quote reaches the sentence: every token is outside.
				quoted := true
				for k := range toks {
					t := &toks[k]
					switch t.Kind {
					case Word, Number:
						quoted = false
					default:
						if t.Rune == ':' && k >= 1 && k < 12 {
							colon = true
						}
					}
				}
				free = words
				z.addSentence(ss, bi, body, quoted, ts, words, free, colon)
				continue
			}
			quoted := true
			// The current quote, [qs, qe); both past any offset once the
			// quotes run out.
			qs, qe := doc.Quotes[qi].Start, doc.Quotes[qi].End
			for k := range toks {
				t := &toks[k]
				off := int(t.Start)
				for qe <= off {
					if qi++; qi < len(doc.Quotes) {
						qs, qe = doc.Quotes[qi].Start, doc.Quotes[qi].End
					} else {
						qs, qe = math.MaxInt, math.MaxInt
					}
				}
				if qs <= off {
					t.Flags |= InQuote
				} else {
					if t.Kind != Punct {
						quoted = false
					}
					if t.Kind == Word {
						free |= t.cls
					} else if t.Kind == Punct && t.Rune == ':' && k >= 1 && k < 12 {
						colon = true
					}
				}
			}
			z.addSentence(ss, bi, body, quoted, ts, words, free, colon)
		}
		a.BlockSentences[bi] = [2]int{first, len(a.Sentences)}
		z.block(bi, body)
	}
	t.sent = z.sent[:0]
	return a
}

// addSentence appends the sentence ss of block bi whose tokens start at ts;
// words and free are the classes of its words, all and those outside
// quotes, colon whether an unquoted ':' could introduce a colon quote.
func (z *analyzer) addSentence(ss lint.Span, bi int, body, quoted bool, ts int, words, free wclass, colon bool) {
	a := z.a
	a.Sentences = append(a.Sentences, Sentence{})
	s := &a.Sentences[len(a.Sentences)-1]
	s.Span, s.Block, s.Headline, s.Body, s.Quoted = ss, bi, bi == z.doc.HeadlineBlock, body, quoted
	s.TokStart, s.TokEnd, s.Speaker = ts, len(a.Tokens), -1
	z.sent = append(z.sent, sentClasses{words: words, free: free, colon: colon})
}

// sentClasses are the word classes of one sentence (see addSentence).
type sentClasses struct {
	words, free wclass
	colon       bool
}

// block analyses the sentences of block bi.
func (z *analyzer) block(bi int, body bool) {
	a := z.a
	rng := a.BlockSentences[bi]
	z.paraAttr = len(a.Attributions)
	speaker := -1
	if body && rng[1] > rng[0] {
		speaker = z.reopened(bi, rng)
	}
	for si := rng[0]; si < rng[1]; si++ {
		s := &a.Sentences[si]
		s.AttrStart, s.CueStart, s.HedgeStart = len(a.Attributions), len(a.Cues), len(a.Hedges)
		if speaker >= 0 {
			s.Speaker = speaker
			if si == rng[0] {
				root := a.Root(speaker)
				a.Attributions = append(a.Attributions, Attribution{
					Cue: lint.Span{Start: s.Span.Start, End: s.Span.Start}, Class: a.Attributions[root].Class,
					Head: a.Attributions[root].Head, Sentence: si, Block: bi, Ref: root, Pronoun: true, Reopened: true,
				})
			}
		}
		toks := a.Tokens[s.TokStart:s.TokEnd]
		sc := z.sent[si]
		if sc.free&attrClasses != 0 {
			z.attributions(si, toks)
		}
		if sc.colon {
			z.colonQuote(si, toks)
		}
		if sc.free&wReasonCue != 0 {
			z.reasons(si, toks)
		}
		if sc.free&wCueStart != 0 {
			z.cues(si, toks)
		}
		if sc.free&wHedge != 0 {
			z.hedges(toks)
		}
		a.Court = append(a.Court, sc.words&wCourt != 0)
		s.AttrEnd, s.CueEnd, s.HedgeEnd = len(a.Attributions), len(a.Cues), len(a.Hedges)
		z.cover(si, toks)
	}
	if body {
		if len(a.Attributions) > z.paraAttr || speaker >= 0 {
			z.prevParaStart, z.prevParaEnd = z.paraAttr, len(a.Attributions)
		}
		z.lastBody = bi
	}
}

// reopened returns the speaker whose quote block bi reopens, or -1: the
// block starts with an opening quote mark and the previous body block ended
// inside a quote that had no closing mark (RULES.md §1.1).
func (z *analyzer) reopened(bi int, rng [2]int) int {
	a := z.a
	if z.lastBody < 0 || z.lastBody != bi-1 {
		return -1
	}
	s := &a.Sentences[rng[0]]
	if s.TokEnd == s.TokStart {
		return -1
	}
	first := a.Tokens[s.TokStart]
	if first.Kind != Punct || first.Flags&InQuote == 0 || !isQuoteMark(first.Rune) {
		return -1
	}
	prev := a.BlockSentences[bi-1]
	if prev[1] <= prev[0] {
		return -1
	}
	ps := &a.Sentences[prev[1]-1]
	if ps.TokEnd == ps.TokStart {
		return -1
	}
	last := a.Tokens[ps.TokEnd-1]
	if last.Flags&InQuote == 0 || (last.Kind == Punct && isQuoteMark(last.Rune)) {
		return -1
	}
	// The speaker: the last attribution of the previous block, or the
	// speaker it continued.
	for i := len(a.Attributions) - 1; i >= 0; i-- {
		if a.Attributions[i].Block == bi-1 {
			return a.Root(i)
		}
		if a.Attributions[i].Block < bi-1 {
			break
		}
	}
	if ps.Speaker >= 0 {
		return ps.Speaker
	}
	return -1
}

func isQuoteMark(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '«', '»', '„', '‚':
		return true
	}
	return false
}

// word returns whether toks[i] is an unquoted word.
func word(toks []Token, i int) bool {
	return i >= 0 && i < len(toks) && toks[i].Kind == Word && toks[i].Flags&InQuote == 0
}

// wordIs reports whether toks[i] is the unquoted word w.
func (z *analyzer) wordIs(toks []Token, i int, w string) bool {
	return word(toks, i) && z.lw(toks[i]) == w
}

// punctIs reports whether toks[i] is the unquoted punctuation r.
func punctIs(toks []Token, i int, r rune) bool {
	return i >= 0 && i < len(toks) && toks[i].Kind == Punct && toks[i].Rune == r && toks[i].Flags&InQuote == 0
}

func isIng(w string) bool { return len(w) > 4 && strings.HasSuffix(w, "ing") }

// attributions finds the speech and belief events of sentence si.
func (z *analyzer) attributions(si int, toks []Token) {
	for j := 0; j < len(toks); j++ {
		// Only words carry classes: this skips the rest of the tokens.
		if toks[j].cls&attrClasses == 0 || !word(toks, j) {
			continue
		}
		t := toks[j]
		w := z.lw(t)
		switch w {
		case "according":
			if z.wordIs(toks, j+1, "to") {
				z.forwardSource(si, toks, j, j+2, true)
				j++
			}
			continue
		case "citing":
			if j > 0 && punctIs(toks, j-1, ',') {
				z.forwardSource(si, toks, j, j+1, true)
			}
			continue
		}
		c := t.cls
		if c&(wReport|wBelief) == 0 || t.Is(Cap) {
			if t.Is(Cap) && j == 0 && c&wReport != 0 && z.lw(toks[j]) == "said" {
				// "Said Ms Rees: ..." is rare; leave it.
				continue
			}
			continue
		}
		if z.idiom(toks, j) {
			continue
		}
		ing := isIng(w)
		// Walk back over adverbs and auxiliaries to the subject.
		p := j - 1
		sawBe, sawTo, sawAux := false, false, false
		for p >= 0 && word(toks, p) {
			pc := toks[p].cls
			if pc&wPronoun != 0 {
				break
			}
			if z.lw(toks[p]) == "to" {
				sawTo = true
				break
			}
			if pc&(wAux|wAdverb|wBe) == 0 {
				break
			}
			if pc&(wCopula|wBe) != 0 {
				sawBe = true
			}
			sawAux = true
			p--
		}
		if sawTo && p == j-1 {
			continue // "declined to say", "is expected to announce"
		}
		if sawTo {
			continue
		}
		if ing && !sawBe {
			continue // "saying", "warning": not a finite verb
		}
		if sawBe && !ing && c&wParticiple != 0 && isParticiple(w) {
			continue // passive: "was told", "is said to", "is expected"
		}
		_ = sawAux
		if p >= 0 && word(toks, p) {
			if z.backwardSource(si, toks, j, p, c) {
				continue
			}
			// "A teacher who has lived here for years said": a relative
			// clause without commas.
			if who := z.relativeStart(toks, p); who > 0 && word(toks, who-1) && z.backwardSource(si, toks, j, who-1, c) {
				continue
			}
		}
		// Inverted or after an appositive.
		if p < 0 || !word(toks, p) {
			if p >= 0 && punctIs(toks, p, ',') {
				if z.appositive(si, toks, j, p, c) {
					continue
				}
			}
			if c&wReport != 0 && w != "told" && w != "tells" && !sawAux {
				z.forwardSource(si, toks, j, j+1, false)
			}
		}
	}
}

// idiom reports whether the cue word at j is part of a §1.5 idiom.
func (z *analyzer) idiom(toks []Token, j int) bool {
	w := z.lw(toks[j])
	prev := ""
	if word(toks, j-1) {
		prev = z.lw(toks[j-1])
	}
	switch w {
	case "said":
		if prev == "the" || prev == "that" || prev == "having" || prev == "this" || prev == "be" && z.wordIs(toks, j-2, "to") {
			return true // the said property; that said; having said that; needless to be said
		}
		if j == 1 && prev == "that" {
			return true
		}
	case "say":
		if prev == "to" && z.wordIs(toks, j-2, "needless") {
			return true
		}
		if prev == "to" && (z.wordIs(toks, j+1, "the") && z.wordIs(toks, j+2, "least")) {
			return true
		}
	case "told":
		if prev == "all" || prev == "be" {
			return true // all told; truth be told
		}
	case "tell":
		if prev == "will" && z.wordIs(toks, j-2, "time") {
			return true
		}
	case "believe":
		if prev == "to" && z.wordIs(toks, j-2, "hard") || z.wordIs(toks, j+1, "it") && z.wordIs(toks, j+2, "or") {
			return true
		}
	}
	return false
}

// isParticiple reports whether w is the past-participle form of a cue verb
// (same spelling as the past tense for all but a few).
func isParticiple(w string) bool {
	return strings.HasSuffix(w, "ed") || w == "said" || w == "told" || w == "written" || w == "thought" ||
		w == "understood" || w == "wrote"
}

// np is a source phrase found around a cue.
type np struct {
	start, head, end int // token indexes, inclusive
	det              string
}

// backwardSource reads the subject phrase ending at token p before the cue
// at j and records an attribution. It reports whether one was recorded.
func (z *analyzer) backwardSource(si int, toks []Token, j, p int, c wclass) bool {
	if pc := toks[p].cls; pc&wBoundary != 0 && pc&wPronoun == 0 && !toks[p].Is(Cap) {
		return false
	}
	// Region: walk back to a boundary.
	q := p
	for q-1 >= 0 && word(toks, q-1) || q-1 >= 0 && toks[q-1].Kind == Number && toks[q-1].Flags&InQuote == 0 {
		pw := z.lw(toks[q-1])
		pc := toks[q-1].cls
		if pc&(wWeekday|wMonth) != 0 && pw != "may" {
			break
		}
		if pc&wBoundary != 0 && !z.complementTo(toks, q-1) && !z.nameWord(toks, q-1) {
			break
		}
		if p-q >= 9 {
			break
		}
		q--
	}
	n, ok := z.headOf(toks, q, p)
	if !ok {
		return false
	}
	if toks[j].cls&wBaseForm != 0 && !z.auxBefore(toks, j) && !z.pluralHead(toks[n.head]) {
		return false // "a council report", "the plans say" is plural; singular + base form is a noun
	}
	return z.record(si, toks, j, n, c, true)
}

// complementTo reports whether toks[k] is a "to" that continues a source
// phrase: "close to", "next to", "an adviser to", "a spokesman to".
func (z *analyzer) complementTo(toks []Token, k int) bool {
	if z.lw(toks[k]) != "to" || k < 1 {
		return false
	}
	p := toks[k-1]
	return z.lw(p) == "close" || z.lw(p) == "next" || p.cls&(wAnonNoun|wSpokes|wRoleNoun) != 0
}

// nameWord reports whether toks[k], a boundary word, is capitalised inside
// the sentence as part of a name ("Will Hale", "May Rees").
func (z *analyzer) nameWord(toks []Token, k int) bool {
	return k > 0 && toks[k].Is(Cap) && toks[k].cls&(wReport|wBelief|wDet) == 0 && z.lw(toks[k]) != "and"
}

// headOf picks the head of the region [q, p] and the phrase around it.
func (z *analyzer) headOf(toks []Token, q, p int) (np, bool) {
	if toks[p].cls&wPronoun != 0 {
		return np{start: p, head: p, end: p}, true // "…people close to the mayor say she"
	}
	if z.wordIs(toks, p-1, "no") || z.lw(toks[p]) == "nobody" {
		return np{}, false // "no one said"
	}
	head := p
	for k := q + 1; k <= p; k++ {
		if toks[k].cls&wComplement != 0 && !toks[k].Is(Cap) {
			// The head stands before the complement; over a participle
			// ("a council report published on Monday") to a lexicon noun.
			for h := k - 1; h >= q && h >= k-3; h-- {
				if isSourceHead(toks, h) && (h == k-1 || toks[h].cls&lexiconNouns != 0) {
					head = h
					break
				}
			}
			break
		}
	}
	if !isSourceHead(toks, head) {
		return np{}, false
	}
	// Phrase start: back from the head to a determiner or the region start.
	start := head
	det := ""
	for start > q {
		pc := toks[start-1].cls
		start--
		if pc&(wDet|wPossessive|wIndef) != 0 {
			det = z.lw(toks[start])
			break
		}
	}
	if start == head && toks[head].cls&(wDet|wIndef|wPossessive) == 0 && start-1 >= 0 && word(toks, start-1) {
		if pc := toks[start-1].cls; pc&(wDet|wPossessive|wIndef) != 0 {
			start--
			det = z.lw(toks[start])
		}
	}
	end := p
	if head == p {
		end = head
	}
	return np{start: start, head: head, end: end, det: det}, true
}

// isSourceHead reports whether toks[h] can head a source phrase.
// lexiconNouns are the classes of common nouns that can head a source.
const lexiconNouns = wInstitution | wSpokes | wDocument | wAnonNoun | wWeaselNoun | wRoleNoun | wPersonNoun

func isSourceHead(toks []Token, h int) bool {
	if !word(toks, h) {
		return false
	}
	t := toks[h]
	c := t.cls
	if c&(wPronoun|wInstitution|wSpokes|wDocument|wAnonNoun|wWeaselNoun|wRoleNoun|wPersonNoun) != 0 {
		return true
	}
	if c&(wBoundary|wDet|wPossessive|wReport|wBelief|wAux|wAdverb|wSubjPronoun) != 0 {
		return false
	}
	return t.Is(Cap)
}

// forwardSource reads a source phrase starting at token from (after an
// inverted verb, "according to" or "citing").
func (z *analyzer) forwardSource(si int, toks []Token, j, from int, prep bool) {
	if !word(toks, from) {
		return
	}
	e := from
	for e+1 < len(toks) && (word(toks, e+1) || toks[e+1].Kind == Number && toks[e+1].Flags&InQuote == 0) && e-from < 10 {
		nw := z.lw(toks[e+1])
		nc := toks[e+1].cls
		if nc&(wWeekday|wMonth) != 0 && nw != "may" {
			break
		}
		if nc&wBoundary != 0 && !z.complementTo(toks, e+1) && (!toks[e+1].Is(Cap) || nc&wDet != 0) {
			break
		}
		if nc&(wReport|wBelief) != 0 && !toks[e+1].Is(Cap) && nc&wNounish == 0 {
			break
		}
		e++
	}
	// Trim trailing words that cannot end a source phrase.
	for e > from && !isSourceHead(toks, e) && !(toks[e].cls&wComplement == 0 && z.isNounLike(toks[e])) {
		e--
	}
	n, ok := z.headOf(toks, from, e)
	for !ok && e > from {
		e--
		n, ok = z.headOf(toks, from, e)
	}
	if !ok {
		return
	}
	// "according to plan/schedule" is no source.
	if prep && n.start == n.head && !toks[n.head].Is(Cap) && toks[n.head].cls&(wInstitution|wSpokes|wDocument|wAnonNoun|wWeaselNoun|wRoleNoun|wPersonNoun) == 0 {
		return
	}
	if prep && z.lw(toks[n.head]) == "reports" && n.det == "" {
		return // "according to reports" is a §2 cue, not a source
	}
	if !prep && toks[n.head].cls&wPronoun != 0 {
		return // "said he was innocent": the pronoun begins the content
	}
	z.record(si, toks, j, n, wReport, false)
}

// relativeStart finds "who"/"whose" within the dozen words before p, with
// no punctuation between, and returns its index, or -1.
func (z *analyzer) relativeStart(toks []Token, p int) int {
	for k := p; k >= 0 && p-k < 12; k-- {
		if !word(toks, k) && !(k < len(toks) && toks[k].Kind == Number) {
			return -1
		}
		if z.lw(toks[k]) == "who" || z.lw(toks[k]) == "whose" {
			return k
		}
		if k != p && toks[k].cls&(wReport|wBelief|wSubjPronoun) != 0 {
			return -1
		}
	}
	return -1
}

// isAsk reports whether a cue asks rather than tells.
func isAsk(w string) bool { return w == "ask" || w == "asks" || w == "asked" || w == "asking" }

// definiteAnonymous are the head nouns that stay anonymous after "the"
// with no earlier source to refer to ("the officials said"): the lexicon's
// class wDefAnon.
var definiteAnonymous = []string{
	"official", "officials", "source", "sources", "insider", "insiders", "aide", "aides", "diplomat", "diplomats",
}

// auxBefore reports whether an auxiliary sits just before the verb at j
// (over adverbs): "did not say", "will tell".
func (z *analyzer) auxBefore(toks []Token, j int) bool {
	for p := j - 1; p >= 0 && word(toks, p); p-- {
		c := toks[p].cls
		if c&wAux != 0 {
			return true
		}
		if c&wAdverb == 0 {
			return false
		}
	}
	return false
}

// pluralHead reports whether a source head takes a plural verb.
func (z *analyzer) pluralHead(t Token) bool {
	w := z.lw(t)
	switch w {
	case "they", "we", "i", "you", "people", "police", "staff", "media", "many", "some", "others", "both", "few", "several":
		return true
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !t.Is(Cap) || t.Is(Cap) && strings.HasSuffix(w, "s") && lookup(w)&(wAnonNoun|wWeaselNoun|wInstitution|wDocument) != 0
}

func (z *analyzer) isNounLike(t Token) bool {
	return t.Kind == Word && !strings.HasSuffix(z.lw(t), "ed") && !strings.HasSuffix(z.lw(t), "ing") && !strings.HasSuffix(z.lw(t), "ly")
}

// appositive handles "Ms Rees, the treasurer, said" and "An official, who
// spoke on condition of anonymity, said": the comma at p closes an
// appositive or relative clause; the subject stands before its opening comma.
func (z *analyzer) appositive(si int, toks []Token, j, p int, c wclass) bool {
	open := -1
	for k := p - 1; k >= 0 && p-k < 40; k-- {
		if toks[k].Flags&InQuote != 0 {
			return false
		}
		if toks[k].Kind == Punct && (toks[k].Rune == ',' || toks[k].Rune == '(' || toks[k].Rune == '—' || toks[k].Rune == '–') {
			open = k
			break
		}
		if toks[k].Kind == Punct && (toks[k].Rune == ';' || toks[k].Rune == ':') {
			return false
		}
	}
	if open <= 0 {
		return false
	}
	// "Ana Ruiz, a former director of the trust, whose…, said": step over
	// an appositive description to the name before it.
	for n := 0; n < 2; n++ {
		open2 := -1
		for k := open - 1; k > 0 && open-k < 20; k-- {
			if toks[k].Flags&InQuote != 0 || toks[k].Kind == Punct && toks[k].Rune != ',' && toks[k].Rune != '.' && toks[k].Rune != '\'' && toks[k].Rune != '’' {
				break
			}
			if punctIs(toks, k, ',') {
				open2 = k
				break
			}
		}
		if open2 <= 0 || !word(toks, open2+1) && toks[open2+1].Kind != Number || !word(toks, open2-1) || !toks[open2-1].Is(Cap) {
			break
		}
		if toks[open2+1].cls&(wDet|wIndef|wPossessive) == 0 && toks[open2+1].Kind != Number && toks[open-1].Kind != Number {
			break
		}
		open = open2
	}
	if !word(toks, open-1) {
		return false
	}
	before := len(z.a.Attributions)
	if !z.backwardSource(si, toks, j, open-1, c) {
		return false
	}
	// A weasel named in its appositive ("critics, including Cllr Hale, argue")
	// is a named source; so is an unnamed role named in its appositive
	// ("his top aide, Tad Hale, said").
	if len(z.a.Attributions) > before {
		at := &z.a.Attributions[len(z.a.Attributions)-1]
		if at.Class == Anonymous || at.Class == Unknown || at.Class == Weasel {
			if name := z.appositiveName(toks, open+1, p); name >= 0 {
				at.Class = Named
				at.Head = StripPossessive(z.lw(toks[name]))
				at.Ref = -1
				return true
			}
		}
		if at.Class == Weasel && z.wordIs(toks, open+1, "including") {
			for k := open + 2; k < p; k++ {
				if word(toks, k) && toks[k].Is(Cap) {
					at.Class = Named
					at.Head = StripPossessive(z.lw(toks[k]))
					break
				}
			}
		}
	}
	return true
}

// appositiveName returns the last token of a personal name filling the
// appositive toks[from:to] ("Tad Hale", "Ana Ruiz and Tom Hale"), or -1.
func (z *analyzer) appositiveName(toks []Token, from, to int) int {
	if to-from < 2 || to-from > 8 {
		return -1
	}
	last := -1
	for k := from; k < to; k++ {
		switch {
		case word(toks, k) && toks[k].Is(Cap) && toks[k].cls&(wDet|wIndef|wAnonNoun|wWeaselNoun) == 0:
			last = k
		case z.wordIs(toks, k, "and"):
		default:
			return -1
		}
	}
	return last
}

// colonQuote records "Okafor: 'We will…'" and "Ms Rees: …" style attributions.
func (z *analyzer) colonQuote(si int, toks []Token) {
	for k := 1; k+1 < len(toks) && k < 12; k++ {
		if !punctIs(toks, k, ':') {
			continue
		}
		if toks[k+1].Flags&InQuote == 0 || !word(toks, k-1) {
			return
		}
		pc := toks[k-1].cls
		if pc&(wReport|wBelief) != 0 {
			return // "Ms Rees said:" is a verb cue
		}
		for q := 0; q < k; q++ {
			if !word(toks, q) {
				return
			}
		}
		if n, ok := z.headOf(toks, 0, k-1); ok {
			z.record(si, toks, k, n, wReport, true)
		}
		return
	}
}

// record classifies the source phrase n of the cue at toks[j] and appends
// the attribution. It reports whether the phrase was accepted.
func (z *analyzer) record(si int, toks []Token, j int, n np, c wclass, backward bool) bool {
	a := z.a
	h := toks[n.head]
	hl := StripPossessive(z.lw(h))
	hc := lookup(hl)
	at := Attribution{
		Cue:      toks[j].Span(),
		Source:   lint.Span{Start: int(toks[n.start].Start), End: int(toks[n.end].End)},
		Sentence: si, Block: a.Sentences[si].Block, Ref: -1, Head: hl,
	}
	if w := z.lw(toks[j]); w == "according" {
		at.Cue.End = int(toks[j+1].End)
	}
	nounish := c&wNounish != 0 && toks[j].cls&wNounish != 0
	if hl == "one" && z.wordIs(toks, n.head+1, "in") {
		n.end = n.head // "one in four residents": a poll
		at.Class = Unknown
		a.Attributions = append(a.Attributions, at)
		return true
	}
	for k := n.start; k <= n.end; k++ {
		if toks[k].Kind == Number || toks[k].cls&wPoll != 0 || toks[k].Kind == Punct && toks[k].Rune == '%' {
			at.Class = Unknown // a poll finding, not a source
			at.Question = isAsk(z.lw(toks[j]))
			a.Attributions = append(a.Attributions, at)
			return true
		}
	}
	at.Question = isAsk(z.lw(toks[j]))
	single := n.start == n.head && n.head == n.end
	// Is the head capitalised because it begins the sentence, or as a name?
	capName := h.Is(Cap)
	if capName && hc&(wInstitution|wSpokes|wDocument|wAnonNoun|wWeaselNoun|wPersonNoun|wRoleNoun|wPronoun) != 0 {
		// A lexicon word: a name only when another capitalised word
		// precedes it in the phrase ("Kelbridge Council", "Bank of England").
		capName = false
		for k := n.start; k < n.head; k++ {
			if toks[k].Is(Cap) && !(k == 0 && toks[k].cls&(wDet|wIndef|wPossessive) != 0) {
				capName = true
			}
		}
		if n.head == 0 || n.start == 0 && toks[0].cls&(wDet|wIndef) != 0 {
			// sentence-initial common noun
		} else if !capName && h.Is(Cap) && !single && lookup(hl)&wInstSuffix != 0 {
			capName = true
		}
	}
	switch {
	case hc&wPronoun != 0 && single:
		at.Pronoun = true
		at.Class = Unknown
		if r := z.resolvePronoun(hl); r >= 0 {
			at.Ref = r
			at.Class = a.Attributions[r].Class
			at.Head = a.Attributions[r].Head
		}
	case capName:
		if nounish && single && (n.det == "the" || n.head == 0) {
			return false // "Insurance claims rose", "the States"
		}
		switch {
		case lookup(hl)&wInstSuffix != 0 || h.Is(AllCaps):
			at.Class = Institution
			at.Head = z.phraseKey(toks, n)
		case hc&(wIndef|wNumber) != 0:
			at.Class = Unknown
		case single && n.head == 0 && strings.HasSuffix(hl, "s") && !h.Is(AllCaps) && hc == 0:
			at.Class = Unknown // "Investigators said": a plural common noun, or a name; cannot tell
		default:
			at.Class = Named
		}
		// A name key: the surname, or the organisation.
		if at.Class == Named {
			at.Head = hl
		}
		// "A source close to Ms Okafor" is handled before: head is "source".
	default:
		if nounish && hc&(wInstitution|wSpokes|wDocument|wRoleNoun) == 0 {
			return false // "insurance claims", "member states"
		}
		z.classifyCommon(&at, toks, n, hl, hc)
		if at.Class == NoSource {
			return false
		}
	}
	if at.Class.OnRecord() && at.Ref < 0 && !at.Pronoun {
		// A repeat of a named source (same key) refers back to it.
		for i := len(a.Attributions) - 1; i >= 0; i-- {
			if o := &a.Attributions[i]; o.Head == at.Head && o.Class == at.Class && !a.Sentences[o.Sentence].Headline {
				at.Ref = a.Root(i)
				break
			}
		}
	}
	a.Attributions = append(a.Attributions, at)
	return true
}

// classifyCommon classifies a source phrase headed by a common noun.
func (z *analyzer) classifyCommon(at *Attribution, toks []Token, n np, hl string, hc wclass) {
	a := z.a
	det := n.det
	at.Definite = det == "the"
	plural := strings.HasSuffix(hl, "s") || hl == "people" || hl == "police" || hl == "staff" || hl == "media"
	hasNameComplement := false
	for k := n.head + 1; k <= n.end; k++ {
		if toks[k].Is(Cap) {
			hasNameComplement = true
		}
	}
	switch {
	case det == "the" || det == "this" || det == "that":
		if r := z.resolveRole(hl); r >= 0 {
			at.Ref = r
			at.Class = a.Attributions[r].Class
			at.Spokesperson = a.Attributions[r].Spokesperson
			return
		}
		switch {
		case hc&wSpokes != 0:
			at.Class, at.Spokesperson = Institution, true
		case hc&wInstitution != 0:
			at.Class = Institution
		case hc&wDocument != 0:
			at.Class = Record
		case hc&wDefAnon != 0:
			at.Class = Anonymous
		case hc&wRoleNoun != 0:
			at.Class = Named
		default:
			at.Class = Unknown
		}
	case det != "" && lookup(det)&wPossessive != 0:
		switch {
		case hc&wSpokes != 0:
			at.Class, at.Spokesperson = Institution, true
		case hc&wDocument != 0:
			at.Class = Record
		case hc&wRoleNoun != 0:
			at.Class = Named
		case hc&wAnonNoun != 0:
			at.Class = Anonymous
		default:
			at.Class = Unknown
		}
	default: // indefinite, numeral or bare
		switch {
		case hc&wSpokes != 0:
			at.Class, at.Spokesperson = Institution, true
		case hc&wInstitution != 0 && (det == "" && plural || det == "" && hl == "police"):
			at.Class = Institution
		case hc&wInstitution != 0:
			at.Class = Unknown
		case hl == "reports" || hl == "media":
			at.Class = Weasel
		case hc&wDocument != 0:
			at.Class = Record
		case hc&wWeaselNoun != 0 && (det == "" || det == "some" || det == "many" || det == "most" || det == "other" || det == "others"):
			if hasNameComplement && hc&wAnonNoun != 0 {
				at.Class = Anonymous
			} else {
				at.Class = Weasel
			}
		case (det == "some" || det == "many" || det == "most") && (hl == "people" || hl == "residents" || hl == "observers" || hl == "others"):
			at.Class = Weasel
		case hc&(wAnonNoun|wPersonNoun|wWeaselNoun) != 0:
			if det == "" && !plural && hl != "one" && hl != "another" && hl != "someone" && hl != "somebody" && hl != "staff" {
				at.Class = Unknown // a bare singular: "colleague said"? odd; stay silent
			} else {
				at.Class = Anonymous
			}
		case hc&wRoleNoun != 0 && det != "":
			at.Class = Anonymous // "a director said"
		default:
			at.Class = Unknown
		}
	}
}

// phraseKey returns a lower-cased key for an organisation: its capitalised
// words up to the head.
func (z *analyzer) phraseKey(toks []Token, n np) string {
	start := n.head
	for start > n.start && toks[start-1].Is(Cap) {
		start--
	}
	return z.lower[int(toks[start].Start):int(toks[n.head].End)]
}

// resolvePronoun finds the latest source in this paragraph, else the
// previous paragraph. "it" resolves only to an institution or document.
func (z *analyzer) resolvePronoun(p string) int {
	a := z.a
	pick := func(from, to int) int {
		for i := to - 1; i >= from; i-- {
			at := &a.Attributions[i]
			if at.Class == Unknown && at.Ref < 0 {
				continue
			}
			if p == "it" && at.Class != Institution && at.Class != Record {
				continue
			}
			return a.Root(i)
		}
		return -1
	}
	if r := pick(z.paraAttr, len(a.Attributions)); r >= 0 {
		return r
	}
	return pick(z.prevParaStart, z.prevParaEnd)
}

// resolveRole finds an earlier source with the same head noun ("the
// official" after "an official").
func (z *analyzer) resolveRole(hl string) int {
	a := z.a
	sing := strings.TrimSuffix(hl, "s")
	for i := len(a.Attributions) - 1; i >= 0; i-- {
		at := &a.Attributions[i]
		if a.Sentences[at.Sentence].Headline || at.Pronoun {
			continue
		}
		if at.Head == hl || strings.TrimSuffix(at.Head, "s") == sing {
			return a.Root(i)
		}
	}
	return -1
}

// reasons marks stated reasons for anonymity (RULES.md §1.6).
func (z *analyzer) reasons(si int, toks []Token) {
	a := z.a
	s := &a.Sentences[si]
	if len(a.Attributions) == s.AttrStart {
		return
	}
	for k := 0; k < len(toks); k++ {
		if toks[k].cls&wReasonCue == 0 || !word(toks, k) {
			continue
		}
		granted, reason := false, false
		switch z.lw(toks[k]) {
		case "anonymity":
			granted = true
			reason = z.wordIs(toks, k+1, "because") || z.wordIs(toks, k+1, "to") || z.wordIs(toks, k+1, "for") || z.wordIs(toks, k+1, "as")
		case "named", "identified":
			if z.wordIs(toks, k-1, "be") && (z.wordIs(toks, k-2, "to") || z.wordIs(toks, k-2, "not")) {
				granted = true
				reason = z.wordIs(toks, k+1, "because") || z.wordIs(toks, k+1, "as")
			}
		case "authorised", "authorized":
			if z.wordIs(toks, k-1, "not") && (z.wordIs(toks, k+1, "to") || z.wordIs(toks, k+1, "by")) {
				granted, reason = true, true
			}
		case "fear":
			if z.wordIs(toks, k-1, "for") && z.wordIs(toks, k+1, "of") {
				granted, reason = true, true
			}
		case "protect":
			if z.wordIs(toks, k-1, "to") && word(toks, k+1) && toks[k+1].cls&wPossessive != 0 {
				granted, reason = true, true
			}
		}
		if !granted {
			continue
		}
		// Attach to the nearest anonymous source before the phrase, else the
		// first one after it.
		off := int(toks[k].Start)
		best := -1
		for i := s.AttrStart; i < len(a.Attributions); i++ {
			at := &a.Attributions[i]
			if at.Class != Anonymous && at.Class != Weasel {
				continue
			}
			if at.Source.Start <= off {
				best = i
			} else if best < 0 {
				best = i
				break
			}
		}
		if best >= 0 {
			a.Attributions[best].Granted = true
			if reason {
				a.Attributions[best].Reason = true
			}
		}
	}
}

// hedges records modal and epistemic hedges outside quotes.
func (z *analyzer) hedges(toks []Token) {
	for k := range toks {
		if toks[k].cls&wHedge == 0 || !word(toks, k) {
			continue
		}
		if z.lw(toks[k]) == "may" && toks[k].Is(Cap) && !(k == 0 && word(toks, k+1) && !toks[k+1].Is(Cap)) {
			continue // May the month, or a name
		}
		if z.lw(toks[k]) == "may" && z.isMonthMay(toks, k) {
			continue
		}
		z.a.Hedges = append(z.a.Hedges, Hedge{Span: toks[k].Span(), Word: z.lw(toks[k])})
	}
}

// isMonthMay reports whether "may" at k is the month: after in/on/by/since/
// until/from/last/next/early/late/mid/of, or before a number.
func (z *analyzer) isMonthMay(toks []Token, k int) bool {
	if k+1 < len(toks) && toks[k+1].Kind == Number {
		return true
	}
	if k > 0 && toks[k-1].Kind == Number {
		return true
	}
	if word(toks, k-1) {
		switch z.lw(toks[k-1]) {
		case "in", "on", "by", "since", "until", "from", "last", "next", "early", "late", "mid", "of", "this", "during", "before", "after", "till", "through", "mid-":
			return toks[k].Is(Cap)
		}
	}
	return false
}

// cover decides, for each cue of sentence si, whether an attribution covers
// its clause (RULES.md §1.4).
func (z *analyzer) cover(si int, toks []Token) {
	a := z.a
	s := &a.Sentences[si]
	for ci := s.CueStart; ci < s.CueEnd; ci++ {
		cu := &a.Cues[ci]
		cu.CoveredBy = -1
		if cu.Idiom {
			continue
		}
		cu.CoveredBy = a.CoveredAt(si, cu.Span)
		cu.Covered = cu.CoveredBy >= 0
	}
}

// CoveredAt returns the attribution that covers a construction at span in
// sentence si, or -1 (RULES.md §1.4): any attribution of a covering class
// covers its sentence, except clauses after but, however, although, while,
// whereas, yet or ";" that carry no cue of their own. A reopened quote's
// speaker covers the whole sentence.
func (a *Analysis) CoveredAt(si int, span lint.Span) int {
	s := &a.Sentences[si]
	if s.Speaker >= 0 && a.Attributions[s.Speaker].Class.Covers() {
		return s.Speaker
	}
	toks := a.Tokens[s.TokStart:s.TokEnd]
	clauseOf := func(off int) int {
		n := 0
		for k := range toks {
			if int(toks[k].Start) >= off {
				break
			}
			if toks[k].Flags&InQuote != 0 {
				continue
			}
			if toks[k].Kind == Punct && toks[k].Rune == ';' || toks[k].Kind == Word && toks[k].cls&wContrast != 0 {
				n++
			}
		}
		return n
	}
	cc := -1
	for ai := s.AttrStart; ai < s.AttrEnd; ai++ {
		at := &a.Attributions[ai]
		if !at.Class.Covers() || at.Cue.Empty() || at.Question {
			continue
		}
		// The construction's own phrase is no cover ("critics argue").
		if at.Source.Overlaps(span) || at.Cue.Overlaps(span) {
			continue
		}
		if cc < 0 {
			cc = clauseOf(span.Start)
		}
		if cc == 0 || clauseOf(at.Cue.Start) == cc {
			return ai
		}
	}
	return -1
}

// Least capacities, in elements, of recycled tables that a draft has
// outgrown: those of a draft of 64 KB, longer than nearly every article.
// The tables are allocated with make, which hands out fresh memory
// unzeroed (the kernel's pages are zero already), so capacity that no
// draft has used yet costs no page fault; and reserving for a long draft at
// once spares the run a new, larger table (and its faults) each time a
// draft is longer than all before it, which over the article corpus cost
// 1.1 MB of token tables alone.
const (
	minLower     = 64 << 10
	minTokens    = minLower/4 + 16
	minSentences = minLower / 64
)

// reserve returns s emptied, with room for n elements: s's own memory when
// it is large enough, else a new slice of capacity max(n, least). Unlike
// slices.Grow it never copies or clears the old contents, which the caller
// is about to overwrite.
func reserve[T any](s []T, n, least int) []T {
	if cap(s) >= n {
		return s[:0]
	}
	return make([]T, 0, max(n, least))
}

// appendTokensIn tokenizes text[span], or nothing when span is not inside
// text.
func appendTokensIn(dst []Token, text string, span lint.Span) []Token {
	if span.Start < 0 || span.End > len(text) || span.Start >= span.End {
		return dst
	}
	return tokenize(dst, text, span)
}

// word returns the lower-cased text of token t of the analysed document,
// without bounds checks: the tokenizer's offsets lie inside Doc.Text, and
// the lower-cased copy has its length.
func (z *analyzer) word(t *Token) string {
	return unsafe.String((*byte)(unsafe.Add(unsafe.Pointer(unsafe.StringData(z.lower)), t.Start)), t.End-t.Start)
}

// classify sets the lexicon classes of the words of toks, tokens of the
// analysed document, and returns their union. Words of up to 15 bytes are
// read straight from the lower-cased text, which has 16 spare bytes after
// it: two eight-byte loads and masks pack a word (see packWord), with no
// branch on its length, and probe, inlined here, finds it. One call per
// sentence, not per word.
func (z *analyzer) classify(toks []Token) wclass {
	var words wclass
	text := unsafe.Pointer(unsafe.StringData(z.lower))
	for k := range toks {
		t := &toks[k]
		if t.Kind != Word {
			continue
		}
		var c wclass
		if n := t.End - t.Start; n-1 < 15 {
			c = probe(packAt(unsafe.Add(text, t.Start), n))
		} else {
			c = lookup(z.word(t))
		}
		t.cls = c
		words |= c
	}
	return words
}

// packAt packs the word of n bytes, 1 to 15, at p, which has 16 readable
// bytes, as packWord does.
func packAt(p unsafe.Pointer, n uint32) (k0, k1 uint64) {
	n &= 15
	k0 = binary.LittleEndian.Uint64((*[8]byte)(p)[:]) & packMask0[n]
	k1 = binary.LittleEndian.Uint64((*[8]byte)(unsafe.Add(p, 8))[:])&packMask1[n] | uint64(n)<<56
	return k0, k1
}

// lw returns the lower-cased text of a token of the analysed document.
func (z *analyzer) lw(t Token) string { return z.word(&t) }
