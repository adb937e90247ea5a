package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"copydesk/cmd/cli/internal/atomicfile"
)

// hookMarker identifies a pre-commit hook copydesk wrote: install replaces
// and uninstall removes only a hook carrying it.
const hookMarker = "# Installed by `copydesk hook install`"

// hookScript is the pre-commit hook for the copydesk binary at bin. The hook
// runs that binary, the one that installed it; if it has gone (a `go run`
// build, an upgrade that moved it), copydesk from PATH; if there is none,
// it blocks the commit and says why.
func hookScript(bin string) string {
	return `#!/bin/sh
` + hookMarker + `; ` + "`copydesk hook uninstall`" + ` removes it.
# It lints the staged version of the staged drafts (copydesk check --staged)
# and blocks the commit on findings at or above fail-on. Skip it once with
# git commit --no-verify.
copydesk=` + shellQuote(bin) + `
if [ ! -x "$copydesk" ]; then
	fallback=$(command -v copydesk) || {
		echo "copydesk pre-commit hook: no copydesk at $copydesk nor on PATH; install it, or commit with --no-verify" >&2
		exit 1
	}
	copydesk=$fallback
fi
exec "$copydesk" check --staged
`
}

// shellQuote quotes s for a POSIX shell.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func init() {
	register(&command{
		name:    "hook",
		args:    "install [--force] | uninstall",
		summary: "install or remove the git pre-commit hook",
		help: `install writes the repository's pre-commit hook (in core.hooksPath when set,
else .git/hooks): a shell script that runs 'copydesk check --staged' with the
absolute path of this copydesk binary (falling back to copydesk on PATH if
that file is gone), so each commit is checked as it will be committed. It
refuses to replace a hook it did not write unless --force is given; running
it again over its own hook updates it.

uninstall removes the hook if copydesk wrote it, and leaves any other hook.`,
		setup: func(a *app, fs *flag.FlagSet) func([]string) int {
			force := fs.Bool("force", false, "replace a pre-commit hook copydesk did not write")
			return func(args []string) int {
				c := commands["hook"]
				if len(args) != 1 || (args[0] != "install" && args[0] != "uninstall") {
					return a.usageError(c, "want install or uninstall")
				}
				if args[0] == "install" {
					return a.hookInstall(*force)
				}
				if *force {
					return a.usageError(c, "--force goes with install")
				}
				return a.hookUninstall()
			}
		},
	})
}

// hookPath returns the path of the repository's pre-commit hook, honoring
// core.hooksPath.
func hookPath() (string, error) {
	repo, err := openRepo()
	if err != nil {
		return "", err
	}
	out, err := git(nil, "-C", repo.top, "rev-parse", "--git-path", "hooks")
	if err != nil {
		return "", err
	}
	dir := strings.TrimSpace(string(out))
	if !filepath.IsAbs(dir) {
		dir = filepath.Join(repo.top, dir)
	}
	return filepath.Join(dir, "pre-commit"), nil
}

func (a *app) hookInstall(force bool) int {
	c := commands["hook"]
	path, err := hookPath()
	if err != nil {
		return a.errorf(c, "%v", err)
	}
	bin, err := os.Executable()
	if err == nil {
		if real, err := filepath.EvalSymlinks(bin); err == nil {
			bin = real
		}
	}
	if err != nil {
		return a.errorf(c, "finding the copydesk binary: %v", err)
	}
	old, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return a.errorf(c, "%s: %v", path, plainErr(err))
	case !strings.Contains(string(old), hookMarker) && !force:
		return a.errorf(c, "%s exists and was not written by copydesk; add a line running 'copydesk check --staged' to it, or replace it with --force", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return a.errorf(c, "%v", err)
	}
	if err := atomicfile.Write(path, []byte(hookScript(bin))); err != nil {
		return a.errorf(c, "%v", err)
	}
	if err := os.Chmod(path, 0o755); err != nil {
		return a.errorf(c, "%v", err)
	}
	fmt.Fprintf(a.stdout, "Installed the pre-commit hook %s (runs %s check --staged)\n", path, bin)
	if strings.Contains(bin, "go-build") {
		fmt.Fprintln(a.stdout, "Note: this copydesk is a temporary `go run` build; the hook will use copydesk from PATH once it is gone.")
	}
	return ExitOK
}

func (a *app) hookUninstall() int {
	c := commands["hook"]
	path, err := hookPath()
	if err != nil {
		return a.errorf(c, "%v", err)
	}
	old, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(a.stdout, "No pre-commit hook at %s\n", path)
		return ExitOK
	case err != nil:
		return a.errorf(c, "%s: %v", path, plainErr(err))
	case !strings.Contains(string(old), hookMarker):
		return a.errorf(c, "%s was not written by copydesk; left as it is", path)
	}
	if err := os.Remove(path); err != nil {
		return a.errorf(c, "%v", err)
	}
	fmt.Fprintf(a.stdout, "Removed the pre-commit hook %s\n", path)
	return ExitOK
}
