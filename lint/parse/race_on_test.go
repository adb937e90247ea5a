//go:build race

package parse

// slowdown scales the time budgets of the large-input tests: the race
// detector makes this code about ten times slower.
const slowdown = 10
