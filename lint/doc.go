// Package lint is copydesk's vocabulary and engine: documents (prose with an
// exact map back to source bytes), rules, findings, fixes and the runner that
// lints many files in parallel with a deterministic output order.
//
// Rules work in Document.Text coordinates; the runner maps every span to the
// source file (byte offsets, 1-based lines, columns in Unicode characters).
// The package imports only the standard library.
package lint
