// Package parse turns draft bytes into a *lint.Document: it decodes the bytes
// (UTF-8 only; a BOM is skipped, binary and invalid input are named errors),
// picks the format from the file name (plain text, Markdown via goldmark,
// HTML via the golang.org/x/net/html tokenizer), builds the prose Text with
// an exact map back to the source through lint.Builder, splits every block
// into sentences and marks the spans inside direct quotations.
//
// No parser here ever searches the source for text it has already seen:
// every piece of Text is appended with the source range it came from.
package parse
