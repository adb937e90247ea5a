package debris

// sectionWords are the names of a news site's sections, services and
// footer links, keyed by their normalized form (see NormalizeKey). A run of
// short lines made mostly of them is a navigation menu or a page footer;
// one of them alone proves nothing (a sub-head may read "Business").
var sectionWords = []string{
	// Sections.
	"home", "homepage", "news", "latest", "latest news", "breaking news", "top news", "world", "world news", "uk",
	"us", "u s", "usa", "local", "local news", "national", "nation", "international", "europe", "asia", "africa",
	"americas", "middle east", "australia", "canada", "india", "china", "politics", "election", "elections",
	"business", "economy", "markets", "money", "finance", "personal finance", "tech", "technology", "science",
	"health", "education", "environment", "climate", "weather", "sport", "sports", "football", "soccer", "cricket",
	"rugby", "tennis", "golf", "nfl", "nba", "mlb", "nhl", "f1", "formula 1", "boxing", "cycling", "olympics",
	"entertainment", "culture", "arts", "arts and culture", "lifestyle", "life", "living", "style", "fashion",
	"beauty", "food", "food and drink", "travel", "music", "movies", "film", "films", "tv", "television",
	"tv and radio", "radio", "books", "games", "gaming", "celebrity", "celebrities", "showbiz", "royals", "opinion",
	"opinions", "comment", "commentary", "editorials", "editorial", "columnists", "columns", "letters", "analysis",
	"features", "magazine", "blogs", "blog", "podcast", "podcasts", "video", "videos", "photos", "pictures",
	"galleries", "gallery", "live", "live tv", "watch live", "crime", "law", "religion", "media", "property",
	"real estate", "homes", "cars", "autos", "motoring", "motors", "jobs", "careers", "obituaries", "obits",
	"classifieds", "deals", "shopping", "shop", "store", "reviews", "recipes", "puzzles", "crosswords", "crossword",
	"horoscopes", "lottery", "events", "community", "family", "parenting", "wellness", "fitness", "relationships",
	"investigations", "special reports", "in depth", "explainers", "fact check", "weird news", "offbeat", "more",
	"all sections", "sections", "topics", "archive", "archives", "today", "trending", "most popular", "local sports",
	"high school sports", "business news", "tech news", "health news", "science news", "world cup",
	// Services and account.
	"menu", "main menu", "search", "sign in", "sign up", "log in", "login", "log out", "logout", "register",
	"subscribe", "subscriptions", "subscription", "my account", "account", "profile", "newsletters", "newsletter",
	"alerts", "notifications", "apps", "mobile apps", "app", "e edition", "eedition", "digital edition",
	"print edition", "epaper", "rss", "rss feeds", "feeds", "donate", "support us", "membership", "members",
	"skip to content", "skip to main content", "toggle navigation", "navigation", "close menu", "open menu",
	// Footer.
	"about", "about us", "contact", "contact us", "contacts", "privacy", "privacy policy", "privacy notice",
	"privacy settings", "cookie policy", "cookies", "cookie settings", "terms", "terms of use", "terms of service",
	"terms and conditions", "terms conditions", "advertise", "advertise with us", "advertising", "work for us",
	"work with us", "jobs with us", "help", "help center", "help centre", "faq", "faqs", "feedback", "sitemap",
	"site map", "accessibility", "corrections", "ethics", "editorial standards", "our team", "staff",
	"masthead", "press", "press releases", "legal", "copyright", "licensing", "reprints", "syndication",
	"send us a tip", "tips", "submit a story", "terms of sale", "ad choices", "adchoices", "do not sell my info",
	"do not sell my personal information", "manage preferences", "customer service", "partners", "affiliates",
	"facebook", "twitter", "instagram", "youtube", "linkedin", "pinterest", "tiktok", "whatsapp", "email", "x",
}

// IsSectionWord reports whether the normalized line key names a site
// section, service or footer link (in sectionTab, generated from
// sectionWords).
func IsSectionWord(key string) bool { return inTab(sectionTab[:], key) }
