package debris

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// contByte returns the byte a character stands for if it is a UTF-8
// continuation byte (0x80–0xBF) read as Windows-1252 or Latin-1: the 27
// Windows-1252 characters in 0x80–0x9F map back to their bytes; the five
// bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) come
// back through Latin-1 as U+0081 etc. and map to themselves, like every
// other character in U+0080–U+00FF.
func contByte(r rune) (byte, bool) {
	if r >= 0x80 && r <= 0xBF {
		return byte(r), true
	}
	switch r {
	case '€':
		return 0x80, true
	case '‚':
		return 0x82, true
	case 'ƒ':
		return 0x83, true
	case '„':
		return 0x84, true
	case '…':
		return 0x85, true
	case '†':
		return 0x86, true
	case '‡':
		return 0x87, true
	case 'ˆ':
		return 0x88, true
	case '‰':
		return 0x89, true
	case 'Š':
		return 0x8A, true
	case '‹':
		return 0x8B, true
	case 'Œ':
		return 0x8C, true
	case 'Ž':
		return 0x8E, true
	case '‘':
		return 0x91, true
	case '’':
		return 0x92, true
	case '“':
		return 0x93, true
	case '”':
		return 0x94, true
	case '•':
		return 0x95, true
	case '–':
		return 0x96, true
	case '—':
		return 0x97, true
	case '˜':
		return 0x98, true
	case '™':
		return 0x99, true
	case 'š':
		return 0x9A, true
	case '›':
		return 0x9B, true
	case 'œ':
		return 0x9C, true
	case 'ž':
		return 0x9E, true
	case 'Ÿ':
		return 0x9F, true
	}
	return 0, false
}

// seqLen returns the number of continuation bytes a UTF-8 lead byte needs,
// or 0 if r is not a lead character (U+00C2–U+00F4).
func seqLen(r rune) int {
	switch {
	case r >= 0xC2 && r <= 0xDF:
		return 1
	case r >= 0xE0 && r <= 0xEF:
		return 2
	case r >= 0xF0 && r <= 0xF4:
		return 3
	}
	return 0
}

// sequenceAt checks for one mis-decoded UTF-8 sequence at s[i:]. It
// returns the bytes' length in s and the character they encode.
func sequenceAt(s string, i int) (n int, dec rune) {
	lead, size := utf8.DecodeRuneInString(s[i:])
	k := seqLen(lead)
	if k == 0 {
		return 0, 0
	}
	var buf [4]byte
	buf[0] = byte(lead)
	j := i + size
	for c := 1; c <= k; c++ {
		if j >= len(s) {
			return 0, 0
		}
		r, sz := utf8.DecodeRuneInString(s[j:])
		b, ok := contByte(r)
		if !ok {
			return 0, 0
		}
		buf[c] = b
		j += sz
	}
	r, sz := utf8.DecodeRune(buf[:k+1])
	if r == utf8.RuneError || sz != k+1 || unicode.IsControl(r) {
		return 0, 0
	}
	return j - i, r
}

// MojibakeRun is one stretch of encoding damage in a text.
type MojibakeRun struct {
	Start, End int    // byte offsets in the text
	Fixed      string // the repaired text; "" when the character is lost
	Layers     int    // how many wrong decodings were undone
}

// FindMojibake reports each maximal run of UTF-8 read as Windows-1252 or
// Latin-1 in s[from:to], repaired layer by layer (at most maxLayers), then
// each "â€" whose last byte was dropped and, if replacement is set, each
// run of U+FFFD. Offsets are into s; emit is called in order.
func FindMojibake(s string, from, to, maxLayers int, replacement bool, emit func(MojibakeRun)) {
	for i := from; i < to; {
		// ASCII text eight bytes at a time.
		for i+8 <= to && asciiWord(s[i:i+8]) {
			i += 8
		}
		if i >= to {
			break
		}
		c := s[i]
		if c < 0xC2 { // ASCII, or a byte that is no lead (also skips mid-rune bytes)
			i++
			continue
		}
		if c == 0xEF && replacement && strings.HasPrefix(s[i:], "\uFFFD") {
			j := i
			for j < to && strings.HasPrefix(s[j:], "\uFFFD") {
				j += 3
			}
			emit(MojibakeRun{Start: i, End: j})
			i = j
			continue
		}
		// A lead character is U+00C2–U+00F4, encoded C3 82 … C3 B4.
		if c != 0xC3 {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		j := i
		var out strings.Builder
		for j < to {
			n, r := sequenceAt(s, j)
			if n == 0 || j+n > to {
				break
			}
			out.WriteRune(r)
			j += n
		}
		if j == i {
			if n := droppedQuote(s, i, to); n > 0 {
				end := i + n
				if replacement && strings.HasPrefix(s[end:], "\uFFFD") {
					end += 3
				}
				emit(MojibakeRun{Start: i, End: end})
				i = end
				continue
			}
			i += 2
			continue
		}
		fixed, layers := out.String(), 1
		for layers < maxLayers {
			again, ok := repairAll(fixed)
			if !ok {
				break
			}
			fixed = again
			layers++
		}
		// A repair that ends in a lead character followed by stray
		// continuation characters ("Ã¢€world": the third byte of "‐" was
		// lost) is no repair: report the whole stretch, without a fix.
		if last, _ := utf8.DecodeLastRuneInString(fixed); seqLen(last) > 0 {
			k := j
			for k < to {
				r, sz := utf8.DecodeRuneInString(s[k:])
				if _, ok := contByte(r); !ok {
					break
				}
				k += sz
			}
			if k > j {
				emit(MojibakeRun{Start: i, End: k})
				i = k
				continue
			}
		}
		emit(MojibakeRun{Start: i, End: j, Fixed: fixed, Layers: layers})
		i = j
	}
}

// asciiWord reports whether the eight bytes of w are all ASCII.
func asciiWord(w string) bool {
	v := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
	return v&0x8080808080808080 == 0
}

// repairAll decodes s again if it is entirely one more layer of mojibake
// (plus ASCII), as ftfy does; ok is false if nothing changed.
func repairAll(s string) (string, bool) {
	var out strings.Builder
	changed := false
	for i := 0; i < len(s); {
		if n, r := sequenceAt(s, i); n > 0 {
			out.WriteRune(r)
			i += n
			changed = true
			continue
		}
		if s[i] >= utf8.RuneSelf {
			return "", false // a character that is no part of a sequence: stop here
		}
		out.WriteByte(s[i])
		i++
	}
	return out.String(), changed
}

// droppedQuote matches "â€" (E2 80) not followed by a third byte: the
// closing quote (E2 80 9D) whose 0x9D, undefined in Windows-1252, was lost.
func droppedQuote(s string, i, to int) int {
	const q = "â€"
	if !strings.HasPrefix(s[i:], q) || i+len(q) > to {
		return 0
	}
	if i+len(q) < len(s) {
		r, _ := utf8.DecodeRuneInString(s[i+len(q):])
		if _, ok := contByte(r); ok {
			return 0
		}
	}
	return len(q)
}
