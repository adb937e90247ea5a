package parse

import (
	"errors"
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		start     int
		wantErr   error
		errSubstr string
	}{
		{"empty", "", 0, nil, ""},
		{"ascii", "hello\n", 0, nil, ""},
		{"bom", "\xEF\xBB\xBFhello", 3, nil, ""},
		{"bom only", "\xEF\xBB\xBF", 3, nil, ""},
		{"utf16le", "\xFF\xFEh\x00i\x00", 0, ErrBinary, "d.txt: binary file: UTF-16 is not supported; convert to UTF-8"},
		{"utf16be", "\xFE\xFF\x00h\x00i", 0, ErrBinary, "UTF-16 is not supported"},
		{"utf32be", "\x00\x00\xFE\xFF", 0, ErrBinary, "UTF-32 is not supported"},
		{"nul", "ab\ncd\x00ef", 0, ErrBinary, "d.txt: binary file (NUL byte at line 2, column 3, offset 5)"},
		{"invalid", "line one\nné \xE9t\xE9", 0, ErrEncoding, "d.txt:2:4: invalid UTF-8 (byte 0xE9 at offset 13)"},
		{"invalid after bom", "\xEF\xBB\xBFab\xFF", 0, ErrEncoding, "d.txt:1:3: invalid UTF-8 (byte 0xFF at offset 5)"},
		{"invalid after crlf and cr", "a\r\nb\rc\xC3", 0, ErrEncoding, "d.txt:3:2: invalid UTF-8"},
		{"truncated sequence", "emoji \xF0\x9F\x8E", 0, ErrEncoding, "d.txt:1:7:"},
		{"surrogate", "x\xED\xA0\x80", 0, ErrEncoding, "d.txt:1:2:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, err := Decode("d.txt", []byte(tt.src))
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err != nil {
				if !strings.Contains(err.Error(), tt.errSubstr) {
					t.Errorf("err = %q, want it to contain %q", err, tt.errSubstr)
				}
				return
			}
			if start != tt.start {
				t.Errorf("start = %d, want %d", start, tt.start)
			}
		})
	}
}

// TestHostileInputs parses inputs that must give a clear error or a
// document, never a panic, for every format.
func TestHostileInputs(t *testing.T) {
	inputs := map[string]struct {
		src     string
		wantErr error
	}{
		"binary":            {"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", ErrBinary},
		"utf16 bom":         {"\xFF\xFEH\x00i\x00", ErrBinary},
		"nul":               {"text\x00more", ErrBinary},
		"invalid utf8":      {"caf\xE9", ErrEncoding},
		"empty":             {"", nil},
		"whitespace":        {" \n\t\n\r\n", nil},
		"crlf":              {"Head\r\n\r\nBody\r\nline.\r\n", nil},
		"lone cr":           {"Head\r\rBody\rline.\r", nil},
		"bom":               {"\xEF\xBB\xBFHead\n\nBody.", nil},
		"unclosed md":       {"```\ncode\n\n<!-- open\n\n[link(\n\n**bold\n\n> > > deep\n\n<div>\n", nil},
		"unclosed html":     {"<p>one<div><span><b>two<table><td>x<li>y<!-- open", nil},
		"stray end tags":    {"</p></div></html>text</a></b>", nil},
		"only markup":       {"<html><body><script>x</script></body></html>", nil},
		"front matter only": {"---\ntitle: \"x\n---\n", nil},
	}
	for name, in := range inputs {
		for _, ext := range []string{".txt", ".md", ".html"} {
			doc, err := Parse("f"+ext, []byte(in.src))
			if in.wantErr != nil {
				if !errors.Is(err, in.wantErr) || !strings.HasPrefix(err.Error(), "f"+ext) {
					t.Errorf("%s%s: err = %v, want %v naming the file", name, ext, err, in.wantErr)
				}
				continue
			}
			if err != nil {
				t.Errorf("%s%s: %v", name, ext, err)
				continue
			}
			checkDoc(t, doc)
		}
	}
}
