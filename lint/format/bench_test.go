package format_test

import (
	"io"
	"strings"
	"testing"

	"copydesk/lint"
	"copydesk/lint/format"
	"copydesk/lint/parse"
)

// BenchmarkFormat measures writing the format test draft's results.
func BenchmarkFormat(b *testing.B) {
	rs := results(b)
	for _, name := range []string{"text", "json"} {
		b.Run(name, func(b *testing.B) {
			mk, _ := format.Lookup(name)
			b.ReportAllocs()
			for b.Loop() {
				if err := format.Write(mk(io.Discard, format.Options{}), rs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// longLineResult lints a draft whose body is one line of about n bytes with
// a finding (and a fix) every few dozen bytes, with the test rules.
func longLineResult(tb testing.TB, n int) lint.FileResult {
	tb.Helper()
	const unit = "The route is said to be losing money. Read more. The café on Hale Street reportedly shut. "
	var b strings.Builder
	b.WriteString("Marwick bus cuts\n\n")
	for b.Len() < n {
		b.WriteString(unit)
	}
	b.WriteString("\n")
	// The test rules, without said-to's related locations (every
	// "reportedly" of the draft for each finding).
	rules := append([]lint.Active(nil), testRules...)
	said := rules[0].Rule.(phraseRule)
	said.related = ""
	rules[0].Rule = said
	r := &lint.Runner{Parse: parse.Parse, Rules: func(string) ([]lint.Active, error) { return rules, nil }}
	return r.Lint("long.txt", []byte(b.String()))
}

// BenchmarkTextLongLine writes the text report of a 1 MB single-line draft
// with ~35,000 findings: excerpts and fix views must cost the window they
// show, not the line.
func BenchmarkTextLongLine(b *testing.B) {
	rs := []lint.FileResult{longLineResult(b, 1<<20)}
	b.SetBytes(int64(len(rs[0].Doc.Source)))
	b.ReportAllocs()
	for b.Loop() {
		if err := format.Write(format.NewText(io.Discard, format.Options{}), rs); err != nil {
			b.Fatal(err)
		}
	}
}
