//go:build unix

package atomicfile

import (
	"io/fs"
	"os"
	"syscall"
)

// chown gives f the owner and group of orig when the process may do so.
func chown(f *os.File, orig fs.FileInfo) {
	if st, ok := orig.Sys().(*syscall.Stat_t); ok {
		_ = f.Chown(int(st.Uid), int(st.Gid))
	}
}
