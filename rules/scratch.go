package rules

import "sync"

// scratchPool recycles the rules' per-check working memory. Unlike a
// sync.Pool, whose items stay with the processor that put them (a worker
// moved to another processor finds nothing and grows a second set of
// buffers from zero), it hands back the item last returned whatever the
// processor, and keeps it across collections: a run holds about one item
// per concurrent check, each as large as the largest draft made it. put
// callers drop items grown past their bounds instead of returning them.
type scratchPool[T any] struct {
	mu    sync.Mutex
	free  []*T
	reset func(*T) // prepares a new item, nil for none
}

// get returns a recycled item or a new one.
func (p *scratchPool[T]) get() *T {
	p.mu.Lock()
	if n := len(p.free); n > 0 {
		x := p.free[n-1]
		p.free[n-1] = nil
		p.free = p.free[:n-1]
		p.mu.Unlock()
		return x
	}
	p.mu.Unlock()
	x := new(T)
	if p.reset != nil {
		p.reset(x)
	}
	return x
}

// maxFree bounds the items a pool keeps: more than the checks that ever
// run at once.
const maxFree = 64

// put returns x for reuse; nothing may use it afterwards.
func (p *scratchPool[T]) put(x *T) {
	p.mu.Lock()
	if len(p.free) < maxFree {
		p.free = append(p.free, x)
	}
	p.mu.Unlock()
}
