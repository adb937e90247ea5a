// Package rules holds copydesk's built-in editorial rules. All lists them in
// one place; Registry returns them ready for configuration.
//
// Each rule lives in its own file, with its fixtures under
// testdata/rules/<rule-id>/ (see package lint/linttest).
package rules
