package rules

import (
	"strings"
	"sync"
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

var headlineScratchPool = sync.Pool{New: func() any { return new(headlineScratch) }}

func getHeadlineScratch() *headlineScratch { return headlineScratchPool.Get().(*headlineScratch) }

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

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// speechVerbs are verbs that give a headline or sentence a speaker.
var speechVerbs = wordSet(
	"say", "says", "said", "tell", "tells", "told", "ask", "asks", "asked", "warn", "warns", "warned",
	"claim", "claims", "claimed", "insist", "insists", "insisted", "admit", "admits", "admitted",
	"vow", "vows", "vowed", "pledge", "pledges", "urge", "urges", "urged", "accuse", "accuses", "accused",
	"deny", "denies", "denied", "reveal", "reveals", "revealed", "write", "writes", "wrote",
	"tweet", "tweets", "tweeted", "declare", "declares", "announce", "announces", "announced",
	"respond", "responds", "reply", "replies", "add", "adds", "added", "argue", "argues", "argued",
	"confirm", "confirms", "confirmed", "suggest", "suggests", "suggested", "predict", "predicts",
	"believe", "believes", "think", "thinks", "fear", "fears", "allege", "alleges", "alleged",
	"slam", "slams", "blast", "blasts", "brand", "brands", "branded", "dub", "dubs", "call", "calls",
	"hit", "hits", "state", "states", "stated", "explain", "explains", "note", "notes", "estimate", "estimates",
	"rip", "rips", "lash", "lashes", "attack", "attacks", "criticise", "criticises", "criticize", "criticizes",
	"condemn", "condemns", "mock", "mocks", "hail", "hails", "praise", "praises", "defend", "defends",
	"decry", "decries", "deride", "derides", "dismiss", "dismisses", "label", "labels", "question", "questions",
)

// claimAdverbs may sit between a named subject and "claims".
var claimAdverbs = wordSet("again", "now", "still", "also", "falsely", "repeatedly", "wrongly", "once", "later",
	"previously", "privately", "publicly")

// anonymousHeads are source nouns that name nobody: "sources say",
// "insiders claim", "report says", "officials warn".
var anonymousHeads = wordSet(
	"source", "sources", "insider", "insiders", "report", "reports", "official", "officials",
	"aide", "aides", "expert", "experts", "analyst", "analysts", "critic", "critics", "observer", "observers",
	"people", "person", "media", "rumour", "rumours", "rumor", "rumors", "diplomat", "diplomats",
	"some", "many", "others", "witnesses", "claims", "leaks", "whispers", "speculation", "documents",
)

// honorifics and role words mark a named speaker even when lower-cased
// ("council leader Ruth Okafor").
var honorifics = wordSet(
	"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "cllr",
	"councillor", "judge", "det", "sgt", "insp", "supt", "capt", "gen",
)

// institutions speak on the record (RULES.md §1.3).
var institutions = wordSet(
	"police", "prosecutors", "council", "company", "club", "agency", "ministry", "department", "trust",
	"board", "court", "government", "firm", "regulator", "minister", "ministers", "mayor", "spokesman",
	"spokeswoman", "spokesperson", "union", "school", "hospital", "university", "party", "army", "navy",
	"president", "prime", "chancellor", "premier", "governor", "senator", "mp", "mps", "judge", "jury",
	"coroner", "inquest", "study", "survey", "poll", "figures", "data", "government's", "council's",
	"nhs", "bbc", "un", "eu", "who", "fbi", "cia", "pentagon", "kremlin", "whitehall", "downing",
)

// courtWords make a headline's "allegedly" legal usage (weight 0).
var courtWords = wordSet(
	"court", "courts", "jury", "juries", "trial", "trials", "charged", "charge", "charges", "judge", "tribunal",
	"hearing", "inquest", "accused", "prosecutors", "prosecution", "pleads", "pleaded", "denies", "sentenced",
	"convicted", "guilty", "magistrates", "crown", "testifies", "testified", "jurors",
)

// denialWords zero a headline's "claims"/"rumours" (the headline debunks).
var denialWords = wordSet(
	"deny", "denies", "denied", "denying", "reject", "rejects", "rejected", "dismiss", "dismisses", "dismissed",
	"false", "hoax", "debunk", "debunks", "debunked", "refute", "refutes", "refuted", "rubbish", "rubbishes",
	"untrue", "fake", "baseless", "bogus", "slams", "no", "not", "doubt", "doubts", "myth", "nonsense", "wrong",
	"crazy", "absurd", "ridiculous", "unfounded", "disputes", "disputed", "contradicts", "contradicted",
)

// claimNounModifiers make "claims" an ordinary noun: insurance claims.
var claimNounModifiers = wordSet(
	"insurance", "benefit", "benefits", "compensation", "expense", "expenses", "asylum", "damages", "injury",
	"pension", "tax", "warranty", "jobless", "unemployment", "welfare", "land", "territorial", "mining",
	"patent", "copyright", "refund", "ppi", "payout", "whiplash", "negligence", "fraudulent",
)

// monthPrepositions make a following "May" the month.
var monthPrepositions = wordSet(
	"in", "on", "by", "since", "until", "till", "from", "last", "next", "early", "late", "mid", "this",
	"of", "during", "before", "after", "through", "throughout", "between", "and", "to",
)

// dateWords give a "set to" or "expected to" a date (weight 0).
var dateWords = wordSet(
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"today", "tonight", "tomorrow", "weekend", "week", "month", "year", "spring", "summer", "autumn", "winter",
	"christmas", "easter",
)

// bareVerbs are verbs a capitalised "May" may govern ("Library May Close").
var bareVerbs = wordSet(
	"be", "have", "face", "close", "shut", "quit", "lose", "win", "get", "go", "need", "cost", "cut", "hit",
	"end", "open", "rise", "fall", "return", "leave", "sell", "buy", "ban", "block", "back", "take", "make",
	"run", "join", "miss", "move", "stay", "split", "strike", "delay", "scrap", "raise", "drop", "change",
	"see", "become", "help", "force", "mean", "spark", "affect", "hurt", "not", "never", "soon", "already",
	"also", "still", "well", "just", "only", "pay", "lead", "reach", "hold", "keep", "give", "come", "bring",
	"cause", "kill", "save", "double", "halve", "rise", "stop", "start", "begin", "fail", "collapse",
	"require", "want", "seek", "use", "put", "let", "call", "ask", "let", "set", "sue", "appeal", "resign",
	"survive", "die", "reveal", "hide", "delay", "slow", "boost", "harm", "damage", "threaten", "trigger",
	"push", "pull", "derail", "doom", "sink", "save", "worsen", "improve", "increase", "decrease", "reduce",
	"shrink", "grow", "expand", "merge", "replace", "remove", "allow", "prevent", "lift", "impose", "order",
	"rule", "decide", "vote", "veto", "approve", "reject", "accept", "avoid", "escape", "flee", "arrest",
	"charge", "jail", "fine", "owe", "explain", "prove", "show", "signal", "point", "hint", "suggest", "soar",
	"plunge", "tumble", "slump", "surge", "jump", "shift", "turn", "head", "land", "arrive", "launch",
)

// auxiliaries open a yes/no question.
var auxiliaries = wordSet(
	"is", "are", "was", "were", "am", "do", "does", "did", "can", "could", "will", "would", "should", "shall",
	"has", "have", "had", "may", "might", "must", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't",
	"didn't", "can't", "won't", "wouldn't", "shouldn't", "hasn't", "haven't", "hadn't", "couldn't",
)

// whWords open a wh-question (an explainer, not a hedge, by default).
var whWords = wordSet("what", "why", "how", "who", "whom", "whose", "when", "where", "which", "what's", "who's",
	"how's", "where's", "why's", "when's")

// softHedges weigh nothing in hedged-headline but keep headline-overstates
// from reading the headline as a flat claim.
var softHedges = wordSet("perhaps", "maybe", "apparently", "seemingly", "possible", "unconfirmed", "tipped",
	"mulls", "mulling", "considers", "considering", "eyes", "weighs", "weighing")

// personNouns are people nobody has named ("a man", "one resident").
var personNouns = wordSet("man", "woman", "resident", "residents", "neighbour", "neighbours", "witness",
	"witnesses", "executive", "executives", "employee", "employees", "worker", "workers", "member",
	"members", "staff", "colleague", "colleagues", "friend", "friends", "figure", "figures", "ally", "allies")
