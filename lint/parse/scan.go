package parse

import "encoding/binary"

// Eight bytes at a time: the sentence and quotation passes look at every
// byte of Text but stop at few, and most eight-byte runs of English copy
// hold none of the bytes they stop at. A run is skipped when it has no
// byte with the high bit set (the lead bytes of “ ” ‘ ’ « » … are
// non-ASCII) and none of the pass's ASCII stops; a run that might hold one
// is looked at byte by byte with the pass's table.

const (
	lsbs = 0x0101010101010101
	msbs = 0x8080808080808080
)

// load64 returns text[i:i+8] as a little-endian word; the compiler makes
// it one load.
func load64(text string, i int) uint64 {
	b := text[i : i+8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// zeroByte is non-zero if some byte of w is zero.
func zeroByte(w uint64) uint64 { return (w - lsbs) &^ w & msbs }

// nextQuoteByte returns the offset of the first byte in text[i:end] that
// quoteByte marks, or end.
func nextQuoteByte(text string, i, end int) int {
	for {
		for i+8 <= end {
			w := load64(text, i)
			if w&msbs|zeroByte(w^(lsbs*'"'))|zeroByte(w^(lsbs*'\'')) != 0 {
				break
			}
			i += 8
		}
		for lim := min(i+8, end); i < lim; i++ {
			if quoteByte[text[i]] {
				return i
			}
		}
		if i >= end {
			return end
		}
	}
}

// nextStopByte returns the offset of the first byte in text[i:end] that
// sentenceStop marks, or end.
func nextStopByte(text string, i, end int) int {
	for {
		for i+8 <= end {
			w := load64(text, i)
			if w&msbs|zeroByte(w^(lsbs*'.'))|zeroByte(w^(lsbs*'!'))|zeroByte(w^(lsbs*'?')) != 0 {
				break
			}
			i += 8
		}
		for lim := min(i+8, end); i < lim; i++ {
			if sentenceStop[text[i]] {
				return i
			}
		}
		if i >= end {
			return end
		}
	}
}

// nextSpecial returns the offset of the first byte in src[i:end] that
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
