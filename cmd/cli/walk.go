package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"copydesk/config"
)

// draftExts are the extensions a directory walk takes when the
// configuration sets no include globs. Files named on the command line are
// linted whatever their extension.
var draftExts = map[string]bool{".txt": true, ".md": true, ".markdown": true, ".html": true, ".htm": true}

// StdinName is the path shown for standard input without --stdin-filename.
const StdinName = "<stdin>"

// target is one input file found from the command line.
type target struct {
	path string
	data []byte // stdin's contents; nil means read path
	err  error  // the file could not be found or read
}

// collector turns command-line paths into targets.
type collector struct {
	res       *config.Resolver
	stdin     io.Reader
	stdinName string

	targets  []target
	seen     map[string]bool // cleaned paths already taken
	visited  map[string]int  // real paths of directories walked (symlink loops) → drafts found in them
	usedSTDN bool
	// empty holds a message for each directory argument in which no
	// draft was found (see noDrafts).
	empty []string
	// excluded counts the files with a draft extension (or matching
	// include) and the directories that exclude left out of walks.
	excluded int
}

func newCollector(res *config.Resolver, stdin io.Reader, stdinName string) *collector {
	return &collector{res: res, stdin: stdin, stdinName: stdinName, seen: map[string]bool{}, visited: map[string]int{}}
}

// add takes one command-line argument: "-", a file or a directory. A path
// that does not exist becomes a target with an error, so that it is
// reported in order and the other files are still linted.
func (c *collector) add(arg string) error {
	if arg == "-" {
		if c.usedSTDN {
			return fmt.Errorf("- (standard input) given twice")
		}
		c.usedSTDN = true
		data, err := io.ReadAll(c.stdin)
		name := c.stdinName
		if name == "" {
			name = StdinName
		}
		if data == nil {
			data = []byte{}
		}
		c.push(target{path: name, data: data, err: wrapRead(err)})
		return nil
	}
	path := filepath.Clean(arg)
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		c.push(target{path: path, err: plainErr(err)})
	case fi.IsDir():
		excluded := c.excluded
		if c.walk(path) == 0 {
			c.empty = append(c.empty, c.noDrafts(path, c.excluded > excluded))
		}
	case fi.Mode()&(fs.ModeDevice|fs.ModeCharDevice|fs.ModeSocket) != 0:
		// /dev/zero would never end; pipes (<(cmd), FIFOs) are fine.
		c.push(target{path: path, err: errors.New("not a regular file")})
	default:
		t := target{path: path}
		if _, err := c.res.For(path); err != nil {
			t.err = notLinted(err)
		}
		c.push(t)
	}
	return nil
}

// notLinted is the error of a draft whose configuration could not be
// loaded. The resolver reports the configuration's errors once (on
// stderr); each draft it governs is still listed, with those errors, so
// that machine output accounts for every input.
func notLinted(err error) error {
	return fmt.Errorf("not linted: %w", err)
}

func (c *collector) push(t target) {
	if t.data == nil && c.seen[t.path] {
		return
	}
	c.seen[t.path] = true
	c.targets = append(c.targets, t)
}

// noDrafts is the message for a directory argument without a draft:
// copydesk check exits 2 with it on stderr, as ESLint does for a pattern
// that matches no file ("No files matching the pattern"): a path that
// names no draft is most often a mistake in a CI script or an include.
func (c *collector) noDrafts(dir string, excluded bool) string {
	set, err := c.res.ForDir(dir)
	switch {
	case err == nil && excluded:
		return fmt.Sprintf("no drafts found in %s (all excluded by exclude in %s)", dir, set.Config.Path)
	case err == nil && set.Config.HasInclude():
		return fmt.Sprintf("no drafts found in %s (no file matches include in %s)", dir, set.Config.Path)
	}
	return fmt.Sprintf("no drafts found in %s (extensions .txt .md .markdown .html .htm; see include in config)", dir)
}

// walk adds the drafts under dir in lexical order, skipping hidden files
// and directories (.git among them), what the governing configuration
// excludes, and directories already walked (symlink loops). It returns how
// many drafts (and errors) it found under dir, those taken before included.
func (c *collector) walk(dir string) (found int) {
	real, err := filepath.EvalSymlinks(dir)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		c.push(target{path: dir, err: plainErr(err)})
		return 1
	}
	if n, ok := c.visited[real]; ok {
		return n
	}
	c.visited[real] = 0
	defer func() { c.visited[real] = found }()
	// A directory whose configuration fails to load is still walked, with
	// the default choice of drafts (its include and exclude are unknown):
	// each draft is listed with the configuration's errors, and
	// sub-directories with a configuration of their own are linted.
	var cfg *config.Config
	var cfgErr error
	if set, err := c.res.ForDir(dir); err != nil {
		cfgErr = notLinted(err)
	} else {
		cfg = set.Config
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		c.push(target{path: dir, err: plainErr(err)})
		return 1
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(dir, name)
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			fi, err := os.Stat(p)
			if err != nil {
				if wanted(cfg, p) {
					c.push(target{path: p, err: plainErr(err)}) // a broken link to a draft
					found++
				}
				continue
			}
			mode = fi.Mode().Type()
		}
		switch {
		case mode.IsDir():
			if cfg == nil || !cfg.Skip(p, true) {
				found += c.walk(p)
			} else {
				c.excluded++
			}
		case mode.IsRegular():
			if wanted(cfg, p) {
				c.push(target{path: p, err: cfgErr})
				found++
			} else if cfg != nil && (cfg.HasInclude() || draftExts[strings.ToLower(filepath.Ext(p))]) && cfg.Exclude.Match(cfg.Rel(p)) {
				c.excluded++
			}
		}
	}
	return found
}

// wanted reports whether a walk takes the file at p: it matches include
// (or, without include, has a draft extension) and is not excluded. A nil
// cfg (a configuration that failed to load) takes the draft extensions.
func wanted(cfg *config.Config, p string) bool {
	if cfg == nil || !cfg.HasInclude() {
		if !draftExts[strings.ToLower(filepath.Ext(p))] {
			return false
		}
		if cfg == nil {
			return true
		}
	}
	return !cfg.Skip(p, false)
}

// plainErr drops the operation and path from a file system error: output
// names the file already.
func plainErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func wrapRead(err error) error {
	if err != nil {
		return fmt.Errorf("reading standard input: %w", err)
	}
	return nil
}

// readFile reads a draft for the runner, with errors that do not repeat the
// path.
func readFile(path string) ([]byte, error) {
	data, err := readDraft(path)
	if err != nil {
		return nil, plainErr(err)
	}
	return data, nil
}
