package cli

import (
	"flag"
	"fmt"
	"os"
	"sync"

	"copydesk/cmd/cli/internal/extend"
	"copydesk/config"
	"copydesk/lint"
	"copydesk/lint/parse"
)

// This file adds the rules of rule packs and external plugins (issue 8) to
// `copydesk check`, `copydesk rules` and `copydesk rule`.

func init() {
	checkExtensions = append(checkExtensions, func(o *checkOptions) (*checkExtension, error) {
		l := newLoader(o.NoPlugins)
		added := &addedRules{seen: map[string]bool{}}
		prepare := func(c *config.Config, base *lint.Registry) (*lint.Registry, error) {
			reg, err := l.Prepare(c, base)
			if err == nil {
				added.note(base, reg)
			}
			return reg, err
		}
		return &checkExtension{Prepare: prepare, Close: l.Close, Rules: added.list}, nil
	})
}

// addedRules collects the rules that packs and plugins add to a run, once
// each, in the order met. It is safe for concurrent use.
type addedRules struct {
	mu    sync.Mutex
	seen  map[string]bool
	rules []lint.Rule
}

// note records the rules of reg that base does not have.
func (a *addedRules) note(base, reg *lint.Registry) {
	if reg == base {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, r := range reg.Rules() {
		id := r.Meta().ID
		if _, builtin := base.Get(id); !builtin && !a.seen[id] {
			a.seen[id] = true
			a.rules = append(a.rules, r)
		}
	}
}

func (a *addedRules) list() []lint.Rule {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]lint.Rule(nil), a.rules...)
}

// newLoader returns the loader of packs and plugins for one run.
func newLoader(noPlugins bool) *extend.Loader {
	return &extend.Loader{NoPlugins: noPlugins, Parse: parse.Parse}
}

// registryFlags are the flags of `rules` and `rule` that choose the
// configuration whose packs and plugins are listed with the built-in rules.
type registryFlags struct {
	config    string
	noConfig  bool
	noPlugins bool
}

func defineRegistryFlags(fs *flag.FlagSet, f *registryFlags) {
	fs.StringVar(&f.config, "config", "", "add the packs and plugins of the configuration file at `PATH` (default: the one governing the current directory)")
	fs.BoolVar(&f.noConfig, "no-config", false, "built-in rules only")
	fs.BoolVar(&f.noPlugins, "no-plugins", false, "start no external plugin (rule packs still load)")
}

// registry returns the built-in rules plus the rules of the packs and
// plugins that the configuration names: the file given with --config, else
// the one governing the current directory. close stops the plugins.
func (a *app) registry(f *registryFlags) (reg *lint.Registry, close func() error, err error) {
	nop := func() error { return nil }
	if f.config != "" && f.noConfig {
		return nil, nop, fmt.Errorf("--config and --no-config exclude each other")
	}
	if f.noConfig {
		return a.reg, nop, nil
	}
	if f.config != "" {
		if fi, err := os.Stat(f.config); err != nil || fi.IsDir() {
			return nil, nop, fmt.Errorf("--config %s: %w", f.config, errOrDir(err))
		}
	}
	l := newLoader(f.noPlugins)
	res := config.NewResolver(a.reg, config.Options{Path: f.config, Prepare: l.Prepare})
	set, err := res.ForDir(".")
	if err != nil {
		l.Close()
		return nil, nop, err
	}
	return set.Registry(), l.Close, nil
}
