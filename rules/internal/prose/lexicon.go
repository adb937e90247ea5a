package prose

//go:generate go test -run ^TestLexiconTableUpToDate$ -update

// Word classes of the compiled lexicon. One lookup per token gives all the
// classes a lower-cased word belongs to.
type wclass uint64

const (
	wReport        wclass = 1 << iota // reporting verb form (said, told, claims...)
	wBelief                           // belief verb form (believe, thinks, feared...)
	wParticiple                       // past participle of a cue verb (passive when after a copula)
	wNounish                          // cue form that is also a common noun (claims, notes, states)
	wCopula                           // is are was were
	wBe                               // be been being (passives after modals/perfects)
	wHave                             // has have had
	wAux                              // modal/auxiliary that may sit between subject and verb
	wAdverb                           // adverb that may sit between subject and verb, or copula and participle
	wPronoun                          // he she they it
	wDet                              // a an the
	wIndef                            // indefinite determiner or quantifier (a, an, one, two, another, several, some...)
	wPossessive                       // his her their its our my your
	wBoundary                         // clause word that ends a source phrase walking back
	wComplement                       // word that starts a source complement (close, familiar, at, of...)
	wHonorific                        // Mr Ms Dr Cllr ...
	wInstitution                      // police, prosecutors, council, company ...
	wInstSuffix                       // Council, Police, Water, Rail ... ending a capitalised name
	wSpokes                           // spokesperson, spokesman, representative
	wDocument                         // report, statement, filing, papers ...
	wAnonNoun                         // official, source, insider, aide, diplomat ...
	wWeaselNoun                       // critics, observers, experts, analysts, commentators
	wContrast                         // but however although while whereas yet
	wWeekday                          // monday ... sunday, today, tonight, tomorrow
	wMonth                            // january ... december
	wProcedural                       // vote, meet, decide ... (expected-to decision)
	wCourt                            // court vocabulary (legal exclusion)
	wHedge                            // modal or epistemic hedge
	wSubjPronoun                      // subject pronoun that follows "seen as" in a clause (he she they it we i you)
	wNumber                           // number word (two, three ...)
	wRoleNoun                         // a role held by one person (mayor, minister, chairman): definite = identified
	wPersonNoun                       // a person noun that is anonymous when indefinite (man, woman, teacher ...)
	wCueAdverb                        // reportedly, allegedly, supposedly, purportedly, reputedly
	wCueStart                         // a word that can begin a §2 construction
	wAttrCue                          // "according" and "citing": cues that are no verb
	wReasonCue                        // a word that can state a reason for anonymity (anonymity, named, fear...)
	wPassiveAdverb                    // the passiveAdverbs of cues.go
	wPassiveTo                        // the participles of passiveToCues in cues.go
	wBaseForm                         // base form of a cue verb (say, report): a noun after a singular subject
	wDefAnon                          // head noun that stays anonymous after "the" (the officials said)
	wWeaselVerb                       // verb that follows a weasel subject (say, argue, believe...)
	wPoll                             // word of a poll finding in a source phrase (percent, majority, half...)
)

// sentence-level filters: a sentence whose unquoted words have none of
// these classes has no attribution, reason, cue or hedge to look for.
const (
	attrClasses = wReport | wBelief | wAttrCue
)

// reportVerbs lists reporting verbs: base, -s, past, participle, -ing.
var reportVerbs = [][5]string{
	{"say", "says", "said", "said", "saying"},
	{"tell", "tells", "told", "told", "telling"},
	{"add", "adds", "added", "added", "adding"},
	{"claim", "claims", "claimed", "claimed", "claiming"},
	{"argue", "argues", "argued", "argued", "arguing"},
	{"warn", "warns", "warned", "warned", "warning"},
	{"insist", "insists", "insisted", "insisted", "insisting"},
	{"state", "states", "stated", "stated", "stating"},
	{"explain", "explains", "explained", "explained", "explaining"},
	{"note", "notes", "noted", "noted", "noting"},
	{"write", "writes", "wrote", "written", "writing"},
	{"confirm", "confirms", "confirmed", "confirmed", "confirming"},
	{"announce", "announces", "announced", "announced", "announcing"},
	{"acknowledge", "acknowledges", "acknowledged", "acknowledged", "acknowledging"},
	{"admit", "admits", "admitted", "admitted", "admitting"},
	{"deny", "denies", "denied", "denied", "denying"},
	{"allege", "alleges", "alleged", "alleged", "alleging"},
	{"estimate", "estimates", "estimated", "estimated", "estimating"},
	{"predict", "predicts", "predicted", "predicted", "predicting"},
	{"recall", "recalls", "recalled", "recalled", "recalling"},
	{"reply", "replies", "replied", "replied", "replying"},
	{"respond", "responds", "responded", "responded", "responding"},
	{"ask", "asks", "asked", "asked", "asking"},
	{"testify", "testifies", "testified", "testified", "testifying"},
	{"contend", "contends", "contended", "contended", "contending"},
	{"maintain", "maintains", "maintained", "maintained", "maintaining"},
	{"suggest", "suggests", "suggested", "suggested", "suggesting"},
	{"report", "reports", "reported", "reported", "reporting"},
	{"tweet", "tweets", "tweeted", "tweeted", "tweeting"},
	{"conclude", "concludes", "concluded", "concluded", "concluding"},
	{"disclose", "discloses", "disclosed", "disclosed", "disclosing"},
	{"reveal", "reveals", "revealed", "revealed", "revealing"},
}

var beliefVerbs = [][5]string{
	{"believe", "believes", "believed", "believed", "believing"},
	{"think", "thinks", "thought", "thought", "thinking"},
	{"expect", "expects", "expected", "expected", "expecting"},
	{"fear", "fears", "feared", "feared", "fearing"},
	{"understand", "understands", "understood", "understood", "understanding"},
}

// lexiconWords returns the lexicon: every word and its classes, built from
// the word lists of this file and of cues.go, the human-edited source of
// truth. Nothing calls it at run time: go generate (TestLexiconTableUpToDate)
// compiles it into wordTable in lexicon_table.go, initialised data of the
// binary, so that no process spends start-up time building it. After
// editing a list, run go generate ./rules/internal/prose.
func lexiconWords() map[string]wclass {
	lexicon := map[string]wclass{}
	add := func(c wclass, words ...string) {
		for _, w := range words {
			lexicon[w] |= c
		}
	}
	for _, v := range reportVerbs {
		add(wBaseForm, v[0])
		add(wReport, v[:]...)
		add(wParticiple, v[3])
	}
	for _, v := range beliefVerbs {
		add(wBaseForm, v[0])
		add(wBelief, v[:]...)
		add(wParticiple, v[3])
	}
	// -ing forms are not finite: "saying" needs an auxiliary, handled by the
	// caller through isFinite.
	add(wNounish, "claims", "claim", "states", "state", "notes", "note", "estimates", "estimate", "reports",
		"report", "fears", "fear", "tweets", "tweet", "thought", "replies", "reply", "recall", "recalls",
		"warning", "saying", "writing", "understanding", "feeling", "thinking", "reporting", "says", "add", "ask")
	add(wCopula, "is", "are", "was", "were", "'s", "’s")
	add(wBe, "be", "been", "being")
	add(wHave, "has", "have", "had", "'ve", "’ve")
	add(wAux, "will", "would", "could", "can", "may", "might", "must", "should", "shall", "did", "does", "do",
		"has", "have", "had", "is", "are", "was", "were", "been", "be", "'s", "’s", "'ll", "’ll", "'d", "’d")
	add(wAdverb, "also", "later", "earlier", "previously", "repeatedly", "recently", "once", "often", "again",
		"then", "now", "still", "further", "separately", "publicly", "privately", "reportedly", "allegedly",
		"widely", "generally", "largely", "increasingly", "not", "never", "always", "already", "initially",
		"first", "last", "subsequently", "yesterday", "today", "just", "simply", "even", "however", "too",
		"originally", "correctly", "wrongly", "long", "firmly", "strongly", "privately", "openly", "quickly",
		"angrily", "bluntly", "flatly", "tearfully", "confidently", "no", "longer")
	add(wPronoun, "he", "she", "they", "it")
	add(wSubjPronoun, "he", "she", "they", "it", "we", "i", "you")
	add(wDet, "a", "an", "the")
	add(wIndef, "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"several", "some", "many", "another", "other", "others", "various", "numerous", "few", "a", "most",
		"dozens", "hundreds", "both", "multiple", "countless")
	add(wNumber, "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several",
		"dozens", "hundreds", "multiple")
	add(wPossessive, "his", "her", "their", "its", "our", "my", "your")
	add(wBoundary, "that", "which", "who", "whom", "whose", "and", "or", "but", "because", "if", "when",
		"while", "as", "after", "before", "than", "so", "where", "whether", "since", "though", "although",
		"until", "unless", "what", "how", "why", "yet", "nor", "whereas", "said", "says", "told", "also",
		"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might",
		"must", "should", "not", "to", "be", "been", "being", "did", "does", "do", "yesterday", "today",
		"tonight", "tomorrow", "later", "earlier", "then", "now", "however", "meanwhile", "by", "this",
		"these", "those", "there", "here", "about", "over", "against", "into", "through", "during",
		"without", "under", "between", "among", "up", "out", "off", "down", "i", "we", "you", "me", "us",
		"him", "them", "so-called", "even", "only", "just", "still", "already", "recently", "previously",
		"repeatedly", "said:", "added", "instead", "though", "thus", "therefore", "indeed")
	add(wComplement, "to", "close", "familiar", "briefed", "at", "of", "for", "with", "from", "within", "inside",
		"in", "on", "involved", "knowledgeable", "near", "representing", "working", "based", "who")
	add(wHonorific, "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
		"rev", "cllr", "councillor", "judge", "det", "sgt", "insp", "supt", "capt", "gen", "president",
		"senator", "sen", "rep", "gov", "governor", "mayor", "minister", "secretary", "chancellor", "justice",
		"inspector", "sergeant", "constable", "detective", "superintendent", "chief", "general", "colonel",
		"captain", "bishop", "father", "king", "queen", "prince", "princess", "baroness", "baron", "mp")
	add(wInstitution, "police", "prosecutors", "council", "company", "club", "agency", "ministry",
		"department", "trust", "board", "court", "government", "firm", "regulator", "authority",
		"authorities", "administration", "campaign", "committee", "commission", "party", "group", "bank",
		"university", "hospital", "school", "charity", "union", "force", "army", "military", "navy",
		"kremlin", "pentagon", "whitehall", "parliament", "congress", "senate", "cabinet", "office",
		"organisation", "organization", "federation", "association", "council's", "inquiry", "watchdog",
		"insurer", "airline", "operator", "developer", "landlord", "retailer", "manufacturer", "supplier",
		"contractor", "consortium", "coalition", "team", "network", "broadcaster", "newspaper", "paper",
		"service", "services", "prosecution", "defence", "defense", "state", "embassy", "ministries",
		"officials'", "companies", "prosecutor", "investigators", "authorities'", "firefighters",
		"paramedics", "coastguard")
	add(wInstSuffix, "council", "police", "ministry", "agency", "authority", "water", "rail", "bank",
		"university", "trust", "group", "ltd", "plc", "inc", "corp", "corporation", "company", "department",
		"office", "service", "commission", "committee", "party", "foundation", "institute", "association",
		"society", "club", "union", "board", "court", "hospital", "school", "college", "network", "news",
		"times", "post", "journal", "guardian", "telegraph", "herald", "press", "agency", "government",
		"house", "administration", "airways", "airlines", "energy", "holdings", "partners", "fc", "federation",
		"organisation", "organization", "forum", "institution", "centre", "center", "unit", "executive",
		"assembly", "parliament", "congress", "senate", "cabinet")
	add(wSpokes, "spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokespersons", "spokesmen",
		"spokeswomen", "representative", "representatives")
	add(wDocument, "report", "statement", "filing", "filings", "papers", "documents", "document", "data",
		"figures", "study", "survey", "letter", "minutes", "records", "record", "analysis", "audit", "review",
		"poll", "memo", "email", "emails", "release", "report's", "accounts", "judgment", "ruling", "findings",
		"estimates", "forecast", "website", "post", "briefing", "transcript", "affidavit", "indictment",
		"complaint", "lawsuit", "research", "paper")
	add(wAnonNoun, "official", "officials", "source", "sources", "insider", "insiders", "aide", "aides",
		"diplomat", "diplomats", "executive", "executives", "person", "people", "persons", "resident",
		"residents", "employee", "employees", "worker", "workers", "staff", "member", "members", "officer",
		"officers", "colleague", "colleagues", "friend", "friends", "neighbour", "neighbours", "neighbor",
		"neighbors", "witness", "witnesses", "relative", "relatives", "teacher", "teachers", "parent",
		"parents", "inspector", "inspectors", "engineer", "engineers", "adviser", "advisers", "advisor",
		"advisors", "banker", "bankers", "investor", "investors", "trader", "traders", "manager", "managers",
		"consultant", "consultants", "figure", "figures", "ally", "allies", "confidant", "confidants",
		"lawmaker", "lawmakers", "legislator", "legislators", "mp", "mps", "councillor", "councillors",
		"director", "directors", "employee", "doctor", "doctors", "nurse", "nurses",
		"student", "supporter", "fan", "voter",
		"shopper", "customer", "passenger", "one",
		"another", "others", "someone", "somebody", "man", "woman", "men", "women", "observer", "insider",
		"strategist", "strategists", "operative", "operatives", "donor", "donors", "activist", "activists",
		"campaigner", "campaigners", "organiser", "organisers", "senior", "veteran", "veterans", "agent",
		"agents", "analyst", "expert", "critic", "scientist", "scientists", "researcher", "researchers")
	add(wWeaselNoun, "critics", "observers", "experts", "analysts", "commentators", "sceptics", "skeptics",
		"opponents", "some", "many", "others", "reports", "pundits", "economists", "scientists", "media")
	add(wContrast, "but", "however", "although", "while", "whereas", "yet", "though")
	add(wWeekday, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
		"tonight", "tomorrow", "mondays", "weekend")
	add(wMonth, "january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
		"oct", "nov", "dec")
	add(wProcedural, "vote", "meet", "decide", "rule", "announce", "publish", "sign", "open", "close",
		"arrive", "return", "speak", "appear", "testify", "begin", "end", "launch", "visit", "attend",
		"deliver", "unveil", "hold", "start", "finish", "report", "hear", "sit", "debate", "consider",
		"discuss", "address", "travel", "land", "depart", "resume", "reopen", "release", "present")
	add(wCourt, "court", "courts", "jury", "juries", "judge", "trial", "magistrates", "magistrate",
		"tribunal", "inquest", "hearing", "prosecutor", "prosecutors", "prosecution", "defence", "defense",
		"charged", "indicted", "pleaded", "pleads", "denies", "denied", "verdict", "sentencing", "sentenced",
		"lawsuit", "claimant", "claimants", "plaintiff", "plaintiffs", "defendant", "defendants", "accused",
		"indictment", "convicted", "acquitted", "arrested", "charges", "charge", "suit", "jurors",
		"testified", "crown", "barrister", "counsel", "arrest")
	add(wHedge, "may", "might", "could", "possibly", "likely", "unlikely", "probably", "perhaps", "appears",
		"appear", "appeared", "seems", "seem", "seemed", "apparently", "unconfirmed", "if", "potentially",
		"reportedly", "allegedly", "supposedly", "purportedly", "reputedly", "rumoured", "rumored",
		"possible", "maybe", "suspected", "alleged", "unverified")
	add(wRoleNoun, "mayor", "minister", "chairman", "chairwoman", "chair", "chairperson", "president",
		"secretary", "chancellor", "governor", "leader", "head", "boss", "chief", "commissioner", "judge",
		"coroner", "treasurer", "ceo", "founder", "owner", "manager", "coach", "captain", "headteacher",
		"principal", "speaker", "premier", "prime", "senator", "ambassador", "director", "superintendent",
		"sheriff", "prosecutor", "attorney-general", "inspector", "bishop", "pope", "king", "queen",
		"prince", "author", "authors", "researchers", "scientists", "victim", "defendant", "accused",
		"candidate", "nominee", "councillor", "mp", "officer", "spokesperson", "spokesman", "spokeswoman",
		"company", "couple", "family", "singer", "actor", "actress", "star", "player", "manager", "striker",
		"landlord", "driver", "pilot", "doctor", "lawyer", "attorney")
	add(wPersonNoun, "man", "woman", "men", "women", "boy", "girl", "person", "people", "resident",
		"residents", "neighbour", "neighbours", "witness", "witnesses", "teacher", "teachers", "parent",
		"parents", "mother", "father", "student", "students", "worker", "workers", "nurse", "doctor",
		"lawyer", "driver", "passenger", "passengers", "local", "locals", "shopkeeper", "owner", "villager",
		"villagers")
	add(wAttrCue, "according", "citing")
	add(wPassiveAdverb, passiveAdverbs...)
	add(wWeaselVerb, weaselVerbs...)
	add(wDefAnon, definiteAnonymous...)
	add(wPoll, "percent", "cent", "majority", "most", "half")
	for _, e := range passiveToCues {
		add(wPassiveTo, e.verb)
	}
	add(wReasonCue, "anonymity", "named", "identified", "authorised", "authorized", "fear", "protect")
	add(wCueAdverb, "reportedly", "allegedly", "supposedly", "purportedly", "reputedly")
	add(wCueStart, "it", "is", "are", "was", "were", "has", "have", "had", "in", "according", "rumour", "rumor",
		"some", "many", "reportedly", "allegedly", "supposedly", "purportedly", "reputedly")
	for w, c := range lexicon {
		if c&wWeaselNoun != 0 {
			lexicon[w] |= wCueStart
		}
	}
	return lexicon
}

// lookup returns the lexicon classes of a lower-cased word. Analyze calls
// it for every word of a draft, so words of up to 15 bytes (all but a
// handful of the lexicon, and nearly every word of prose) are looked up in
// wordTable, whose slots hold the words themselves: one or two cache lines
// per lookup where a map with string keys follows a pointer to each key.
func lookup(w string) wclass {
	// packWord, by hand: this runs for every word of every draft.
	var k0, k1 uint64
	// Cases in order of how common the lengths are in prose.
	switch n := len(w); {
	case n >= 2 && n < 4:
		k0 = uint64(le16(w)) | uint64(le16(w[n-2:]))<<(8*(n-2))
		k1 = uint64(n) << 56
	case n >= 4 && n < 8:
		k0 = uint64(le32(w)) | uint64(le32(w[n-4:]))<<(8*(n-4))
		k1 = uint64(n) << 56
	case n >= 8 && n <= 15:
		k0 = le64(w)
		if n > 8 {
			k1 = le64(w[n-8:]) >> (8 * (16 - n))
		}
		k1 |= uint64(n) << 56
	case n == 1:
		k0 = uint64(w[0])
		k1 = 1 << 56
	default:
		return lookupLong(w)
	}
	return probe(k0, k1)
}

// probe returns the classes of the packed word k0, k1 (see packWord) in
// wordTable, 0 when it is not there.
//
// Nearly half the words of prose are not in the lexicon: whether a word is
// found is a coin toss for the branch predictor, and the home slot of a
// word that is not there is a random line of the 96 KB table, seldom in
// the cache. So probe does not branch on either. wordBits, a 4 KB bit set
// of the lexicon's hashes, sends all but about 3% of the absent words to
// slot 0, which is always empty and always cached, by a multiplication
// instead of a branch; the loop then tests "found, or an empty slot" (whose
// classes are 0) in one branch, taken for nearly every word, so the
// lookups of successive words overlap instead of waiting on each other.
func probe(k0, k1 uint64) wclass {
	h := wordHash(k0, k1)
	// Bit h>>(64-wordBitsLog) of wordBits.
	in := wordBits[h>>(64-wordBitsLog+6)] >> (h >> (64 - wordBitsLog) & 63) & 1
	// The last slot of the table is empty (buildWordTable): the loop ends.
	for i := wordIndex(h) * in; ; i++ {
		s := &wordTable[i]
		if min((s.k0^k0)|(s.k1^k1), s.k1) == 0 {
			return s.cls
		}
	}
}

// packMask0 and packMask1 keep, of the 16 bytes loaded at a word of n
// bytes (packAt), those of the word: the first eight in k0, the
// rest in k1.
var (
	packMask0 = [16]uint64{0, 1<<8 - 1, 1<<16 - 1, 1<<24 - 1, 1<<32 - 1, 1<<40 - 1, 1<<48 - 1, 1<<56 - 1,
		1<<64 - 1, 1<<64 - 1, 1<<64 - 1, 1<<64 - 1, 1<<64 - 1, 1<<64 - 1, 1<<64 - 1, 1<<64 - 1}
	packMask1 = [16]uint64{8: 0, 9: 1<<8 - 1, 10: 1<<16 - 1, 11: 1<<24 - 1, 12: 1<<32 - 1, 13: 1<<40 - 1,
		14: 1<<48 - 1, 15: 1<<56 - 1}
)

// wordSlot is one word of wordTable: its bytes, little-endian, in k0 and
// the low seven bytes of k1, its length in the top byte of k1.
type wordSlot struct {
	k0, k1 uint64
	cls    wclass
}

// wordTable (lexicon_table.go) is the lexicon as an open-addressing table
// with linear probing, generated from lexiconWords; lookupLong has the words
// of more than 15 bytes. A word's home slot is 1 to wordTableSize (slot 0
// stays empty, see probe); the table has wordOverflow slots more, so that
// probing never wraps. It should stay at most a quarter full
// (TestLookupTable), as a word probes until it finds itself or an empty
// slot.
const (
	wordTableLog  = 12
	wordTableSize = 1 << wordTableLog
	wordOverflow  = 31
)

// wordBits (lexicon_table.go) has bit h>>(64-wordBitsLog) set for the hash
// h of every word of wordTable.
const (
	wordBitsLog = 15
	wordBitsLen = 1 << wordBitsLog / 64
)

// packWord packs a word of 1 to 15 bytes into two words; ok is false for
// any other length. The bytes are read with a few overlapping loads (the
// compiler makes each le* one load) rather than one at a time.
func packWord(w string) (k0, k1 uint64, ok bool) {
	n := len(w)
	switch {
	case n >= 8 && n <= 15:
		k0 = le64(w)
		if n > 8 {
			k1 = le64(w[n-8:]) >> (8 * (16 - n))
		}
	case n >= 4 && n < 8:
		k0 = uint64(le32(w)) | uint64(le32(w[n-4:]))<<(8*(n-4))
	case n >= 2 && n < 4:
		k0 = uint64(le16(w)) | uint64(le16(w[n-2:]))<<(8*(n-2))
	case n == 1:
		k0 = uint64(w[0])
	default:
		return 0, 0, false
	}
	return k0, k1 | uint64(n)<<56, true
}

func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func le16(s string) uint16 {
	_ = s[1]
	return uint16(s[0]) | uint16(s[1])<<8
}

// wordHash hashes a packed word.
func wordHash(k0, k1 uint64) uint64 {
	return k0*0x9E3779B97F4A7C15 ^ k1*0xC2B2AE3D27D4EB4F
}

// wordIndex is the home slot of a word of hash h, 1 to wordTableSize.
// Its bits lie below those of wordBits.
func wordIndex(h uint64) uint64 { return 1 + h>>(64-wordBitsLog-wordTableLog)&(wordTableSize-1) }
