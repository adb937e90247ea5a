package format_test

import (
	"io"
	"testing"

	"copydesk/lint/format"
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
