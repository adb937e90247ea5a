package lint

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Input is one draft to lint.
type Input struct {
	Path string // the name shown in output; also decides the format
	Data []byte // contents if already read (stdin, git index); nil → Runner.Read(Path)
}

// FileResult is the outcome for one input.
type FileResult struct {
	Path     string
	Doc      *Document // nil when the file could not be read or parsed
	Findings []Finding // sorted by source offset, then rule
	Err      error     // a per-file error (unreadable, binary, a rule that failed)
	// Suppressed are findings a suppression silenced (an inline directive,
	// a config ignore, a baseline): not printed by default nor counted for
	// the exit code, but carried by machine formats (SARIF "suppressions").
	Suppressed []Suppressed
}

// Source returns the file's source bytes, or nil.
func (r *FileResult) Source() []byte {
	if r.Doc == nil {
		return nil
	}
	return r.Doc.Source
}

// Runner lints files with a set of configured rules.
type Runner struct {
	// Read returns a file's bytes (os.ReadFile, or a read from the git index).
	Read func(path string) ([]byte, error)
	// Parse turns source bytes into a Document; it rejects binary files and
	// invalid UTF-8 with an error naming the file.
	Parse func(path string, src []byte) (*Document, error)
	// Rules returns the active rules for a path (config may vary by file).
	Rules func(path string) ([]Active, error)
	// Workers is the number of files linted at once; 0 means GOMAXPROCS.
	Workers int
}

// Lint checks one document's source.
func (r *Runner) Lint(path string, src []byte) FileResult {
	res := FileResult{Path: path}
	doc, err := r.Parse(path, src)
	if err != nil {
		res.Err = err
		return res
	}
	res.Doc = doc
	active, err := r.Rules(path)
	if err != nil {
		res.Err = err
		return res
	}
	res.Findings, res.Err = CheckDocument(doc, active)
	return res
}

// CheckDocument runs rules over a parsed document and returns the findings
// resolved to source positions and sorted. A rule that fails or panics does
// not stop the others: its error, naming rule and file, is returned with the
// other rules' findings. Memo values the rules computed that implement
// Releaser are released once the rules have run.
func CheckDocument(doc *Document, active []Active) ([]Finding, error) {
	out := doc.takeFindings() // recycled by FileResult.Release
	var errs []error
	mark := doc.memoMark()
	for _, a := range active {
		if err := runRule(doc, a, out); err != nil {
			errs = append(errs, err)
		}
	}
	doc.releaseMemo(mark)
	findings := *out
	Resolve(doc, findings)
	SortFindings(findings)
	return findings, errors.Join(errs...)
}

func runRule(doc *Document, a Active, out *[]Finding) (err error) {
	id := a.Rule.Meta().ID
	n := len(*out)
	defer func() {
		if v := recover(); v != nil {
			*out = (*out)[:n]
			err = fmt.Errorf("%s: rule %s panicked: %v\n%s", doc.Path, id, v, debug.Stack())
		}
	}()
	pass := newPassTo(doc, id, a.Severity, out)
	if err := a.Rule.Check(pass); err != nil {
		*out = (*out)[:n]
		return fmt.Errorf("%s: rule %s: %w", doc.Path, id, err)
	}
	return nil
}

// Resolve maps each finding's spans and edits to Source and fills in
// positions. Spans outside Text are clamped. A fix whose edits cannot be
// mapped exactly, overlap each other, or cut a character is dropped.
func Resolve(doc *Document, findings []Finding) {
	for i := range findings {
		f := &findings[i]
		f.Span = clampSpan(f.Span, len(doc.Text))
		f.Source, _ = doc.SourceSpan(f.Span)
		f.Start, f.End = doc.Pos(f.Source.Start), doc.Pos(f.Source.End)
		for j := range f.Related {
			r := &f.Related[j]
			r.Span = clampSpan(r.Span, len(doc.Text))
			r.Source, _ = doc.SourceSpan(r.Span)
			r.Start, r.End = doc.Pos(r.Source.Start), doc.Pos(r.Source.End)
		}
		if f.Fix != nil && !resolveFix(doc, f.Fix) {
			f.Fix = nil
		}
	}
}

func resolveFix(doc *Document, fx *Fix) bool {
	if len(fx.Edits) == 0 {
		return false
	}
	edits := doc.takeEdits(len(fx.Edits))
	for i, e := range fx.Edits {
		if !utf8.ValidString(e.New) {
			return false
		}
		if !e.Raw {
			if e.Span.Start < 0 || e.Span.End > len(doc.Text) || e.Span.Start > e.Span.End {
				return false
			}
			s, exact := doc.SourceSpan(e.Span)
			if !exact {
				return false
			}
			e.Span, e.Raw = s, true
		}
		if !validSourceSpan(doc.Source, e.Span) {
			return false
		}
		e.Start, e.End = doc.Pos(e.Span.Start), doc.Pos(e.Span.End)
		edits[i] = e
	}
	slices.SortStableFunc(edits, func(a, b Edit) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
	for i := 1; i < len(edits); i++ {
		if edits[i].Span.Overlaps(edits[i-1].Span) {
			return false
		}
	}
	fx.Edits = edits
	return true
}

func validSourceSpan(src []byte, s Span) bool {
	if s.Start < 0 || s.End > len(src) || s.Start > s.End {
		return false
	}
	onBoundary := func(off int) bool { return off == len(src) || utf8.RuneStart(src[off]) }
	return onBoundary(s.Start) && onBoundary(s.End)
}

func clampSpan(s Span, n int) Span {
	s.Start = clamp(s.Start, 0, n)
	s.End = clamp(s.End, s.Start, n)
	return s
}

// SortFindings orders findings by source offset, end, rule and message.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if c := cmp.Compare(a.Source.Start, b.Source.Start); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Source.End, b.Source.End); c != 0 {
			return c
		}
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
}

// Run lints inputs with Workers goroutines and calls emit with each result in
// input order. At most a bounded window of results is held at once, so memory
// stays flat however many files there are. Calls to emit never overlap, and
// each happens after the previous one returned; an error from emit (or ctx's
// cancellation) stops the run.
//
// The workers hand results to each other rather than to a collector
// goroutine: a worker takes the next input from a shared counter, and after
// linting it stores the result and, if the result is the next one due,
// emits it and any stored results that follow. A run therefore costs no
// goroutine hand-off per file; in a virtual machine each wake-up of a
// sleeping goroutine is a futex call and an inter-processor interrupt. (With
// the channels this replaces, three hand-offs per file, a corpus run at -j 2
// took about 55 ms more CPU time than at -j 1, a fifth of the run.)
func (r *Runner) Run(ctx context.Context, inputs []Input, emit func(FileResult) error) error {
	workers := r.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers > len(inputs) {
		workers = len(inputs)
	}
	if workers <= 1 {
		for _, in := range inputs {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := emit(r.lintInput(in)); err != nil {
				return err
			}
		}
		return nil
	}
	o := newOrderedRun(ctx, len(inputs), workers*4, emit)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i, ok := o.claim()
				if !ok {
					return
				}
				o.done(i, r.lintInput(inputs[i]))
			}
		}()
	}
	wg.Wait()
	return o.err()
}

// orderedRun is the shared state of a parallel Run: which input is next to
// lint, which result is next to emit, and the results done out of turn.
type orderedRun struct {
	ctx  context.Context
	emit func(FileResult) error
	n    int // inputs

	mu       sync.Mutex
	room     sync.Cond    // signalled when emitted advances or the run stops
	claimed  int          // inputs handed to workers
	emitted  int          // results emitted (or skipped after a stop)
	slots    []FileResult // results by index modulo len(slots), waiting for their turn
	ready    []bool
	emitting bool  // a worker is inside emit (with mu released)
	stopErr  error // the emit error that stopped the run
}

func newOrderedRun(ctx context.Context, n, window int, emit func(FileResult) error) *orderedRun {
	o := &orderedRun{ctx: ctx, emit: emit, n: n, slots: make([]FileResult, window), ready: make([]bool, window)}
	o.room.L = &o.mu
	return o
}

// stopped reports whether the run should end early; o.mu is held.
func (o *orderedRun) stopped() bool { return o.stopErr != nil || o.ctx.Err() != nil }

// claim returns the next input to lint, waiting while the window of
// results not yet emitted is full. It returns false when every input is
// taken or the run has stopped.
func (o *orderedRun) claim() (int, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	for !o.stopped() && o.claimed < o.n && o.claimed-o.emitted >= len(o.slots) {
		o.room.Wait()
	}
	if o.stopped() || o.claimed >= o.n {
		return 0, false
	}
	i := o.claimed
	o.claimed++
	return i, true
}

// done stores result i and, unless another worker is already emitting,
// emits every result that is due, in order. emit runs with o.mu released,
// so other workers go on linting and storing meanwhile; the emitting
// worker picks up what they stored before it lets go.
func (o *orderedRun) done(i int, res FileResult) {
	o.mu.Lock()
	defer o.mu.Unlock()
	k := i % len(o.slots)
	o.slots[k], o.ready[k] = res, true
	if o.emitting {
		return
	}
	o.emitting = true
	for {
		k := o.emitted % len(o.slots)
		if !o.ready[k] {
			break
		}
		next := o.slots[k]
		o.slots[k], o.ready[k] = FileResult{}, false
		if !o.stopped() {
			o.mu.Unlock()
			err := o.emit(next)
			o.mu.Lock()
			if err != nil && o.stopErr == nil {
				o.stopErr = err
			}
		}
		// Counted only now: a result is in the window until emit is done
		// with it, so the window bounds what is held, emit included.
		o.emitted++
		o.room.Broadcast()
	}
	o.emitting = false
}

// err is the run's outcome once the workers are done.
func (o *orderedRun) err() error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.stopErr != nil {
		return o.stopErr
	}
	return o.ctx.Err()
}

func (r *Runner) lintInput(in Input) FileResult {
	src := in.Data
	if src == nil {
		var err error
		if src, err = r.Read(in.Path); err != nil {
			return FileResult{Path: in.Path, Err: err}
		}
	}
	return r.Lint(in.Path, src)
}
