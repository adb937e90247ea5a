package prose

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"copydesk/lint"
)

// FuzzTokenizeRef checks the tokenizer against the reference version it
// was optimized from: the same tokens, flags and spans for any text.
func FuzzTokenizeRef(f *testing.F) {
	for _, s := range []string{
		"Ms Rees's car", "“We don’t know,” she said.", "It cost £40,000 at 3am.", "the co-op's 'rock' - end",
		"Rees' car", "NHS BBC ÉCOLE Ärzte naïve café", "1.5m 2,000 3.x $5 €.5 £", "a‐b a’b ’twas x-", "\x00\t\n\r\v\f\u00a0x",
		"well-known 12-year-old O'Neill’s ‘quoted’", "ALLCAPS lower MiXeD x1y2 9z",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		span := lint.Span{Start: 0, End: len(s)}
		got := tokenize(nil, s, span)
		want := tokenizeRef(nil, s, span)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %+v\nwant %+v", s, got, want)
		}
	})
}

// tokenizeRef is the tokenizer as first written, kept to check the fast one
// against.
func tokenizeRef(dst []Token, text string, span lint.Span) []Token {
	src := text[span.Start:span.End]
	base := span.Start
	space, newline := true, false
	for i := 0; i < len(src); {
		c := src[i]
		// Fast path for ASCII white space.
		if c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			space = true
			i++
			continue
		}
		if c == '\n' {
			space, newline = true, true
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(src[i:])
			if unicode.IsSpace(r) {
				space = true
				i += size
				continue
			}
		}
		var fl Flag
		if space {
			fl |= SpaceBefore
		}
		if newline {
			fl |= NewlineBefore
		}
		space, newline = false, false
		start := i
		switch {
		case c < utf8.RuneSelf && (asciiClass[c] == aLower || asciiClass[c] == aUpper) || c >= utf8.RuneSelf && isLetter(r):
			fl |= scanShapeRef(src, &i, false)
			dst = append(dst, Token{Start: uint32(base + start), End: uint32(base + i), Kind: Word, Flags: fl})
		case c < utf8.RuneSelf && asciiClass[c] == aDigit || ((r == '£' || r == '$' || r == '€') && i+size < len(src) && isDigitByte(src[i+size])):
			i += size
			fl |= scanShapeRef(src, &i, true) | HasDigit
			dst = append(dst, Token{Start: uint32(base + start), End: uint32(base + i), Kind: Number, Flags: fl})
		default:
			i += size
			if size > 1 {
				fl |= NonASCII
			}
			dst = append(dst, Token{Start: uint32(base + start), End: uint32(base + i), Kind: Punct, Flags: fl, Rune: r})
		}
	}
	return dst
}

// scanShapeRef is scanShape as first written: it advances *i over a word (or number when num) starting at *i
// and returns its shape flags.
func scanShapeRef(s string, i *int, num bool) Flag {
	var fl Flag
	letters, uppers := 0, 0
	j := *i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case aLower:
				letters++
				j++
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
		case unicode.IsLetter(r):
			if letters == 0 && unicode.IsUpper(r) && !num {
				fl |= Cap
			}
			letters++
			if unicode.IsUpper(r) {
				uppers++
			}
			fl |= NonASCII
		case r == '’' || r == '‐':
			if j == *i || j+size >= len(s) || !isWordByteAt(s, j+size, num) {
				*i = j
				return shapeDone(fl, letters, uppers)
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

// FuzzLowerASCII checks the word-at-a-time lower-casing against a
// byte-at-a-time one.
func FuzzLowerASCII(f *testing.F) {
	for _, s := range []string{"", "A", "Hello World", "ÄÖÜ ABCXYZ@[`{ abc", "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ\xff\x80\x7f", "mostly lower case text with One Capital"} {
		f.Add(s)
	}
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	f.Add(string(all))
	f.Add(string(all[1:]))
	f.Fuzz(func(t *testing.T, s string) {
		want := []byte(s)
		for i, c := range want {
			if c >= 'A' && c <= 'Z' {
				want[i] = c + 'a' - 'A'
			}
		}
		if got := lowerASCII(s); got != string(want) {
			t.Fatalf("lowerASCII(%q) = %q, want %q", s, got, want)
		}
	})
}

// TestTokenizeRefRandom compares the tokenizer with the reference on many
// random strings over the characters that matter to its fast paths (runs
// of letters and digits across eight-byte boundaries, joiners, non-ASCII
// letters and punctuation).
func TestTokenizeRefRandom(t *testing.T) {
	alphabet := []string{"a", "z", "A", "Z", "m", "Q", "0", "9", "'", "-", ".", ",", " ", "\n", "é", "É", "’", "‐", "£", "\u00a0", "@", "`", "[", "{", "—", "“", "\u2009", "\u2028", "€", "ß", "\u3000"}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for n := 0; n < 50000; n++ {
		b.Reset()
		for k := rng.IntN(40); k > 0; k-- {
			if rng.IntN(3) == 0 {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			} else {
				b.WriteString(alphabet[rng.IntN(8)]) // mostly letters and digits
			}
		}
		s := b.String()
		span := lint.Span{Start: 0, End: len(s)}
		if got, want := tokenize(nil, s, span), tokenizeRef(nil, s, span); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %+v\nwant %+v", s, got, want)
		}
	}
}

// TestTokenizeLongRuns compares the tokenizer with the reference on words
// of every length up to 40 bytes, each letter position tried as an upper
// case letter, a digit, a joiner or a non-ASCII letter, before every kind
// of end: the fast path skips lower-case letters eight bytes at a time.
func TestTokenizeLongRuns(t *testing.T) {
	for n := 1; n <= 40; n++ {
		word := []byte(strings.Repeat("abcdefghijklmnopqrstuvwxyz", 2)[:n])
		for _, end := range []string{"", " x", ".", "`", "{", "@", "[", "é", "-", "'s", "’", "\x00"} {
			for pos := -1; pos < n; pos++ {
				for _, sub := range []string{"Q", "7", "-", "é", "{", "`"} {
					w := string(word)
					if pos >= 0 {
						w = w[:pos] + sub + w[pos+1:]
					}
					for _, s := range []string{w + end, "T" + w + end, " " + w + end} {
						span := lint.Span{Start: 0, End: len(s)}
						if got, want := tokenize(nil, s, span), tokenizeRef(nil, s, span); !reflect.DeepEqual(got, want) {
							t.Fatalf("%q:\n got %+v\nwant %+v", s, got, want)
						}
					}
				}
			}
		}
	}
}
