//go:build race

package parse

// slowdown scales the time budgets of the large-input tests: the race
// detector makes this code about ten times slower.
const slowdown = 10

// raceEnabled skips the allocation tests: under the race detector
// sync.Pool drops items at random.
const raceEnabled = true
