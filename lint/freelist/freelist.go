// Package freelist recycles working memory from one draft to the next.
//
// A List is a locked stack of items. It differs from a sync.Pool in the
// two ways that matter for a linter whose cost on a virtual machine is
// mostly the first touch of fresh memory (README: Benchmarks):
//
//   - any goroutine gets the item last put, whatever processor it runs
//     on. A sync.Pool keeps an item per processor, so a worker that the
//     scheduler moved to the other processor found nothing and grew a
//     second set of buffers from zero, even in a one-worker run;
//   - items survive garbage collections, which a sync.Pool drops.
//
// A List keeps at most Max items (about as many as are ever in use at
// once); callers bound the size of what they put back, so what a run
// keeps stays small and flat however many drafts it lints.
package freelist

import "sync"

// DefaultMax is the number of items a List keeps when Max is zero: more
// than the drafts a run ever lints at once.
const DefaultMax = 64

// List is a free list of *T. The zero value is ready to use and makes
// new items with new(T).
type List[T any] struct {
	// New makes an item when the list is empty; nil means new(T).
	New func() *T
	// Max bounds the items kept; 0 means DefaultMax.
	Max int

	mu   sync.Mutex
	free []*T
}

// Get returns the item put last, or a new one.
func (l *List[T]) Get() *T {
	l.mu.Lock()
	if n := len(l.free); n > 0 {
		x := l.free[n-1]
		l.free[n-1] = nil
		l.free = l.free[:n-1]
		l.mu.Unlock()
		return x
	}
	l.mu.Unlock()
	if l.New != nil {
		return l.New()
	}
	return new(T)
}

// Put keeps x for a later Get, unless the list is full. Nothing may use x
// afterwards.
func (l *List[T]) Put(x *T) {
	if x == nil {
		return
	}
	max := l.Max
	if max <= 0 {
		max = DefaultMax
	}
	l.mu.Lock()
	if len(l.free) < max {
		l.free = append(l.free, x)
	}
	l.mu.Unlock()
}

// Len returns the number of items kept.
func (l *List[T]) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.free)
}
