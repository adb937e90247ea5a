//go:build !race

package parse

// slowdown scales the time budgets of the large-input tests.
const slowdown = 1
