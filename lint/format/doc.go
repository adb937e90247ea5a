// Package format writes lint results for people and machines.
//
// Formatters stream: the runner emits results in input order, Begin is
// called once, File once per input, End once with the run's Summary, so
// memory stays flat however many files are linted. Formatters are looked up
// by name (Register, Lookup); this package provides "text" and "json", and
// other files of the package add more.
//
// Formatters never read configuration: severities are on the findings and
// colour is decided by the caller (Options.Color).
package format
