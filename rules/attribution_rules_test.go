package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"

	"copydesk/lint"
)

// tomlDecoder decodes a TOML options body strictly, as the config does.
func tomlDecoder(body string) func(v any) error {
	return func(v any) error {
		md, err := toml.Decode(body, v)
		if err != nil {
			return err
		}
		if und := md.Undecoded(); len(und) > 0 {
			return fmt.Errorf("unknown option %s", und[0])
		}
		return nil
	}
}

func configure(t *testing.T, r lint.Configurable, body string) lint.Rule {
	t.Helper()
	rule, err := r.Configure(tomlDecoder(body))
	if err != nil {
		t.Fatalf("configure %q: %v", body, err)
	}
	return rule
}

// flagged lints a plain-text body with one rule and returns the flagged texts.
func flagged(t *testing.T, r lint.Rule, body string) ([]string, []lint.Finding) {
	t.Helper()
	doc, fs, err := runRule(r, "t.txt", []byte("Neutral headline\n\n"+body+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range fs {
		out = append(out, doc.Slice(f.Span))
	}
	return out, fs
}

func TestUnattributedClaimOptions(t *testing.T) {
	tests := []struct {
		name, options, body string
		want                []string
	}{
		{"default expected-to, scheduled", "", "The council is expected to vote on Tuesday.", nil},
		{"expected-to always", `expected-to = "always"`, "The council is expected to vote on Tuesday.", []string{"is expected to"}},
		{"expected-to never", `expected-to = "never"`, "The chief executive is expected to resign.", nil},
		{"ignore", `ignore = ["Reportedly"]`, "The firm reportedly missed a deadline. It is said to be late.", []string{"is said to"}},
		{"extra hedge", `hedges = ["is poised to"]`, "The club is poised to sell the ground.", []string{"is poised to"}},
		{"extra hedge covered", `hedges = ["is poised to"]`, "The club is poised to sell the ground, Ms Okafor said.", nil},
		{"weasel lookahead on", "", "Some residents say the smell is worse. Ana Ruiz said it woke her.", nil},
		{"weasel lookahead off", "weasel-lookahead = 0", "Some residents say the smell is worse. Ana Ruiz said it woke her.", []string{"Some residents say"}},
		{"legal window", "legal-context-window = 0", "The hearing was adjourned.\n\nA.\n\nB.\n\nThe man allegedly took £40.", nil},
		{"legal terms", `legal-terms = ["ombudsman"]`, "The ombudsman met.\n\nA.\n\nB.\n\nC.\n\nThe firm allegedly hid the leak.", nil},
		{"no legal terms", "", "The ombudsman met.\n\nA.\n\nB.\n\nC.\n\nThe firm allegedly hid the leak.", []string{"allegedly"}},
		{"headline is not checked", "", "The vote was delayed.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := configure(t, NewUnattributedClaim(), tt.options)
			got, _ := flagged(t, r, tt.body)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestUnattributedClaimFinding(t *testing.T) {
	_, fs := flagged(t, NewUnattributedClaim(), "The council leader is said to be furious. Critics argue the plan is late.")
	if len(fs) != 2 {
		t.Fatalf("want 2 findings, got %d", len(fs))
	}
	if want := `"is said to": said by whom? Name the source, or state it plainly if it is established.`; fs[0].Message != want {
		t.Errorf("message %q, want %q", fs[0].Message, want)
	}
	if want := `"Critics argue": which critics? Name at least one.`; fs[1].Message != want {
		t.Errorf("message %q, want %q", fs[1].Message, want)
	}
	fix := fs[0].Fix
	if fix == nil || fix.Safe || len(fix.Edits) != 1 || fix.Edits[0].New != " [attribution needed]" || !fix.Edits[0].Span.Empty() {
		t.Errorf("want an unsafe insertion fix, got %+v", fix)
	}
}

func TestAnonymousSourcingOptions(t *testing.T) {
	spokes := "A council spokesperson said the road would close. A police spokesman said it would reopen. " +
		"A spokeswoman for Fenwick Rail said trains would run."
	weasels := "Critics say the budget was never realistic.\n\nExperts say the tunnel will cost more.\n\nCllr Tom Hale said the council stood by its figures."
	tests := []struct {
		name, options, body string
		want                int
	}{
		{"spokespeople are named", "", spokes, 0},
		{"spokespeople as anonymous", `spokesperson = "anonymous"`, spokes, 3},
		{"weasels counted", "", weasels, 2},
		{"weasels not counted", "count-weasels = false", weasels, 0},
		{"higher threshold", "max-anonymous = 5\nratio-min-anonymous = 5\nmax-anonymous-run = 5",
			"An official said it was late. Another official said it was over budget. A diplomat said talks had stalled.", 0},
		{"three anonymous", "",
			"An official said it was late. Another official said it was over budget. A diplomat said talks had stalled.", 3},
		{"extra institution", `institutions = ["a diplomat"]`,
			"An official said it was late. Another official said it was over budget. A diplomat said talks had stalled.\n\nRuth Okafor said it was fine.", 0},
		{"extra anonymous phrase", `anonymous-phrases = ["the ministry"]`,
			"The ministry said it was late. An official said it was over budget.", 2},
		{"reasons weigh less", "reason-weight = 0.4",
			"An official, who spoke on condition of anonymity because the talks are private, said it was late. " +
				"A diplomat, who asked not to be named because she was not authorised to speak, said talks had stalled. " +
				"Ruth Okafor said it was fine.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := configure(t, NewAnonymousSourcing(), tt.options)
			got, _ := flagged(t, r, tt.body)
			if len(got) != tt.want {
				t.Errorf("got %d findings %q, want %d", len(got), got, tt.want)
			}
		})
	}
}

func TestAnonymousSourcingFindings(t *testing.T) {
	body := "An official, who spoke on condition of anonymity because the talks are private, said the deal was off.\n\n" +
		"A diplomat said the two sides had not met. Two people briefed on the talks said an offer was drafted.\n\n" +
		"The diplomat said a new round was planned."
	_, fs := flagged(t, NewAnonymousSourcing(), body)
	if len(fs) != 4 {
		t.Fatalf("want 4 findings, got %d", len(fs))
	}
	if fs[0].Severity != lint.Info || fs[1].Severity != lint.Warning {
		t.Errorf("severities %v %v, want info then warning", fs[0].Severity, fs[1].Severity)
	}
	want := "Anonymous source 2 of 3 (1 with a stated reason; 0 named): can it go on the record, or can the story say why not?"
	if fs[1].Message != want {
		t.Errorf("message %q, want %q", fs[1].Message, want)
	}
	if !strings.HasPrefix(fs[3].Message, "Anonymous source 2 of 3") {
		t.Errorf("a repeat reference keeps its source's number: %q", fs[3].Message)
	}
	if len(fs[0].Related) != 3 || fs[0].Fix != nil {
		t.Errorf("want 3 related locations and no fix, got %d, %+v", len(fs[0].Related), fs[0].Fix)
	}
}

func TestAttributionOptionErrors(t *testing.T) {
	for _, tt := range []struct {
		r       lint.Configurable
		options string
	}{
		{NewUnattributedClaim(), `expected-to = "sometimes"`},
		{NewUnattributedClaim(), `weasel-lookahead = -1`},
		{NewUnattributedClaim(), `hedges = [""]`},
		{NewUnattributedClaim(), `unknown = 1`},
		{NewAnonymousSourcing(), `spokesperson = "maybe"`},
		{NewAnonymousSourcing(), `reason-weight = 2.0`},
		{NewAnonymousSourcing(), `max-anonymous = "two"`},
	} {
		if _, err := tt.r.Configure(tomlDecoder(tt.options)); err == nil {
			t.Errorf("%T %q: want an error", tt.r, tt.options)
		}
	}
}
