package lint

// Span is a half-open byte range [Start, End).
type Span struct {
	Start, End int
}

// Len returns the number of bytes in the span.
func (s Span) Len() int { return s.End - s.Start }

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// Contains reports whether off lies inside the span.
func (s Span) Contains(off int) bool { return off >= s.Start && off < s.End }

// Overlaps reports whether two spans share at least one byte. Two empty spans
// at the same offset also overlap (two insertions at one point conflict).
func (s Span) Overlaps(o Span) bool {
	if s.Start == s.End && o.Start == o.End {
		return s.Start == o.Start
	}
	return s.Start < o.End && o.Start < s.End
}

// Covers reports whether o lies entirely within s.
func (s Span) Covers(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Position is a resolved place in a source file.
type Position struct {
	Offset int // byte offset into the source file
	Line   int // 1-based line
	Column int // 1-based column, counted in Unicode characters
}
