// Package debris holds the data and the line-level matchers behind the
// scrape-debris, mojibake and glued-words rules: the lexicons of page
// furniture (player notices, ad markers, share and newsletter prompts,
// related-link headings...), a compiled multi-pattern matcher over them,
// shallow line features (word count, stop-word ratio, attribution cues),
// a timestamp scanner and the mojibake decoder.
//
// Everything here works on plain strings so that it can be tested and
// measured without a parsed document; the rules map results back to the
// document.
package debris
