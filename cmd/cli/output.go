package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"copydesk/cmd/cli/internal/atomicfile"
	"copydesk/lint"
	"copydesk/lint/format"
)

// This file wires `copydesk check --output FILE` and the repository-relative
// paths of the github and sarif formats.
//
// Semantics of --output FILE: the report in --format goes to FILE, written
// atomically once the run ends (readers never see half a report; a run that
// stops on an error leaves an existing FILE as it was), while the terminal
// (the report writer, normally stdout) gets the text report, colored per
// --color. With --format text, FILE gets the same text without colour.
// Exit codes do not change.

// repoRelFormats are the formats whose paths are made relative to the
// repository root: GitHub resolves annotation and SARIF paths against it.
var repoRelFormats = map[string]bool{"github": true, "sarif": true}

func init() {
	checkExtensions = append(checkExtensions, func(o *checkOptions) (*checkExtension, error) {
		if o.Output == "" {
			return nil, nil
		}
		if o.Output == "-" {
			return nil, errors.New("--output -: the report goes to standard output without --output")
		}
		if fi, err := os.Stat(o.Output); err == nil && fi.IsDir() {
			return nil, fmt.Errorf("--output %s: is a directory", o.Output)
		}
		if fi, err := os.Stat(filepath.Dir(o.Output)); err != nil || !fi.IsDir() {
			return nil, fmt.Errorf("--output %s: no such directory %s", o.Output, filepath.Dir(o.Output))
		}
		return nil, nil
	})
}

// checkOutput returns the formatter a check run streams to: the --format
// formatter on w, or with --output the text formatter on w and the
// --format formatter on the file.
func (a *app) checkOutput(o *checkOptions, mk format.Factory, w io.Writer, opts format.Options) format.Formatter {
	machine := func(f format.Formatter) format.Formatter {
		if repoRelFormats[o.Format] {
			return &relPaths{Formatter: f, root: workTreeRoot()}
		}
		return f
	}
	if o.Output == "" {
		return machine(mk(w, opts))
	}
	text, _ := format.Lookup("text")
	fileOpts := opts
	fileOpts.Color = false
	f := &fileOutput{path: o.Output}
	f.inner = machine(mk(&f.buf, fileOpts))
	return &tee{text(w, opts), f}
}

// fileOutput buffers a report and writes it to path atomically at End.
type fileOutput struct {
	path  string
	buf   bytes.Buffer
	inner format.Formatter
}

func (f *fileOutput) Begin() error                  { return f.inner.Begin() }
func (f *fileOutput) File(r *lint.FileResult) error { return f.inner.File(r) }
func (f *fileOutput) End(s format.Summary) error {
	if err := f.inner.End(s); err != nil {
		return err
	}
	if err := atomicfile.Write(f.path, f.buf.Bytes()); err != nil {
		return fmt.Errorf("--output: %w", err)
	}
	return nil
}

// tee sends every call to each formatter in turn.
type tee []format.Formatter

func (t tee) Begin() error {
	for _, f := range t {
		if err := f.Begin(); err != nil {
			return err
		}
	}
	return nil
}

func (t tee) File(r *lint.FileResult) error {
	for _, f := range t {
		if err := f.File(r); err != nil {
			return err
		}
	}
	return nil
}

func (t tee) End(s format.Summary) error {
	var errs []error
	for _, f := range t {
		errs = append(errs, f.End(s))
	}
	return errors.Join(errs...)
}

// relPaths rewrites each result's path to be relative to root (slash
// separated by the formats themselves). Paths outside root, and standard
// input, are left as they are.
type relPaths struct {
	format.Formatter
	root string // absolute; "" leaves paths as they are
}

func (p *relPaths) File(r *lint.FileResult) error {
	rel := relTo(p.root, r.Path)
	if rel == r.Path {
		return p.Formatter.File(r)
	}
	c := *r
	c.Path = rel
	if r.Err != nil {
		c.Err = errors.New(format.ErrorText(r.Path, r.Err))
	}
	return p.Formatter.File(&c)
}

// relTo returns path relative to root when it lies inside root.
func relTo(root, path string) string {
	if root == "" || path == StdinName {
		return path
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return rel
}

// workTreeRoot returns the absolute root of the git work tree holding the
// working directory (the nearest directory above with a .git entry), or the
// working directory itself outside a repository.
func workTreeRoot() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return wd
		}
		dir = parent
	}
}
