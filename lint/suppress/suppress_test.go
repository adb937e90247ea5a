package suppress

import (
	"reflect"
	"strings"
	"testing"

	"copydesk/lint"
)

func TestParseComment(t *testing.T) {
	tests := []struct {
		text    string
		ok      bool
		file    bool
		rules   []string
		reason  string
		problem string // substring; "" means none
	}{
		{" copydesk-ignore hedged-headline: the council's own question ", true, false, []string{"hedged-headline"}, "the council's own question", ""},
		{"copydesk-ignore-file a, b c,a: two\n  lines ", true, true, []string{"a", "b", "c"}, "two lines", ""},
		{"copydesk-ignore house/slammed:x", true, false, []string{"house/slammed"}, "x", ""},
		{"copydesk-ignore hedged-headline", true, false, []string{"hedged-headline"}, "", ""},
		{"copydesk-ignore a,b", true, false, []string{"a", "b"}, "", ""},
		{"copydesk-ignore a, b quoted as sent", true, false, []string{"a", "b"}, "", "write a colon"},
		{"copydesk-ignore: why", true, false, nil, "why", "names no rule"},
		{"copydesk-ignore", true, false, nil, "", "names no rule"},
		{"copydesk-ignroe a: why", true, false, nil, "", `did you mean "copydesk-ignore"`},
		{"copydesk-ignore-files a: why", true, false, nil, "", `did you mean "copydesk-ignore-file"`},
		{"COPYDESK-IGNORE a: why", true, false, nil, "", `did you mean "copydesk-ignore"`},
		{"copydesk: generated", false, false, nil, "", ""},
		{"copydesk-version 3", false, false, nil, "", ""},
		{" a plain comment ", false, false, nil, "", ""},
		{"", false, false, nil, "", ""},
		{"copydes", false, false, nil, "", ""},
	}
	for _, tt := range tests {
		d, ok := parseComment(tt.text)
		if ok != tt.ok {
			t.Errorf("%q: ok = %v, want %v", tt.text, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if d.File != tt.file || !reflect.DeepEqual(d.Rules, tt.rules) && len(tt.rules)+len(d.Rules) > 0 || d.Reason != tt.reason {
			t.Errorf("%q: got file=%v rules=%q reason=%q, want file=%v rules=%q reason=%q",
				tt.text, d.File, d.Rules, d.Reason, tt.file, tt.rules, tt.reason)
		}
		if tt.problem == "" && d.Problem != "" || !strings.Contains(d.Problem, tt.problem) {
			t.Errorf("%q: problem %q, want one containing %q", tt.text, d.Problem, tt.problem)
		}
	}
}

func TestApplyOptions(t *testing.T) {
	d := &lint.Document{
		Path: "d.md", Format: lint.Markdown,
		Source:        []byte("<!-- copydesk-ignore r1, r2: why -->\nAlpha.\n\nBeta.\n"),
		Text:          "Alpha.\n\nBeta.",
		HeadlineBlock: -1,
		Blocks: []lint.Block{
			{Kind: lint.Paragraph, Span: lint.Span{Start: 0, End: 6}},
			{Kind: lint.Paragraph, Span: lint.Span{Start: 8, End: 13}},
		},
		Comments: []lint.Comment{{Text: " copydesk-ignore r1, r2: why ", Source: lint.Span{Start: 0, End: 36}, NextBlock: 0}},
	}
	finding := func(rule string, at int) lint.Finding {
		return lint.Finding{Rule: rule, Severity: lint.Warning, Span: lint.Span{Start: at, End: at + 1}}
	}
	rulesOf := func(fs []lint.Finding) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Rule)
		}
		return out
	}
	tests := []struct {
		name     string
		in       []lint.Finding
		o        Options
		kept     []string
		silenced int
	}{
		{"silences its block, r2 unused", []lint.Finding{finding("r1", 0), finding("r1", 8)},
			Options{Severity: lint.Warning}, []string{"r1", RuleID}, 1},
		{"r2 did not run: not unused", []lint.Finding{finding("r1", 0)},
			Options{Severity: lint.Warning, Ran: func(id string) bool { return id == "r1" }}, nil, 1},
		{"rule off: silences, reports nothing", []lint.Finding{finding("r2", 2)},
			Options{}, nil, 1},
		{"audit: silences nothing, no unused", []lint.Finding{finding("r1", 0)},
			Options{Severity: lint.Warning, Audit: true}, []string{"r1"}, 0},
		{"unknown rule", []lint.Finding{finding("r1", 0), finding("r2", 1)},
			Options{Severity: lint.Info, Known: func(id string) bool { return id == "r1" }, Suggest: func(id string) string { return lint.Suggest(id, []string{"r1", "r2x"}) }}, []string{RuleID}, 2},
	}
	for _, tt := range tests {
		kept, sup := Apply(d, append([]lint.Finding(nil), tt.in...), tt.o)
		if got := rulesOf(kept); !reflect.DeepEqual(got, tt.kept) {
			t.Errorf("%s: kept %q, want %q", tt.name, got, tt.kept)
		}
		if len(sup) != tt.silenced {
			t.Errorf("%s: %d silenced, want %d", tt.name, len(sup), tt.silenced)
		}
		for _, s := range sup {
			if s.Kind != lint.InSource || s.Reason != "why" {
				t.Errorf("%s: suppressed %+v", tt.name, s)
			}
		}
		for _, f := range kept {
			if f.Rule == RuleID && (f.Source != (lint.Span{Start: 0, End: 36}) || f.Start.Line != 1 || f.Severity != tt.o.Severity) {
				t.Errorf("%s: suppression finding at %+v %+v", tt.name, f.Source, f.Start)
			}
		}
	}
}

func TestPlainHasNoDirectives(t *testing.T) {
	d := &lint.Document{Format: lint.Plain, Comments: []lint.Comment{{Text: "copydesk-ignore a: b"}}}
	if got := Directives(d); got != nil {
		t.Errorf("plain text directives: %v", got)
	}
}
