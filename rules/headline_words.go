package rules

import (
	"copydesk/lint/freelist"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"copydesk/lint"
)

// This file holds the headline word scanner and the word lists shared by
// hedged-headline and headline-overstates. Headlines are short, so the
// scanner prefers clarity to speed; body sentences are read through the
// shared attribution model (prose.Analyze) instead.

// hword is one token of a headline or sentence. Offsets are in
// Document.Text.
type hword struct {
	start, end int
	text       string // as written
	lower      string // lower-cased, typographic apostrophes folded to '
	punct      bool   // a punctuation token (, : ? ; ! . — – -)
	upper      bool   // the first letter is upper case
	quoted     bool   // inside a direct quotation
}

// scanWords splits s (found at offset base in Document.Text) into words and
// the punctuation marks that separate clauses. Quote marks and other
// symbols are skipped. A word is a run of letters, digits and marks, with
// inner apostrophes, hyphens, and the dots and commas of numbers; a
// leading currency sign is part of the number that follows it.
//
// The words are appended to dst[:0]; a word whose lower-cased form differs
// from its text has that form appended to *lower, and its lower field views
// those bytes (see headlineScratch).
func scanWords(dst []hword, lower *[]byte, s string, base int, quotes []lint.Span) []hword {
	out := dst[:0]
	qi := 0
	inQuote := func(off int) bool {
		for qi < len(quotes) && quotes[qi].End <= off {
			qi++
		}
		return qi < len(quotes) && quotes[qi].Start <= off
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r) || (isCurrency(r) && i+n < len(s) && isDigitByte(s[i+n])):
			j := i + n
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					j += n2
					continue
				}
				// Inner joiners: don't, Marwick's, far-right, 3.5, 40,000.
				if (isApostrophe(r2) || r2 == '-' || r2 == '.' || r2 == ',') && j+n2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+n2:])
					prev, _ := utf8.DecodeLastRuneInString(s[:j])
					if isApostrophe(r2) && unicode.IsLetter(r3) && unicode.IsLetter(prev) ||
						r2 == '-' && isWordRune(r3) ||
						(r2 == '.' || r2 == ',') && unicode.IsDigit(prev) && unicode.IsDigit(r3) {
						j += n2
						continue
					}
				}
				break
			}
			w := s[i:j]
			first, _ := utf8.DecodeRuneInString(w)
			if isCurrency(first) {
				first, _ = utf8.DecodeRuneInString(w[utf8.RuneLen(first):])
			}
			out = append(out, hword{start: base + i, end: base + j, text: w, lower: foldLowerInto(lower, w),
				upper: unicode.IsUpper(first), quoted: inQuote(base + i)})
			i = j
		case r == ',' || r == ':' || r == '?' || r == ';' || r == '!' || r == '—' || r == '–' || r == '|' || r == '.' ||
			r == '-' && i > 0 && s[i-1] == ' ':
			out = append(out, hword{start: base + i, end: base + i + n, text: s[i : i+n], lower: s[i : i+n],
				punct: true, quoted: inQuote(base + i)})
			i += n
		default:
			i += n
		}
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func isCurrency(r rune) bool { return r == '£' || r == '$' || r == '€' }

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' }

// foldLower lower-cases w and folds typographic apostrophes to '.
func foldLower(w string) string {
	if isFolded(w) {
		return w
	}
	return strings.Map(foldRune, w)
}

func foldRune(r rune) rune {
	if r == '’' || r == 'ʼ' {
		return '\''
	}
	return unicode.ToLower(r)
}

// isFolded reports whether w is ASCII with no upper-case letter, so that
// foldLower(w) is w.
func isFolded(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return true
}

// foldLowerInto returns foldLower(w) without allocating: w itself when it
// is already folded, else a view of the folded bytes appended to *buf. The
// view stays valid while nothing overwrites those bytes: buf is only ever
// appended to until its owner (a headlineScratch) is reused. It writes
// U+FFFD for invalid UTF-8, as strings.Map does.
func foldLowerInto(buf *[]byte, w string) string {
	if isFolded(w) {
		return w
	}
	start := len(*buf)
	for _, r := range w {
		*buf = utf8.AppendRune(*buf, foldRune(r))
	}
	b := (*buf)[start:]
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// headlineScratch is the working memory of scoring one headline: the
// words, their lower-cased forms, the signals before weighting. It is
// pooled, so that scoring a headline allocates nothing in steady state.
// Nothing that outlives the scoring may point into it: signals carry
// labels sliced from Document.Text, never a word's lower field.
type headlineScratch struct {
	words    []hword
	inner    []hword // a quotation's words (scareQuote)
	lower    []byte  // lower-cased forms of the words that needed folding
	consumed []bool
	sigs     []hsignal
	quotes   []lint.Span
}

// maxPooledWords bounds the scratch kept in the pool: a "headline" of
// thousands of words (a draft that is one long line) is scored, but its
// memory is left to the collector.
const maxPooledWords = 256

var headlineScratchPool freelist.List[headlineScratch]

func getHeadlineScratch() *headlineScratch { return headlineScratchPool.Get() }

// put returns the scratch to the pool, keeping no document alive.
func (s *headlineScratch) put() {
	if cap(s.words) > maxPooledWords || cap(s.inner) > maxPooledWords || cap(s.sigs) > maxPooledWords ||
		cap(s.lower) > 64*maxPooledWords {
		return
	}
	clear(s.words)
	clear(s.inner)
	clear(s.sigs)
	s.words, s.inner, s.sigs = s.words[:0], s.inner[:0], s.sigs[:0]
	s.lower, s.consumed, s.quotes = s.lower[:0], s.consumed[:0], s.quotes[:0]
	headlineScratchPool.Put(s)
}

// quotesIn appends to dst[:0] the document's quotation spans that overlap s.
func quotesIn(dst []lint.Span, doc *lint.Document, s lint.Span) []lint.Span {
	out := dst[:0]
	for _, q := range doc.Quotes {
		if q.Overlaps(s) {
			out = append(out, q)
		}
		if q.Start >= s.End {
			break
		}
	}
	return out
}

// speechVerbs are verbs that give a headline or sentence a speaker.
var speechVerbs = wordList{bit: lexSpeechVerbs, words: []string{
	"accuse", "accused", "accuses", "add", "added", "adds", "admit", "admits", "admitted", "allege", "alleged",
	"alleges", "announce", "announced", "announces", "argue", "argued", "argues", "ask", "asked", "asks",
	"attack", "attacks", "believe", "believes", "blast", "blasts", "brand", "branded", "brands", "call",
	"calls", "claim", "claimed", "claims", "condemn", "condemns", "confirm", "confirmed", "confirms",
	"criticise", "criticises", "criticize", "criticizes", "declare", "declares", "decries", "decry", "defend",
	"defends", "denied", "denies", "deny", "deride", "derides", "dismiss", "dismisses", "dub", "dubs",
	"estimate", "estimates", "explain", "explains", "fear", "fears", "hail", "hails", "hit", "hits", "insist",
	"insisted", "insists", "label", "labels", "lash", "lashes", "mock", "mocks", "note", "notes", "pledge",
	"pledges", "praise", "praises", "predict", "predicts", "question", "questions", "replies", "reply",
	"respond", "responds", "reveal", "revealed", "reveals", "rip", "rips", "said", "say", "says", "slam",
	"slams", "state", "stated", "states", "suggest", "suggested", "suggests", "tell", "tells", "think",
	"thinks", "told", "tweet", "tweeted", "tweets", "urge", "urged", "urges", "vow", "vowed", "vows", "warn",
	"warned", "warns", "write", "writes", "wrote",
}}

// claimAdverbs may sit between a named subject and "claims".
var claimAdverbs = wordList{bit: lexClaimAdverbs, words: []string{
	"again", "also", "falsely", "later", "now", "once", "previously", "privately", "publicly", "repeatedly",
	"still", "wrongly",
}}

// anonymousHeads are source nouns that name nobody: "sources say",
// "insiders claim", "report says", "officials warn".
var anonymousHeads = wordList{bit: lexAnonymousHeads, words: []string{
	"aide", "aides", "analyst", "analysts", "claims", "critic", "critics", "diplomat", "diplomats",
	"documents", "expert", "experts", "insider", "insiders", "leaks", "many", "media", "observer", "observers",
	"official", "officials", "others", "people", "person", "report", "reports", "rumor", "rumors", "rumour",
	"rumours", "some", "source", "sources", "speculation", "whispers", "witnesses",
}}

// honorifics and role words mark a named speaker even when lower-cased
// ("council leader Ruth Okafor").
var honorifics = wordList{bit: lexHonorifics, words: []string{
	"capt", "cllr", "councillor", "dame", "det", "dr", "gen", "insp", "judge", "lady", "lord", "miss", "mr",
	"mrs", "ms", "mx", "prof", "rev", "sgt", "sir", "supt",
}}

// institutions speak on the record (RULES.md §1.3).
var institutions = wordList{bit: lexInstitutions, words: []string{
	"agency", "army", "bbc", "board", "chancellor", "cia", "club", "company", "coroner", "council",
	"council's", "court", "data", "department", "downing", "eu", "fbi", "figures", "firm", "government",
	"government's", "governor", "hospital", "inquest", "judge", "jury", "kremlin", "mayor", "minister",
	"ministers", "ministry", "mp", "mps", "navy", "nhs", "party", "pentagon", "police", "poll", "premier",
	"president", "prime", "prosecutors", "regulator", "school", "senator", "spokesman", "spokesperson",
	"spokeswoman", "study", "survey", "trust", "un", "union", "university", "whitehall", "who",
}}

// courtWords make a headline's "allegedly" legal usage (weight 0).
var courtWords = wordList{bit: lexCourtWords, words: []string{
	"accused", "charge", "charged", "charges", "convicted", "court", "courts", "crown", "denies", "guilty",
	"hearing", "inquest", "judge", "juries", "jurors", "jury", "magistrates", "pleaded", "pleads",
	"prosecution", "prosecutors", "sentenced", "testified", "testifies", "trial", "trials", "tribunal",
}}

// denialWords zero a headline's "claims"/"rumours" (the headline debunks).
var denialWords = wordList{bit: lexDenialWords, words: []string{
	"absurd", "baseless", "bogus", "contradicted", "contradicts", "crazy", "debunk", "debunked", "debunks",
	"denied", "denies", "deny", "denying", "dismiss", "dismissed", "dismisses", "disputed", "disputes",
	"doubt", "doubts", "fake", "false", "hoax", "myth", "no", "nonsense", "not", "refute", "refuted",
	"refutes", "reject", "rejected", "rejects", "ridiculous", "rubbish", "rubbishes", "slams", "unfounded",
	"untrue", "wrong",
}}

// claimNounModifiers make "claims" an ordinary noun: insurance claims.
var claimNounModifiers = wordList{bit: lexClaimNounModifiers, words: []string{
	"asylum", "benefit", "benefits", "compensation", "copyright", "damages", "expense", "expenses",
	"fraudulent", "injury", "insurance", "jobless", "land", "mining", "negligence", "patent", "payout",
	"pension", "ppi", "refund", "tax", "territorial", "unemployment", "warranty", "welfare", "whiplash",
}}

// monthPrepositions make a following "May" the month.
var monthPrepositions = wordList{bit: lexMonthPrepositions, words: []string{
	"after", "and", "before", "between", "by", "during", "early", "from", "in", "last", "late", "mid", "next",
	"of", "on", "since", "this", "through", "throughout", "till", "to", "until",
}}

// dateWords give a "set to" or "expected to" a date (weight 0).
var dateWords = wordList{bit: lexDateWords, words: []string{
	"apr", "april", "aug", "august", "autumn", "christmas", "dec", "december", "easter", "feb", "february",
	"friday", "jan", "january", "jul", "july", "jun", "june", "mar", "march", "monday", "month", "nov",
	"november", "oct", "october", "saturday", "sep", "sept", "september", "spring", "summer", "sunday",
	"thursday", "today", "tomorrow", "tonight", "tuesday", "wednesday", "week", "weekend", "winter", "year",
}}

// bareVerbs are verbs a capitalised "May" may govern ("Library May Close").
var bareVerbs = wordList{bit: lexBareVerbs, words: []string{
	"accept", "affect", "allow", "already", "also", "appeal", "approve", "arrest", "arrive", "ask", "avoid",
	"back", "ban", "be", "become", "begin", "block", "boost", "bring", "buy", "call", "cause", "change",
	"charge", "close", "collapse", "come", "cost", "cut", "damage", "decide", "decrease", "delay", "derail",
	"die", "doom", "double", "drop", "end", "escape", "expand", "explain", "face", "fail", "fall", "fine",
	"flee", "force", "get", "give", "go", "grow", "halve", "harm", "have", "head", "help", "hide", "hint",
	"hit", "hold", "hurt", "impose", "improve", "increase", "jail", "join", "jump", "just", "keep", "kill",
	"land", "launch", "lead", "leave", "let", "lift", "lose", "make", "mean", "merge", "miss", "move", "need",
	"never", "not", "only", "open", "order", "owe", "pay", "plunge", "point", "prevent", "prove", "pull",
	"push", "put", "quit", "raise", "reach", "reduce", "reject", "remove", "replace", "require", "resign",
	"return", "reveal", "rise", "rule", "run", "save", "scrap", "see", "seek", "sell", "set", "shift", "show",
	"shrink", "shut", "signal", "sink", "slow", "slump", "soar", "soon", "spark", "split", "start", "stay",
	"still", "stop", "strike", "sue", "suggest", "surge", "survive", "take", "threaten", "trigger", "tumble",
	"turn", "use", "veto", "vote", "want", "well", "win", "worsen",
}}

// auxiliaries open a yes/no question.
var auxiliaries = wordList{bit: lexAuxiliaries, words: []string{
	"am", "are", "aren't", "can", "can't", "could", "couldn't", "did", "didn't", "do", "does", "doesn't",
	"don't", "had", "hadn't", "has", "hasn't", "have", "haven't", "is", "isn't", "may", "might", "must",
	"shall", "should", "shouldn't", "was", "wasn't", "were", "weren't", "will", "won't", "would", "wouldn't",
}}

// whWords open a wh-question (an explainer, not a hedge, by default).
var whWords = wordList{bit: lexWhWords, words: []string{
	"how", "how's", "what", "what's", "when", "when's", "where", "where's", "which", "who", "who's", "whom",
	"whose", "why", "why's",
}}

// softHedges weigh nothing in hedged-headline but keep headline-overstates
// from reading the headline as a flat claim.
var softHedges = wordList{bit: lexSoftHedges, words: []string{
	"apparently", "considering", "considers", "eyes", "maybe", "mulling", "mulls", "perhaps", "possible",
	"seemingly", "tipped", "unconfirmed", "weighing", "weighs",
}}

// personNouns are people nobody has named ("a man", "one resident").
var personNouns = wordList{bit: lexPersonNouns, words: []string{
	"allies", "ally", "colleague", "colleagues", "employee", "employees", "executive", "executives", "figure",
	"figures", "friend", "friends", "man", "member", "members", "neighbour", "neighbours", "resident",
	"residents", "staff", "witness", "witnesses", "woman", "worker", "workers",
}}
