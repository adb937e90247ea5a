//go:build !unix

package cli

import "os"

// readDraft reads a whole file (see readfile_unix.go).
func readDraft(path string) ([]byte, error) { return os.ReadFile(path) }

// recycleDraft does nothing here: os.ReadFile allocates each draft.
func recycleDraft([]byte) {}
