package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"copydesk/cmd/cli"
	"copydesk/rules"
)

// TestReadmeRuleTable keeps the README's rule table in sync with the
// registry: regenerate it with `go run ./cmd/copydesk rules --markdown`.
func TestReadmeRuleTable(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- rules-table:begin", "<!-- rules-table:end -->"
	s := string(readme)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q … %q markers", begin, end)
	}
	got := s[i:j]
	got = got[strings.Index(got, "\n")+1:] // drop the begin marker line

	var out, errb bytes.Buffer
	if code := cli.Main(rules.Registry(), []string{"rules", "--markdown"}, nil, &out, &errb); code != 0 {
		t.Fatalf("copydesk rules --markdown: exit %d: %s", code, errb.String())
	}
	if got != out.String() {
		t.Errorf("README rule table is out of date; replace it with the output of `go run ./cmd/copydesk rules --markdown`:\n%s", out.String())
	}
}
