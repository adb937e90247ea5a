package format

import (
	"bytes"
	"fmt"
	"io"
	"path"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// DiffContext is the number of unchanged lines shown around each change in
// a unified diff.
const DiffContext = 3

// UnifiedDiff writes a unified diff that turns old into new, as
// "--- a/path" / "+++ b/path" followed by hunks with DiffContext lines of
// context, applicable with `git apply` and `patch -p1`. path should be
// relative to the directory the patch will be applied in; it is written
// with forward slashes and quoted as git quotes names when it holds
// control characters, quotes or backslashes.
//
// Lines are compared whole, line endings included, so CRLF files keep
// their CRs and a last line without a newline is marked
// "\ No newline at end of file". Identical inputs write nothing.
func UnifiedDiff(w io.Writer, path string, old, new []byte) error {
	if bytes.Equal(old, new) {
		return nil
	}
	ops, skip := lineDiff(old, new)
	var bw bytes.Buffer
	bw.WriteString("--- " + diffName("a/", path) + "\n")
	bw.WriteString("+++ " + diffName("b/", path) + "\n")
	for _, h := range hunks(ops, skip, DiffContext) {
		fmt.Fprintf(&bw, "@@ -%s +%s @@\n", hunkRange(h.oldStart, h.oldLines), hunkRange(h.newStart, h.newLines))
		for _, op := range ops[h.from:h.to] {
			bw.WriteByte(op.kind)
			bw.WriteString(op.text)
			if !strings.HasSuffix(op.text, "\n") {
				bw.WriteString("\n\\ No newline at end of file\n")
			}
		}
	}
	if _, err := w.Write(bw.Bytes()); err != nil {
		return fmt.Errorf("writing diff of %s: %w", path, err)
	}
	return nil
}

// lineOp is one line of a line diff: ' ' kept, '-' removed, '+' added.
type lineOp struct {
	kind byte
	text string // the line with its line ending, if it has one
}

// lineDiff compares old and new line by line with go-diff's line mode. The
// common lines at both ends are trimmed first (drafts are fixed in a few
// places; a 50 MB file should not become millions of line records), keeping
// DiffContext of them next to the change: ops start at line skip+1.
func lineDiff(old, new []byte) (ops []lineOp, skip int) {
	p, s := lineDiffBounds(old, new)
	head := splitLines(old[:p])
	skip = max(len(head)-DiffContext, 0)
	for _, ln := range head[skip:] {
		ops = append(ops, lineOp{' ', ln})
	}

	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // exact, deterministic results whatever the load
	a, b, lines := dmp.DiffLinesToRunes(string(old[p:len(old)-s]), string(new[p:len(new)-s]))
	diffs := dmp.DiffCharsToLines(dmp.DiffMainRunes(a, b, false), lines)
	for _, d := range diffs {
		kind := byte(' ')
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			kind = '-'
		case diffmatchpatch.DiffInsert:
			kind = '+'
		}
		for _, ln := range strings.SplitAfter(d.Text, "\n") {
			if ln != "" {
				ops = append(ops, lineOp{kind, ln})
			}
		}
	}

	tail := old[len(old)-s:]
	for i := 0; i < DiffContext && len(tail) > 0; i++ {
		k := bytes.IndexByte(tail, '\n') + 1
		if k == 0 {
			k = len(tail)
		}
		ops = append(ops, lineOp{' ', string(tail[:k])})
		tail = tail[k:]
	}
	return ops, skip
}

// lineDiffBounds returns the lengths of the common head of old and new,
// cut back to a line start, and of the common tail after it, cut forward
// past a newline: the lines between are the ones a line diff compares.
func lineDiffBounds(old, new []byte) (p, s int) {
	return lineDiffBoundsFrom(old, new, 0, 0)
}

// lineDiffBoundsFrom is lineDiffBounds for old and new known to share
// their first head bytes and their last tail bytes.
func lineDiffBoundsFrom(old, new []byte, head, tail int) (p, s int) {
	head = min(head, len(old), len(new))
	p = head + commonPrefix(old[head:], new[head:])
	p = bytes.LastIndexByte(old[:p], '\n') + 1 // back to a line start
	a, b := old[p:], new[p:]
	tail = min(tail, len(a), len(b))
	s = tail + commonSuffix(a[:len(a)-tail], b[:len(b)-tail])
	if k := bytes.IndexByte(old[len(old)-s:], '\n'); k >= 0 {
		s -= k + 1 // forward to a line start
	} else {
		s = 0
	}
	return p, s
}

// splitLines splits b after each newline.
func splitLines(b []byte) []string {
	var out []string
	for len(b) > 0 {
		k := bytes.IndexByte(b, '\n') + 1
		if k == 0 {
			k = len(b)
		}
		out = append(out, string(b[:k]))
		b = b[k:]
	}
	return out
}

func commonPrefix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

func commonSuffix(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

// hunk is ops[from:to] with its line ranges (1-based starts).
type hunk struct {
	from, to           int
	oldStart, oldLines int
	newStart, newLines int
}

// hunks groups changes separated by at most 2*context unchanged lines (as
// diff and git do: their context would touch).
// ops[0] is line skip+1 of both texts.
func hunks(ops []lineOp, skip, context int) []hunk {
	var out []hunk
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		from := max(i-context, 0)
		last := i // last changed op of the hunk
		for j := i + 1; j < len(ops) && j-last-1 <= 2*context; j++ {
			if ops[j].kind != ' ' {
				last = j
			}
		}
		to := min(last+1+context, len(ops))
		out = append(out, hunk{from: from, to: to})
		i = last + 1
	}
	oldLine, newLine, k := skip+1, skip+1, 0
	for i, op := range ops {
		for k < len(out) && out[k].to <= i {
			k++
		}
		if k < len(out) && i == out[k].from {
			out[k].oldStart, out[k].newStart = oldLine, newLine
		}
		inHunk := k < len(out) && i >= out[k].from
		if op.kind != '+' {
			oldLine++
			if inHunk {
				out[k].oldLines++
			}
		}
		if op.kind != '-' {
			newLine++
			if inHunk {
				out[k].newLines++
			}
		}
	}
	return out
}

// hunkRange formats a hunk's line range as diff and git do: an empty range
// names the line before it, and a count of one is left out.
func hunkRange(start, lines int) string {
	switch lines {
	case 0:
		return strconv.Itoa(start-1) + ",0"
	case 1:
		return strconv.Itoa(start)
	}
	return strconv.Itoa(start) + "," + strconv.Itoa(lines)
}

// diffName returns prefix+name as a diff header file name, with a trailing
// tab when it holds a space (as git writes it, so the name is not read up
// to the space) and C-quoted when it holds characters git would quote.
func diffName(prefix, name string) string {
	name = strings.TrimPrefix(path.Clean(filepath.ToSlash(name)), "/")
	full := prefix + name
	needQuote := false
	for i := 0; i < len(full); i++ {
		if c := full[i]; c < 0x20 || c == 0x7f || c == '"' || c == '\\' {
			needQuote = true
			break
		}
	}
	if needQuote {
		var b strings.Builder
		b.WriteByte('"')
		for i := 0; i < len(full); i++ {
			switch c := full[i]; c {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\t':
				b.WriteString(`\t`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			default:
				if c < 0x20 || c == 0x7f {
					fmt.Fprintf(&b, `\%03o`, c)
				} else {
					b.WriteByte(c)
				}
			}
		}
		b.WriteByte('"')
		return b.String()
	}
	if strings.Contains(full, " ") {
		return full + "\t"
	}
	return full
}
