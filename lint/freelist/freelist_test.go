package freelist

import (
	"runtime"
	"sync"
	"testing"
)

func TestListLastInFirstOut(t *testing.T) {
	var l List[int]
	a, b := new(int), new(int)
	*a, *b = 1, 2
	l.Put(a)
	l.Put(b)
	l.Put(nil) // ignored
	if got := l.Len(); got != 2 {
		t.Fatalf("Len = %d, want 2", got)
	}
	if got := l.Get(); got != b {
		t.Errorf("first Get = %v, want the item put last", *got)
	}
	if got := l.Get(); got != a {
		t.Errorf("second Get = %v, want the item put first", *got)
	}
	if got := l.Get(); got == a || got == b || *got != 0 {
		t.Errorf("Get on an empty list = %v, want a new zero item", *got)
	}
}

func TestListNewAndMax(t *testing.T) {
	made := 0
	l := List[[]byte]{New: func() *[]byte { made++; b := make([]byte, 0, 16); return &b }, Max: 2}
	x := l.Get()
	if made != 1 || cap(*x) != 16 {
		t.Fatalf("Get made %d items, cap %d; want New called once", made, cap(*x))
	}
	for i := 0; i < 5; i++ {
		l.Put(new([]byte))
	}
	if got := l.Len(); got != 2 {
		t.Errorf("Len = %d after 5 puts with Max 2, want 2", got)
	}
	var d List[int]
	for i := 0; i < DefaultMax+10; i++ {
		d.Put(new(int))
	}
	if got := d.Len(); got != DefaultMax {
		t.Errorf("zero List kept %d items, want DefaultMax (%d)", got, DefaultMax)
	}
}

// TestListKeepsAcrossCollections is what a sync.Pool does not do: an item
// put before a collection is still there after it.
func TestListKeepsAcrossCollections(t *testing.T) {
	var l List[[64]byte]
	x := new([64]byte)
	l.Put(x)
	runtime.GC()
	runtime.GC()
	if got := l.Get(); got != x {
		t.Error("the item put before two collections is gone")
	}
}

func TestListConcurrent(t *testing.T) {
	var l List[int]
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				x := l.Get()
				*x++
				l.Put(x)
			}
		}()
	}
	wg.Wait()
	total := 0
	for l.Len() > 0 {
		total += *l.Get()
	}
	if total != 8000 {
		t.Errorf("items were incremented %d times in all, want 8000 (an item handed to two goroutines at once?)", total)
	}
}
