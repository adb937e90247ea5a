// Package parse turns draft bytes into a *lint.Document: it decodes the bytes
// (UTF-8 only; a BOM is skipped, binary and invalid input are named errors),
// picks the format from the file name (plain text, Markdown via goldmark,
// HTML via the golang.org/x/net/html tokenizer), builds the prose Text with
// an exact map back to the source through lint.Builder, splits every block
// into sentences and marks the spans inside direct quotations.
//
// No parser here ever searches the source for text it has already seen:
// every piece of Text is appended with the source range it came from
// (goldmark segments, the tokenizer's raw bytes, line offsets).
//
// Formats:
//
//   - Plain text (.txt and any other extension): Text is the source itself
//     (without a BOM, CRLF and lone CR read as LF). The first non-blank line
//     is the headline; blank lines separate paragraphs; a line starting with
//     a bullet ("- ", "* ", "• ", "– ", "1. ", "1) ") is a list item whose
//     span leaves the marker out.
//   - Markdown (.md, .markdown): YAML ("---") or TOML ("+++") front matter's
//     title is the headline, else the first H1. Headings, paragraphs, list
//     items, blockquote paragraphs (quoted) and the cells of GFM pipe tables
//     (th in the header row, td below; read by our own paragraph
//     transformer, mdtable.go, as goldmark's table extension would) are
//     blocks; code, link and image targets, image alt text, raw HTML tags
//     and comments are not prose (comments are recorded for suppressions). Text
//     inside raw HTML blocks is read with the HTML rules below. Entities and
//     backslash escapes are decoded, each standing for its source bytes.
//     Markdown shaped to make goldmark quadratic (see mdHostile) is read as
//     plain lines.
//   - HTML (.html, .htm): the first <h1> is the headline, else <title>.
//     p, li, blockquote, h1–h6, figcaption, caption, td, th, dt and dd are
//     blocks, and so is the bare text of any other container (div, section,
//     aside, body...), with the container's name as Block.Tag. script,
//     style, nav, noscript, template, svg, math, iframe, head (but for the
//     headline title), pre, code, textarea, select and object are skipped.
//     <br> is a synthetic "\n"; <img> marks its block (and the figcaption
//     of its figure) with Block.Image; link text counts in Block.LinkBytes.
//
// Memory: a plain draft without CR is its own Text (Document.Text shares
// the source bytes, nothing is copied), so the caller must not modify src
// while the document is in use. Sentence and quotation spans share one
// table. A caller done with a document may hand its buffers back with
// lint.Document.Release (or, done with its findings too,
// lint.FileResult.Release), and the next Parse reuses them: a plain draft
// then parses without allocating (TestParseAllocs).
//
// Every format's parse time is linear in the input, whatever its nesting;
// the tests hold 10,000-deep HTML, goldmark's pathological inputs and 50 MB
// drafts to time budgets, and fuzz targets check the document invariants.
package parse
