package debris

import "testing"

func TestClassify(t *testing.T) {
	tests := []struct {
		line string
		want Category
	}{
		{"Advertisement", Ad},
		{"ADVERTISEMENT - Story continues below", Ad},
		{"Read Full Article", ReadOn},
		{"Continue reading the main story", ReadOn},
		{"Image 3 of 12", ReadOn},
		{"Read more: Kelbridge opens flood wall", ReadOn},
		{"Share this article", Share},
		{"Facebook Twitter Email", Share},
		{"Follow Ruth Okafor on Twitter", Share},
		{"Sign up to our free Marwick Daily newsletter", Newsletter},
		{"Get the best of the Gazette delivered to your inbox", Newsletter},
		{"We use cookies to give you the best experience on our site. Accept all", Cookie},
		{"Cookie policy", Cookie},
		{"To view this video please enable JavaScript", Player},
		{"Your browser doesn’t support HTML5 video", Player},
		{"Watch: the ceremony in full", Player},
		{"Image copyright Marwick Gazette", ImageCredit},
		{"Tom Hale/AFP/Getty Images", ImageCredit},
		{"Related stories", RelatedHeading},
		{"More from the Gazette", RelatedHeading},
		{"Source: Marwick Gazette", SourceTail},
		{"(Reporting by Tom Hale; Editing by Priya Nandra)", WireCredit},
		{"© 2024 Marwick Gazette. All rights reserved.", Copyright},
		{"44 comments", ReadOn},
		{"858 shares", Share},
		{"3 goals", None},
		{"Skip to main content", Navigation},
		{"CLICK HERE TO GET THE GAZETTE APP", ReadOn},
		{"Show more sharing options", Share},
		{"Skip to the second half, and Kelbridge were ahead.", None},
		// Traps: prose, quotes, stories about the things.
		{"The video referee ruled out Kelbridge's late goal on Saturday.", None},
		{"The club's newsletter said 2,000 fans had signed a petition.", None},
		{"Cookies baked by pupils at Hale Cross Primary raised £300 for the appeal.", None},
		{"Fans can subscribe to the printed match guide at the ticket office, the club said.", None},
		{"Share prices at Fenwick Rail fell 4% after the announcement.", None},
		{"The advertisement, which ran for six weeks, was banned by the regulator.", None},
		{"\"Read the full report before you judge us,\" said manager Tom Hale.", None},
		{"Share this view, please?", None},
		{"Comments from residents will be heard on Monday.", None},
		// Families added for extractor output.
		{"Workers fit the last panel to the flood wall on Tuesday, watched by residents of Mill Lane. (AP Photo/Tom Hale)", Caption},
		{"The new flood gate at the foot of Mill Lane, which closes when the river rises. Credit: Kelbridge Council", Caption},
		{"Residents watch the last panel being lowered into place in Kelbridge on Tuesday. Tom Hale / AP file", Caption},
		{"This website uses cookies to improve your experience while you navigate through the site, and you can opt out if you wish.", Cookie},
		{"There's plenty more where that came from. Sign up for the Marwick Morning to get our free newsletter delivered every weekday.", Newsletter},
		{"The Marwick Gazette has affiliate partnerships and may earn a commission on products bought through links on our pages.", Affiliate},
		{"Note: we are moderating all comments to deal with a surge in spam.", CommentNotice},
		{"marwickfan77 says:", CommentNotice},
		{"Comments are closed", CommentNotice},
		{"tom.hale@gazette.example", LinkLine},
		{"twitter.com/tomhale", LinkLine},
		{"Follow our coverage of the River Dun at https://gazette.example.com/dun", LinkLine},
		{"Kelbridge flood wall finished a year late [VIDEO]", RelatedItem},
		{"Swimmers return to the River Dun (PICTURES)", RelatedItem},
		{"READ MORE: Kelbridge council confirmed as owner of the site", ReadOn},
		{"On Gazette.com: Kelbridge bus station to close", RelatedItem},
		{"Rovers newsletter", Newsletter},
		{"4 min read", Timestamp},
		{"3 / 12", ReadOn},
		{"View all (23)", ReadOn},
		{"Registration on or use of this site constitutes acceptance of our User Agreement", Legal},
		{"Ruth Okafor Submitted photo", ImageCredit},
		{"Rating: 12 Votes", ReadOn},
		// Their lookalikes in story text.
		{"Sellers on the app may earn a commission of up to 8% on each sale made through the site.", None},
		{"Influencers who post affiliate links without a label face fines under the new rules.", None},
		{"Comments are closed on the council's consultation page until the new year.", None},
		{"Tom Hale says:", None},
		{"From:ruth.okafor@bakery.example", None},
		{"https://www.haleshow.example/results/2024", None},
		{"Ruth Okafor (pictured) with her daughter after the award (ceremony held in public)", None},
		{"Judges ranked the entries on taste and look [the rules say nothing about size]", None},
		{"Bakery owner Ruth Okafor (left) is seen here with the cup, judged by Tom Hale (the chairman)", None},
		{"Research on the ePA: Die elektronische Patientenakte (ePA)", None},
		{"On Amazon.com the book sells for twice the shop price.", None},
		{"The shop newsletter", None},
		{"Marwick Rovers won 3 / 12 of their away games", None},
	}
	var sc Scratch
	for _, tt := range tests {
		f := sc.Analyze(tt.line)
		if got := Default.Classify(tt.line, &f, &sc).Cat; got != tt.want {
			t.Errorf("Classify(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestReadMoreIndex(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		{"The line opens in 2027. Read more: Tram timetable", 24},
		{"READ MORE: Tram timetable", 0},
		{"Nothing to see here.", -1},
		{"Spread more: not a prompt", -1},
	}
	for _, tt := range tests {
		if got := ReadMoreIndex(tt.line); got != tt.want {
			t.Errorf("ReadMoreIndex(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func TestFindMojibake(t *testing.T) {
	type run struct {
		bad, fixed string
	}
	tests := []struct {
		text string
		want []run
	}{
		{"cafÃ©", []run{{"Ã©", "é"}}},
		{"Itâ€™s", []run{{"â€™", "’"}}},
		{"itÃ¢â‚¬â„¢s", []run{{"Ã¢â‚¬â„¢", "’"}}},
		{"Â£5", []run{{"Â£", "£"}}},
		{"â€œQuoteâ€ end", []run{{"â€œ", "“"}, {"â€", ""}}},
		{"caf� sign", []run{{"�", ""}}},
		{"the realÃ¢€world cost", []run{{"Ã¢€", ""}}},
		{"São Bento, crème brûlée, JOÃO, €4, ±2°, Ümit, Œuvre", nil},
	}
	for _, tt := range tests {
		var got []run
		FindMojibake(tt.text, 0, len(tt.text), 3, true, func(m MojibakeRun) {
			got = append(got, run{tt.text[m.Start:m.End], m.Fixed})
		})
		if len(got) != len(tt.want) {
			t.Errorf("FindMojibake(%q) = %q, want %q", tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("FindMojibake(%q)[%d] = %q, want %q", tt.text, i, got[i], tt.want[i])
			}
		}
	}
}

func TestDateClock(t *testing.T) {
	tests := []struct {
		line        string
		date, clock bool
	}{
		{"Tuesday November 19, 2024", true, false},
		{"November 19, 2024 at 8:53 am", true, true},
		{"20 Nov, 2024 05:47", true, true},
		{"Today 12:01 AM", true, true},
		{"March 3, 2021", true, false},
		{"Today the council meets", false, false},
		{"12:01 AM", false, false},
	}
	for _, tt := range tests {
		if d, c := DateClock(tt.line); d != tt.date || c != tt.clock {
			t.Errorf("DateClock(%q) = %v, %v, want %v, %v", tt.line, d, c, tt.date, tt.clock)
		}
	}
}
