package lint

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sort"
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
	var findings []Finding
	var errs []error
	mark := doc.memoMark()
	for _, a := range active {
		if err := runRule(doc, a, &findings); err != nil {
			errs = append(errs, err)
		}
	}
	doc.releaseMemo(mark)
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
	pass := NewPass(doc, id, a.Severity, func(f Finding) { *out = append(*out, f) })
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
	edits := make([]Edit, len(fx.Edits))
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
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].Span.Start < edits[j].Span.Start })
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
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Source.Start != b.Source.Start {
			return a.Source.Start < b.Source.Start
		}
		if a.Source.End != b.Source.End {
			return a.Source.End < b.Source.End
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// Run lints inputs with Workers goroutines and calls emit with each result in
// input order. At most a bounded window of results is held at once, so memory
// stays flat however many files there are. emit runs on one goroutine; an
// error from it (or ctx's cancellation) stops the run.
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
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type item struct {
		i   int
		res FileResult
	}
	window := make(chan struct{}, workers*4) // results in flight or waiting to be emitted
	jobs := make(chan int)
	results := make(chan item)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				res := r.lintInput(inputs[i])
				select {
				case results <- item{i, res}:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		defer close(jobs)
		for i := range inputs {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	pending := map[int]FileResult{}
	next := 0
	var emitErr error
	for it := range results {
		pending[it.i] = it.res
		for {
			res, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-window
			if emitErr == nil {
				if emitErr = emit(res); emitErr != nil {
					cancel()
				}
			}
		}
	}
	if emitErr != nil {
		return emitErr
	}
	return ctx.Err()
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
