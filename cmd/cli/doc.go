// Package cli is the copydesk command line: check, rules, rule, init,
// version and help. It is importable so that a newsroom can build its own
// binary with extra compiled-in rules:
//
//	func main() {
//		reg := rules.Registry()
//		_ = reg.Add(myrules.All()...)
//		os.Exit(cli.Main(reg, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
//	}
//
// Main returns the exit code: 0 when nothing reached the fail-on threshold,
// 1 when findings did, 2 for usage, configuration, input and internal
// errors. Each command lives in its own file and registers itself in init,
// so new commands are added as new files.
package cli
