package format

import (
	"encoding/xml"
	"strings"
)

// xmlEscape escapes s for an XML attribute value or character data: &, <,
// >, quotes, and tab, CR and LF as character references (so attribute
// values keep them); characters XML cannot carry become U+FFFD.
func xmlEscape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder never fails
	return b.String()
}
