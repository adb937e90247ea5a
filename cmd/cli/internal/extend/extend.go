package extend

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"copydesk/config"
	"copydesk/lint"
	"copydesk/lint/external"
	"copydesk/lint/pack"
)

// DirName is the folder of rule packs loaded from next to a configuration
// file.
const DirName = "copydesk.d"

// Loader loads packs and plugins for the configuration files of one run.
// It is safe for concurrent use.
type Loader struct {
	// NoPlugins leaves [plugin.NAME] tables out (--no-plugins): no process
	// is started, and configuration for those plugins' rules is ignored.
	// Packs are data, not code, and still load.
	NoPlugins bool
	// Parse, when set, is used to run every pack rule's bad and good
	// examples on load (parse.Parse); a pack whose examples fail does not
	// load. Nil skips the examples.
	Parse func(path string, src []byte) (*lint.Document, error)

	mu      sync.Mutex
	packs   map[string]packResult       // absolute pack path → rules
	plugins map[string]*external.Plugin // plugin key → running plugin
	failed  map[string]error            // plugin key → start error
	order   []*external.Plugin          // for Close
}

type packResult struct {
	rules []lint.Rule
	err   error
}

// Prepare returns base extended with the rules of the packs and plugins c
// names. Relative pack paths and plugin working directories are taken from
// the configuration file's directory. With NoPlugins, c's rule tables,
// overrides and ignores that name a plugin's rules are dropped from c.
func (l *Loader) Prepare(c *config.Config, base *lint.Registry) (*lint.Registry, error) {
	dir := c.Dir
	if c.Path != "" {
		dir = filepath.Dir(c.Path)
	}
	var extra []lint.Rule
	var paths []string
	for _, p := range c.Packs {
		if !filepath.IsAbs(p) {
			p = filepath.Join(dir, p)
		}
		paths = append(paths, p)
	}
	if c.Path != "" {
		more, err := pack.DirFiles(filepath.Join(dir, DirName))
		if err != nil {
			return nil, err
		}
		paths = append(paths, more...)
	}
	names := map[string]string{} // pack name → file, for duplicates
	for _, p := range dedupe(paths) {
		rules, err := l.pack(p)
		if err != nil {
			return nil, err
		}
		if len(rules) > 0 {
			name, _, _ := strings.Cut(rules[0].Meta().ID, "/")
			if prev, dup := names[name]; dup {
				return nil, fmt.Errorf("%s: pack %q is already loaded from %s", p, name, prev)
			}
			names[name] = p
		}
		extra = append(extra, rules...)
	}

	pluginNames := make([]string, 0, len(c.Plugins))
	for name := range c.Plugins {
		pluginNames = append(pluginNames, name)
	}
	sort.Strings(pluginNames)
	if l.NoPlugins {
		dropPluginConfig(c, pluginNames)
	} else {
		for _, name := range pluginNames {
			p, err := l.plugin(c.Plugins[name], dir)
			if err != nil {
				where := c.Path
				if pl := c.Plugins[name]; pl.Line > 0 {
					where = fmt.Sprintf("%s:%d", c.Path, pl.Line)
				}
				return nil, fmt.Errorf("%s: %w", where, err)
			}
			extra = append(extra, p.Rules()...)
		}
	}
	if len(extra) == 0 {
		return base, nil
	}
	reg, err := lint.NewRegistry(append(base.Rules(), extra...)...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", c.Path, err)
	}
	return reg, nil
}

// Close stops every plugin process the loader started.
func (l *Loader) Close() error {
	l.mu.Lock()
	procs := l.order
	l.order, l.plugins = nil, nil
	l.mu.Unlock()
	var errs []error
	for _, p := range procs {
		errs = append(errs, p.Close())
	}
	return errors.Join(errs...)
}

func (l *Loader) pack(path string) ([]lint.Rule, error) {
	key, err := filepath.Abs(path)
	if err != nil {
		key = path
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if r, ok := l.packs[key]; ok {
		return r.rules, r.err
	}
	p, err := pack.LoadFile(path)
	var rules []lint.Rule
	if err == nil {
		rules = p.Rules
		if l.Parse != nil {
			err = pack.CheckExamples(rules, l.Parse)
		}
	}
	if l.packs == nil {
		l.packs = map[string]packResult{}
	}
	l.packs[key] = packResult{rules, err}
	return rules, err
}

func (l *Loader) plugin(pc *config.Plugin, dir string) (*external.Plugin, error) {
	key := fmt.Sprintf("%s\x00%s\x00%s\x00%s", pc.Name, strings.Join(pc.Command, "\x00"), dir, pc.Timeout)
	l.mu.Lock()
	defer l.mu.Unlock()
	if p, ok := l.plugins[key]; ok {
		return p, nil
	}
	if err, ok := l.failed[key]; ok {
		return nil, err
	}
	p, err := external.Open(external.Config{Name: pc.Name, Command: pc.Command, Dir: dir, Timeout: pc.Timeout})
	if err != nil {
		if l.failed == nil {
			l.failed = map[string]error{}
		}
		l.failed[key] = err
		return nil, err
	}
	if l.plugins == nil {
		l.plugins = map[string]*external.Plugin{}
	}
	l.plugins[key] = p
	l.order = append(l.order, p)
	return p, nil
}

// dropPluginConfig removes configuration for the rules of disabled plugins,
// so that "unknown rule" errors do not break a --no-plugins run.
func dropPluginConfig(c *config.Config, names []string) {
	ofPlugin := func(id string) bool {
		for _, n := range names {
			if strings.HasPrefix(id, n+"/") {
				return true
			}
		}
		return false
	}
	for id := range c.Rules {
		if ofPlugin(id) {
			delete(c.Rules, id)
		}
	}
	for _, ov := range c.Overrides {
		for id := range ov.Rules {
			if ofPlugin(id) {
				delete(ov.Rules, id)
			}
		}
	}
	kept := c.Ignores[:0]
	for _, ig := range c.Ignores {
		if len(ig.Rules) == 0 {
			kept = append(kept, ig)
			continue
		}
		ids := ig.Rules[:0]
		for _, id := range ig.Rules {
			if !ofPlugin(id) {
				ids = append(ids, id)
			}
		}
		ig.Rules = ids
		if len(ids) > 0 {
			kept = append(kept, ig)
		}
	}
	c.Ignores = kept
}

func dedupe(paths []string) []string {
	seen := map[string]bool{}
	out := paths[:0:0]
	for _, p := range paths {
		k, err := filepath.Abs(p)
		if err != nil {
			k = p
		}
		if !seen[k] {
			seen[k] = true
			out = append(out, p)
		}
	}
	return out
}
