package lint

// Recycling a result's memory.
//
// A run over many drafts allocates the same tables for every draft. The
// document's own tables are recycled by Document.Release (document.go).
// What CheckDocument hands to its caller, the findings slice and the
// resolved fix edits, can outlive the document, so Release leaves it to the
// garbage collector; a caller that is done with the whole result says so
// with FileResult.Release, which recycles that too, and the Document
// struct itself. Every path that recycles memory is one of these two calls:
//
//   - Document.Release: the document's tables, memo, Builder and Passes.
//   - FileResult.Release: all of that, plus the findings slice and fix
//     edits CheckDocument lent out for the document, and the Document.
//
// The runner borrows the lent memory with takeFindings and takeEdits
// below; a document not made by a Builder lends nothing.

// Release ends the use of a result once it has been reported: it releases
// r.Doc as Document.Release does and, in addition, recycles the memory of
// the findings CheckDocument returned for that document (the Findings
// slice, and the Fix.Edits it resolved) and the Document value itself, so
// that the next draft is linted without allocating them again.
//
// After Release nothing of the result may be used: not the Document
// pointer (not even to call Release again), not Findings or Suppressed,
// not any Finding, Fix or Edit taken from them, and not any other findings
// slice that CheckDocument returned for the same document. Release sets
// r.Doc, r.Findings and r.Suppressed to nil and leaves Path and Err; a
// second r.Release does nothing. Use Document.Release instead when
// findings must outlive the document.
func (r *FileResult) Release() {
	d := r.Doc
	r.Doc, r.Findings, r.Suppressed = nil, nil, nil
	if d != nil {
		d.release(true)
	}
}

// takeFindings returns the slice for CheckDocument to append the
// document's findings to: the document's recycled findings memory, emptied,
// or a new slice (a document without pooled memory, or one whose findings
// memory is already lent to an earlier call). The memory stays lent to the
// caller until FileResult.Release recycles it.
func (d *Document) takeFindings() *[]Finding {
	d.memoMu.Lock()
	defer d.memoMu.Unlock()
	b := d.bufs
	if b == nil || b.lent {
		return new([]Finding)
	}
	b.lent = true
	b.findings = b.findings[:0]
	return &b.findings
}

// takeEdits returns a slice of n edits for a resolved fix, from the
// document's arena when it has one. The arena is only ever appended to
// until FileResult.Release recycles it, so edits handed out stay valid.
func (d *Document) takeEdits(n int) []Edit {
	d.memoMu.Lock()
	defer d.memoMu.Unlock()
	b := d.bufs
	if b == nil {
		return make([]Edit, n)
	}
	if cap(b.edits)-len(b.edits) < n {
		// The full chunk stays with the fixes that use it.
		b.edits = make([]Edit, 0, max(n, 2*cap(b.edits), 16))
	}
	k := len(b.edits)
	b.edits = b.edits[:k+n]
	return b.edits[k : k+n : k+n]
}

// recycleFindings ends the lending of findings memory when the document is
// released: with all set (FileResult.Release) the memory is cleared and
// kept for the next document; otherwise memory lent out stays with whoever
// holds the findings and the buffers forget it, and only memory never lent
// is kept.
func (b *buffers) recycleFindings(all bool) {
	switch {
	case all:
		// Only what was used: a draft with thousands of findings leaves a
		// large slice that every later draft would otherwise clear whole.
		// (Findings a failed rule left past the length are overwritten by
		// the next appends; until then they only keep some memory alive.)
		clear(b.findings)
		b.findings = keep(b.findings)
		clear(b.edits)
		b.edits = keep(b.edits)
	default:
		if b.lent {
			b.findings = nil
		}
		if len(b.edits) > 0 {
			b.edits = nil
		}
	}
	b.lent = false
}
