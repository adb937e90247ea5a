package parse

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Sentinel errors returned (wrapped, with the file name) by Decode and Parse.
// Test them with errors.Is.
var (
	// ErrBinary means the file is not text: it holds NUL bytes or starts
	// with a UTF-16 or UTF-32 byte order mark.
	ErrBinary = errors.New("binary file")
	// ErrEncoding means the file is not valid UTF-8.
	ErrEncoding = errors.New("invalid UTF-8")
)

// Decode checks that src is UTF-8 text and returns the offset where the text
// starts: 3 after a UTF-8 byte order mark, else 0. Binary input (NUL bytes,
// a UTF-16/UTF-32 byte order mark) gives an error wrapping ErrBinary; invalid
// UTF-8 gives an error wrapping ErrEncoding that names the line, column and
// byte offset of the first bad byte. Errors start with path.
func Decode(path string, src []byte) (start int, err error) {
	if len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF) {
		return 0, fmt.Errorf("%s: %w: UTF-16 is not supported; convert to UTF-8", path, ErrBinary)
	}
	if len(src) >= 4 && src[0] == 0 && src[1] == 0 && src[2] == 0xFE && src[3] == 0xFF {
		return 0, fmt.Errorf("%s: %w: UTF-32 is not supported; convert to UTF-8", path, ErrBinary)
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		line, col := lineCol(src, i)
		return 0, fmt.Errorf("%s: %w (NUL byte at line %d, column %d, offset %d)", path, ErrBinary, line, col, i)
	}
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		start = 3
	}
	if utf8.Valid(src[start:]) {
		return start, nil
	}
	bad := firstInvalid(src, start)
	line, col := lineCol(src, bad)
	return 0, fmt.Errorf("%s:%d:%d: %w (byte 0x%02X at offset %d)", path, line, col, ErrEncoding, src[bad], bad)
}

// firstInvalid returns the offset of the first byte of src[from:] that does
// not start a valid UTF-8 sequence.
func firstInvalid(src []byte, from int) int {
	for i := from; i < len(src); {
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(src)
}

// lineCol returns the 1-based line and column (in characters; an invalid
// byte counts as one) of offset off. A BOM does not count as a column; CRLF
// and a lone CR end lines as LF does.
func lineCol(src []byte, off int) (line, col int) {
	line, ls := 1, 0
	for i := 0; i < off; i++ {
		switch src[i] {
		case '\n':
			line, ls = line+1, i+1
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				continue
			}
			line, ls = line+1, i+1
		}
	}
	if line == 1 && len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF && off >= 3 {
		ls = 3
	}
	return line, utf8.RuneCount(src[ls:off]) + 1
}
