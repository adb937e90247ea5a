package lint_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"copydesk/lint"
	"copydesk/lint/parse"
)

// fixRule reports every sentence that contains "said" at the word, with a
// fix replacing it, and the first sentence of every block without a fix. It
// keeps its Fix values between runs, so that the allocation test counts
// the engine's allocations only (a real rule allocates its fixes).
type fixRule struct {
	fixes []lint.Fix
	edits []lint.Edit
	key   *memoVal
}

type memoKey struct{}

// memoVal is a Releaser memo value the rule reuses.
type memoVal struct{ released int }

func (v *memoVal) Release() { v.released++ }

func (*fixRule) Meta() lint.Meta { return lint.Meta{ID: "fix-rule"} }

func (r *fixRule) Check(p *lint.Pass) error {
	p.Doc.Memo(memoKey{}, func() any { return r.key })
	r.fixes, r.edits = r.fixes[:0], r.edits[:0]
	for bi := range p.Doc.Blocks {
		blk := &p.Doc.Blocks[bi]
		for si, s := range blk.Sentences {
			text := p.Doc.Slice(s)
			i := strings.Index(text, "said")
			switch {
			case i >= 0 && len(r.fixes) < cap(r.fixes):
				at := lint.Span{Start: s.Start + i, End: s.Start + i + 4}
				r.edits = append(r.edits, lint.Edit{Span: at, New: "stated"})
				r.fixes = append(r.fixes, lint.Fix{Message: "Say stated", Safe: true, Edits: r.edits[len(r.edits)-1:]})
				p.Report(lint.Finding{Span: at, Message: "said", Fix: &r.fixes[len(r.fixes)-1]})
			case si == 0:
				p.Report(lint.Finding{Span: s, Message: "first sentence"})
			}
		}
	}
	return nil
}

func newFixRule() *fixRule {
	return &fixRule{fixes: make([]lint.Fix, 0, 64), edits: make([]lint.Edit, 0, 64), key: &memoVal{}}
}

func readDraft(t testing.TB, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "testdata", "parse", name))
	if err != nil {
		t.Fatal(err)
	}
	return src
}

// checkDraft parses and checks src with rule.
func checkDraft(t testing.TB, name string, src []byte, rule lint.Rule) lint.FileResult {
	t.Helper()
	doc, err := parse.Parse(name, src)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := lint.CheckDocument(doc, []lint.Active{{Rule: rule, Severity: lint.Warning}})
	if err != nil {
		t.Fatal(err)
	}
	return lint.FileResult{Path: name, Doc: doc, Findings: fs}
}

// summary renders findings with everything the formatters and --fix read.
func summary(fs []lint.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "%s %s %v %v %v %v", f.Rule, f.Message, f.Span, f.Source, f.Start, f.End)
		if f.Fix != nil {
			fmt.Fprintf(&b, " fix %q %v", f.Fix.Message, f.Fix.Safe)
			for _, e := range f.Fix.Edits {
				fmt.Fprintf(&b, " [%v %q %v %v %v]", e.Span, e.New, e.Raw, e.Start, e.End)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// TestFileResultRelease checks the explicit recycling path: a result
// released with FileResult.Release gives up its document and findings,
// and drafts checked afterwards, on recycled memory, get the same findings
// as on fresh memory, in every format.
func TestFileResultRelease(t *testing.T) {
	names := []string{"draft.txt", "draft.md", "draft.html"}
	want := map[string]string{}
	for _, name := range names {
		r := checkDraft(t, name, readDraft(t, name), newFixRule())
		want[name] = summary(r.Findings) // r is never released: fresh memory
		if !strings.Contains(want[name], "fix ") {
			t.Fatalf("%s: the test rule found nothing to fix", name)
		}
	}
	for round := 0; round < 3; round++ {
		for _, name := range names {
			r := checkDraft(t, name, readDraft(t, name), newFixRule())
			if got := summary(r.Findings); got != want[name] {
				t.Fatalf("round %d, %s: findings on recycled memory differ:\n%s\nwant:\n%s", round, name, got, want[name])
			}
			r.Err = os.ErrClosed
			r.Release()
			if r.Doc != nil || r.Findings != nil || r.Suppressed != nil || r.Path != name || !errors.Is(r.Err, os.ErrClosed) {
				t.Fatalf("after Release: %+v", r)
			}
			r.Release() // a second Release does nothing
		}
	}
}

// TestDocumentReleaseKeepsFindings checks that Document.Release, unlike
// FileResult.Release, leaves the findings CheckDocument returned intact:
// drafts checked after it do not reuse their memory.
func TestDocumentReleaseKeepsFindings(t *testing.T) {
	src := readDraft(t, "draft.txt")
	first := checkDraft(t, "draft.txt", src, newFixRule())
	want := summary(first.Findings)
	first.Doc.Release()
	for i := 0; i < 3; i++ {
		other := []byte(strings.ReplaceAll(string(src), "said", "said, she said"))
		r := checkDraft(t, "other.txt", other, newFixRule())
		r.Release()
	}
	if got := summary(first.Findings); got != want {
		t.Fatalf("findings changed after their document's Release:\n%s\nwant:\n%s", got, want)
	}
}

// TestCheckAllocs pins the engine's allocation per draft in a run that
// releases each result once reported (the CLI): parsing a plain-text draft,
// checking it with a rule that reports findings with and without fixes and
// shares a memo value, and releasing the result allocates nothing once the
// pools are warm. (Fresh memory is what a corpus run pays for: a new 4 KB
// page costs ~19 µs on the VMs we measure.)
func TestCheckAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector makes sync.Pool drop items at random")
	}
	src := readDraft(t, "draft.txt")
	rule := newFixRule()
	run := func() {
		r := checkDraft(t, "draft.txt", src, rule)
		r.Release()
	}
	run() // warm the pools
	r := checkDraft(t, "draft.txt", src, rule)
	if len(r.Findings) < 10 {
		t.Fatalf("the test rule reported only %d findings", len(r.Findings))
	}
	// Until the runner borrows the document's findings memory (see
	// lint/recycle.go), each draft pays for its findings slice, the sink
	// closure and the sorts.
	limit := 0.0
	if !lint.FindingsLent(r.Doc) {
		limit = 50
	}
	r.Release()
	if got := testing.AllocsPerRun(100, run); got > limit {
		t.Errorf("parse, check and release allocate %.1f times per draft, want at most %v", got, limit)
	} else {
		t.Logf("%.1f allocations per draft (limit %v)", got, limit)
	}
	if rule.key.released == 0 {
		t.Error("the memo value was never released")
	}
}

// TestMemoManyKeys checks memo lookups past the linear scan, and that
// releasing values keeps the others found.
func TestMemoManyKeys(t *testing.T) {
	type key struct{ i int }
	doc := checkDraft(t, "draft.txt", readDraft(t, "draft.txt"), newFixRule()).Doc
	for i := 0; i < 40; i++ {
		doc.Memo(key{i}, func() any { return i })
	}
	rule := memoManyRule{}
	if _, err := lint.CheckDocument(doc, []lint.Active{{Rule: rule, Severity: lint.Warning}}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 40; i++ {
		if got := doc.Memo(key{i}, func() any { return -1 }); got != i {
			t.Fatalf("key %d: memo gives %v", i, got)
		}
	}
	for i := 0; i < 10; i++ {
		v := doc.Memo(relKey{i}, func() any { return &memoVal{} }).(*memoVal)
		if v.released != 0 {
			t.Fatalf("relKey %d: a released value is still memoised", i)
		}
	}
	if got := doc.Memo(plainKey{3}, func() any { return -1 }); got != 3 {
		t.Fatalf("plain value computed by the rule: memo gives %v", got)
	}
	if !reflect.DeepEqual(doc.Memo(key{39}, func() any { return -1 }), 39) {
		t.Fatal("lost a key")
	}
}

type relKey struct{ i int }
type plainKey struct{ i int }

// memoManyRule computes releasable and plain memo values under many keys.
type memoManyRule struct{}

func (memoManyRule) Meta() lint.Meta { return lint.Meta{ID: "memo-many"} }

func (memoManyRule) Check(p *lint.Pass) error {
	for i := 0; i < 10; i++ {
		p.Doc.Memo(relKey{i}, func() any { return &memoVal{} })
		p.Doc.Memo(plainKey{i}, func() any { return i })
	}
	return nil
}

// benchCheck parses, checks and releases the plain-text test draft: with
// whole set through FileResult.Release (the CLI), else Document.Release
// (findings left to the garbage collector).
func benchCheck(b *testing.B, whole bool) {
	src := readDraft(b, "draft.txt")
	rule := newFixRule()
	b.ReportAllocs()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		r := checkDraft(b, "draft.txt", src, rule)
		if whole {
			r.Release()
		} else {
			r.Doc.Release()
		}
	}
}

func BenchmarkCheckResultRelease(b *testing.B)   { benchCheck(b, true) }
func BenchmarkCheckDocumentRelease(b *testing.B) { benchCheck(b, false) }
