package prose

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"copydesk/lint"
)

// Kind is the broad class of a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // letters, with internal apostrophes, hyphens and digits ("don't", "Rees's", "co-op", "M25")
	Number             // starts with a digit or currency sign ("2019", "£40,000", "3am", "1.5")
	Punct              // one punctuation or symbol character (quote marks, dashes, commas...)
)

// Flag describes the shape of a token.
type Flag uint8

// Token shape flags.
const (
	Cap           Flag = 1 << iota // first letter is upper case ("Okafor", "NHS", "May")
	AllCaps                        // two or more letters, all upper case ("NHS", "BBC")
	HasDigit                       // contains a digit
	NonASCII                       // contains a non-ASCII character
	SpaceBefore                    // preceded by white space (or the start of the span)
	NewlineBefore                  // a line break lies between this token and the previous one
	InQuote                        // inside a direct quotation (set by Analyze, never by Tokens)
)

// Token is one word, number or punctuation mark of a text. It holds no
// pointer and takes 24 bytes (a draft has about one token per five bytes):
// its text is Text(text) or, lower-cased, Analysis.Lower.
type Token struct {
	// Start and End are the token's byte offsets in the text given to
	// Tokens (see Span).
	Start, End uint32
	cls        wclass // lexicon classes of the lower-cased word, set by Analyze
	// Rune is the character of a Punct token, 0 for words and numbers.
	Rune  rune
	Kind  Kind
	Flags Flag
}

// maxOffset is the largest text offset a Token can hold: tokenizing stops
// there (a draft that large could not be read).
const maxOffset = 1<<32 - 1

// Span returns the token's byte offsets in the text given to Tokens.
func (t Token) Span() lint.Span { return lint.Span{Start: int(t.Start), End: int(t.End)} }

// Text returns the token's text in s: the text given to Tokens, or any
// string with the same offsets (such as its lower-cased copy).
func (t Token) Text(s string) string { return s[t.Start:t.End] }

// Len returns the token's length in bytes.
func (t Token) Len() int { return int(t.End - t.Start) }

// Is reports whether the token has all the flags in f.
func (t Token) Is(f Flag) bool { return t.Flags&f == f }

// Tokens splits text[span] into tokens. Offsets in the result are offsets
// into text. Apostrophes (' and ’) and hyphens between letters stay inside a
// word; everything that is neither a letter, digit nor space is a one-rune
// Punct token. LowerASCII(text) gives the lower-cased words at the same
// offsets.
func Tokens(text string, span lint.Span) []Token {
	return AppendTokens(nil, text, span)
}

// AppendTokens is Tokens appending to dst, for callers that reuse a buffer.
func AppendTokens(dst []Token, text string, span lint.Span) []Token {
	if span.Start < 0 {
		span.Start = 0
	}
	if span.End > len(text) {
		span.End = len(text)
	}
	if span.Start >= span.End {
		return dst
	}
	return tokenize(dst, text, span)
}

// tokenize is AppendTokens for a valid span. Its loop handles white space,
// ASCII words and ASCII punctuation, by far the most of prose, with few
// live variables; numbers and anything non-ASCII go to slowToken.
func tokenize(dst []Token, text string, span lint.Span) []Token {
	if span.End > maxOffset {
		span.End = maxOffset
		if span.Start >= span.End {
			return dst
		}
	}
	src := text[span.Start:span.End]
	base := uint32(span.Start)
	fl := SpaceBefore // flags for the next token: SpaceBefore, NewlineBefore
	for i := 0; i < len(src); {
		c := src[i]
		bc := byteClass[c]
		switch {
		case bc&bSpace != 0:
			fl |= SpaceBefore
			if c == '\n' {
				fl |= NewlineBefore
			}
			i++
		case bc&(bLower|bUpper) != 0:
			// A run of letters and digits, with ' and - between two of
			// them. Runs of lower-case letters, most of a word, are
			// skipped eight bytes at a time: the length of a word is a
			// coin toss for the branch predictor, and a loop testing one
			// byte at a time mispredicted its exit once per word, a
			// quarter of all the analysis' mispredictions. The bytes after
			// such a run are seldom letters or digits, so the byte loop
			// after it is well predicted.
			j, m := i+1, bc
			var b uint8 // the class of src[j] once the word ends there, else 0
			for {
				for j+8 <= len(src) {
					lm := lowerMask(le64(src[j:]))
					if lm == 0x8080808080808080 {
						m |= bLower
						j += 8
						continue
					}
					// The lower-case letters before the first other byte.
					if k := bits.TrailingZeros64(^lm&0x8080808080808080) >> 3; k > 0 {
						m |= bLower
						j += k
					}
					break
				}
				b = 0
				for j < len(src) {
					b = byteClass[src[j]]
					if b&(bLower|bUpper|bDigit) == 0 {
						break
					}
					m |= b
					j++
				}
				if b&bJoin == 0 || j+1 >= len(src) || byteClass[src[j+1]]&(bLower|bUpper|bDigit) == 0 {
					break
				}
				j++ // ' or - inside the word
			}
			// A non-ASCII character (or ' or - before one) may continue
			// the word: the general path decides.
			if b&(bHigh|bJoin) != 0 && (b&bHigh != 0 || j+1 < len(src) && src[j+1] >= utf8.RuneSelf) {
				dst, i, fl = slowToken(dst, src, base, i, fl)
				continue
			}
			if bc&bUpper != 0 {
				fl |= Cap
				if m&bLower == 0 && allCapsASCII(src[i:j]) {
					fl |= AllCaps
				}
			}
			if m&bDigit != 0 {
				fl |= HasDigit
			}
			dst = append(dst, Token{Start: base + uint32(i), End: base + uint32(j), Kind: Word, Flags: fl})
			fl = 0
			i = j
			if i < len(src) && src[i] == ' ' {
				// The usual space after a word.
				fl = SpaceBefore
				i++
			}
		case c < utf8.RuneSelf && bc&bDigit == 0 && (c != '$' || i+1 == len(src) || !isDigitByte(src[i+1])):
			dst = append(dst, Token{Start: base + uint32(i), End: base + uint32(i+1), Kind: Punct, Flags: fl, Rune: rune(c)})
			fl = 0
			i++
		default:
			dst, i, fl = slowToken(dst, src, base, i, fl)
		}
	}
	return dst
}

// lowerMask returns, in the high bit of each byte, whether that byte of x
// is in 'a'..'z' (bytes of multi-byte characters are not).
func lowerMask(x uint64) uint64 {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	low := x &^ high
	return (low + (0x80-'a')*ones) &^ (low + (0x80-'z'-1)*ones) &^ x & high
}

// slowToken reads the token (or non-ASCII white space) at src[i] in the
// general way and returns dst with it, the offset after it, and the flags
// for the next token.
func slowToken(dst []Token, src string, base uint32, i int, fl Flag) ([]Token, int, Flag) {
	c := src[i]
	r, size := rune(c), 1
	if c >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(src[i:])
		if r >= 0x2000 && r <= 0x206F {
			// General Punctuation (curly quotes, dashes, spaces of
			// set widths) has no letter or digit: a space or a Punct
			// token, decided without the Unicode tables.
			if r <= 0x200A || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F {
				return dst, i + size, fl | SpaceBefore
			}
			dst = append(dst, Token{Start: base + uint32(i), End: base + uint32(i+size), Kind: Punct, Flags: fl | NonASCII, Rune: r})
			return dst, i + size, 0
		}
		if unicode.IsSpace(r) {
			return dst, i + size, fl | SpaceBefore
		}
	}
	start := i
	bc := byteClass[c]
	switch {
	case bc&(bLower|bUpper) != 0 || c >= utf8.RuneSelf && isLetter(r):
		fl |= scanShape(src, &i, false)
		dst = append(dst, Token{Start: base + uint32(start), End: base + uint32(i), Kind: Word, Flags: fl})
	case bc&bDigit != 0 || ((r == '£' || r == '$' || r == '€') && i+size < len(src) && isDigitByte(src[i+size])):
		i += size
		fl |= scanShape(src, &i, true) | HasDigit
		dst = append(dst, Token{Start: base + uint32(start), End: base + uint32(i), Kind: Number, Flags: fl})
	default:
		i += size
		if size > 1 {
			fl |= NonASCII
		}
		dst = append(dst, Token{Start: base + uint32(start), End: base + uint32(i), Kind: Punct, Flags: fl, Rune: r})
	}
	return dst, i, 0
}

// allCapsASCII reports whether an ASCII word with no lower-case letter has
// two or more letters.
func allCapsASCII(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		if w[i]-'A' < 26 {
			n++
		}
	}
	return n >= 2
}

// Byte classes of the tokenizer's fast paths (bit sets).
const (
	bSpace = 1 << iota // ASCII white space
	bLower
	bUpper
	bDigit
	bJoin // ' and -
	bHigh // a byte of a multi-byte character (0x80 and above)
)

// byteClass (lexicon_table.go, generated by buildByteClass) gives the
// byte classes of each byte.

// ASCII character classes for the tokenizer's fast path.
const (
	aOther uint8 = iota
	aLower
	aUpper
	aDigit
	aJoin    // ' and -: inside a word between two word characters
	aNumJoin // , and .: inside a number between two digits
)

// asciiClass (lexicon_table.go, generated by buildASCIIClass) gives the
// class of each ASCII character.

// scanShape advances *i over a word (or number when num) starting at *i
// and returns its shape flags.
func scanShape(s string, i *int, num bool) Flag {
	var fl Flag
	letters, uppers := 0, 0
	j := *i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case aLower:
				// Most of a word is a run of lower-case letters.
				k := j + 1
				for k < len(s) && s[k]-'a' < 26 {
					k++
				}
				letters += k - j
				j = k
				continue
			case aUpper:
				if letters == 0 && !num {
					fl |= Cap
				}
				letters++
				uppers++
				j++
				continue
			case aDigit:
				fl |= HasDigit
				j++
				continue
			case aJoin:
				if j == *i || j+1 >= len(s) || !isWordByteAt(s, j+1, num) {
					*i = j
					return shapeDone(fl, letters, uppers)
				}
				j++
				continue
			case aNumJoin:
				if num && j != *i && j+1 < len(s) && isDigitByte(s[j+1]) {
					j++
					continue
				}
			}
			*i = j
			return shapeDone(fl, letters, uppers)
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		switch {
		case r == '’' || r == '‐':
			if j == *i || j+size >= len(s) || !isWordByteAt(s, j+size, num) {
				*i = j
				return shapeDone(fl, letters, uppers)
			}
			fl |= NonASCII
		case r >= 0x2000 && r <= 0x206F:
			// General Punctuation has no letter (see slowToken).
			*i = j
			return shapeDone(fl, letters, uppers)
		case unicode.IsLetter(r):
			if letters == 0 && unicode.IsUpper(r) && !num {
				fl |= Cap
			}
			letters++
			if unicode.IsUpper(r) {
				uppers++
			}
			fl |= NonASCII
		default:
			*i = j
			return shapeDone(fl, letters, uppers)
		}
		j += size
	}
	*i = j
	return shapeDone(fl, letters, uppers)
}

func shapeDone(fl Flag, letters, uppers int) Flag {
	if letters >= 2 && uppers == letters {
		fl |= AllCaps
	}
	return fl
}

func isWordByteAt(s string, k int, num bool) bool {
	c := s[k]
	if c < utf8.RuneSelf {
		if num {
			return isDigitByte(c)
		}
		return isDigitByte(c) || (c|0x20 >= 'a' && c|0x20 <= 'z')
	}
	r, _ := utf8.DecodeRuneInString(s[k:])
	return !num && unicode.IsLetter(r)
}

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return r|0x20 >= 'a' && r|0x20 <= 'z'
	}
	return unicode.IsLetter(r)
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// lowerASCII lower-cases ASCII letters only, so byte offsets are kept. It
// returns s itself when there is nothing to change.
func lowerASCII(s string) string {
	i := 0
	for ; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			break
		}
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	// Eight bytes at a time: a byte below 0x80 gets 0x20 added when it lies
	// in 'A'..'Z' (the high bit of each sum says whether it is at least 'A',
	// above 'Z'); bytes of multi-byte characters are left alone.
	const ones, high = 0x0101010101010101, 0x8080808080808080
	for i &^= 7; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		low := x &^ high
		upper := (low + (0x80-'A')*ones) &^ (low + (0x80-'Z'-1)*ones) &^ x & high
		binary.LittleEndian.PutUint64(b[i:], x|upper>>2)
	}
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	// b is never written again: share its memory instead of copying it.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// appendLower appends s with ASCII letters lower-cased to dst, reusing its
// memory when it is large enough (one pass, eight bytes at a time).
func appendLower(dst []byte, s string) []byte {
	n := len(dst)
	dst = slices.Grow(dst, len(s))[:n+len(s)]
	b := dst[n:]
	const ones, high = 0x0101010101010101, 0x8080808080808080
	i := 0
	if len(s) >= 8 {
		src, out := unsafe.Pointer(unsafe.StringData(s)), unsafe.Pointer(unsafe.SliceData(b))
		for ; i+8 <= len(s); i += 8 {
			// Unaligned eight-byte load and store, inside s and b
			// (len(b) == len(s)).
			x := *(*uint64)(unsafe.Add(src, i))
			low := x &^ high
			upper := (low + (0x80-'A')*ones) &^ (low + (0x80-'Z'-1)*ones) &^ x & high
			*(*uint64)(unsafe.Add(out, i)) = x | upper>>2
		}
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return dst
}

// LowerASCII lower-cases the ASCII letters of s, keeping byte offsets.
func LowerASCII(s string) string { return lowerASCII(s) }

// StripPossessive returns a lower-cased word without a final "'s" or "’s"
// (or a bare final apostrophe).
func StripPossessive(w string) string {
	switch {
	case len(w) > 2 && (w[len(w)-2:] == "'s"):
		return w[:len(w)-2]
	case len(w) > 4 && w[len(w)-4:] == "’s":
		return w[:len(w)-4]
	case len(w) > 1 && w[len(w)-1] == '\'':
		return w[:len(w)-1]
	case len(w) > 3 && w[len(w)-3:] == "’":
		return w[:len(w)-3]
	}
	return w
}
