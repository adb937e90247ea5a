package lint

// Finding is one problem a rule found.
type Finding struct {
	Rule     string
	Severity Severity
	Message  string
	Span     Span      // in Document.Text (set by the rule)
	Related  []Related // other places that explain the finding
	Fix      *Fix      // nil when the rule offers no edit

	// Filled by the runner: the span in Source and its resolved positions.
	Source     Span
	Start, End Position
}

// Related is another location that belongs to a finding (each other
// anonymous source of a stack, each hedge of a headline).
type Related struct {
	Span    Span // in Document.Text
	Message string

	Source     Span // filled by the runner
	Start, End Position
}

// Fix is a proposed change: a message and non-overlapping edits. Only Safe
// fixes are applied by --fix; others are suggestions shown to the editor.
type Fix struct {
	Message string // a verb phrase: "Remove the video player notice"
	Safe    bool
	Edits   []Edit
}

// Edit replaces a span with new text. Span is in Document.Text unless Raw is
// set, in which case it is already in Document.Source (for deleting whole
// source lines, list markers and all). The runner converts every edit to
// Source coordinates; an edit that cannot be mapped exactly drops the fix,
// never the finding.
type Edit struct {
	Span Span
	New  string
	Raw  bool

	Start, End Position // filled by the runner
}

// SuppressionKind says where a suppression is written, in SARIF's terms.
type SuppressionKind string

// Suppression kinds.
const (
	// InSource is a directive in the draft itself.
	InSource SuppressionKind = "inSource"
	// External is kept outside the draft: a config ignore or a baseline.
	External SuppressionKind = "external"
)

// Suppressed is a finding that a suppression silenced, with why.
type Suppressed struct {
	Finding
	Kind   SuppressionKind
	Reason string // the justification written with the suppression
	// Baseline is true when a baseline file silenced the finding (Kind is
	// External): JSON output reports its kind as "baseline".
	Baseline bool
}
