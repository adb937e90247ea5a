package parse

import (
	"encoding/binary"
	"strings"
)

// The sentence and quotation passes look at every byte of Text but stop at
// few: a full stop every 130 bytes or so of English copy, a quotation mark
// every few hundred. A stopFinder finds the next stop with one vectorised
// single-byte search per stop byte (strings.IndexByte), and remembers where
// each byte occurs next, so every byte of the text is searched once per stop
// byte however many times the pass asks.

// stopFinder finds, in text[:end], the next occurrence of any of four
// bytes at or after a position that only moves forward.
type stopFinder struct {
	text  string
	end   int
	bytes [4]byte
	next  [4]int // where each byte occurs next (end: nowhere), -1 before the first search
}

func newStopFinder(text string, end int, b0, b1, b2, b3 byte) stopFinder {
	return stopFinder{text: text, end: end, bytes: [4]byte{b0, b1, b2, b3}, next: [4]int{-1, -1, -1, -1}}
}

// find returns the offset of the first stop byte in text[i:end], or end.
// Successive calls must not move i backwards.
func (f *stopFinder) find(i int) int {
	best := f.end
	for k := range f.next {
		p := f.next[k]
		if p < i {
			p = f.end
			if i < f.end {
				if j := strings.IndexByte(f.text[i:f.end], f.bytes[k]); j >= 0 {
					p = i + j
				}
			}
			f.next[k] = p
		}
		best = min(best, p)
	}
	return best
}

const (
	lsbs = 0x0101010101010101
	msbs = 0x8080808080808080
)

// zeroByte is non-zero if some byte of w is zero.
func zeroByte(w uint64) uint64 { return (w - lsbs) &^ w & msbs }

// nextSpecial returns, eight bytes at a time, the offset of the first byte in src[i:end] that
// special marks (htmlSpecial: & and CR; mdSpecial: also a backslash), or
// end.
func nextSpecial(src []byte, i, end int, special *[256]bool, escapes bool) int {
	for {
		for i+8 <= end {
			w := binary.LittleEndian.Uint64(src[i:])
			z := zeroByte(w^(lsbs*'&')) | zeroByte(w^(lsbs*'\r'))
			if escapes {
				z |= zeroByte(w ^ (lsbs * '\\'))
			}
			if z != 0 {
				break
			}
			i += 8
		}
		for lim := min(i+8, end); i < lim; i++ {
			if special[src[i]] {
				return i
			}
		}
		if i >= end {
			return end
		}
	}
}
