// Package lint is copydesk's vocabulary and engine: documents (prose with an
// exact map back to source bytes), rules, findings, fixes and the runner that
// lints many files in parallel with a deterministic output order.
//
// Rules work in Document.Text coordinates; the runner maps every span to the
// source file (byte offsets, 1-based lines, columns in Unicode characters).
// The package imports only the standard library.
//
// Memory: a run over many drafts allocates the same tables for every
// draft, and fresh memory costs more than the work done on it, so a
// document's memory is recycled, on explicit request only. A caller done
// with a document calls Document.Release: its tables, memo, Builder and
// Passes go back to a pool for the next NewBuilder; findings stay valid. A
// caller done with a whole result (its report written) calls
// FileResult.Release instead, which also recycles the findings slice and
// resolved fix edits CheckDocument lent out, and the Document itself. With
// the CLI releasing each result once printed and the runner taking the
// findings memory from the document (recycle.go), parsing, checking and
// releasing a plain draft allocates nothing in the steady state
// (TestCheckAllocs).
package lint
