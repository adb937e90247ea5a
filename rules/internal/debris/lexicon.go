package debris

import (
	"fmt"
	"strings"
)

// Category is the kind of page furniture a line was recognized as.
type Category uint8

// Categories, in the order RULES.md §5.1 tries them.
const (
	None           Category = iota
	Player                  // video player or script notice, or a Watch:/Video: teaser
	Ad                      // ad marker
	ReadOn                  // read-on prompt ("Read Full Article", "Continue reading")
	SourceTail              // "Source: <publisher>" at the end
	Share                   // share/follow prompt, or social network names only
	Newsletter              // newsletter or subscription prompt
	Cookie                  // cookie or consent notice
	ImageCredit             // a credit line without its image
	RelatedHeading          // "Related stories", "Most read"...
	RelatedItem             // one related headline under such a heading or in such a list
	Breadcrumb              // Home > News > Local
	Timestamp               // Updated 14:32 GMT
	Duplicate               // a paragraph seen before
	HeadlineCopy            // the headline again as the first body paragraph
	Entity                  // an HTML entity left in the text
	Tag                     // an HTML tag left in the text
	WireCredit              // (Reporting by ...; Editing by ...) when wire-credits = "flag"
	House                   // a newsroom's own extra-phrases
	Copyright               // a rights notice ("All rights reserved")
	Navigation              // short menu-like lines, flagged on features alone (feature-only)
	Caption                 // a photo caption ending with its credit, "(AP Photo/Tom Hale)", away from its image
	Affiliate               // an affiliate-link disclosure ("we may earn a commission")
	CommentNotice           // a comments notice ("Comments are closed", "we are moderating all comments")
	LinkLine                // a bare web or e-mail address, or "Follow ... at <address>"
	Legal                   // a site terms notice ("use of this site constitutes acceptance of our terms")
	numCategories
)

var categoryNames = [numCategories]string{
	None:           "none",
	Player:         "video player notice",
	Ad:             "ad marker",
	ReadOn:         "read-on prompt",
	SourceTail:     "source line",
	Share:          "share prompt",
	Newsletter:     "newsletter prompt",
	Cookie:         "cookie notice",
	ImageCredit:    "image credit",
	RelatedHeading: "related-links heading",
	RelatedItem:    "related link",
	Breadcrumb:     "breadcrumb",
	Timestamp:      "timestamp",
	Duplicate:      "duplicate paragraph",
	HeadlineCopy:   "repeated headline",
	Entity:         "leftover entity",
	Tag:            "leftover tag",
	WireCredit:     "wire credit",
	House:          "house debris phrase",
	Copyright:      "copyright notice",
	Navigation:     "navigation or menu line",
	Caption:        "photo caption",
	Affiliate:      "affiliate disclosure",
	CommentNotice:  "comments notice",
	LinkLine:       "link or contact line",
	Legal:          "site terms notice",
}

// String returns the category's name as used in messages ("ad marker").
func (c Category) String() string {
	if c < numCategories {
		return categoryNames[c]
	}
	return "unknown"
}

// wholeLines are lines that are debris when they are the whole line, in
// their normalized form (see Analyze: lower case, words separated by one
// space, punctuation dropped, apostrophes inside words dropped). They are
// looked up in wholeTab, generated from this list.
var wholeLines = [numCategories][]string{
	Player: {
		"video", "videos", "watch", "watch video", "play video", "watch now", "audio", "listen", "play",
		"video player", "now playing",
	},
	Ad: {
		"advertisement", "advertisements", "advert", "adverts", "ad", "ads", "sponsored", "sponsored content",
		"sponsored links", "sponsored stories", "paid content", "paid post", "promoted content", "partner content",
		"story continues below", "story continues below advertisement", "advertisement story continues below",
		"article continues below", "article continues below advertisement", "advertisement article continues below",
		"continue reading below", "advertisement continue reading below", "scroll to continue with content",
		"advertisement scroll to continue with content", "skip advert", "skip ad", "ad feedback", "close ad",
		"report this ad", "the article continues below", "content continues below", "advertisement feature",
		"publicidade", "publicidad", "publicité", "pubblicità", "anzeige", "werbung", "реклама", "ad content",
		"sponsor content", "article continues after advertisement", "story continues after advertisement", "iklan",
		"place an ad",
	},
	ReadOn: {
		"read full article", "read the full article", "read full story", "read the full story",
		"read the rest of this story", "read the rest of this article", "read more", "read more here", "read the rest",
		"continue reading", "continue reading the main story", "continue reading main story", "continue reading article",
		"continue reading the article", "keep reading", "read on", "view comments", "comments", "show comments",
		"hide comments", "load comments", "view all comments", "see all comments", "go to comments", "jump to comments",
		"leave a comment", "post a comment", "add a comment", "leave a reply", "join the conversation", "show more",
		"load more", "see more", "view more", "back to gallery", "view gallery", "see gallery", "open gallery",
		"back to top", "click here", "click here to read more", "click here to read", "tap here", "previous article",
		"next article", "next story", "previous story", "print this article", "expand", "collapse",
		"like this", "like loading", "loading", "like", "reply", "report", "permalink",
		"tell us what you think", "you must log in to post a comment", "you must be logged in to post a comment",
		"log in to comment", "explore further", "view full article", "open in app", "listen to this article",
		"close", "less", "show less", "read less", "see less", "top rated comments", "read all comments",
		"view all", "see all", "newer story", "older story", "newer post", "older post", "next post", "previous post",
		"learn more", "find out more", "more info", "join the discussion", "add your comment", "write a comment",
		"show all comments", "most recent comments", "top comments",
	},
	CommentNotice: {
		"comments closed", "comments are closed", "no comments yet", "be the first to comment", "comments policy",
		"comment policy", "commenting is closed", "comments are moderated",
	},
	Newsletter: {
		"breaking news emails", "get the newsletter", "sign up for our newsletter", "sign up to our newsletter",
		"subscribe to our newsletter", "newsletter sign up", "newsletter signup", "email newsletter",
		"email newsletters", "free newsletter", "daily newsletter", "sign up for newsletters", "get our newsletter",
		"subscribe now", "subscribe today", "sign up now", "sign up today", "sign up", "email address",
		"email required", "your email", "your email address", "enter your email", "enter your email address",
		"almost done",
	},
	Timestamp: {
		"published", "updated", "last updated", "tempo de leitura",
	},
	Share: {
		"share", "share this", "share this article", "share this story", "share this page", "share article",
		"share story", "share page", "sharing", "shares", "share all sharing options", "sharing options",
		"share via email", "copy link", "copy link to clipboard", "link copied", "email this", "email this article",
		"print this page", "save", "save article", "save for later", "bookmark", "tweet this", "share on social media",
		"show more sharing options", "share close extra sharing options", "close extra sharing options",
		"copy link url copied", "post was not sent check your email addresses",
		"email check failed please try again", "sorry your blog cannot share posts by email",
	},
	Navigation: {
		"skip to content", "skip to main content", "skip to navigation", "skip to main navigation",
		"skip to search", "skip to footer", "toggle navigation", "open navigation menu", "close navigation menu",
		"open menu", "close menu", "main menu", "search for", "back to top of page",
	},
	ImageCredit: {
		"getty images", "afp getty images", "afp via getty images", "getty images istockphoto", "istockphoto",
		"istock", "shutterstock", "alamy", "pa media", "pa wire", "ap photo", "getty",
	},
	RelatedHeading: {
		"related", "related stories", "related articles", "related content", "related links", "related news",
		"related coverage", "related topics", "related posts", "related reading", "related video", "related videos",
		"related story", "related article", "more on this story", "more on this", "you may also like",
		"you might also like", "you may be interested in", "you might be interested in", "you may also be interested in",
		"most read", "most popular", "most viewed", "most shared", "recommended", "recommended for you",
		"recommended stories", "recommended articles", "recommended reading", "also read", "read also", "read next",
		"what to read next", "more stories", "more news", "more top stories", "top stories", "trending",
		"trending now", "trending stories", "popular now", "popular stories", "see also", "more like this",
		"dont miss", "editors picks", "latest news", "latest stories", "more in this section", "around the web",
		"from the web", "promoted stories", "more from our network", "more videos", "watch more", "also on",
		"in case you missed it", "more from this section", "related tags", "tags", "topics", "related topics",
		"more from", "more in", "other stories", "more articles", "latest videos", "featured",
		"on our radar", "must read", "must reads", "editors choice", "from around the web", "we recommend",
		"recommended videos", "more to explore", "up next", "read more stories", "more reading", "related reads",
		"leia também", "veja também", "leggi anche", "lesen sie auch", "lire aussi", "à lire aussi",
		"читайте также", "Читайте также", "À lire aussi", "você pode gostar", "te puede interesar", "lee también", "mehr zum thema",
	},
}

// sharePrefixes start share/follow prompts (≤ 12 words).
var sharePrefixes = []string{
	"share this article", "share this story", "share this", "share on", "share via", "share with your",
	"share the story", "follow us on", "follow us", "click to share", "click to tweet", "click to email",
	"click to print", "like us on facebook", "find us on facebook", "connect with us", "join us on",
	"like this story", "like this article", "sharing is caring", "share it with", "share your thoughts",
	"share to facebook", "share to twitter", "share to linkedin", "share to whatsapp", "share to email",
	"share to pinterest", "share to reddit", "follow me on", "this story has been shared",
	"this article has been shared",
}

// readOnPrefixes start read-on prompts (≤ 12 words, never a sentence).
var readOnPrefixes = []string{
	"click here to read", "click here to see", "click here to watch", "click here for the full",
	"click here for more", "click here to get the", "click here to download", "click here to sign up",
	"click here to subscribe", "read the full article", "read the full story", "read full article",
	"read full story", "continue reading",
}

// networks are social network and share-bar names: a line of them alone is
// a share bar.
var networks = []string{
	"facebook", "twitter", "instagram", "linkedin", "whatsapp", "pinterest", "reddit", "email", "e-mail", "mail",
	"print", "share", "tweet", "messenger", "flipboard", "tumblr", "telegram", "sms", "copy", "link", "pocket",
	"youtube", "tiktok", "snapchat", "threads", "bluesky", "mastodon",
}

// singleNetworks may stand alone on a line as a share bar.
var singleNetworks = []string{
	"facebook", "twitter", "email", "e-mail", "print", "share", "tweet", "whatsapp", "linkedin", "pinterest", "reddit",
	"flipboard",
}

// label is a line opening with punctuation that matters ("Photo:",
// "(Photo by"), matched against the lower-cased start of the line.
type label struct {
	prefix   string
	cat      Category
	maxWords int
}

var labels = []label{
	{"watch:", Player, 15}, {"watch live:", Player, 15}, {"watch video:", Player, 15}, {"watch now:", Player, 15},
	{"video:", Player, 15}, {"listen:", Player, 15}, {"audio:", Player, 15},
	{"read more:", ReadOn, 20}, {"read more -", ReadOn, 20},
	{"image copyright", ImageCredit, 15}, {"image caption", ImageCredit, 15}, {"image source", ImageCredit, 15},
	{"media caption", ImageCredit, 15}, {"photo:", ImageCredit, 15}, {"photos:", ImageCredit, 15},
	{"photograph:", ImageCredit, 15}, {"photographs:", ImageCredit, 15}, {"picture:", ImageCredit, 15},
	{"pictures:", ImageCredit, 15}, {"credit:", ImageCredit, 15}, {"credits:", ImageCredit, 15},
	{"image:", ImageCredit, 15}, {"images:", ImageCredit, 15}, {"photo credit", ImageCredit, 15},
	{"image credit", ImageCredit, 15}, {"(photo by", ImageCredit, 15}, {"photo by", ImageCredit, 15},
	{"(photo:", ImageCredit, 15}, {"(image:", ImageCredit, 15}, {"(credit:", ImageCredit, 15},
	{"(picture:", ImageCredit, 15}, {"pic:", ImageCredit, 15}, {"caption:", ImageCredit, 15},
	{"also read:", RelatedItem, 20}, {"read also:", RelatedItem, 20}, {"see also:", RelatedItem, 20},
	{"related:", RelatedItem, 20}, {"read next:", RelatedItem, 20}, {"recommended:", RelatedItem, 20},
	{"related article:", RelatedItem, 20}, {"related story:", RelatedItem, 20}, {"more:", RelatedItem, 20},
	{"source:", SourceTail, 5}, {"sources:", SourceTail, 5},
	{"filed under:", RelatedItem, 12}, {"related post:", RelatedItem, 20}, {"related posts:", RelatedItem, 20},
	{"tags:", RelatedItem, 12}, {"topics:", RelatedItem, 12}, {"tag:", RelatedItem, 12},
	{"leia também:", RelatedItem, 20}, {"veja também:", RelatedItem, 20}, {"leggi anche:", RelatedItem, 20},
	{"(leggi anche", RelatedItem, 25}, {"lesen sie auch:", RelatedItem, 20}, {"lire aussi:", RelatedItem, 20},
	{"lee también:", RelatedItem, 20}, {"courtesy of", ImageCredit, 6},
	{"share all sharing options for:", Share, 30},
}

// family says what a contains-pattern is evidence of.
type family uint8

const (
	famPlayer     family = iota + 1 // a browser/JS/playback term: enough alone
	famPlayerWeak                   // "video unavailable": only on a short line or with a term
	famNewsletter                   // needs imperative or second person
	famCookie                       // needs second person, first person plural or a short line
	famReadMore                     // "read more:" inside a line: a tail span
	famWire                         // wire-service credit
	famAffiliate                    // affiliate-link disclosure: needs "we"/"our" or "you"
	famComments                     // comments notice: needs reader address, "we" or a short line
	famLegal                        // site terms notice: needs reader address, "we"/"our" or to open the line
)

type pattern struct {
	text string
	fam  family
}

var patterns = []pattern{
	{"enable javascript", famPlayer}, {"javascript is disabled", famPlayer}, {"javascript is required", famPlayer},
	{"javascript enabled", famPlayer}, {"turn on javascript", famPlayer}, {"javascript must be enabled", famPlayer},
	{"browser does not support", famPlayer}, {"browser doesn", famPlayer}, {"browser does not currently support", famPlayer},
	{"browser is not supported", famPlayer}, {"media playback is unsupported", famPlayer},
	{"media playback is not supported", famPlayer}, {"playback is not supported", famPlayer},
	{"html5 video", famPlayer}, {"upgrading to a web browser", famPlayer}, {"supports html5", famPlayer},
	{"video is not available", famPlayerWeak}, {"video not available", famPlayerWeak},
	{"video unavailable", famPlayerWeak}, {"video is unavailable", famPlayerWeak},
	{"video is no longer available", famPlayerWeak}, {"content is not available", famPlayerWeak},
	{"newsletter", famNewsletter}, {"newsletters", famNewsletter}, {"subscription", famNewsletter}, {"to your inbox", famNewsletter},
	{"in your inbox", famNewsletter}, {"subscriber", famNewsletter}, {"subscribers", famNewsletter},
	{"subscribe", famNewsletter}, {"log in to continue", famNewsletter}, {"sign in to continue", famNewsletter},
	{"we use cookies", famCookie}, {"uses cookies", famCookie}, {"use of cookies", famCookie},
	{"accept cookies", famCookie}, {"accept all cookies", famCookie}, {"cookie policy", famCookie},
	{"cookie settings", famCookie}, {"cookie preferences", famCookie}, {"cookies policy", famCookie},
	{"manage cookies", famCookie}, {"by continuing to browse", famCookie}, {"by continuing to use", famCookie},
	{"use cookies", famCookie}, {"cookie notice", famCookie}, {"cookie consent", famCookie},
	{"this website uses cookies", famCookie}, {"this site uses cookies", famCookie},
	{"if you enjoyed this article", famNewsletter}, {"if you enjoyed this story", famNewsletter},
	{"if you liked this article", famNewsletter}, {"support our journalism", famNewsletter},
	{"support independent journalism", famNewsletter}, {"become a member", famNewsletter},
	{"affiliate links", famAffiliate}, {"affiliate link", famAffiliate}, {"affiliate partnerships", famAffiliate},
	{"affiliate commission", famAffiliate}, {"may earn a commission", famAffiliate},
	{"may earn commission", famAffiliate}, {"may earn an affiliate commission", famAffiliate},
	{"may receive a commission", famAffiliate}, {"may get a share of the sale", famAffiliate},
	{"may receive compensation", famAffiliate}, {"if you buy something through", famAffiliate},
	{"when you buy through", famAffiliate}, {"if you buy through", famAffiliate},
	{"comments are closed", famComments}, {"comments have been closed", famComments},
	{"comments are moderated", famComments}, {"moderating all comments", famComments},
	{"moderating comments", famComments}, {"comment moderation", famComments},
	{"commenting is closed", famComments}, {"commenting has been disabled", famComments},
	{"comments have been disabled", famComments}, {"comments are disabled", famComments},
	{"community guidelines", famComments}, {"be the first to comment", famComments},
	{"your inbox", famNewsletter}, {"successfully subscribed", famNewsletter}, {"thanks for subscribing", famNewsletter},
	{"thank you for subscribing", famNewsletter}, {"thanks for signing up", famNewsletter},
	{"this site is protected by recaptcha", famLegal}, {"constitutes acceptance of", famLegal},
	{"user agreement and privacy policy", famLegal}, {"privacy policy and terms of service", famLegal},
	{"terms of use and privacy policy", famLegal}, {"privacy policy and cookie policy", famLegal},
	{"read more:", famReadMore},
	{"reporting by", famWire}, {"editing by", famWire}, {"writing by", famWire}, {"contributed reporting", famWire},
	{"contributed to this report", famWire}, {"contributed to this story", famWire},
}

// imperatives open a newsletter or cookie prompt addressed to the reader.
var imperatives = []string{
	"sign", "subscribe", "get", "join", "enter", "register", "already", "log", "login", "want", "dont", "never",
	"receive", "stay", "accept", "manage", "reject", "click", "tap", "find", "try", "start", "unlock", "become",
}

// Lexicon is a compiled set of debris lexicons: the built-in one (static
// tables generated from the lists above) plus a newsroom's extra phrases
// and minus its keep phrases.
type Lexicon struct {
	house map[string]bool // extra whole-line phrases, normalized
	keep  []string        // lower-case; a line containing one is never debris
}

// Default is the built-in lexicon.
var Default = &Lexicon{}

// NewLexicon compiles the built-in lexicon with a newsroom's extra
// whole-line phrases (flagged as house debris) and keep phrases (a line
// containing one, case-insensitively, is never flagged).
func NewLexicon(extra, keep []string) (*Lexicon, error) {
	l := &Lexicon{}
	for _, p := range extra {
		k := NormalizeKey(p)
		if k == "" {
			return nil, fmt.Errorf("extra-phrases: %q has no words", p)
		}
		if l.house == nil {
			l.house = map[string]bool{}
		}
		l.house[k] = true
	}
	for _, p := range keep {
		k := strings.ToLower(strings.TrimSpace(p))
		if k == "" {
			return nil, fmt.Errorf("keep-phrases: empty phrase")
		}
		l.keep = append(l.keep, k)
	}
	return l, nil
}

// whole returns the category of a whole line whose normalized form is key.
func (l *Lexicon) whole(key string) (Category, bool) {
	if l.house[key] {
		return House, true
	}
	c, ok := lookup(wholeTab[:], key, fnv32(key))
	return Category(c), ok
}

// hasPrefix reports whether the normalized line key opens with the words p.
func hasPrefix(key, p string) bool {
	return strings.HasPrefix(key, p) && (len(key) == len(p) || key[len(p)] == ' ')
}

func contains(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

// NormalizeKey returns the normalized form of a phrase used for whole-line
// matching: lower case, words separated by single spaces, punctuation
// dropped, apostrophes inside words dropped.
func NormalizeKey(s string) string {
	var sc Scratch
	sc.Analyze(s)
	return string(sc.key)
}

// Keeps reports whether line contains one of the keep phrases.
func (l *Lexicon) Keeps(line string) bool {
	if len(l.keep) == 0 {
		return false
	}
	low := strings.ToLower(line)
	for _, k := range l.keep {
		if strings.Contains(low, k) {
			return true
		}
	}
	return false
}
