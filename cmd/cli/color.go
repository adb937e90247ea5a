package cli

import (
	"io"
	"os"
)

// colorModes are the values of --color.
var colorModes = []string{"auto", "always", "never"}

// useColor decides once whether output to w is colored: "always" and
// "never" say so; "auto" colors only a terminal, and not when NO_COLOR is
// set (https://no-color.org) or TERM is "dumb".
func useColor(mode string, w io.Writer) bool {
	switch mode {
	case "always":
		return true
	case "never":
		return false
	}
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	return isTerminal(w)
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
