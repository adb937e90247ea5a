package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// This file wires `copydesk check --staged` and `--changed-since REV`.
//
// --staged lints what the next commit will hold: the drafts added, copied,
// modified or renamed in the git index (git diff --cached), read from the
// index, not the working tree, so a partially staged draft is judged as it
// will be committed. Inside a pre-commit hook git points GIT_INDEX_FILE at
// the index being committed (git commit -a, git commit PATH), and copydesk
// inherits it.
//
// --changed-since REV lints the drafts added, copied, modified or renamed
// since the merge base of REV and HEAD (what a pull request from this branch
// into REV changes), as they are in the working tree: committed changes,
// staged and unstaged edits, and untracked files that .gitignore does not
// ignore. Deleted drafts are left out.
//
// In both modes the paths on the command line (default: the current
// directory) only scope the changed files: a changed file is linted when it
// is one of the paths or lies under one. Drafts are chosen as a directory
// walk chooses them — draft extensions or the config's include, no hidden
// files or directories, nothing exclude matches — except that a file named
// on the command line is linted whatever its name. Configuration is
// discovered from the working tree.

func init() {
	checkExtensions = append(checkExtensions, func(o *checkOptions) (*checkExtension, error) {
		switch {
		case !o.Staged && o.ChangedSince == "":
			return nil, nil
		case o.Staged && o.ChangedSince != "":
			return nil, errors.New("--staged and --changed-since exclude each other")
		case o.Staged && (o.Fix || o.Diff):
			// The fixes would apply to the working tree, not to what is staged.
			return nil, errors.New("--staged cannot be used with --fix or --diff: fix the working tree, then stage it")
		case o.StdinFilename != "":
			return nil, errors.New("--staged and --changed-since read files from git, not standard input")
		case strings.HasPrefix(o.ChangedSince, "-"):
			return nil, fmt.Errorf("--changed-since %s: not a revision", o.ChangedSince)
		}
		return nil, nil
	})
}

// gitRepo is the work tree holding the current directory.
type gitRepo struct {
	top    string // absolute path of the work tree root, as git prints it
	prefix string // the current directory relative to top, slash-separated, "" at the top
}

// git runs git in the current directory and returns its standard output.
func git(stdin io.Reader, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Stdin = stdin
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			msg := strings.TrimSpace(stderr.String())
			if i := strings.IndexByte(msg, '\n'); i >= 0 {
				msg = msg[:i]
			}
			if msg == "" {
				msg = err.Error()
			}
			return nil, fmt.Errorf("git %s: %s", args[0], strings.TrimPrefix(msg, "fatal: "))
		}
		return nil, fmt.Errorf("running git: %w", err)
	}
	return out, nil
}

func openRepo() (*gitRepo, error) {
	out, err := git(nil, "rev-parse", "--show-toplevel", "--show-prefix")
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(lines) < 1 || lines[0] == "" {
		return nil, errors.New("git rev-parse: not inside a work tree")
	}
	r := &gitRepo{top: lines[0]}
	if len(lines) > 1 {
		r.prefix = strings.TrimSuffix(lines[1], "/")
	}
	return r, nil
}

// splitZ splits NUL-terminated output.
func splitZ(out []byte) []string {
	var fields []string
	for _, f := range bytes.Split(out, []byte{0}) {
		if len(f) > 0 {
			fields = append(fields, string(f))
		}
	}
	return fields
}

// changedFile is a file git lists, by its path from the top of the work
// tree; blob is its staged object (--staged only).
type changedFile struct {
	path string
	blob string
}

// stagedFiles lists the files added, copied, modified or renamed in the
// index, with their staged blobs; symbolic links and submodules are left
// out.
func stagedFiles() ([]changedFile, error) {
	out, err := git(nil, "diff", "--cached", "--no-relative", "--raw", "-z", "--no-abbrev", "--no-renames", "--no-ext-diff", "--diff-filter=ACMR")
	if err != nil {
		return nil, err
	}
	fields := splitZ(out)
	var files []changedFile
	for i := 0; i+1 < len(fields); i += 2 {
		// ":100644 100644 <old> <new> M" then the path.
		meta := strings.Fields(strings.TrimPrefix(fields[i], ":"))
		if len(meta) < 5 {
			return nil, fmt.Errorf("git diff: unexpected output %q", fields[i])
		}
		if mode := meta[1]; mode != "100644" && mode != "100755" {
			continue
		}
		files = append(files, changedFile{path: fields[i+1], blob: meta[3]})
	}
	return files, nil
}

// changedSince lists the files changed in the working tree since the merge
// base of rev and HEAD, untracked ones included.
func changedSince(rev string) ([]changedFile, error) {
	out, err := git(nil, "merge-base", rev, "HEAD")
	if err != nil {
		return nil, fmt.Errorf("--changed-since %s: %w", rev, err)
	}
	base := strings.TrimSpace(string(out))
	diff, err := git(nil, "diff", "--no-relative", "--name-only", "-z", "--no-renames", "--no-ext-diff", "--diff-filter=ACMR", base, "--")
	if err != nil {
		return nil, err
	}
	untracked, err := git(nil, "ls-files", "--others", "--exclude-standard", "--full-name", "-z", "--", ":/")
	if err != nil {
		return nil, err
	}
	var files []changedFile
	for _, p := range append(splitZ(diff), splitZ(untracked)...) {
		files = append(files, changedFile{path: p})
	}
	return files, nil
}

// addChanged adds the drafts --staged or --changed-since select under the
// paths in args.
func (c *collector) addChanged(o *checkOptions, args []string) error {
	repo, err := openRepo()
	if err != nil {
		return err
	}
	var files []changedFile
	if o.Staged {
		files, err = stagedFiles()
	} else {
		files, err = changedSince(o.ChangedSince)
	}
	if err != nil {
		return err
	}
	scopes := make([]string, 0, len(args))
	for _, arg := range args {
		if arg == "-" {
			return errors.New("--staged and --changed-since read files from git, not standard input")
		}
		s, err := repo.fromTop(arg)
		if err != nil {
			return err
		}
		scopes = append(scopes, s)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	var picked []changedFile
	var names []string
	broken := map[string]error{} // drafts under a configuration that failed to load
	for i, f := range files {
		if i > 0 && f.path == files[i-1].path {
			continue
		}
		named, in := false, false
		for _, s := range scopes {
			switch {
			case s == f.path:
				named, in = true, true
			case s == ".", strings.HasPrefix(f.path, s+"/"):
				in = true
			}
		}
		if !in {
			continue
		}
		name := repo.display(f.path)
		if !named {
			if hidden(f.path) {
				continue
			}
			set, err := c.res.For(name)
			if err != nil {
				// The configuration's errors go to stderr once; the draft
				// is listed with a file error so that no output loses it.
				if draftExts[strings.ToLower(path.Ext(f.path))] {
					broken[name] = notLinted(err)
					picked = append(picked, f)
					names = append(names, name)
				}
				continue
			}
			if !wanted(set.Config, name) {
				continue
			}
		}
		picked = append(picked, f)
		names = append(names, name)
	}
	if !o.Staged {
		for _, name := range names {
			c.push(target{path: name, err: broken[name]})
		}
		return nil
	}
	var blobs []string
	for i, f := range picked {
		if broken[names[i]] == nil {
			blobs = append(blobs, f.blob)
		}
	}
	contents, err := catBlobs(blobs)
	if err != nil {
		return err
	}
	for _, name := range names {
		if err := broken[name]; err != nil {
			c.targets = append(c.targets, target{path: name, err: err})
			continue
		}
		t := target{path: name, data: contents[0].data, err: contents[0].err}
		contents = contents[1:]
		if t.data == nil && t.err == nil {
			t.data = []byte{}
		}
		c.targets = append(c.targets, t)
	}
	return nil
}

// fromTop returns a command-line path relative to the top of the work tree,
// slash-separated ("." for the top itself).
func (r *gitRepo) fromTop(arg string) (string, error) {
	var rel string
	if filepath.IsAbs(arg) {
		real, err := filepath.EvalSymlinks(arg)
		if err != nil {
			real = arg
		}
		top, err := filepath.EvalSymlinks(r.top)
		if err != nil {
			top = r.top
		}
		if rel, err = filepath.Rel(top, real); err != nil {
			return "", fmt.Errorf("%s: outside the git work tree %s", arg, r.top)
		}
		rel = filepath.ToSlash(rel)
	} else {
		rel = path.Join(r.prefix, filepath.ToSlash(arg))
	}
	rel = path.Clean(rel)
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return "", fmt.Errorf("%s: outside the git work tree %s", arg, r.top)
	}
	return rel, nil
}

// display returns a path from the top of the work tree as a path from the
// current directory.
func (r *gitRepo) display(p string) string {
	if r.prefix == "" {
		return filepath.FromSlash(p)
	}
	rel, err := filepath.Rel(filepath.FromSlash(r.prefix), filepath.FromSlash(p))
	if err != nil {
		return filepath.Join(r.top, filepath.FromSlash(p))
	}
	return rel
}

// hidden reports whether a slash-separated path has a hidden segment, which
// a directory walk would skip.
func hidden(p string) bool {
	for _, seg := range strings.Split(p, "/") {
		if strings.HasPrefix(seg, ".") {
			return true
		}
	}
	return false
}

type blobContent struct {
	data []byte
	err  error
}

// catBlobs reads objects with one git cat-file --batch.
func catBlobs(ids []string) ([]blobContent, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in := strings.Join(ids, "\n") + "\n"
	out, err := git(strings.NewReader(in), "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	r := bufio.NewReader(bytes.NewReader(out))
	res := make([]blobContent, len(ids))
	for i := range ids {
		header, err := r.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("git cat-file: output ends early: %w", err)
		}
		fields := strings.Fields(header)
		if len(fields) == 2 && fields[1] == "missing" {
			res[i].err = fmt.Errorf("staged object %s is missing", ids[i])
			continue
		}
		if len(fields) != 3 {
			return nil, fmt.Errorf("git cat-file: unexpected header %q", header)
		}
		size, err := strconv.Atoi(fields[2])
		if err != nil || size < 0 {
			return nil, fmt.Errorf("git cat-file: unexpected header %q", header)
		}
		data := make([]byte, size)
		if _, err := io.ReadFull(r, data); err != nil {
			return nil, fmt.Errorf("git cat-file: %w", err)
		}
		if _, err := r.ReadByte(); err != nil { // the newline after the contents
			return nil, fmt.Errorf("git cat-file: %w", err)
		}
		res[i].data = data
	}
	return res, nil
}
