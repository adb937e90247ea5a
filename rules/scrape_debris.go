package rules

import (
	"copydesk/lint/freelist"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"html"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/lint"
	"copydesk/rules/internal/debris"
)

// ScrapeDebrisOptions are the options of scrape-debris
// ([rule.scrape-debris.options]).
type ScrapeDebrisOptions struct {
	// ExtraPhrases are whole lines a newsroom treats as debris.
	ExtraPhrases []string `toml:"extra-phrases"`
	// KeepPhrases are never removed: a line containing one is left alone.
	KeepPhrases []string `toml:"keep-phrases"`
	// WireCredits is "keep" (wire sign-offs stay) or "flag".
	WireCredits string `toml:"wire-credits"`
	// MinDuplicateWords is the shortest paragraph, in words, whose repeat
	// is reported.
	MinDuplicateWords int `toml:"min-duplicate-words"`
	// MaxRelatedItems is how many lines under a related-links heading are
	// taken as its items.
	MaxRelatedItems int `toml:"max-related-items"`
	// FeatureOnly lets block features flag lines with no lexicon cue: any
	// run of six or more short capitalised lines that are no sentences,
	// and such a line wedged between debris lines. Meant for raw page
	// dumps; on extracted article text it flags lists and sub-heads. (Menus
	// naming site sections, and runs before the first or after the last
	// sentence, are flagged by default.)
	FeatureOnly bool `toml:"feature-only"`
}

// DefaultScrapeDebrisOptions returns the options scrape-debris uses when
// the config sets none.
func DefaultScrapeDebrisOptions() ScrapeDebrisOptions {
	return ScrapeDebrisOptions{WireCredits: "keep", MinDuplicateWords: 12, MaxRelatedItems: 8}
}

// ScrapeDebris is the scrape-debris rule: page furniture left in a draft
// copied from the web (player notices, ad markers, share and newsletter
// prompts, related links, credits without their image, timestamps,
// duplicated paragraphs, leftover entities and tags).
type ScrapeDebris struct {
	opts ScrapeDebrisOptions
	lex  *debris.Lexicon
}

// NewScrapeDebris returns scrape-debris with default options.
func NewScrapeDebris() *ScrapeDebris {
	return &ScrapeDebris{opts: DefaultScrapeDebrisOptions(), lex: debris.Default}
}

// Meta describes scrape-debris.
func (r *ScrapeDebris) Meta() lint.Meta {
	return lint.Meta{
		ID:       "scrape-debris",
		Summary:  "Web page furniture left in the draft: player notices, ads, share prompts, related links",
		Severity: lint.Error,
		Default:  true,
		Fixable:  true,
		Doc: `Text copied from a web page brings the page's furniture with it. The rule reads the draft line by
line and flags a line that is certainly not the story:

  video player notice   "please enable JavaScript", "your browser does not support HTML5 video",
                        teasers opening "Watch:", "Video:", "Listen:"
  ad marker             a whole line "Advertisement", "Sponsored", "Story continues below"
  read-on prompt        "Read Full Article", "Continue reading", "Comments", "Image 3 of 12";
                        "Read more: <title>" also at the end of a paragraph (only that tail goes)
  source line           "Source: <publisher>" in the last three lines (no digits: data credits stay)
  share prompt          "Share this article", "Follow us on ...", a line of network names
  newsletter prompt     "Sign up to our newsletter", "... to your inbox" (imperative or "you"), also
                        a long pitch with a sentence opening "Sign up", "Subscribe", "Join"
  cookie notice         "We use cookies ...", "This website uses cookies ..." (addressed to the reader)
  image credit          "Image copyright ...", "Photo: ...", "Tom Hale/AFP/Getty Images" away from
                        any image
  photo caption         a caption ending with its credit, "... (AP Photo/Tom Hale)", "... Credit:
                        Kelbridge Council", away from any image
  affiliate disclosure  "we may earn a commission ...", "affiliate links" (twelve words or more,
                        "we"/"our" or "you")
  comments notice       "Comments are closed", "we are moderating all comments", a commenter's
                        user name before "says:"
  site terms notice     "use of this site constitutes acceptance of our User Agreement ..."
  link or contact line  a reporter's e-mail address or social profile alone on a line; "Follow ...
                        at <address>"
  related links         "Related stories", "Most read", "You may also like" and the headlines
                        under them; three or more bulleted headlines ending the draft; a
                        headline tagged "[VIDEO]", "[INSIGHT]", "(PICTURES)"
  navigation menu       a run of short lines with no sentence between them, mostly naming site
                        sections or footer links ("News", "Sport", "Contact Us", "Privacy
                        Policy"), or six or more before the first sentence or after the last
  breadcrumb            "Home > News > Local" in the first five lines
  timestamp             "Updated 14:32 GMT" or "2 hours ago" as a whole line, a date with its time
                        of day anywhere, a bare date line near the top or end, next to debris or
                        repeated word for word (a dated list of links), "4 min read", or a
                        timestamp glued to the first word ("14:32 GMTThe"): only it goes
  counter               "44 comments", "858 shares", "View all (23)", "3 / 12"
  duplicate paragraph   a paragraph of min-duplicate-words or more that appears exactly twice
                        and ends like a sentence or a photo credit (questions, list items and
                        refrains repeat on purpose); the headline repeated as the first paragraph
  leftover entity/tag   "&amp;", "&nbsp;" surviving in the text; "<p>", "</div>" in plain text

Block features gate the lexicon: a line of 20 or more words with a prose share of stop words, a line
with an attribution cue ("said", "told", "according to") and quoted words are never debris, so a
sentence that mentions a video, a newsletter or cookies stays. Wire sign-offs ("(Reporting by ...;
Editing by ...)") and rights lines ("All rights reserved") are kept unless wire-credits = "flag".

The fix deletes the line, its list marker and the blank line that separated it (or just the span for a
tail or glued timestamp), decodes an entity and deletes a tag. It never deletes a line that was not
flagged: in Markdown and HTML a source line (or an element split over lines) goes whole only when no
other text shares it, otherwise only the flagged words go. Keep a house line with keep-phrases; add
house debris with extra-phrases. feature-only = true also flags any run of six or more short
capitalised non-sentences, wherever it stands, for raw page dumps.`,
		Bad: "Marwick tram plan approved\n\nMarwick council has approved the tram plan by 31 votes to 12.\n\n" +
			"Share this article\n\nCouncil leader Ruth Okafor said the first trams would run in 2027.\n",
		Good: "Marwick tram plan approved\n\nMarwick council has approved the tram plan by 31 votes to 12.\n\n" +
			"Council leader Ruth Okafor said the club's newsletter had backed the scheme.\n",
		Options: `extra-phrases = []          # whole-line debris a newsroom adds, e.g. ["Download our app"]
keep-phrases = []           # never removed, e.g. a house sign-off
wire-credits = "keep"       # "keep" | "flag": (Reporting by ...; Editing by ...) and rights lines
min-duplicate-words = 12    # shortest repeated paragraph reported
max-related-items = 8       # lines taken as items under a related-links heading
feature-only = false        # raw page dumps: also flag menu-like runs of short lines (no lexicon cue)`,
	}
}

// Configure returns a copy of the rule with options decoded over the defaults.
func (r *ScrapeDebris) Configure(decode func(v any) error) (lint.Rule, error) {
	opts := DefaultScrapeDebrisOptions()
	if err := decode(&opts); err != nil {
		return nil, fmt.Errorf("scrape-debris options: %w", err)
	}
	switch opts.WireCredits {
	case "keep", "flag":
	default:
		return nil, fmt.Errorf("scrape-debris options: wire-credits must be \"keep\" or \"flag\", got %q", opts.WireCredits)
	}
	if opts.MinDuplicateWords < 1 {
		return nil, fmt.Errorf("scrape-debris options: min-duplicate-words must be at least 1, got %d", opts.MinDuplicateWords)
	}
	if opts.MaxRelatedItems < 0 {
		return nil, fmt.Errorf("scrape-debris options: max-related-items must not be negative, got %d", opts.MaxRelatedItems)
	}
	lex := debris.Default
	if len(opts.ExtraPhrases) > 0 || len(opts.KeepPhrases) > 0 {
		var err error
		if lex, err = debris.NewLexicon(opts.ExtraPhrases, opts.KeepPhrases); err != nil {
			return nil, fmt.Errorf("scrape-debris options: %w", err)
		}
	}
	return &ScrapeDebris{opts: opts, lex: lex}, nil
}

// dline is one line of the draft's body as the rule sees it.
type dline struct {
	span         lint.Span // in Text, trimmed
	block        int
	list         bool // a list item
	blank        bool // a blank line (or a block boundary) separates it from the previous line
	words        int
	finalStop    bool
	endsColon    bool
	question     bool
	closeParen   bool // ends with ")": a caption credit
	capital      bool
	digit        bool
	protected    bool // a wire credit or keep phrase: never flagged
	key          uint64
	cat          debris.Category
	cand         debris.Category // a candidate awaiting a position gate
	readMore     int             // offset of a "Read more:" tail in the line, or -1
	glued        int             // end of a glued timestamp at the line start, or 0
	stampKeyword bool            // the timestamp opens with Published/Updated/Posted
	section      bool            // names a site section or footer link ("News", "Contact Us")
	relative     bool            // a whole-line relative timestamp ("2 hours ago", "14H ago")
	dateLine     bool            // a whole line that is only a date
	dkey         uint64          // a date line's hash, to find it repeated
	number       bool            // a whole line that is one number (a counter, a page number)
	lowerLabel   bool            // a short lower-case label, no sentence ("today's paper"), not a "by" credit
	prose        bool            // a sentence of ten or more words: story text
}

// debrisState is the per-check memory, pooled so that a check allocates
// almost nothing.
type debrisState struct {
	sc     debris.Scratch
	lines  []dline
	dups   []dupKey // duplicate candidates, sorted by key
	fold   []byte   // a long line folded for its duplicate key
	quotes quoteCursor
	// lineFixes' memory: the flagged lines and their edits by line.
	flagged []int
	fixes   [][]lint.Edit
}

// quoteCursor answers Document.InQuote for offsets that mostly grow, as
// the lines do, by walking the sorted quotations instead of a binary
// search per query.
type quoteCursor struct {
	quotes []lint.Span
	i      int // the first quotation ending after the last offset asked
	last   int
}

func (c *quoteCursor) reset(quotes []lint.Span) { *c = quoteCursor{quotes: quotes} }

// in reports whether off lies in a quotation (as Document.InQuote).
func (c *quoteCursor) in(off int) bool {
	if off < c.last {
		c.i = sort.Search(len(c.quotes), func(i int) bool { return c.quotes[i].End > off })
	}
	c.last = off
	for c.i < len(c.quotes) && c.quotes[c.i].End <= off {
		c.i++
	}
	return c.i < len(c.quotes) && c.quotes[c.i].Start <= off
}

// inLine reports whether off, in the line starting at lineStart, lies in a
// quotation, leaving out a quotation left open across a line that ended a
// sentence: scraped text puts each paragraph on a line of its own, and
// one unmatched mark would otherwise hold every later line "quoted". A
// quotation wrapped mid-sentence onto this line still counts.
func (c *quoteCursor) inLine(text string, lineStart, off int) bool {
	if !c.in(off) {
		return false
	}
	q := c.quotes[c.i]
	if q.Start >= lineStart {
		return true
	}
	if lineStart-q.Start > 4096 {
		return false // no quotation runs that long: a mark went unmatched
	}
	for e := lineStart; e > q.Start; {
		nl := strings.LastIndexByte(text[q.Start:e], '\n')
		if nl < 0 {
			return true
		}
		e = q.Start + nl
		t := strings.TrimRight(text[q.Start:e], " \t\r")
		if t == "" {
			return true
		}
		switch t[len(t)-1] {
		case '.', '!', '?', '"':
			return false
		}
		if strings.HasSuffix(t, "”") {
			return false
		}
	}
	return true
}

// dupKey is a line that may repeat another: its key and index.
type dupKey struct {
	key uint64
	i   int
}

var statePool freelist.List[debrisState]

// maxPooledLines bounds the line list kept for the next draft: a draft of
// more lines is checked, but its memory is left to the collector.
const maxPooledLines = 1 << 14

// Check reports debris lines and spans.
func (r *ScrapeDebris) Check(p *lint.Pass) error {
	doc := p.Doc
	st := statePool.Get()
	defer func() {
		st.quotes.reset(nil) // keep no document alive in the pool
		clear(st.fixes)
		if cap(st.lines) <= maxPooledLines && cap(st.fold) <= 64*maxPooledLines {
			statePool.Put(st)
		}
	}()
	st.quotes.reset(doc.Quotes)
	lines := r.collect(doc, st, st.lines[:0])
	st.lines = lines
	r.gate(doc, lines, st)
	fixes := lineFixes(doc, lines, st)
	for i := range lines {
		ln := &lines[i]
		if ln.cat == debris.None {
			continue
		}
		name := ln.cat.String()
		f := lint.Finding{Span: ln.span, Message: fmt.Sprintf("Scrape debris (%s): remove?", name)}
		if i < len(fixes) && fixes[i] != nil {
			es := fixes[i]
			f.Fix = &lint.Fix{Message: "Remove the " + name, Safe: true, Edits: es}
		}
		p.Report(f)
	}
	for i := range lines {
		ln := &lines[i]
		if ln.cat != debris.None || ln.protected {
			continue
		}
		if ln.glued > 0 {
			s := lint.Span{Start: ln.span.Start, End: ln.span.Start + ln.glued}
			p.Report(lint.Finding{Span: s, Message: "Scrape debris (timestamp glued to the text): remove?",
				Fix: &lint.Fix{Message: "Remove the timestamp", Safe: true, Edits: []lint.Edit{{Span: s}}}})
		}
		if ln.readMore > 0 {
			s := lint.Span{Start: ln.span.Start + ln.readMore, End: ln.span.End}
			del := s
			for del.Start > ln.span.Start && (doc.Text[del.Start-1] == ' ' || doc.Text[del.Start-1] == '\t') {
				del.Start--
			}
			p.Report(lint.Finding{Span: s, Message: "Scrape debris (read-on prompt): remove?",
				Fix: &lint.Fix{Message: "Remove the read-on prompt", Safe: true, Edits: []lint.Edit{{Span: del}}}})
		}
	}
	// Leftover entities and tags, headline included.
	if doc.HasHeadline() {
		r.leftovers(p, doc.Headline)
	}
	for i := range lines {
		if lines[i].cat == debris.None {
			r.leftovers(p, lines[i].span)
		}
	}
	return nil
}

// collect splits the body into lines and classifies each one on its own.
func (r *ScrapeDebris) collect(doc *lint.Document, st *debrisState, lines []dline) []dline {
	prevBlockEnd := -1
	for bi := range doc.Blocks {
		if bi == doc.HeadlineBlock {
			continue
		}
		blk := &doc.Blocks[bi]
		blankBefore := true
		if prevBlockEnd >= 0 {
			blankBefore = blockGap(doc, prevBlockEnd, blk)
		}
		prevBlockEnd = bi
		text := doc.Text[blk.Span.Start:blk.Span.End]
		first := true
		for off := 0; off <= len(text); {
			nl := strings.IndexByte(text[off:], '\n')
			end := len(text)
			if nl >= 0 {
				end = off + nl
			}
			s, e := off, end
			for s < e && (text[s] == ' ' || text[s] == '\t') {
				s++
			}
			for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\r') {
				e--
			}
			if e > s {
				ln := dline{span: lint.Span{Start: blk.Span.Start + s, End: blk.Span.Start + e}, block: bi,
					list: blk.Kind == lint.ListItem, blank: first && blankBefore, readMore: -1}
				first = false
				r.classify(doc, st, &ln, len(lines))
				lines = append(lines, ln)
			}
			if nl < 0 {
				break
			}
			off = end + 1
		}
	}
	return lines
}

// blockGap reports whether a blank line separates block prev from blk. In
// Markdown and HTML every block boundary counts, except between list items.
func blockGap(doc *lint.Document, prev int, blk *lint.Block) bool {
	pb := &doc.Blocks[prev]
	if doc.Format != lint.Plain {
		return pb.Kind != lint.ListItem || blk.Kind != lint.ListItem
	}
	a := doc.SourceEnd(pb.Span.End)
	b := doc.SourceOffset(blk.Span.Start)
	if a > b || b > len(doc.Source) {
		return true
	}
	// Gaps are a few bytes: a loop beats IndexByte's set-up.
	lines := 0
	for _, c := range doc.Source[a:b] {
		if c == '\n' {
			if lines++; lines == 2 {
				return true
			}
		}
	}
	return false
}

func (r *ScrapeDebris) classify(doc *lint.Document, st *debrisState, ln *dline, index int) {
	text := doc.Text[ln.span.Start:ln.span.End]
	if strings.Count(text, " ") > 60 {
		r.classifyLong(doc, st, ln, text)
		return
	}
	sc := &st.sc
	f := sc.Analyze(text)
	ln.words, ln.finalStop, ln.endsColon, ln.capital, ln.digit = f.Words, f.FinalStop, f.EndsColon, f.Capital, f.Digit
	ln.section = f.Words <= 4 && debris.IsSectionWord(f.Key)
	ln.lowerLabel = f.Words >= 1 && f.Words <= 4 && !f.FinalStop && !f.EndsColon && !f.Capital && !f.Digit &&
		!ln.question && f.First != "by"
	ln.number = f.Words == 1 && f.Digit && strings.Trim(f.Key, "0123456789") == ""
	ln.prose = f.Words >= 10 && (f.FinalStop || f.Prose())
	ln.closeParen = creditParen(text)
	ln.question = strings.HasSuffix(strings.TrimRight(text, " \"”’)"), "?")
	if f.Words >= r.opts.MinDuplicateWords || index == 0 {
		ln.key = hashKey(f.Key)
	}
	m := r.lex.Classify(text, &f, sc)
	if m.Cat == debris.WireCredit || m.Cat == debris.Copyright {
		if r.opts.WireCredits == "flag" {
			ln.cat = m.Cat
		} else {
			ln.protected = true
		}
		return
	}
	if m.Cat == debris.None && f.Words > 0 && len(r.opts.KeepPhrases) > 0 && r.lex.Keeps(text) {
		ln.protected = true
		return
	}
	quoted := st.quotes.inLine(doc.Text, ln.span.Start, ln.span.Start) ||
		(m.Cue > 0 && st.quotes.inLine(doc.Text, ln.span.Start, ln.span.Start+m.Cue)) || doc.Blocks[ln.block].Quoted
	if quoted {
		m.Cat = debris.None
	}
	if m.ReadMore > 0 && !st.quotes.in(ln.span.Start+m.ReadMore) && readMoreTail(text, m.ReadMore) {
		ln.readMore = m.ReadMore
	}
	switch m.Cat {
	case debris.SourceTail:
		if !f.Digit {
			ln.cand = debris.SourceTail
		}
		return
	case debris.ImageCredit, debris.Caption:
		if nearImage(doc, ln.block) {
			return
		}
	case debris.RelatedHeading:
		ln.cand = debris.RelatedHeading
		return
	}
	ln.cat = m.Cat
	if ln.cat != debris.None || quoted {
		return
	}
	// A stamp may follow a separator the page put before it ("| Updated: ...").
	stamp := text
	if c := text[0]; c == '|' || c == 0xE2 || c == 0xC2 {
		stamp = strings.TrimLeft(text, "|•· ")
		if stamp == "" {
			stamp = text
		}
	}
	if end, glued := debris.ScanTimestamp(stamp); end > 0 {
		if glued {
			if len(stamp) == len(text) {
				ln.glued = end
			}
		} else if end >= len(strings.TrimRight(stamp, " .|-•")) {
			ln.cand = debris.Timestamp
			ln.stampKeyword = stamp[0] < '0' || stamp[0] > '9'
			ln.relative = !ln.stampKeyword && strings.Contains(stamp, "ago")
		}
		return
	}
	if f.Words <= 10 {
		if date, clock := debris.DateClock(stamp); date {
			ln.cand = debris.Timestamp
			ln.dateLine = true
			ln.dkey = hashKey(f.Key)
			// A date with its time of day is a page's stamp wherever it
			// stands: a story's timeline heads its entries with a date.
			ln.relative = clock
			return
		}
	}
	if index < 5 && f.Words <= 30 && debris.IsBreadcrumb(text) {
		ln.cat = debris.Breadcrumb
	}
}

// readMoreTail: a "Read more: <title>" that ends a paragraph after a
// finished sentence, and is short enough to be a title.
func readMoreTail(text string, at int) bool {
	before := strings.TrimRight(text[:at], " \t")
	if before == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(before)
	switch last {
	case '.', '!', '?', '"', '”', '’', ')':
	default:
		return false
	}
	return len(strings.Fields(text[at:])) <= 22
}

// nearImage reports whether block bi has an image in it, next to it, or in
// the markup between it and its neighbors.
func nearImage(doc *lint.Document, bi int) bool {
	blk := &doc.Blocks[bi]
	if blk.Image || blk.Kind == lint.Caption || blk.Tag == "figcaption" {
		return true
	}
	if bi > 0 && doc.Blocks[bi-1].Image || bi+1 < len(doc.Blocks) && doc.Blocks[bi+1].Image {
		return true
	}
	if doc.Format == lint.Plain {
		return false
	}
	lo, hi := 0, len(doc.Source)
	if bi > 0 {
		lo = doc.SourceEnd(doc.Blocks[bi-1].Span.End)
	}
	if bi+1 < len(doc.Blocks) {
		hi = doc.SourceOffset(doc.Blocks[bi+1].Span.Start)
	}
	if lo < 0 || hi > len(doc.Source) || lo > hi {
		return false
	}
	gap := doc.Source[lo:hi]
	return containsFold(gap, "<img") || strings.Contains(string(gap), "![") || containsFold(gap, "<figure")
}

func containsFold(b []byte, sub string) bool {
	for i := 0; i+len(sub) <= len(b); i++ {
		if strings.EqualFold(string(b[i:i+len(sub)]), sub) {
			return true
		}
	}
	return false
}

// gate applies the position and context gates: source tails at the end,
// timestamps near the top, related blocks and lists, duplicates.
func (r *ScrapeDebris) gate(doc *lint.Document, lines []dline, st *debrisState) {
	n := len(lines)
	for i := range lines {
		ln := &lines[i]
		switch ln.cand {
		case debris.SourceTail:
			if i >= n-3 {
				ln.cat = debris.SourceTail
			}
		case debris.Timestamp:
			if i < 5 || ln.stampKeyword || ln.relative || ln.dateLine && i >= n-3 && !ln.finalStop {
				ln.cat = debris.Timestamp
			}
		}
	}
	// Related-links headings and their items.
	for i := 0; i < n; i++ {
		if lines[i].cand != debris.RelatedHeading || lines[i].cat != debris.None {
			continue
		}
		items := 0
		j := i + 1
		for ; j < n && items < r.opts.MaxRelatedItems; j++ {
			it := &lines[j]
			if it.cat != debris.None && it.cat != debris.RelatedItem || it.protected || it.cand != debris.None {
				break
			}
			if it.blank && !it.list && j > i+1 {
				break
			}
			if !it.list && (it.words > 16 || it.finalStop) || it.words > 20 || it.words == 0 {
				break
			}
			items++
		}
		next := j < n && lines[j].cat != debris.None
		if items == 0 && i+1 < n && tagHeading(doc.Slice(lines[i].span)) && tagList(doc.Slice(lines[i+1].span)) &&
			lines[i+1].cat == debris.None && !lines[i+1].protected {
			items = 1 // "Tags" over "tram, Marwick, transport, council budget"
		}
		if items == 0 && i != n-1 && !next {
			continue
		}
		lines[i].cat = debris.RelatedHeading
		for k := i + 1; k < i+1+items; k++ {
			lines[k].cat = debris.RelatedItem
		}
		i += items
	}
	// Bulleted related headlines with no heading.
	for i := 0; i < n; {
		if !lines[i].list || lines[i].cat != debris.None {
			i++
			continue
		}
		j := i
		for j < n && lines[j].list && lines[j].cat == debris.None && !lines[j].protected {
			j++
		}
		if j-i >= 3 && r.relatedRun(doc, lines, i, j) {
			for k := i; k < j; k++ {
				lines[k].cat = debris.RelatedItem
			}
		}
		if j == i {
			j++
		}
		i = j
	}
	// Duplicates and the headline repeated.
	var hkey uint64
	if doc.HasHeadline() && n > 0 {
		f := st.sc.Analyze(doc.Slice(doc.Headline))
		hkey = hashKey(f.Key)
		// A heading repeating a front-matter or <title> headline is the
		// page's own H1, not a scrape's double.
		if f.Words > 0 && lines[0].key == hkey && (lines[0].cat == debris.None || lines[0].cat == debris.RelatedItem) &&
			doc.Blocks[lines[0].block].Kind != lint.Heading && doc.Blocks[lines[0].block].Kind != lint.Title {
			lines[0].cat = debris.HeadlineCopy
		}
	}
	// A paragraph seen exactly twice is a scrape's double; one repeated
	// three or more times (an interview's recurring question, a refrain),
	// a question, a list item or a fragment with no final full stop (a
	// recipe line) repeats on purpose.
	// Sorting the candidates by key (then line) groups the repeats: the
	// second line of a group of exactly two is the double.
	dups := st.dups[:0]
	for i := range lines {
		if ln := &lines[i]; ln.words >= r.opts.MinDuplicateWords && ln.key != 0 {
			dups = append(dups, dupKey{ln.key, i})
		}
	}
	slices.SortFunc(dups, func(a, b dupKey) int {
		if a.key != b.key {
			if a.key < b.key {
				return -1
			}
			return 1
		}
		return a.i - b.i
	})
	st.dups = dups
	for g := 0; g < len(dups); {
		h := g + 1
		for h < len(dups) && dups[h].key == dups[g].key {
			h++
		}
		if h-g == 2 {
			if ln := &lines[dups[g+1].i]; ln.cat == debris.None && !ln.protected && !ln.list && !ln.question &&
				(ln.finalStop || ln.closeParen) {
				ln.cat = debris.Duplicate
			}
		}
		g = h
	}
	navigation(lines)
	repeatedDates(lines)
	// A bare date line next to debris, with no story sentence on its other
	// side, is the page's dateline furniture; a timeline's date heads the
	// sentence that follows it.
	for i := range lines {
		ln := &lines[i]
		if !ln.dateLine || ln.cat != debris.None {
			continue
		}
		prev := i > 0 && lines[i-1].cat != debris.None
		next := i+1 < n && lines[i+1].cat != debris.None
		prevProse := i > 0 && lines[i-1].prose
		nextProse := i+1 < n && lines[i+1].prose
		if prev && next || prev && !nextProse || next && !prevProse {
			ln.cat = debris.Timestamp
		}
	}
	if r.opts.FeatureOnly {
		featureOnly(lines)
	}
}

// tagHeading: a heading over a site's tag list ("Tags", "Topics:").
func tagHeading(text string) bool {
	t := strings.TrimRight(strings.TrimSpace(text), ":")
	for _, h := range []string{"tags", "topics", "tagged", "filed under", "related tags", "related topics"} {
		if strings.EqualFold(t, h) {
			return true
		}
	}
	return false
}

// tagList: a line of three or more short comma-separated terms and no
// sentence ("tram, Marwick, transport, council budget").
func tagList(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" || strings.ContainsAny(t[len(t)-1:], ".!?") || strings.Count(t, ",") < 2 {
		return false
	}
	for seg := range strings.SplitSeq(t, ",") {
		seg = strings.TrimSpace(seg)
		if seg == "" || strings.Count(seg, " ") > 6 {
			return false
		}
	}
	return true
}

// repeatedDates flags date lines that recur word for word when the draft
// has three or more of them: a list of linked stories, each under its
// date. A story's timeline gives each entry a date of its own.
func repeatedDates(lines []dline) {
	dates := 0
	for i := range lines {
		if lines[i].dateLine {
			dates++
		}
	}
	if dates < 3 {
		return
	}
	for i := range lines {
		a := &lines[i]
		if !a.dateLine || a.cat != debris.None {
			continue
		}
		for j := range lines {
			if b := &lines[j]; j != i && b.dateLine && b.span.Len() == a.span.Len() && b.dkey == a.dkey {
				a.cat = debris.Timestamp
				break
			}
		}
	}
}

// relatedRun decides whether list lines [i, j) are related headlines: most
// are headline-shaped, and the run ends the draft or touches other debris;
// a list introduced by a colon or a section heading is the story's own.
func (r *ScrapeDebris) relatedRun(doc *lint.Document, lines []dline, i, j int) bool {
	shaped := 0
	linked := 0
	for k := i; k < j; k++ {
		ln := &lines[k]
		if ln.words >= 3 && ln.words <= 20 && !ln.finalStop && ln.capital {
			shaped++
		}
		blk := &doc.Blocks[ln.block]
		if blk.LinkBytes*2 >= blk.Span.Len() && blk.LinkBytes > 0 {
			linked++
		}
	}
	if shaped*3 < (j-i)*2 {
		return false
	}
	before := i > 0 && lines[i-1].cat != debris.None
	after := j < len(lines) && lines[j].cat != debris.None
	if before || after {
		return true
	}
	if j != len(lines) || shaped != j-i {
		return false
	}
	// A list under a colon, a heading or a short label ("Key facts") is the
	// story's own.
	if i > 0 && (lines[i-1].endsColon || doc.Blocks[lines[i-1].block].Kind == lint.Heading ||
		lines[i-1].words <= 5 && !lines[i-1].finalStop) {
		return false
	}
	if doc.Format != lint.Plain {
		return linked*3 >= (j-i)*2
	}
	return true
}

// leftovers reports HTML entities (and, in plain text, tags) in span.
func (r *ScrapeDebris) leftovers(p *lint.Pass, span lint.Span) {
	doc := p.Doc
	text := doc.Text[span.Start:span.End]
	plain := doc.Format == lint.Plain
	// Jump from one '&' (or, in plain text, '<') to the next.
	nextAmp, nextLt := indexFrom(text, 0, '&'), len(text)
	if plain {
		nextLt = indexFrom(text, 0, '<')
	}
	for {
		i := min(nextAmp, nextLt)
		if i >= len(text) {
			return
		}
		next := i + 1
		switch text[i] {
		case '&':
			n, dec := entityAt(text[i:])
			if n == 0 {
				break
			}
			s := lint.Span{Start: span.Start + i, End: span.Start + i + n}
			repl := dec
			if doc.Format != lint.Plain {
				switch dec {
				case "&":
					repl = "&amp;"
				case "<":
					repl = "&lt;"
				case ">":
					repl = "&gt;"
				}
			}
			shown := fmt.Sprintf("%q", dec)
			if dec == "\u00a0" {
				shown = "a no-break space"
			}
			p.Report(lint.Finding{Span: s,
				Message: fmt.Sprintf("Scrape debris (leftover entity %s): decode it?", text[i:i+n]),
				Fix:     &lint.Fix{Message: "Replace " + text[i:i+n] + " with " + shown, Safe: true, Edits: []lint.Edit{{Span: s, New: repl}}}})
			next = i + n
		case '<':
			n := tagAt(text[i:])
			if n == 0 {
				break
			}
			s := lint.Span{Start: span.Start + i, End: span.Start + i + n}
			del := s
			// Deleting a tag between two spaces would leave both.
			if del.End < span.End && doc.Text[del.End] == ' ' && del.Start > span.Start && doc.Text[del.Start-1] == ' ' {
				del.End++
			}
			p.Report(lint.Finding{Span: s,
				Message: fmt.Sprintf("Scrape debris (leftover tag %s): remove?", text[i:i+n]),
				Fix:     &lint.Fix{Message: "Delete the leftover tag", Safe: true, Edits: []lint.Edit{{Span: del}}}})
			next = i + n
		}
		if nextAmp < next {
			nextAmp = indexFrom(text, next, '&')
		}
		if plain && nextLt < next {
			nextLt = indexFrom(text, next, '<')
		}
	}
}

// indexFrom returns the offset of the first c in s at or after from, or
// len(s).
func indexFrom(s string, from int, c byte) int {
	if k := strings.IndexByte(s[from:], c); k >= 0 {
		return from + k
	}
	return len(s)
}

// entityAt decodes an HTML character reference with its semicolon at the
// start of s: "&amp;", "&#8217;", "&#x2019;".
func entityAt(s string) (int, string) {
	end := strings.IndexByte(s, ';')
	if end < 2 || end > 10 {
		return 0, ""
	}
	name := s[1:end]
	if name[0] == '#' {
		digits := name[1:]
		if digits != "" && (digits[0] == 'x' || digits[0] == 'X') {
			digits = digits[1:]
		}
		if digits == "" {
			return 0, ""
		}
	}
	for j := 0; j < len(name); j++ {
		c := name[j]
		if !isRefByte(c) {
			return 0, ""
		}
	}
	ref := s[:end+1]
	dec := html.UnescapeString(ref)
	if dec == ref || dec == "" || !utf8.ValidString(dec) {
		return 0, ""
	}
	return len(ref), dec
}

// isLeftoverTag reports the element names whose tags count as leftovers.
func isLeftoverTag(w string) bool {
	switch w {
	case "p", "div", "span", "br", "a", "img", "strong", "em", "figure", "script", "iframe", "b", "i", "li",
		"ul", "h1", "h2", "h3", "figcaption", "section":
		return true
	}
	return false
}

// tagAt matches `</?name\b[^>]*>` at the start of s for a leftover tag name.
func tagAt(s string) int {
	i := 1
	if i < len(s) && s[i] == '/' {
		i++
	}
	j := i
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
		j++
	}
	if j == i || !isLeftoverTag(strings.ToLower(s[i:j])) {
		return 0
	}
	if j < len(s) && s[j] != '>' && s[j] != ' ' && s[j] != '/' {
		return 0
	}
	k := strings.IndexByte(s[j:], '>')
	if k < 0 || k > 300 || strings.ContainsAny(s[j:j+k], "<\n") {
		return 0
	}
	return j + k + 1
}

// lineFixes builds, for each flagged line, the edit that removes it: the
// whole source line(s) when nothing else shares them (list marker and
// markup included), plus one separating blank line when the removed lines
// stood alone between blank lines; otherwise the line's text.
//
// The result, indexed by line (nil: no fix), lives in st until the next
// check.
func lineFixes(doc *lint.Document, lines []dline, st *debrisState) [][]lint.Edit {
	flagged := st.flagged[:0]
	for i := range lines {
		if lines[i].cat != debris.None {
			flagged = append(flagged, i)
		}
	}
	st.flagged = flagged
	if len(flagged) == 0 {
		return nil
	}
	out := slices.Grow(st.fixes[:0], len(lines))[:len(lines)]
	clear(out)
	st.fixes = out
	type del struct {
		i    int
		span lint.Span
	}
	var raws []del
	// In Markdown and HTML, where several blocks may share a source line
	// and the parser's reading order need not follow the source, every
	// unflagged line's source span is checked against the lines to delete.
	var keep []lint.Span
	if doc.Format != lint.Plain {
		if doc.HasHeadline() {
			s, _ := doc.SourceSpan(doc.Headline)
			keep = append(keep, s)
		}
		for i := range lines {
			if lines[i].cat == debris.None {
				s, _ := doc.SourceSpan(lines[i].span)
				keep = append(keep, s)
			}
		}
	}
	for i := range lines {
		ln := &lines[i]
		if ln.cat == debris.None {
			continue
		}
		src, _ := doc.SourceSpan(ln.span)
		whole := doc.LineSpan(src)
		if aloneOnLines(doc, whole, keep) {
			raws = append(raws, del{i, whole})
			continue
		}
		// An HTML element split over lines ("<h3>\nRelated <span>Articles</span></h3>"):
		// take the lines of the whole element.
		if el, ok := elementLines(doc, &doc.Blocks[ln.block], src); ok && aloneOnLines(doc, el, keep) {
			raws = append(raws, del{i, el})
			continue
		}
		out[i] = textEdits(doc, ln.span)
	}
	// Deletions separated only by blank lines form one group: the blank
	// lines between them go with the earlier deletion, and the group as a
	// whole gives back one separating blank line, so the draft never keeps
	// two blank lines in a row where debris stood.
	for a := 0; a < len(raws); {
		b := a + 1
		for b < len(raws) && raws[b].span.Start >= raws[b-1].span.End &&
			onlySpace(doc.Source[raws[b-1].span.End:raws[b].span.Start]) {
			raws[b-1].span.End = raws[b].span.Start
			b++
		}
		start, end := raws[a].span.Start, raws[b-1].span.End
		if start == 0 || blankLineBefore(doc.Source, start) {
			if e, ok := blankLineAt(doc.Source, end); ok && !onlySpace(doc.Source[e:]) {
				raws[b-1].span.End = e
			} else if end >= len(doc.Source) || onlySpace(doc.Source[end:]) {
				raws[b-1].span.End = len(doc.Source)
				if s, ok := blankLineStartBefore(doc.Source, start); ok {
					raws[a].span.Start = s
				}
			}
		}
		for k := a; k < b; k++ {
			out[raws[k].i] = []lint.Edit{{Span: raws[k].span, Raw: true}}
		}
		a = b
	}
	// A line whose text another line's deletion already covers (two blocks
	// on one source line) needs no edit of its own: an overlapping edit
	// would only wait for the next round.
	for _, r := range raws {
		for _, i := range flagged {
			es := out[i]
			if i == r.i || es == nil {
				continue
			}
			covered := true
			for _, e := range es {
				src := e.Span
				if !e.Raw {
					src, _ = doc.SourceSpan(e.Span)
				}
				if src.Start < r.span.Start || src.End > r.span.End || src.Len() == 0 {
					covered = false
				}
			}
			if covered {
				out[i] = nil
			}
		}
	}
	return out
}

// aloneOnLines reports whether the source lines `whole` hold no text that
// stays (keep: the source spans of unflagged lines) and, in HTML, only
// balanced markup, so that deleting them removes nothing else.
func aloneOnLines(doc *lint.Document, whole lint.Span, keep []lint.Span) bool {
	if doc.Format == lint.Plain {
		return true
	}
	for _, k := range keep {
		if k.Start < whole.End && whole.Start < k.End || k.Empty() && whole.Contains(k.Start) {
			return false
		}
	}
	return balancedTags(doc.Source[whole.Start:whole.End])
}

// isRefByte: a byte of a character reference name ("amp", "#x2019").
func isRefByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '#'
}

// isTagByte: a byte of a lower-case tag name.
func isTagByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' }

// isVoidElement reports the elements that have no end tag.
func isVoidElement(w string) bool {
	switch w {
	case "br", "img", "hr", "wbr", "input", "meta", "link", "source", "area", "base", "col", "embed", "param",
		"track":
		return true
	}
	return false
}

// balancedTags reports whether every element opened in b is closed in b and
// nothing closes that was opened before: deleting b leaves the tree intact.
func balancedTags(b []byte) bool {
	var stack []string
	s := string(b)
	// A ">" before any "<" may close a tag opened on an earlier line
	// ("<a\n href=x>Ad"): deleting it would swallow the text after.
	if gt := strings.IndexByte(s, '>'); gt >= 0 && (strings.IndexByte(s[:gt], '<') < 0) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != '<' {
			continue
		}
		if strings.HasPrefix(s[i:], "<!--") {
			k := strings.Index(s[i:], "-->")
			if k < 0 {
				return false
			}
			i += k + 2
			continue
		}
		k := strings.IndexByte(s[i:], '>')
		if k < 0 {
			return false // a tag left open to a later line, or a lone "<": keep the lines
		}
		tag := s[i+1 : i+k]
		closing := strings.HasPrefix(tag, "/")
		tag = strings.TrimPrefix(tag, "/")
		selfClosing := strings.HasSuffix(tag, "/")
		name := tag
		if e := strings.IndexFunc(tag, func(r rune) bool { return unicode.IsSpace(r) || r == '/' }); e >= 0 {
			name = tag[:e]
		}
		name = strings.ToLower(name)
		i += k
		if name == "" || !isTagName(name) {
			continue
		}
		switch {
		case isVoidElement(name) || selfClosing:
		case closing:
			if len(stack) == 0 || stack[len(stack)-1] != name {
				return false
			}
			stack = stack[:len(stack)-1]
		default:
			stack = append(stack, name)
		}
	}
	return len(stack) == 0
}

func isTagName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isTagByte(c) {
			return false
		}
	}
	return s[0] >= 'a' && s[0] <= 'z'
}

// blankLineBefore reports whether the line ending just before off is blank
// (white space only).
func blankLineBefore(src []byte, off int) bool {
	if off == 0 {
		return true
	}
	e := off - 1 // the '\n' ending the previous line
	if src[e] != '\n' && src[e] != '\r' {
		return false
	}
	if src[e] == '\n' && e > 0 && src[e-1] == '\r' {
		e--
	}
	s := e
	for s > 0 && src[s-1] != '\n' && src[s-1] != '\r' {
		s--
	}
	if s == 0 && len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		s = 3
	}
	return onlySpace(src[s:e])
}

// blankLineStartBefore returns the start of the blank line that ends just
// before off.
func blankLineStartBefore(src []byte, off int) (int, bool) {
	if off == 0 || !blankLineBefore(src, off) {
		return 0, false
	}
	e := off - 1
	if src[e] == '\n' && e > 0 && src[e-1] == '\r' {
		e--
	}
	s := e
	for s > 0 && src[s-1] != '\n' && src[s-1] != '\r' {
		s--
	}
	// Deleting the previous line's ending instead keeps the text before
	// it a complete line: take from the end of the text line before.
	return s, true
}

// blankLineAt returns the end (after its line ending) of a blank line
// starting at off.
func blankLineAt(src []byte, off int) (int, bool) {
	e := off
	for e < len(src) && (src[e] == ' ' || src[e] == '\t') {
		e++
	}
	switch {
	case e < len(src) && src[e] == '\n':
		return e + 1, true
	case e+1 < len(src) && src[e] == '\r' && src[e+1] == '\n':
		return e + 2, true
	case e < len(src) && src[e] == '\r':
		return e + 1, true
	}
	return 0, false
}

func onlySpace(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// Duplicate keys are hashes of normalized lines (hashKey) and of folded
// long lines (foldKey), each under its own seed so the two never meet; only
// equality within one check matters.
var (
	normSeed = maphash.MakeSeed()
	foldSeed = maphash.MakeSeed()
)

// hashKey hashes a normalized line; never 0.
func hashKey(s string) uint64 {
	return nonZero(maphash.String(normSeed, s))
}

// foldKey hashes a line folded by foldLine; never 0.
func foldKey(b []byte) uint64 {
	return nonZero(maphash.Bytes(foldSeed, b))
}

func nonZero(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

// creditParen: the line ends with a parenthesised photo credit, as a
// caption does: "(AP Photo/Tom Hale)", "(Photo: Priya Nandra)".
func creditParen(text string) bool {
	if !strings.HasSuffix(text, ")") {
		return false
	}
	i := strings.LastIndexByte(text, '(')
	if i < 0 {
		return false
	}
	g := strings.ToLower(text[i:])
	return strings.Contains(g, "photo") || strings.Contains(g, "credit") || strings.Contains(g, "image") ||
		strings.Contains(g, "getty") || strings.Contains(g, "/")
}

// furnitureShaped: a short line that is no sentence, like a menu entry.
func furnitureShaped(ln *dline) bool {
	return ln.cat == debris.None && !ln.protected && ln.words >= 1 && ln.words <= 5 && !ln.finalStop &&
		!ln.question && !ln.endsColon && ln.capital
}

// navigation flags menus and footers: a run of menu-shaped lines (short,
// no sentence; lines already flagged as debris continue the run) that no
// story line interrupts, when most of the run names site sections or footer
// links ("News", "Sport", "Contact Us", "Privacy Policy"), or when six or
// more of them come before the first story sentence (a page's masthead
// menu) or after the last one with two section names among them (a
// footer). A run introduced by a colon is a list of the story's own.
// A story's own lists (team sheets, key facts, product features) name no
// sections and sit between sentences; a sub-head stands alone. Inside a
// run, date lines, bare numbers and headline-shaped lines (linked stories)
// continue it and go with it.
func navigation(lines []dline) {
	n := len(lines)
	first, last := n, -1
	for i := range lines {
		if lines[i].prose {
			first = min(first, i)
			last = i
		}
	}
	for i := 0; i < n; {
		if !menuShaped(&lines[i]) {
			i++
			continue
		}
		j, shaped, section := i, 0, 0
		for j < n {
			ln := &lines[j]
			if menuShaped(ln) {
				shaped++
				if ln.section {
					section++
				}
			} else if headShaped(ln) {
				shaped++
			} else if (ln.cat == debris.None && !ln.dateLine && !ln.number) || ln.cat == debris.Duplicate || ln.cat == debris.HeadlineCopy {
				break
			}
			j++
		}
		// A headline-shaped line ending the run is the story's own
		// headline under the menu, not a linked story in it.
		for j > i+1 && headShaped(&lines[j-1]) {
			j--
			shaped--
		}
		// A list introduced by a colon ("The festival programme:") is the
		// story's own, whatever it names.
		introduced := i > 0 && lines[i-1].endsColon && lines[i-1].words >= 3 && lines[i-1].cat == debris.None
		if !introduced && (navRun(shaped, section) || shaped >= 6 && (j <= first && first < n || i > last && last >= 0 && section >= 1)) {
			for k := i; k < j; k++ {
				switch ln := &lines[k]; {
				case menuShaped(ln):
					ln.cat = debris.Navigation
				case ln.cat == debris.None && ln.dateLine:
					ln.cat = debris.Timestamp
				case ln.cat == debris.None && ln.number:
					ln.cat = debris.Navigation
				case headShaped(ln):
					ln.cat = debris.RelatedItem
				}
			}
		}
		i = j
	}
}

// headShaped: a headline-like line (six to sixteen words, no sentence
// end), as in a list of linked stories inside a menu or footer.
func headShaped(ln *dline) bool {
	return ln.cat == debris.None && !ln.protected && !ln.prose && ln.words > 5 && ln.words <= 16 && !ln.digit &&
		!ln.finalStop && !ln.question && !ln.endsColon && ln.capital
}

// menuShaped: a line that may belong to a menu: furniture-shaped, a
// section name in lower case ("sports"), or a short lower-case label
// ("today's paper").
func menuShaped(ln *dline) bool {
	return furnitureShaped(ln) || ln.cat == debris.None && !ln.protected && (ln.section || ln.lowerLabel)
}

// navRun decides whether a run of shaped menu-like lines, section of them
// naming site sections, is a menu: three section names making a tenth of
// the run, or two making a quarter.
func navRun(shaped, section int) bool {
	return section >= 3 && section*10 >= shaped || section >= 2 && section*4 >= shaped
}

// featureOnly flags lines on block features alone (feature-only = true):
// runs of six or more furniture-shaped lines (a navigation menu), and a
// furniture-shaped line wedged between two debris lines.
func featureOnly(lines []dline) {
	n := len(lines)
	for i := 0; i < n; {
		j := i
		for j < n && furnitureShaped(&lines[j]) {
			j++
		}
		if j-i >= 6 {
			for k := i; k < j; k++ {
				lines[k].cat = debris.Navigation
			}
		}
		if j == i {
			j++
		}
		i = j
	}
	for i := 1; i+1 < n; i++ {
		if furnitureShaped(&lines[i]) && lines[i-1].cat != debris.None && lines[i+1].cat != debris.None {
			lines[i].cat = debris.Navigation
		}
	}
}

// classifyLong handles a line of 60 or more words: no lexicon category
// applies (every one stops at 40 words), so only the duplicate key and a
// "Read more:" tail are needed, without the full analysis.
func (r *ScrapeDebris) classifyLong(doc *lint.Document, st *debrisState, ln *dline, text string) {
	st.fold, ln.words = foldLine(st.fold[:0], text)
	ln.prose = true
	t := strings.TrimRight(text, " \"'”’)")
	if t != "" {
		switch t[len(t)-1] {
		case '.', '!':
			ln.finalStop = true
		case '?':
			ln.question = true
		}
	}
	ln.closeParen = creditParen(text)
	ln.key = foldKey(st.fold)
	if k := debris.ReadMoreIndex(text); k > 0 && !st.quotes.in(ln.span.Start+k) && readMoreTail(text, k) {
		ln.readMore = k
	}
}

// foldLine appends s to dst with ASCII case folded and each run of spaces
// and tabs between two other bytes made one space, and counts the words
// (runs of bytes other than space, tab and newline).
func foldLine(dst []byte, s string) ([]byte, int) {
	// The usual long line (trimmed, single spaces, no tabs) only needs its
	// case folded: eight bytes at a time.
	if s != "" && s[0] != ' ' && s[len(s)-1] != ' ' {
		if out, spaces, ok := foldASCII(dst, s); ok {
			return out, spaces + 1
		}
	}
	words := 0
	space, in := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' {
			space, in = true, false
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		if c == '\n' {
			in = false
		} else if !in {
			words++
			in = true
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, words
}

// foldASCII appends s to dst with ASCII upper case folded and counts its
// spaces, eight bytes at a time (SWAR); ok is false (and dst undefined) if
// s has a tab, a newline or two spaces in a row.
func foldASCII(dst []byte, s string) (_ []byte, spaces int, ok bool) {
	const (
		ones  = 0x0101010101010101
		lows  = 0x7f7f7f7f7f7f7f7f
		highs = 0x8080808080808080
	)
	// is returns the high bit of each byte of v equal to c*ones.
	is := func(v, c uint64) uint64 {
		x := v ^ c
		return ^((x & lows) + lows | x) & highs
	}
	n := len(dst)
	dst = slices.Grow(dst, len(s)+8)[:n+len(s)+8]
	out := dst[n:]
	prevSpace := uint64(0) // the last byte of the previous word was a space
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		v := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		sp := is(v, ' '*ones)
		if is(v, '\t'*ones)|is(v, '\n'*ones)|sp&(sp<<8|prevSpace) != 0 {
			return nil, 0, false
		}
		prevSpace = sp >> 56
		spaces += bits.OnesCount64(sp)
		v7 := v &^ highs // per byte on seven bits: no carry crosses a byte
		upper := (v7 + (0x80-'A')*ones) &^ (v7 + (0x7f-'Z')*ones) &^ v & highs
		binary.LittleEndian.PutUint64(out[i:], v|upper>>2) // 0x80>>2 = 0x20
	}
	prev := byte(0)
	if i > 0 {
		prev = s[i-1]
	}
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\t' || c == '\n' || c == ' ' && prev == ' ':
			return nil, 0, false
		case c == ' ':
			spaces++
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		out[i] = c
		prev = c
	}
	return dst[:n+len(s)], spaces, true
}

// elementLines returns the source lines of the HTML element that makes
// block blk, when the block is one element whose tags enclose src.
func elementLines(doc *lint.Document, blk *lint.Block, src lint.Span) (lint.Span, bool) {
	if doc.Format != lint.HTML || blk.Tag == "" || !isTagName(blk.Tag) {
		return lint.Span{}, false
	}
	b, _ := doc.SourceSpan(blk.Span)
	if b.Start > src.Start || b.End < src.End {
		return lint.Span{}, false // the line is only part of its block
	}
	text := string(doc.Source)
	open := strings.LastIndex(text[:b.Start], "<"+blk.Tag)
	if open < 0 || b.Start-open > 2000 {
		return lint.Span{}, false
	}
	closeTag := "</" + blk.Tag + ">"
	k := strings.Index(text[b.End:], closeTag)
	if k < 0 || k > 2000 {
		return lint.Span{}, false
	}
	return doc.LineSpan(lint.Span{Start: open, End: b.End + k + len(closeTag)}), true
}

// textEdits deletes a line's text in place. When the text crosses markup
// ("Most <span>Viewed</span>") one edit could not map back to the source,
// so in HTML each word goes by its own edit and the empty tags stay.
func textEdits(doc *lint.Document, span lint.Span) []lint.Edit {
	if _, exact := doc.SourceSpan(span); exact || doc.Format != lint.HTML {
		return []lint.Edit{{Span: span}}
	}
	var es []lint.Edit
	text := doc.Text
	for i := span.Start; i < span.End; {
		for i < span.End && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
		j := i
		for j < span.End && text[j] != ' ' && text[j] != '\t' {
			j++
		}
		if j > i {
			w := lint.Span{Start: i, End: j}
			if _, exact := doc.SourceSpan(w); !exact {
				return []lint.Edit{{Span: span}} // the runner drops it: no fix
			}
			es = append(es, lint.Edit{Span: w})
		}
		i = j
	}
	if len(es) == 0 {
		return []lint.Edit{{Span: span}}
	}
	return es
}
