package cli

import (
	"flag"
	"fmt"
	"runtime/debug"
)

// Version is copydesk's version. Release builds set it with
// -ldflags "-X copydesk/cmd/cli.Version=v1.2.3"; otherwise it comes from the
// module's build information, or is "devel".
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "devel"
}

func init() {
	register(&command{
		name:    "version",
		args:    "",
		summary: "print copydesk's version",
		setup: func(a *app, fs *flag.FlagSet) func([]string) int {
			return func(args []string) int {
				if len(args) > 0 {
					return a.usageError(commands["version"], "unexpected argument %q", args[0])
				}
				fmt.Fprintf(a.stdout, "copydesk %s\n", version())
				return ExitOK
			}
		},
	})
}
