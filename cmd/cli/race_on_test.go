//go:build race

package cli

// raceEnabled is true when the tests run under the race detector, which
// makes large inputs ten times slower.
const raceEnabled = true
