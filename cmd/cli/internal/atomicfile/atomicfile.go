package atomicfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Hooks replaced by tests to simulate failures part way through a write.
var (
	rename    = os.Rename
	writeData = func(f *os.File, data []byte) error { _, err := f.Write(data); return err }
)

// keepMode are the mode bits copied from the original file.
const keepMode = fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky

// Write replaces the contents of the file at path with data, atomically.
//
// The data is written to a temporary file in the same directory, synced to
// disk, given the original file's permissions (and, where the platform
// allows, its owner and group), then renamed over the original; finally the
// directory is synced so the rename itself is durable. A symbolic link is
// followed and its target replaced, so the link survives. If path does not
// exist it is created with mode 0644.
//
// On any error the original file is left byte for byte as it was and no
// temporary file is left behind. A file without any write permission bit
// (even for root), a file this process may not write and a directory in
// which it may not create files each give an error naming the file. Hard links to the original are not updated: the
// path gets a new file.
func Write(path string, data []byte) (err error) {
	target := path
	mode := fs.FileMode(0o644)
	var orig fs.FileInfo
	if real, err := filepath.EvalSymlinks(path); err == nil {
		target = real
	} else if !errors.Is(err, fs.ErrNotExist) {
		return wrapErr(path, err)
	}
	if fi, err := os.Stat(target); err == nil {
		if !fi.Mode().IsRegular() {
			return wrapErr(path, errors.New("not a regular file"))
		}
		orig, mode = fi, fi.Mode()&keepMode
		// Renaming would succeed over a read-only file (only the
		// directory's permissions matter), but an editor who made a draft
		// read-only meant it: refuse a file nobody may write, even as
		// root, and check that this process may write it.
		if fi.Mode().Perm()&0o222 == 0 {
			return wrapErr(path, fmt.Errorf("file is read-only: %w", fs.ErrPermission))
		}
		f, err := os.OpenFile(target, os.O_WRONLY, 0)
		if err != nil {
			if errors.Is(err, fs.ErrPermission) {
				return wrapErr(path, fmt.Errorf("file is read-only: %w", fs.ErrPermission))
			}
			return wrapErr(path, unwrapPath(err))
		}
		f.Close()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return wrapErr(path, unwrapPath(err))
	}

	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".copydesk-*.tmp")
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return wrapErr(path, fmt.Errorf("directory %s is not writable: %w", dir, fs.ErrPermission))
		}
		return wrapErr(path, fmt.Errorf("creating temporary file: %w", unwrapPath(err)))
	}
	tmpName := tmp.Name()
	closed := false
	defer func() {
		if err != nil {
			if !closed {
				tmp.Close()
			}
			os.Remove(tmpName)
		}
	}()

	if err := writeData(tmp, data); err != nil {
		return wrapErr(path, unwrapPath(err))
	}
	if err := tmp.Sync(); err != nil {
		return wrapErr(path, fmt.Errorf("sync: %w", unwrapPath(err)))
	}
	if orig != nil {
		chown(tmp, orig) // best effort: only root may give a file away
	}
	// After chown, which clears set-user-ID bits.
	if err := tmp.Chmod(mode); err != nil {
		return wrapErr(path, fmt.Errorf("setting mode: %w", unwrapPath(err)))
	}
	closed = true
	if err := tmp.Close(); err != nil {
		return wrapErr(path, unwrapPath(err))
	}
	if err := rename(tmpName, target); err != nil {
		return wrapErr(path, fmt.Errorf("replacing file: %w", unwrapPath(err)))
	}
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable. Some file systems cannot sync a
// directory; the data itself is already on disk, so failure is ignored.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	_ = d.Sync()
	d.Close()
}

// unwrapPath drops the operation and temporary file name from a
// *fs.PathError, so messages name the user's file, not ours.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// WriteError is the error of a failed Write: the path and what went wrong.
// Callers that name the file themselves print Err alone.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string { return "write " + e.Path + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *WriteError) Unwrap() error { return e.Err }

func wrapErr(path string, err error) error { return &WriteError{Path: path, Err: err} }
