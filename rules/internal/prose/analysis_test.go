package prose

import (
	"reflect"
	"strings"
	"testing"

	"copydesk/lint"
	"copydesk/lint/parse"
)

func analyzeText(t *testing.T, body string) *Analysis {
	t.Helper()
	doc, err := parse.Parse("t.txt", []byte("Neutral headline\n\n"+body+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	return Analyze(doc)
}

// TestSourceClasses checks the source phrase and class found for one
// attribution per sentence (RULES.md §1.2-§1.3).
func TestSourceClasses(t *testing.T) {
	tests := []struct {
		text   string
		source string
		class  Class
	}{
		{"Ruth Okafor said the vote was final.", "Ruth Okafor", Named},
		{"Ms Rees, the treasurer, said the budget was balanced.", "Ms Rees", Named},
		{"Council leader Ruth Okafor said the vote was final.", "Council leader Ruth Okafor", Named},
		{"\"It is final,\" said Cllr Tom Hale.", "Cllr Tom Hale", Named},
		{"Dunmere Water said the pipe had burst.", "Dunmere Water", Institution},
		{"Police said the road was closed.", "Police", Institution},
		{"A council spokesperson said the road was closed.", "A council spokesperson", Institution},
		{"According to a council report, the road was closed.", "a council report", Record},
		{"An official said the deal was off.", "An official", Anonymous},
		{"People familiar with the matter said a successor had been chosen.", "People familiar with the matter", Anonymous},
		{"A source close to the club said the price had been agreed.", "A source close to the club", Anonymous},
		{"Two people briefed on the talks said an offer was drafted.", "Two people briefed on the talks", Anonymous},
		{"Officials said the contract could be signed.", "Officials", Anonymous},
		{"One resident said she felt safe.", "One resident", Anonymous},
		{"Critics say the budget was never realistic.", "Critics", Weasel},
		{"Some residents say the smell is worse at night.", "Some residents", Weasel},
		{"His top aide, Tom Hale, said the figures were wrong.", "His top aide", Named},
		{"Gareth Lyle, 41, of Mill Lane, said he was innocent.", "Gareth Lyle", Named},
		{"A teacher who has worked there for years said staff were warned.", "A teacher", Anonymous},
		{"Forty per cent of residents said they would back the plan.", "Forty per cent of residents", Unknown},
	}
	for _, tt := range tests {
		a := analyzeText(t, tt.text)
		var got []string
		found := false
		for _, at := range a.Attributions {
			got = append(got, a.Doc.Slice(at.Source)+"="+at.Class.String())
			if a.Doc.Slice(at.Source) == tt.source && at.Class == tt.class {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: want %q=%s, got %v", tt.text, tt.source, tt.class, got)
		}
	}
}

// TestNotAttribution checks the §1.5 senses that are no attribution.
func TestNotAttribution(t *testing.T) {
	for _, text := range []string{
		"The said property was sold at auction in 2019.",
		"That said, the figures were final.",
		"Needless to say, the bridge was closed.",
		"All told, the repairs cost £4m.",
		"Insurance claims rose by a third.",
		"The contractor was told to leave the site.",
		"The council declined to say how much it paid.",
	} {
		a := analyzeText(t, text)
		for _, at := range a.Attributions {
			if at.Class != Unknown {
				t.Errorf("%q: unexpected attribution %q (%s)", text, a.Doc.Slice(at.Source), at.Class)
			}
		}
	}
}

// TestContinuation checks pronoun and role-noun resolution and reopened
// quotes (RULES.md §1.4, §1.1).
func TestContinuation(t *testing.T) {
	a := analyzeText(t, "An inspector said two schools were under review. He added that the findings were due in June.\n\n"+
		"The inspector said more would follow.\n\nAnother inspector said the review was late.")
	if len(a.Attributions) != 4 {
		t.Fatalf("want 4 attributions, got %d", len(a.Attributions))
	}
	if at := a.Attributions[1]; !at.Pronoun || at.Ref != 0 || at.Class != Anonymous {
		t.Errorf("he: want a pronoun continuation of 0, got %+v", at)
	}
	if at := a.Attributions[2]; at.Pronoun || at.Ref != 0 {
		t.Errorf("the inspector: want a repeat reference to 0, got %+v", at)
	}
	if at := a.Attributions[3]; at.Ref != -1 || at.Class != Anonymous {
		t.Errorf("another inspector: want a new anonymous source, got %+v", at)
	}

	a = analyzeText(t, "Priya Nandra said: \"This wall will protect 400 homes.\n\n\"It was built in eleven months, which people said could not be done.\"")
	var reopened *Attribution
	for i := range a.Attributions {
		if a.Attributions[i].Reopened {
			reopened = &a.Attributions[i]
		}
	}
	if reopened == nil || reopened.Class != Named || reopened.Ref != 0 {
		t.Fatalf("want the second paragraph to reopen Nandra's quote, got %+v", a.Attributions)
	}
}

// TestReasons checks stated reasons for anonymity (RULES.md §1.6).
func TestReasons(t *testing.T) {
	tests := []struct {
		text            string
		granted, reason bool
	}{
		{"An official, who spoke on condition of anonymity because the talks are private, said the deal was off.", true, true},
		{"An official, who spoke on condition of anonymity, said the deal was off.", true, false},
		{"An official, who asked not to be named because she was not authorised to speak, said the deal was off.", true, true},
		{"An official said the deal was off.", false, false},
	}
	for _, tt := range tests {
		a := analyzeText(t, tt.text)
		if len(a.Attributions) != 1 {
			t.Fatalf("%q: want 1 attribution, got %d", tt.text, len(a.Attributions))
		}
		if at := a.Attributions[0]; at.Granted != tt.granted || at.Reason != tt.reason {
			t.Errorf("%q: granted, reason = %v, %v; want %v, %v", tt.text, at.Granted, at.Reason, tt.granted, tt.reason)
		}
	}
}

// TestCues checks the §2 constructions found and whether they are covered.
func TestCues(t *testing.T) {
	tests := []struct {
		text    string
		want    string // the construction, "" for none
		covered bool
	}{
		{"The council leader is said to be furious.", "is said to", false},
		{"It is understood that the scheme will be cut back.", "It is understood that", false},
		{"The driver is believed to have fled on foot, police said.", "is believed to", true},
		{"Police said the club was robbed, but the money is believed to have gone abroad.", "is believed to", false},
		{"In what is widely seen as a snub, Ms Okafor said nothing.", "In what is widely seen as", false},
		{"The contractor reportedly missed three deadlines.", "reportedly", false},
		{"Critics argue the plan favours the town centre.", "Critics argue", false},
		{"It is understood by the auditors that the accounts were late.", "", false},
		{"The theft was reported to police on Monday.", "", false},
		{"\"He is said to be furious,\" Ms Okafor said.", "", false},
		{"Some of them said the plan was late.", "", false},
		{"The fair returns to Hale Cross in May.", "", false},
	}
	for _, tt := range tests {
		a := analyzeText(t, tt.text)
		got := ""
		covered := false
		for _, c := range a.Cues {
			got = a.Doc.Slice(c.Span)
			covered = c.Covered
		}
		if got != tt.want || tt.want != "" && covered != tt.covered {
			t.Errorf("%q: cue %q covered=%v, want %q covered=%v", tt.text, got, covered, tt.want, tt.covered)
		}
	}
}

// TestScheduled checks the expected-to decision.
func TestScheduled(t *testing.T) {
	for text, want := range map[string]bool{
		"The council is expected to vote on the plan on Tuesday.": true,
		"The council is expected to vote on the plan.":            false,
		"The chief executive is expected to resign on Friday.":    false,
		"The hearing is expected to take place on 11 January.":    true,
		"The report is expected to be published next week.":       true,
	} {
		a := analyzeText(t, text)
		if len(a.Cues) != 1 || a.Cues[0].Scheduled != want {
			t.Errorf("%q: want one cue with Scheduled=%v, got %+v", text, want, a.Cues)
		}
	}
}

// TestHedges checks modal hedges outside quotes and "May" the month.
func TestHedges(t *testing.T) {
	for text, want := range map[string]string{
		"The library may close in June.":                     "may",
		"The fair returns in May.":                           "",
		"Work will start on 3 May.":                          "",
		"\"It could close,\" she said.":                      "",
		"The tunnel could flood in winter, engineers fear.":  "could",
		"Ms May said the library would close if funds fell.": "if",
	} {
		a := analyzeText(t, text)
		var got []string
		for _, h := range a.Hedges {
			got = append(got, h.Word)
		}
		if strings.Join(got, ",") != want {
			t.Errorf("%q: hedges %v, want %q", text, got, want)
		}
	}
}

// TestMemo checks that Analyze computes once per document and handles
// documents built without sentences.
func TestMemo(t *testing.T) {
	src := []byte("Headline\n\nOfficials said it was late.")
	b := lint.NewBuilder("x.txt", lint.Plain, src)
	b.OpenBlock(lint.Heading, "h1")
	b.Verbatim(0, 8)
	b.MarkHeadline()
	b.OpenBlock(lint.Paragraph, "p")
	b.Verbatim(10, len(src))
	doc := b.Finish()
	a1, a2 := Analyze(doc), Analyze(doc)
	if a1 != a2 {
		t.Error("Analyze computed twice")
	}
	if len(a1.Attributions) != 1 || a1.Attributions[0].Class != Anonymous {
		t.Errorf("want one anonymous attribution, got %+v", a1.Attributions)
	}
	if empty := Analyze(lint.NewBuilder("e.txt", lint.Plain, nil).Finish()); len(empty.Sentences) != 0 {
		t.Errorf("empty document: got %d sentences", len(empty.Sentences))
	}
}

// TestReleaseReuse checks that an analysis built on tables recycled from
// another document's (Release) equals one built on fresh tables, whichever
// document is the larger.
func TestReleaseReuse(t *testing.T) {
	parseDoc := func(src string) *lint.Document {
		doc, err := parse.Parse("d.txt", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	small := "Kelbridge stadium could be sold\n\nThe club is said to be in talks, sources say.\n"
	large := small + strings.Repeat("\"We will fight this,\" said Ruth Okafor, the council leader. Critics argue the plan was rushed, according to one official who asked not to be named.\n\n", 40)
	tables := func(a *Analysis) []any {
		return []any{a.Tokens, a.Sentences, a.Attributions, a.Cues, a.Hedges, a.BlockSentences, a.Court}
	}
	for _, order := range [][2]string{{small, large}, {large, small}, {large, large}} {
		want := analyze(parseDoc(order[1]))
		for range 3 {
			first := analyze(parseDoc(order[0]))
			first.Release()
			if first.Tokens != nil || first.bufs != nil {
				t.Fatal("a released analysis keeps its tables")
			}
			first.Release() // a second release does nothing
			got := analyze(parseDoc(order[1]))
			if !reflect.DeepEqual(tables(got), tables(want)) {
				t.Fatalf("analysis on recycled tables differs from a fresh one (%d then %d bytes)", len(order[0]), len(order[1]))
			}
		}
	}
}
