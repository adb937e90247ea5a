// Package atomicfile replaces a file's contents so that readers, and the
// file system after a crash, see either the old bytes or the new ones, never
// a mixture: the new bytes go to a temporary file in the same directory,
// which is synced, given the original's mode (and, best effort, owner) and
// renamed over the original.
package atomicfile
