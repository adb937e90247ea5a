package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"copydesk/lint"
)

// Find returns the configuration file that governs files in dir: the first
// of FileNames found in dir or a parent, stopping after the repository root
// (a directory holding .git) or the filesystem root. It returns "" when
// there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("config: %w", err)
	}
	for {
		for _, name := range FileNames {
			p := filepath.Join(dir, name)
			fi, err := os.Stat(p)
			if err == nil && !fi.IsDir() {
				return p, nil
			}
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return "", fmt.Errorf("config %s: %w", p, err)
			}
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Options tell a Resolver where configuration comes from.
type Options struct {
	// Path, when set, is the one configuration file for every input
	// (--config); its globs are matched from the working directory.
	Path string
	// NoConfig ignores configuration files (--no-config).
	NoConfig bool
	// Filter is applied to every configuration (--select, --ignore).
	Filter Filter
	// Prepare, when set, runs after a file is loaded and before it is
	// applied. It returns the registry to check the file against: the base
	// registry plus the rules of the packs and plugins the file names.
	Prepare func(c *Config, base *lint.Registry) (*lint.Registry, error)
}

// Resolver finds, loads and applies the configuration for each input file,
// caching by directory and by configuration file. It is safe for concurrent
// use.
type Resolver struct {
	reg  *lint.Registry
	opts Options

	mu    sync.Mutex
	dirs  map[string]string // absolute directory → config file ("" for defaults)
	given map[string]string // directory as the caller spelled it → config file
	sets  map[string]*entry // config file → its rule set
	errs  []error           // distinct load errors, in the order met
}

type entry struct {
	set *RuleSet
	err error
}

// NewResolver returns a resolver over the rules in reg.
func NewResolver(reg *lint.Registry, opts Options) *Resolver {
	return &Resolver{reg: reg, opts: opts, dirs: map[string]string{}, given: map[string]string{}, sets: map[string]*entry{}}
}

// For returns the rule set that governs the file at path.
func (r *Resolver) For(path string) (*RuleSet, error) {
	return r.ForDir(filepath.Dir(path))
}

// ForDir returns the rule set that governs files in dir.
func (r *Resolver) ForDir(dir string) (*RuleSet, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	file, err := r.locate(dir)
	if err != nil {
		return nil, err
	}
	if e, ok := r.sets[file]; ok {
		return e.set, e.err
	}
	set, err := r.load(file)
	if err != nil {
		r.errs = append(r.errs, err)
	}
	r.sets[file] = &entry{set, err}
	return set, err
}

// RulesFor returns the configured rules for the file at path; it fits
// lint.Runner.Rules.
func (r *Resolver) RulesFor(path string) ([]lint.Active, error) {
	set, err := r.For(path)
	if err != nil {
		return nil, err
	}
	return set.RulesFor(path)
}

// Errors returns every distinct configuration error met so far.
func (r *Resolver) Errors() []error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]error(nil), r.errs...)
}

func (r *Resolver) locate(dir string) (string, error) {
	switch {
	case r.opts.NoConfig:
		return "", nil
	case r.opts.Path != "":
		return r.opts.Path, nil
	}
	// The directory as given is looked up first: filepath.Abs asks the
	// operating system for the working directory (two stat calls) every
	// time, once per file of a corpus run otherwise. The working directory
	// does not change while a run resolves configurations.
	if f, ok := r.given[dir]; ok {
		return f, nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("config: %w", err)
	}
	f, ok := r.dirs[abs]
	if !ok {
		if f, err = Find(abs); err != nil {
			return "", err
		}
		r.dirs[abs] = f
	}
	r.given[dir] = f
	return f, nil
}

func (r *Resolver) load(file string) (*RuleSet, error) {
	wd, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	var c *Config
	switch file {
	case "":
		c = Default(wd)
	case r.opts.Path:
		c, err = Load(file, wd)
	default:
		// Name the file relative to the working directory when it is
		// below it, so that messages stay short and stable.
		name := file
		if rel, err := filepath.Rel(wd, file); err == nil && !strings.HasPrefix(rel, "..") {
			name = rel
		}
		c, err = Load(name, filepath.Dir(file))
	}
	if err != nil {
		return nil, c.AddRuleErrors(r.reg, err) // every problem of the file at once
	}
	reg := r.reg
	if r.opts.Prepare != nil {
		if reg, err = r.opts.Prepare(c, r.reg); err != nil {
			return nil, err
		}
	}
	return c.Apply(reg, r.opts.Filter)
}
