//go:build unix

package cli

import (
	"io/fs"
	"sync"
	"syscall"
)

// readBufs recycles the buffers readDraft reads into; the draft itself is
// copied out at its exact size.
var readBufs = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// readDraft reads a whole file with open, read until end of file, close:
// four system calls for a draft. os.ReadFile makes nine on Linux (it also
// sets up the file for the network poller, which regular files refuse, and
// asks for its size), and in a virtual machine system calls were an eighth
// of a corpus run's CPU time. Errors are *fs.PathError, as os.ReadFile's.
func readDraft(path string) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd) // read-only: a close error loses nothing
	bp := readBufs.Get().(*[]byte)
	defer readBufs.Put(bp)
	buf := (*bp)[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow
		}
		n, err := syscall.Read(fd, buf[len(buf):cap(buf)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			break
		}
		buf = buf[:len(buf)+n]
	}
	if cap(buf) <= 1<<20 {
		*bp = buf // keep a grown buffer, up to 1 MB
	}
	data := make([]byte, len(buf))
	copy(data, buf)
	return data, nil
}
