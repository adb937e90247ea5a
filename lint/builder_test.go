package lint_test

import (
	"testing"
	"unsafe"

	"copydesk/lint"
)

// TestBuilderSharesSource: Text built from one contiguous verbatim run is a
// view of Source (no copy); any other piece copies the run and goes on in a
// buffer of its own, with the map unchanged.
func TestBuilderSharesSource(t *testing.T) {
	src := []byte("\xEF\xBB\xBFHead\n\nBody one.\r\nTwo &amp; three.")
	type piece struct {
		kind       byte // 'v' verbatim, 'r' replace, 's' synthetic
		start, end int
		s          string
	}
	tests := []struct {
		name   string
		pieces []piece
		text   string
		shared bool
	}{
		{"one run", []piece{{'v', 3, 9, ""}, {'v', 9, 18, ""}}, "Head\n\nBody one.", true},
		{"run broken by a CRLF", []piece{{'v', 3, 18, ""}, {'r', 18, 20, "\n"}, {'v', 20, 24, ""}}, "Head\n\nBody one.\nTwo ", false},
		{"gap in the source", []piece{{'v', 3, 7, ""}, {'v', 9, 13, ""}}, "HeadBody", false},
		{"synthetic first", []piece{{'s', 0, 0, "\n\n"}, {'v', 3, 7, ""}}, "\n\nHead", false},
		{"empty replace keeps the run", []piece{{'v', 3, 7, ""}, {'r', 7, 7, ""}, {'v', 7, 9, ""}}, "Head\n\n", true},
		{"entity", []piece{{'v', 20, 24, ""}, {'r', 24, 29, "&"}, {'v', 29, 35, ""}}, "Two & three", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := lint.NewBuilder("a.txt", lint.Plain, src)
			b.Grow(len(src))
			b.OpenBlock(lint.Paragraph, "p")
			for _, p := range tt.pieces {
				switch p.kind {
				case 'v':
					b.Verbatim(p.start, p.end)
				case 'r':
					b.Replace(p.s, p.start, p.end)
				case 's':
					b.Synthetic(p.s)
				}
				if b.LastByte() == 0 && b.Len() > 0 {
					t.Fatalf("LastByte 0 with Len %d", b.Len())
				}
			}
			doc := b.Finish()
			if doc.Text != tt.text {
				t.Fatalf("Text %q, want %q", doc.Text, tt.text)
			}
			p := unsafe.StringData(doc.Text)
			inSource := uintptr(unsafe.Pointer(p)) >= uintptr(unsafe.Pointer(&src[0])) &&
				uintptr(unsafe.Pointer(p)) < uintptr(unsafe.Pointer(&src[0]))+uintptr(len(src))
			if inSource != tt.shared {
				t.Errorf("Text shares Source: %v, want %v", inSource, tt.shared)
			}
			// Every verbatim piece maps back to its own bytes.
			off := 0
			for _, p := range tt.pieces {
				n := p.end - p.start
				if p.kind != 'v' {
					n = len(p.s)
				}
				if p.kind == 'v' {
					if s, exact := doc.SourceSpan(lint.Span{Start: off, End: off + n}); !exact || s != (lint.Span{Start: p.start, End: p.end}) {
						t.Errorf("piece %v maps to %v (exact %v)", p, s, exact)
					}
				}
				off += n
			}
			doc.Release()
			doc.Release() // a second Release does nothing
		})
	}
}

// TestReleaseRecycles builds documents one after another, releasing each,
// and checks that a document built on recycled memory is the same as one
// built fresh, and that Release leaves nothing of the old document behind.
func TestReleaseRecycles(t *testing.T) {
	build := func(src []byte) *lint.Document {
		b := lint.NewBuilder("a.md", lint.Markdown, src)
		b.Grow(len(src))
		for i := 0; i+4 <= len(src); i += 4 {
			b.OpenBlock(lint.Paragraph, "p")
			b.Verbatim(i, i+2)
			b.Replace("*", i+2, i+3)
			b.Synthetic(" ")
			b.CloseBlock()
		}
		doc := b.Finish()
		all := b.Spans(len(doc.Blocks))
		for i := range doc.Blocks {
			all = append(all, doc.Blocks[i].Span)
			doc.Blocks[i].Sentences = all[i : i+1 : i+1]
		}
		doc.Pos(len(src)) // builds the line index
		return doc
	}
	srcs := [][]byte{[]byte("abcdefghijkl\nmnop"), []byte("0123456789"), make([]byte, 3000)}
	for i := range srcs[2] {
		srcs[2][i] = 'a' + byte(i%26)
	}
	for round := 0; round < 3; round++ {
		for _, src := range srcs {
			want := build(src)
			got := build(src)
			want.Release()
			fresh := build(src)
			if got.Text != fresh.Text || len(got.Blocks) != len(fresh.Blocks) {
				t.Fatalf("recycled document differs: %q vs %q", got.Text, fresh.Text)
			}
			for i := range got.Blocks {
				if got.Blocks[i].Span != fresh.Blocks[i].Span || got.Blocks[i].Sentences[0] != fresh.Blocks[i].Sentences[0] {
					t.Fatalf("block %d differs", i)
				}
				a, _ := got.SourceSpan(got.Blocks[i].Span)
				b, _ := fresh.SourceSpan(fresh.Blocks[i].Span)
				if a != b {
					t.Fatalf("block %d maps to %v, fresh %v", i, a, b)
				}
			}
			if got.Pos(len(src)) != fresh.Pos(len(src)) {
				t.Fatalf("positions differ")
			}
			got.Release()
			if got.Text != "" || got.Blocks != nil || got.Source != nil {
				t.Errorf("released document still holds its tables")
			}
			fresh.Release()
		}
	}
}
