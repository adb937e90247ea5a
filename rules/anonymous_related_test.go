package rules

import "testing"

// TestRelatedWindow checks the cap on anonymous-sourcing notes: every other
// source up to the cap, else the maxRelated nearest, always around i.
func TestRelatedWindow(t *testing.T) {
	for _, tc := range []struct{ i, n, lo, hi int }{
		{0, 1, 0, 1},
		{3, 5, 0, 5},
		{50, 51, 0, 51},
		{0, 52, 0, 51},
		{51, 52, 1, 52},
		{30, 52, 1, 52},
		{26, 1000, 1, 52},
		{500, 1000, 475, 526},
		{999, 1000, 949, 1000},
	} {
		lo, hi := relatedWindow(tc.i, tc.n)
		if lo != tc.lo || hi != tc.hi {
			t.Errorf("relatedWindow(%d, %d) = [%d, %d), want [%d, %d)", tc.i, tc.n, lo, hi, tc.lo, tc.hi)
		}
	}
	for n := 1; n < 130; n++ {
		for i := 0; i < n; i++ {
			lo, hi := relatedWindow(i, n)
			if lo < 0 || hi > n || i < lo || i >= hi || hi-lo != min(n, maxRelated+1) {
				t.Fatalf("relatedWindow(%d, %d) = [%d, %d)", i, n, lo, hi)
			}
		}
	}
}
