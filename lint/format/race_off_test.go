//go:build !race

package format_test

// raceEnabled is true in a build with the race detector.
const raceEnabled = false
