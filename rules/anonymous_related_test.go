package rules

import (
	"runtime"
	"strings"
	"testing"

	"copydesk/lint"
	"copydesk/lint/parse"
)

// TestRelatedWindow checks the cap on anonymous-sourcing notes: every other
// source up to the cap, else the k nearest, always around i.
func TestRelatedWindow(t *testing.T) {
	for _, tc := range []struct{ i, n, k, lo, hi int }{
		{0, 1, 0, 0, 1},
		{3, 5, 4, 0, 5},
		{50, 51, 50, 0, 51},
		{0, 52, 50, 0, 51},
		{51, 52, 50, 1, 52},
		{30, 52, 50, 1, 52},
		{26, 1000, 50, 1, 52},
		{500, 1000, 50, 475, 526},
		{999, 1000, 50, 949, 1000},
		{500, 5000, 10, 495, 506},
		{0, 5000, 10, 0, 11},
		{7, 100000, 0, 7, 8},
	} {
		lo, hi := relatedWindow(tc.i, tc.n, tc.k)
		if lo != tc.lo || hi != tc.hi {
			t.Errorf("relatedWindow(%d, %d, %d) = [%d, %d), want [%d, %d)", tc.i, tc.n, tc.k, lo, hi, tc.lo, tc.hi)
		}
	}
	for n := 1; n < 130; n++ {
		k := notesPerFinding(n)
		for i := 0; i < n; i++ {
			lo, hi := relatedWindow(i, n, k)
			if lo < 0 || hi > n || i < lo || i >= hi || hi-lo != min(n, maxRelated+1) {
				t.Fatalf("relatedWindow(%d, %d, %d) = [%d, %d)", i, n, k, lo, hi)
			}
		}
	}
}

// TestNotesPerFinding checks that the notes of a draft's findings stay
// within maxRelatedTotal however many anonymous sources it has, and that a
// stack of up to 1,000 sources keeps the full maxRelated.
func TestNotesPerFinding(t *testing.T) {
	for _, tc := range []struct{ n, want int }{
		{0, 0}, {1, 0}, {2, 1}, {51, 50}, {52, 50}, {1000, 50}, {1001, 49}, {5000, 10}, {50000, 1}, {50001, 0}, {1 << 20, 0},
	} {
		if got := notesPerFinding(tc.n); got != tc.want {
			t.Errorf("notesPerFinding(%d) = %d, want %d", tc.n, got, tc.want)
		}
		if got := notesPerFinding(tc.n); got*tc.n > maxRelatedTotal {
			t.Errorf("notesPerFinding(%d) = %d: %d notes in all", tc.n, got, got*tc.n)
		}
	}
}

// TestAnonymousSourcingMemoryShape lints drafts made only of anonymous
// sourcing, of growing size, through lint.CheckDocument (findings resolved
// to positions, as the runner does) and checks the shape of the cost: the
// related notes of all findings stay within maxRelatedTotal, and the bytes
// allocated per finding stay bounded (they do not grow with the stack). A
// 50 MB draft of this kind once took more than 20 GB.
func TestAnonymousSourcingMemoryShape(t *testing.T) {
	if testing.Short() {
		t.Skip("lints drafts of up to 60,000 paragraphs")
	}
	active := []lint.Active{{Rule: NewAnonymousSourcing(), Severity: lint.Warning}}
	const unit = "A source close to the talks said the route would close.\n\n"
	var perFinding []float64
	for _, n := range []int{500, 4000, 60000} {
		src := []byte("Marwick bus cuts\n\n" + strings.Repeat(unit, n))
		doc, err := parse.Parse("anon.txt", src)
		if err != nil {
			t.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		fs, err := lint.CheckDocument(doc, active)
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) != n {
			t.Fatalf("%d paragraphs: %d findings, want %d", n, len(fs), n)
		}
		notes := 0
		for _, f := range fs {
			notes += len(f.Related)
			if len(f.Related) > maxRelated {
				t.Fatalf("%d paragraphs: a finding with %d notes", n, len(f.Related))
			}
		}
		if notes > maxRelatedTotal {
			t.Errorf("%d paragraphs: %d notes in all, over %d", n, notes, maxRelatedTotal)
		}
		// Bytes per finding, the analysis of the draft included.
		per := float64(after.TotalAlloc-before.TotalAlloc) / float64(n)
		perFinding = append(perFinding, per)
		t.Logf("%d paragraphs: %d notes, %.0f bytes per finding", n, notes, per)
		if per > 8<<10 {
			t.Errorf("%d paragraphs: %.0f bytes allocated per finding", n, per)
		}
	}
	if perFinding[len(perFinding)-1] > perFinding[0]*1.5 {
		t.Errorf("bytes per finding grow with the stack: %.0f at 500 sources, %.0f at 60,000", perFinding[0], perFinding[len(perFinding)-1])
	}
}
