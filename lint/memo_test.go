package lint_test

import (
	"testing"

	"copydesk/lint"
)

// releasable counts its releases.
type releasable struct{ released int }

func (r *releasable) Release() { r.released++ }

type keyA struct{}
type keyB struct{}
type keyPlain struct{}

// memoRule computes three memo values: two releasable ones and a plain one.
type memoRule struct{ got map[string]any }

func (memoRule) Meta() lint.Meta { return lint.Meta{ID: "memo"} }

func (r memoRule) Check(p *lint.Pass) error {
	r.got["a"] = p.Doc.Memo(keyA{}, func() any { return &releasable{} })
	r.got["b"] = p.Doc.Memo(keyB{}, func() any { return &releasable{} })
	r.got["plain"] = p.Doc.Memo(keyPlain{}, func() any { return new(int) })
	return nil
}

// TestMemoRelease checks that CheckDocument releases the Releaser values its
// rules computed, once, and keeps values computed before it and plain ones.
func TestMemoRelease(t *testing.T) {
	b := lint.NewBuilder("d.txt", lint.Plain, []byte("Text."))
	b.OpenBlock(lint.Paragraph, "p")
	b.Verbatim(0, 5)
	b.CloseBlock()
	doc := b.Finish()

	pre := doc.Memo(keyA{}, func() any { return &releasable{} }).(*releasable) // computed by the caller
	got := map[string]any{}
	if _, err := lint.CheckDocument(doc, []lint.Active{{Rule: memoRule{got}, Severity: lint.Warning}}); err != nil {
		t.Fatal(err)
	}
	if got["a"] != pre || pre.released != 0 {
		t.Errorf("a value computed before CheckDocument was replaced or released (%d)", pre.released)
	}
	rb := got["b"].(*releasable)
	if rb.released != 1 {
		t.Errorf("value computed by the rules released %d times, want 1", rb.released)
	}
	if again := doc.Memo(keyB{}, func() any { return &releasable{} }); again == rb {
		t.Error("a released value is still memoised")
	}
	if plain := doc.Memo(keyPlain{}, func() any { return new(int) }); plain != got["plain"] {
		t.Error("a plain memo value was dropped")
	}
	if _, err := lint.CheckDocument(doc, nil); err != nil || rb.released != 1 {
		t.Errorf("second CheckDocument: %v, released %d", err, rb.released)
	}
}
