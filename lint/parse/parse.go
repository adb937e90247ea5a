package parse

import (
	"path/filepath"
	"strings"

	"copydesk/lint"
)

// FormatOf picks a draft's format from the extension of path: .md and
// .markdown are Markdown, .html and .htm are HTML, anything else is plain
// text. Extensions are matched without regard to case.
func FormatOf(path string) lint.Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return lint.Markdown
	case ".html", ".htm":
		return lint.HTML
	}
	return lint.Plain
}

// Parse decodes src (see Decode), parses it in the format FormatOf(path)
// picks, splits every block into sentences and computes Document.Quotes.
// path names the file in errors and becomes Document.Path. Empty and
// white-space-only drafts give a document with no blocks. The document
// keeps src as its Source, and its Text may share src's bytes: do not
// modify src while the document is in use (lint.Document.Release ends that
// use).
func Parse(path string, src []byte) (*lint.Document, error) {
	start, err := Decode(path, src)
	if err != nil {
		return nil, err
	}
	var doc *lint.Document
	var b *lint.Builder
	switch FormatOf(path) {
	case lint.Markdown:
		doc, b = parseMarkdown(path, src, start)
	case lint.HTML:
		doc, b = parseHTML(path, src, start)
	default:
		doc, b = parsePlain(path, src, start)
	}
	finish(doc, b)
	return doc, nil
}

// finish fills Block.Sentences and Document.Quotes.
func finish(doc *lint.Document, b *lint.Builder) {
	// One backing array for all sentences and quotations, from the
	// document's recycled memory: a block rarely has more than a handful of
	// sentences, and per-block slices would cost an allocation each. Over
	// the article corpus a sentence is ~130 bytes and a quotation ~500.
	all := b.Spans(len(doc.Blocks) + len(doc.Text)/128 + len(doc.Text)/256 + 8)
	empty := 0
	for i := range doc.Blocks {
		n := len(all)
		all = appendSentences(all, doc.Text, doc.Blocks[i].Span)
		doc.Blocks[i].Sentences = all[n:len(all):len(all)]
		if len(all) == n {
			empty++
		}
	}
	if empty > 0 {
		dropBlankBlocks(doc)
	}
	n := len(all)
	quotes := appendQuoteSpans(all[n:n], doc)
	doc.Quotes = quotes[:len(quotes):len(quotes)]
}

// dropBlankBlocks removes blocks that hold only white space the builder
// keeps (no-break spaces: "<p>&nbsp;</p>"), so that every block has at least
// one sentence, and renumbers the headline and the comments' next blocks.
func dropBlankBlocks(doc *lint.Document) {
	newIndex := make([]int, len(doc.Blocks)+1) // old index → index of the first kept block at or after it
	kept := doc.Blocks[:0]
	for i, b := range doc.Blocks {
		newIndex[i] = len(kept)
		if len(b.Sentences) > 0 {
			kept = append(kept, b)
		} else if doc.HeadlineBlock == i {
			doc.HeadlineBlock = -1
			doc.Headline = lint.Span{}
		}
	}
	newIndex[len(doc.Blocks)] = len(kept)
	if doc.HeadlineBlock >= 0 {
		doc.HeadlineBlock = newIndex[doc.HeadlineBlock]
	}
	for i := range doc.Comments {
		if nb := doc.Comments[i].NextBlock; nb >= 0 && nb < len(newIndex) {
			doc.Comments[i].NextBlock = newIndex[nb]
		}
	}
	clear(doc.Blocks[len(kept):])
	doc.Blocks = kept
}
