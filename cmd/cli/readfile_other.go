//go:build !unix

package cli

import "os"

// readDraft reads a whole file (see readfile_unix.go).
func readDraft(path string) ([]byte, error) { return os.ReadFile(path) }
