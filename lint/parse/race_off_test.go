//go:build !race

package parse

// slowdown scales the time budgets of the large-input tests.
const slowdown = 1

// raceEnabled is true in a build with the race detector.
const raceEnabled = false
