//go:build unix

package main

import (
	"os"
	"runtime"
	"syscall"
)

// peakRSS returns the finished process's peak resident set size in KiB, or
// 0 when the system does not say. ru_maxrss is in KiB on Linux and the BSDs,
// in bytes on macOS.
func peakRSS(ps *os.ProcessState) int64 {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0
	}
	kib := int64(ru.Maxrss) //nolint:unconvert // int32 on 32-bit systems
	if runtime.GOOS == "darwin" || runtime.GOOS == "ios" {
		kib /= 1024
	}
	return kib
}
