//go:build unix

package cli

import (
	"copydesk/lint/freelist"
	"io/fs"
	"syscall"
)

// readBufs holds buffers for readDraft: drafts whose documents were
// printed and released come back here (recycleDraft), so a corpus run
// reads into memory it has already touched instead of faulting in fresh
// pages for every file.
var readBufs = freelist.List[[]byte]{New: func() *[]byte { b := make([]byte, 0, 64<<10); return &b }}

// recycleDraft hands back a draft that readDraft returned, once nothing
// refers to it any more (its document released). Buffers over 1 MB are
// left to the garbage collector, so memory stays flat.
func recycleDraft(b []byte) {
	if cap(b) == 0 || cap(b) > 1<<20 {
		return
	}
	b = b[:0]
	readBufs.Put(&b)
}

// readDraft reads a whole file with open, read until end of file, close:
// four system calls for a draft. os.ReadFile makes nine on Linux (it also
// sets up the file for the network poller, which regular files refuse, and
// asks for its size), and in a virtual machine system calls were an eighth
// of a corpus run's CPU time. The draft is read into a recycled buffer
// (see recycleDraft); the caller owns it. Errors are *fs.PathError, as
// os.ReadFile's.
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
	bp := readBufs.Get()
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
			recycleDraft(buf)
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			break
		}
		buf = buf[:len(buf)+n]
	}
	return buf, nil
}
