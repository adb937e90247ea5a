//go:build race

package format_test

// raceEnabled skips the allocation tests: under the race detector
// sync.Pool drops items at random.
const raceEnabled = true
