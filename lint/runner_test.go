package lint

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// runnerFor returns a Runner whose Read sleeps a little at random (so
// results finish out of order) and records how many inputs have been read
// but not yet emitted, and the most there ever were.
func runnerFor(workers int, inFlight, maxInFlight *atomic.Int64) *Runner {
	return &Runner{
		Read: func(path string) ([]byte, error) {
			n := inFlight.Add(1)
			for {
				m := maxInFlight.Load()
				if n <= m || maxInFlight.CompareAndSwap(m, n) {
					break
				}
			}
			time.Sleep(time.Duration(rand.IntN(200)) * time.Microsecond)
			if path == "bad" {
				return nil, errors.New("unreadable")
			}
			return []byte(path), nil
		},
		Parse: func(path string, src []byte) (*Document, error) {
			b := NewBuilder(path, Plain, src)
			b.Verbatim(0, len(src))
			return b.Finish(), nil
		},
		Rules:   func(string) ([]Active, error) { return nil, nil },
		Workers: workers,
	}
}

func TestRunnerRunOrderAndWindow(t *testing.T) {
	for _, tc := range []struct{ workers, files int }{
		{1, 0}, {1, 5}, {2, 1}, {2, 100}, {3, 57}, {8, 300}, {16, 3},
	} {
		t.Run(fmt.Sprintf("j%d_n%d", tc.workers, tc.files), func(t *testing.T) {
			var inFlight, maxInFlight atomic.Int64
			r := runnerFor(tc.workers, &inFlight, &maxInFlight)
			inputs := make([]Input, tc.files)
			for i := range inputs {
				inputs[i].Path = fmt.Sprintf("f%03d", i)
			}
			inputs = append(inputs, Input{Path: "bad"}, Input{Path: "given", Data: []byte("given text")})
			var got []string
			err := r.Run(context.Background(), inputs, func(fr FileResult) error {
				inFlight.Add(-1)
				got = append(got, fr.Path)
				if fr.Path == "bad" {
					if fr.Err == nil {
						t.Errorf("bad: no error")
					}
				} else if want := fr.Path; fr.Err != nil || fr.Doc == nil || fr.Doc.Text != want && !(want == "given" && fr.Doc.Text == "given text") {
					t.Errorf("%s: err %v, doc %v", fr.Path, fr.Err, fr.Doc)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(inputs) {
				t.Fatalf("emitted %d results, want %d", len(got), len(inputs))
			}
			for i, in := range inputs {
				if got[i] != in.Path {
					t.Fatalf("result %d is %s, want %s (emitted out of order)", i, got[i], in.Path)
				}
			}
			// The window: workers*4 results read but not yet emitted, at most.
			if limit := int64(max(tc.workers, 1) * 4); maxInFlight.Load() > limit {
				t.Errorf("%d results held at once, window is %d", maxInFlight.Load(), limit)
			}
		})
	}
}

func TestRunnerRunEmitErrorStops(t *testing.T) {
	for _, workers := range []int{1, 2, 4} {
		var inFlight, maxInFlight atomic.Int64
		r := runnerFor(workers, &inFlight, &maxInFlight)
		var reads atomic.Int64
		read := r.Read
		r.Read = func(p string) ([]byte, error) { reads.Add(1); return read(p) }
		inputs := make([]Input, 500)
		for i := range inputs {
			inputs[i].Path = fmt.Sprintf("f%03d", i)
		}
		stop := errors.New("disk full")
		emitted := 0
		err := r.Run(context.Background(), inputs, func(FileResult) error {
			emitted++
			if emitted == 10 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) {
			t.Errorf("j%d: err = %v, want the emit error", workers, err)
		}
		if emitted != 10 {
			t.Errorf("j%d: emit called %d times, want 10 (no call after an error)", workers, emitted)
		}
		if n := reads.Load(); n > int64(10+workers*4) {
			t.Errorf("j%d: read %d inputs after the run stopped at 10", workers, n)
		}
	}
}

func TestRunnerRunCancel(t *testing.T) {
	for _, workers := range []int{1, 2, 4} {
		var inFlight, maxInFlight atomic.Int64
		r := runnerFor(workers, &inFlight, &maxInFlight)
		inputs := make([]Input, 500)
		for i := range inputs {
			inputs[i].Path = fmt.Sprintf("f%03d", i)
		}
		ctx, cancel := context.WithCancel(context.Background())
		var once sync.Once
		emitted := 0
		err := r.Run(ctx, inputs, func(FileResult) error {
			emitted++
			if emitted == 5 {
				once.Do(cancel)
			}
			return nil
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("j%d: err = %v, want context.Canceled", workers, err)
		}
		if emitted < 5 || emitted >= len(inputs) {
			t.Errorf("j%d: emitted %d of %d after cancelling at 5", workers, emitted, len(inputs))
		}
	}
}
