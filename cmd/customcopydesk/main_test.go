package main

import (
	"bytes"
	"strings"
	"testing"

	"copydesk/cmd/cli"
	"copydesk/rules"
)

// TestCustomBinary runs the custom registry through the real CLI entry
// point: the extra rule is listed, documented and reported like a built-in.
func TestCustomBinary(t *testing.T) {
	reg := rules.Registry()
	if err := reg.Add(embargoLine{}); err != nil {
		t.Fatal(err)
	}
	run := func(stdin string, args ...string) (string, int) {
		var out, errb bytes.Buffer
		code := cli.Main(reg, args, strings.NewReader(stdin), &out, &errb)
		return out.String() + errb.String(), code
	}
	if out, code := run("", "rules"); code != cli.ExitOK || !strings.Contains(out, "embargo-line") {
		t.Errorf("rules: exit %d\n%s", code, out)
	}
	if out, code := run("", "rule", "embargo-line"); code != cli.ExitOK || !strings.Contains(out, "Agency copy arrives") {
		t.Errorf("rule embargo-line: exit %d\n%s", code, out)
	}
	m := embargoLine{}.Meta()
	out, code := run(m.Bad, "check", "--no-config", "--select", "embargo-line", "-")
	if code != cli.ExitFindings || !strings.Contains(out, "Embargo notice left in copy") {
		t.Errorf("check bad: exit %d\n%s", code, out)
	}
	if out, code := run(m.Good, "check", "--no-config", "--select", "embargo-line", "-"); code != cli.ExitOK {
		t.Errorf("check good: exit %d\n%s", code, out)
	}
}
