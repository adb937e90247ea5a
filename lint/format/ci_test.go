package format_test

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"copydesk/lint"
	"copydesk/lint/format"
)

// ciResults are the shared results plus a suppressed finding, which SARIF
// carries and the other formats leave out.
func ciResults(t *testing.T) []lint.FileResult {
	rs := results(t)
	f := rs[0].Findings[0]
	rs[0].Suppressed = []lint.Suppressed{{Finding: f, Kind: lint.InSource, Reason: "quoting the council's own notice"}}
	return rs
}

var ciOpts = format.Options{
	Version: "v1.2.3",
	Rules: []lint.Meta{
		{ID: "said-to", Summary: "Claim hedged with \"is said to\"", Doc: "Flags \"is said to\".\n\nName the source instead.",
			Severity: lint.Error, Default: true, Bad: "Headline\n\nThe plan is said to be final.\n", Good: "Headline\n\nThe plan is final, Ana Ruiz said.\n"},
		{ID: "hedge-word", Summary: "Hedge word", Doc: "Flags \"reportedly\".", Severity: lint.Warning, Default: true},
		{ID: "read-more", Summary: "Leftover link text", Severity: lint.Info, Default: false, Fixable: true},
	},
}

func TestCIGolden(t *testing.T) {
	rs := ciResults(t)
	for _, name := range []string{"sarif", "github", "checkstyle", "junit"} {
		golden(t, name+".golden", render(t, name, ciOpts, rs))
	}
}

// TestSARIFSchema validates SARIF output against the official OASIS SARIF
// 2.1.0 schema, formats asserted.
func TestSARIFSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile("../../testdata/schema/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	abs := results(t)
	abs[1].Path = "/srv/news/clean.txt"
	abs[2].Path = "../elsewhere/a b:c.md"
	cases := map[string][]lint.FileResult{
		"full":  ciResults(t),
		"empty": nil,
		"paths": abs,
	}
	for name, rs := range cases {
		t.Run(name, func(t *testing.T) {
			out := render(t, "sarif", ciOpts, rs)
			inst, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
			if err != nil {
				t.Fatalf("not JSON: %v\n%s", err, out)
			}
			if err := sch.Validate(inst); err != nil {
				t.Errorf("SARIF does not validate: %v\n%s", err, out)
			}
		})
	}
}

// TestSARIFShape checks what the schema cannot: regions slice the source to
// the flagged text, rule indexes point at the rule, fixes rebuild the text.
func TestSARIFShape(t *testing.T) {
	rs := ciResults(t)
	out := render(t, "sarif", ciOpts, rs)
	var log struct {
		Runs []struct {
			ColumnKind string
			Tool       struct {
				Driver struct{ Rules []struct{ ID string } }
			}
			Results []struct {
				RuleID    string
				RuleIndex *int
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI, URIBaseID string }
						Region           struct{ ByteOffset, ByteLength, StartColumn, EndColumn int }
					}
				}
				Suppressions []struct{ Kind, Justification string }
			}
			Invocations []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []struct{ Message struct{ Text string } }
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" || len(run.Tool.Driver.Rules) != 3 {
		t.Fatalf("run: %+v", run)
	}
	src, _ := os.ReadFile("../../testdata/format/draft.md")
	if len(run.Results) != 7 {
		t.Fatalf("%d results, want 6 findings + 1 suppressed", len(run.Results))
	}
	for i, r := range run.Results {
		if r.RuleIndex == nil || run.Tool.Driver.Rules[*r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %d: ruleIndex %v for %s", i, r.RuleIndex, r.RuleID)
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URI != "testdata/format/draft.md" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("artifact %+v", loc.ArtifactLocation)
		}
		got := string(src[loc.Region.ByteOffset : loc.Region.ByteOffset+loc.Region.ByteLength])
		if !strings.Contains(rs[0].Findings[0].Message+rs[0].Findings[1].Message+"Read more", got) {
			t.Errorf("result %d: region gives %q", i, got)
		}
		if sup := len(r.Suppressions) > 0; sup != (i == 6) {
			t.Errorf("result %d: suppressions %+v", i, r.Suppressions)
		}
	}
	if s := run.Results[6].Suppressions[0]; s.Kind != "inSource" || s.Justification == "" {
		t.Errorf("suppression %+v", s)
	}
	inv := run.Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 || inv.ToolExecutionNotifications[0].Message.Text != "invalid UTF-8 at line 2" {
		t.Errorf("invocation %+v", inv)
	}
}

func TestSARIFArtifact(t *testing.T) {
	tests := []struct{ path, uri, base string }{
		{"drafts/a.md", "drafts/a.md", "%SRCROOT%"},
		{"./drafts/a b.md", "drafts/a%20b.md", "%SRCROOT%"},
		{"x:y/ü.md", "x%3Ay/%C3%BC.md", "%SRCROOT%"},
		{"../other/a.md", "../other/a.md", ""},
		{"/srv/news/a#1.md", "file:///srv/news/a%231.md", ""},
	}
	for _, tt := range tests {
		uri, base := format.SARIFArtifact(tt.path)
		if uri != tt.uri || base != tt.base {
			t.Errorf("%q: %q %q, want %q %q", tt.path, uri, base, tt.uri, tt.base)
		}
	}
}

func TestGitHubLines(t *testing.T) {
	out := render(t, "github", ciOpts, ciResults(t))
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	// 6 findings, 1 file error, the summary; nothing for the clean file or
	// the suppressed finding.
	if len(lines) != 8 {
		t.Fatalf("%d lines:\n%s", len(lines), out)
	}
	for _, l := range lines[:7] {
		if !strings.HasPrefix(l, "::") || strings.ContainsAny(l, "\r") {
			t.Errorf("not a workflow command: %q", l)
		}
	}
	if lines[6] != "::error file=broken.txt::invalid UTF-8 at line 2" {
		t.Errorf("file error: %q", lines[6])
	}
}

// TestXMLWellFormed parses checkstyle and JUnit output, hostile text
// included, and checks their counts.
func TestXMLWellFormed(t *testing.T) {
	rs := ciResults(t)
	rs = append(rs, lint.FileResult{Path: `q"<&>'.md`, Findings: []lint.Finding{{
		Rule: "said-to", Severity: lint.Warning, Message: "a \"quote\" <b> & \x1b[31m\nnew line",
		Start: lint.Position{Line: 1, Column: 1}, End: lint.Position{Line: 1, Column: 2},
	}}})
	for _, name := range []string{"checkstyle", "junit"} {
		out := render(t, name, ciOpts, rs)
		dec := xml.NewDecoder(strings.NewReader(out))
		counts := map[string]int{}
		var attrs []string
		for {
			tok, err := dec.Token()
			if err != nil {
				if err.Error() != "EOF" {
					t.Fatalf("%s: %v\n%s", name, err, out)
				}
				break
			}
			if se, ok := tok.(xml.StartElement); ok {
				counts[se.Name.Local]++
				for _, a := range se.Attr {
					attrs = append(attrs, a.Value)
				}
			}
		}
		all := strings.Join(attrs, "|")
		if !strings.Contains(all, `q"<&>'.md`) || !strings.Contains(all, "a \"quote\" <b> & \uFFFD[31m\nnew line") {
			t.Errorf("%s: attributes do not round-trip: %q", name, all)
		}
		switch name {
		case "checkstyle":
			if counts["file"] != 4 || counts["error"] != 8 {
				t.Errorf("checkstyle counts %v", counts)
			}
		case "junit":
			if counts["testsuite"] != 4 || counts["testcase"] != 9 || counts["failure"] != 7 || counts["error"] != 1 {
				t.Errorf("junit counts %v", counts)
			}
		}
	}
}

// BenchmarkCIFormats measures writing the format test draft's results in
// the CI formats.
func BenchmarkCIFormats(b *testing.B) {
	rs := results(b)
	for _, name := range []string{"sarif", "github", "checkstyle", "junit"} {
		b.Run(name, func(b *testing.B) {
			mk, _ := format.Lookup(name)
			b.ReportAllocs()
			for b.Loop() {
				if err := format.Write(mk(io.Discard, ciOpts), rs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
