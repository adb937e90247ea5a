// Command copydesk is an editorial linter for newsroom drafts. See the
// README, or run "copydesk help".
package main

import (
	"os"

	"copydesk/cmd/cli"
	"copydesk/rules"
)

func main() {
	os.Exit(cli.Main(rules.Registry(), os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
