package cli

import "os"

// gcBallast raises the garbage collector's minimum heap target for a run
// over many drafts. Linting allocates short-lived memory per draft (token
// and sentence tables, findings) while the live heap stays small, since the
// runner holds a bounded window of results: with Go's default 4 MB minimum
// target the collector ran every dozen or so drafts of a corpus, and with
// the scavenger returning and re-faulting the same pages it cost about a
// quarter of a run's CPU time (README: Benchmarks).
//
// The ballast is pointer-free and never written, so it is neither scanned
// nor resident: it costs address space, not memory. The heap target becomes
// about twice (live heap + 16 MB), so a corpus run collects a handful of
// times and peaks near 32 MB, while for a very large draft the target still
// tracks twice the live heap, as with the default GOGC=100; a memory limit
// set with GOMEMLIMIT still applies. (GOGC=400 would do the same for a
// corpus but let a 1 GB live heap grow to 5 GB.)
var gcBallast []byte

// setBallast allocates the ballast unless the run lints one file or
// standard input: allocating it costs one collection (about a millisecond)
// that a single draft, the pre-commit case, would not repay.
func setBallast(args []string) {
	if len(args) == 1 {
		if args[0] == "-" {
			return
		}
		if fi, err := os.Stat(args[0]); err == nil && fi.Mode().IsRegular() {
			return
		}
	}
	if gcBallast == nil {
		gcBallast = make([]byte, 16<<20)
	}
}
