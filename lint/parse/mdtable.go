package parse

import (
	"github.com/yuin/goldmark/ast"
	gparser "github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// GFM pipe tables, read by a paragraph transformer of our own rather than
// goldmark's extension package, whose init compiles the linkify regular
// expressions (3-5 ms of every process start) although copydesk needs none
// of them.
//
// A paragraph line followed by a delimiter row (cells of "-" with optional
// ":" at either end, separated by "|") starts a table: that line is the
// header row and every later line of the paragraph is a body row. Lines
// before the header stay a paragraph. Cells are split at "|" not preceded by
// a backslash (so `\|` stays in the cell, code spans included), a leading and
// a trailing "|" are optional, a body row's cells past the header's count are
// dropped and missing ones are empty. A header with more cells than the
// delimiter row leaves the paragraph alone. Each cell's trimmed source range
// becomes the single line of an mdTableCell, which goldmark then parses for
// inlines like any other block, so the walker maps cell text to its exact
// source bytes.
//
// The shapes accepted are those of goldmark's table extension (v1.8), which
// tables_test.go checks node for node.

var (
	kindMdTable     = ast.NewNodeKind("CopydeskTable")
	kindMdTableRow  = ast.NewNodeKind("CopydeskTableRow")
	kindMdTableCell = ast.NewNodeKind("CopydeskTableCell")
)

// mdTable is a pipe table; its children are mdTableRows, the header first.
type mdTable struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *mdTable) Kind() ast.NodeKind { return kindMdTable }

// Dump implements ast.Node.
func (n *mdTable) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// mdTableRow is one row of a table; its children are mdTableCells.
type mdTableRow struct {
	ast.BaseBlock
	header bool
}

// Kind implements ast.Node.
func (n *mdTableRow) Kind() ast.NodeKind { return kindMdTableRow }

// Dump implements ast.Node.
func (n *mdTableRow) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// mdTableCell is one cell; its one line (none for a missing cell) is the
// trimmed cell source, parsed for inlines by goldmark.
type mdTableCell struct {
	ast.BaseBlock
	header bool
}

// Kind implements ast.Node.
func (n *mdTableCell) Kind() ast.NodeKind { return kindMdTableCell }

// Dump implements ast.Node.
func (n *mdTableCell) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

// tableTransformer turns a paragraph holding a delimiter row into a table.
type tableTransformer struct{}

// Transform implements goldmark's parser.ParagraphTransformer.
func (tableTransformer) Transform(para *ast.Paragraph, reader text.Reader, _ gparser.Context) {
	lines := para.Lines()
	if lines.Len() < 2 {
		return
	}
	src := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		cols := delimiterColumns(src, lines.At(i))
		if cols == 0 {
			continue
		}
		header := tableRow(src, lines.At(i-1), cols, true)
		if header == nil {
			return
		}
		table := &mdTable{}
		table.AppendChild(table, header)
		for j := i + 1; j < lines.Len(); j++ {
			table.AppendChild(table, tableRow(src, lines.At(j), cols, false))
		}
		parent := para.Parent()
		parent.InsertAfter(parent, para, table)
		lines.SetSliced(0, i-1)
		if lines.Len() == 0 {
			parent.RemoveChild(parent, para)
		} else {
			// The paragraph now ends before the header's line: drop the
			// line feed of its last line.
			last := lines.At(lines.Len() - 1)
			last.Stop--
			lines.Set(lines.Len()-1, last)
		}
		return
	}
}

// isMdSpace is goldmark's white space: space, tab, LF and CR.
func isMdSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// delimiterColumns returns the number of columns of the delimiter row in
// line, or 0 if the line is not one: indented less than four columns, only
// "-", ":", "|" and white space, not only "-", and every "|"-separated cell
// (but for a blank one before the first or after the last "|") of the form
// `:?-+:?` with white space around.
func delimiterColumns(src []byte, seg text.Segment) int {
	line := src[seg.Start:seg.Stop]
	// Indentation, counting goldmark's virtual padding (spaces left over
	// from a tab a container marker consumed) as spaces.
	width := seg.Padding
	onlyDash := true
	indent := true
	for _, c := range line {
		if indent {
			switch c {
			case ' ':
				width++
			case '\t':
				width += 4 - width%4
			default:
				indent = false
			}
		}
		if c != '-' {
			onlyDash = false
			if c != '|' && c != ':' && !isMdSpace(c) {
				return 0
			}
		}
	}
	if width > 3 || onlyDash && seg.Padding == 0 {
		// (Virtual padding is spaces: a padded line is never only dashes.)
		return 0
	}
	n := 0
	for start := 0; ; {
		end := start
		for end < len(line) && line[end] != '|' {
			end++
		}
		piece := line[start:end]
		last := end == len(line)
		// A blank piece before the first or after the last "|" is the
		// outside of the table.
		if !(isMdBlank(piece) && (start == 0 || last)) {
			if !delimiterCell(piece) {
				return 0
			}
			n++
		}
		if last {
			return n
		}
		start = end + 1
	}
}

func isMdBlank(s []byte) bool {
	for _, c := range s {
		if !isMdSpace(c) {
			return false
		}
	}
	return true
}

// delimiterCell reports whether s is one cell of a delimiter row: white
// space, an optional ":", one or more "-", an optional ":", white space.
func delimiterCell(s []byte) bool {
	i, n := 0, len(s)
	for i < n && isMdSpace(s[i]) {
		i++
	}
	for n > i && isMdSpace(s[n-1]) {
		n--
	}
	if i < n && s[i] == ':' {
		i++
	}
	if n > i && s[n-1] == ':' {
		n--
	}
	if i == n {
		return false
	}
	for ; i < n; i++ {
		if s[i] != '-' {
			return false
		}
	}
	return true
}

// tableRow splits the paragraph line seg into the cells of a row of a table
// with cols columns. A header row with more cells than cols is no header:
// tableRow returns nil. A body row's extra cells are dropped; a row with
// fewer cells gets empty ones.
func tableRow(src []byte, seg text.Segment, cols int, header bool) *mdTableRow {
	start, stop := seg.Start, seg.Stop
	for start < stop && isMdSpace(src[start]) {
		start++
	}
	for stop > start && isMdSpace(src[stop-1]) {
		stop--
	}
	pos, limit := start, stop
	if pos < limit && src[pos] == '|' {
		pos++
	}
	if limit > start && src[limit-1] == '|' {
		limit--
	}
	row := &mdTableRow{header: header}
	n := 0
	for ; pos < limit; n++ {
		if n >= cols && !header {
			return row
		}
		end := pos
		for end < limit && (src[end] != '|' || end > start && src[end-1] == '\\') {
			end++
		}
		cs, ce := pos, end
		for cs < ce && isMdSpace(src[cs]) {
			cs++
		}
		for ce > cs && isMdSpace(src[ce-1]) {
			ce--
		}
		cell := &mdTableCell{header: header}
		cell.Lines().Append(text.NewSegment(cs, ce))
		row.AppendChild(row, cell)
		pos = end + 1
	}
	if header && n > cols {
		return nil
	}
	for ; n < cols; n++ {
		row.AppendChild(row, &mdTableCell{header: header})
	}
	return row
}
