package lint

// FindingsLent reports whether CheckDocument took doc's recycled findings
// memory (the runner borrows it with takeFindings), for the allocation
// tests: until it does, findings cost allocations FileResult.Release cannot
// save.
func FindingsLent(doc *Document) bool {
	doc.memoMu.Lock()
	defer doc.memoMu.Unlock()
	return doc.bufs != nil && doc.bufs.lent
}
