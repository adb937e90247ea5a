// Package pack compiles TOML rule packs into lint.Rule values, so that an
// editor can add house rules without writing code.
//
// A pack names itself and lists rules; rule IDs become "pack/id":
//
//	pack = "house"
//	description = "Marwick Courier house style"
//
//	[[rule]]
//	id       = "per-cent"              # → house/per-cent
//	kind     = "substitution"          # phrase | pattern | substitution | count
//	scope    = "body"                  # headline | body | paragraph | sentence | any (default)
//	severity = "warning"               # error | warning (default) | info
//	summary  = "House style writes per cent"
//	message  = "House style: {replacement}, not {match}"
//	replace  = { "percent" = "per cent" }
//	bad      = "Rates rise\n\nRates rose by 2 percent.\n"
//	good     = "Rates rise\n\nRates rose by 2 per cent.\n"
//
// Kinds:
//   - phrase: phrases = [...] matched case-insensitively at word boundaries;
//     a space matches any run of white space, a curly apostrophe a straight one.
//     All phrases of a rule share one matcher (a trie walked once over the text).
//   - pattern: pattern = "RE2" (Go regexp, linear time). A group named
//     "match", (?P<match>...), narrows the flagged span to that group.
//   - substitution: replace = { bad = "preferred" }; yields a safe fix that
//     keeps the case of the first letter (and all capitals).
//   - count: phrases and limit; flags the first use beyond limit in each
//     scope unit, with the other uses as related locations.
//
// Every kind takes exceptions (phrases, or /RE2/ between slashes: a match
// inside an exception is not reported), ignore-in-quotes (skip direct
// quotations and blockquotes), enabled (false ships the rule off), doc, and
// bad/good example drafts (headline, blank line, body) that CheckExamples
// runs. The message may use {match}; substitution adds {replacement}, count
// adds {count} and {limit}.
//
// Loading validates everything (unknown keys, kinds and scopes, bad
// regular expressions, duplicate IDs, missing fields, non-converging
// substitutions) and reports each problem as an *Error with file and line.
package pack
