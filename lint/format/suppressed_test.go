package format_test

import (
	"strings"
	"testing"

	"copydesk/lint"
	"copydesk/lint/format"
)

// suppressedResults are the shared results with one finding of each kind
// of suppression moved out of Findings.
func suppressedResults(t *testing.T) []lint.FileResult {
	rs := results(t)
	fs := rs[0].Findings
	rs[0].Suppressed = []lint.Suppressed{
		{Finding: fs[0], Kind: lint.InSource, Reason: "quoting the council's own notice"},
		{Finding: fs[1], Kind: lint.External, Reason: "letters are printed as sent"},
		{Finding: fs[2], Kind: lint.External, Reason: "baseline b.json", Baseline: true},
	}
	rs[0].Findings = fs[3:]
	return rs
}

func TestSuppressedGolden(t *testing.T) {
	rs := suppressedResults(t)
	golden(t, "suppressed.json.golden", render(t, "json", format.Options{}, rs))
	golden(t, "suppressed.text.golden", render(t, "text", format.Options{ShowSuppressed: true}, rs))
}

func TestSuppressedHiddenByDefault(t *testing.T) {
	out := render(t, "text", format.Options{}, suppressedResults(t))
	if strings.Contains(out, "suppressed by") || strings.Contains(out, "council's own notice") {
		t.Errorf("suppressed findings printed without ShowSuppressed:\n%s", out)
	}
	if !strings.Contains(out, "; 3 suppressed (1 by the baseline); 1 file error\n") {
		t.Errorf("summary does not count suppressed findings:\n%s", out)
	}
	// Without suppressions, JSON output has no "suppressed" keys at all.
	if js := render(t, "json", format.Options{}, results(t)); strings.Contains(js, "suppressed") || strings.Contains(js, "baselined") {
		t.Errorf("JSON without suppressions mentions them:\n%s", js)
	}
}

func TestSummaryLineSuppressed(t *testing.T) {
	tests := []struct {
		s    format.Summary
		want string
	}{
		{format.Summary{Files: 2, Suppressed: 3}, "No findings in 2 files; 3 suppressed"},
		{format.Summary{Files: 1, Findings: 1, Warnings: 1, Suppressed: 2, Baselined: 2},
			"1 finding (0 errors, 1 warning, 0 info) in 1 file; 2 suppressed (2 by the baseline)"},
	}
	for _, tt := range tests {
		if got := format.SummaryLine(tt.s); got != tt.want {
			t.Errorf("SummaryLine(%+v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}
