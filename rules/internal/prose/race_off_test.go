//go:build !race

package prose

// raceEnabled reports whether the test binary was built with -race, which
// adds allocations of its own.
const raceEnabled = false
