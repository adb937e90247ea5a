package external

// Version is the protocol version copydesk speaks. Every request carries it
// as "copydesk"; a plugin's describe answer must state the same version.
const Version = 1

// Request is one line copydesk writes to a plugin's standard input.
type Request struct {
	Copydesk int            `json:"copydesk"`
	Method   string         `json:"method"` // "describe" or "check"; more may come
	ID       int            `json:"id,omitempty"`
	Document *Document      `json:"document,omitempty"`
	Options  map[string]any `json:"options,omitempty"`
}

// Document is the draft sent with a check request. All offsets are UTF-8
// byte offsets into Text, which is the prose only: markup removed, entities
// decoded, LF line endings.
type Document struct {
	Path     string  `json:"path"`
	Format   string  `json:"format"` // plain, markdown or html
	Text     string  `json:"text"`
	Headline *Span   `json:"headline,omitempty"`
	Blocks   []Block `json:"blocks"`
	Quotes   []Span  `json:"quotes,omitempty"` // direct quotations, quote marks included
}

// Span is a half-open byte range [Start, End) of Document.Text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Block is a paragraph, heading, list item, blockquote paragraph, caption
// or table cell.
type Block struct {
	Kind      string `json:"kind"` // paragraph, heading, title, list-item, quote, caption, cell, other
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Sentences []Span `json:"sentences,omitempty"`
}

// Response is one line a plugin writes to its standard output.
type Response struct {
	Copydesk    int        `json:"copydesk,omitempty"`
	ID          int        `json:"id,omitempty"`
	Rules       []RuleInfo `json:"rules,omitempty"`       // describe
	Findings    []Finding  `json:"findings,omitempty"`    // check
	Error       string     `json:"error,omitempty"`       // the request could not be served (bad input)
	Unsupported bool       `json:"unsupported,omitempty"` // the method is unknown to the plugin
}

// RuleInfo describes one plugin rule. ID is local ("claims"); copydesk
// prefixes the plugin name ("factcheck/claims").
type RuleInfo struct {
	ID       string `json:"id"`
	Summary  string `json:"summary"`
	Doc      string `json:"doc,omitempty"`
	Severity string `json:"severity,omitempty"` // error, warning (default) or info
	Default  *bool  `json:"default,omitempty"`  // false: off unless config enables it
	Fixable  bool   `json:"fixable,omitempty"`
	Bad      string `json:"bad,omitempty"`
	Good     string `json:"good,omitempty"`
}

// Finding is one problem a plugin reports.
type Finding struct {
	Rule     string    `json:"rule"` // local ID, or the full "plugin/rule"
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Match    *string   `json:"match,omitempty"` // if present, must equal text[start:end]
	Message  string    `json:"message"`
	Severity string    `json:"severity,omitempty"`
	Related  []Related `json:"related,omitempty"`
	Fix      *Fix      `json:"fix,omitempty"`
}

// Related is another location that explains a finding.
type Related struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Message string `json:"message"`
}

// Fix is a proposed change made of non-overlapping edits. Only fixes marked
// safe are applied by --fix; the others are shown as suggestions.
type Fix struct {
	Message string `json:"message"`
	Safe    bool   `json:"safe,omitempty"`
	Edits   []Edit `json:"edits"`
}

// Edit replaces text[start:end] with New.
type Edit struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	New   string `json:"new"`
}
