// Package linttest runs rules over fixture drafts with inline expectations,
// in the manner of golang.org/x/tools/go/analysis/analysistest but fit for
// prose.
//
// A fixture is a draft (.txt, .md, .html). A line whose first non-blank
// characters are "// want" is removed before linting and states an
// expectation about the nearest content line above it:
//
//	Officials are said to believe the talks have stalled.
//	// want unattributed-claim "are said to"
//
// An expectation is a rule ID and, optionally, the exact flagged text as a
// Go string literal. Every finding must meet an expectation on its first
// line and every expectation must be met, so a fixture with no expectations
// asserts that the rule stays silent. A file <case>.<ext>.golden next to the
// fixture holds the draft after all safe fixes have been applied.
package linttest

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"copydesk/lint"
)

// Update is the -update flag: golden files are rewritten instead of compared.
var Update = flag.Bool("update", false, "rewrite golden files")

// Generated checks a generated source file: it fails t if the file at path
// differs from src, what the generator (a test) produces now, and names
// regen, the command that rewrites it. With -update (how go generate runs
// the generator test) it writes src to path instead.
func Generated(t testing.TB, path string, src []byte, regen string) {
	t.Helper()
	if *Update {
		if err := os.WriteFile(path, src, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(old, src) {
		t.Fatalf("%s is stale: run %s", path, regen)
	}
}

// Expectation is one "// want" line.
type Expectation struct {
	Rule string
	Text string // exact flagged text; empty matches any span
	Line int    // line in the stripped draft the expectation refers to
	Orig int    // line of the "// want" comment in the fixture file
}

// Fixture is a draft with its expectations removed.
type Fixture struct {
	Path   string
	Source []byte        // the draft as linted (expectation lines removed)
	Want   []Expectation // in file order
	orig   []int         // stripped line (1-based) → fixture line
}

// OrigLine returns the fixture file line of a line in the stripped draft.
func (f *Fixture) OrigLine(line int) int {
	if line >= 1 && line <= len(f.orig) {
		return f.orig[line-1]
	}
	return line
}

// ParseFixture splits a fixture into draft and expectations.
func ParseFixture(path string, data []byte) (*Fixture, error) {
	fx := &Fixture{Path: path}
	lines := strings.SplitAfter(string(data), "\n")
	var out strings.Builder
	stripped := 0
	lastContent := 0
	for i, ln := range lines {
		if ln == "" {
			continue
		}
		trim := strings.TrimLeftFunc(ln, unicode.IsSpace)
		if strings.HasPrefix(trim, "// want") {
			if lastContent == 0 {
				return nil, fmt.Errorf("%s:%d: // want before any content line", path, i+1)
			}
			rest := strings.TrimSpace(strings.TrimPrefix(trim, "// want"))
			exps, err := parseWant(rest)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, i+1, err)
			}
			for _, e := range exps {
				e.Line, e.Orig = lastContent, i+1
				fx.Want = append(fx.Want, e)
			}
			continue
		}
		out.WriteString(ln)
		stripped++
		fx.orig = append(fx.orig, i+1)
		if strings.TrimSpace(ln) != "" {
			lastContent = stripped
		}
	}
	fx.Source = []byte(out.String())
	return fx, nil
}

// parseWant parses `rule "text" rule2 rule3 "text3"`.
func parseWant(s string) ([]Expectation, error) {
	var exps []Expectation
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if s[0] == '"' || s[0] == '`' {
			if len(exps) == 0 {
				return nil, fmt.Errorf("text %s before a rule ID", s)
			}
			lit, err := strconv.QuotedPrefix(s)
			if err != nil {
				return nil, fmt.Errorf("bad quoted text %s: %w", s, err)
			}
			txt, _ := strconv.Unquote(lit)
			exps[len(exps)-1].Text = txt
			s = s[len(lit):]
			continue
		}
		end := strings.IndexAny(s, " \t")
		if end < 0 {
			end = len(s)
		}
		id := s[:end]
		if !lint.ValidID(id) {
			return nil, fmt.Errorf("bad rule ID %q", id)
		}
		exps = append(exps, Expectation{Rule: id})
		s = s[end:]
	}
	if len(exps) == 0 {
		return nil, fmt.Errorf("// want needs a rule ID")
	}
	return exps, nil
}

// Linter lints one draft; Check returns the document and its findings.
type Linter func(path string, src []byte) (*lint.Document, []lint.Finding, error)

// RunDir runs every fixture (*.txt, *.md, *.markdown, *.html, *.htm) in dir
// as a subtest.
func RunDir(t *testing.T, dir string, check Linter) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range entries {
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".txt", ".md", ".markdown", ".html", ".htm":
		default:
			continue
		}
		n++
		path := filepath.Join(dir, e.Name())
		t.Run(e.Name(), func(t *testing.T) { RunFile(t, path, check) })
	}
	if n == 0 {
		t.Errorf("%s: no fixtures", dir)
	}
}

// RunFile checks one fixture against its expectations and golden file.
func RunFile(t *testing.T, path string, check Linter) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fx, err := ParseFixture(path, data)
	if err != nil {
		t.Fatal(err)
	}
	doc, findings, err := check(path, fx.Source)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for _, p := range Compare(fx, doc, findings) {
		t.Error(p)
	}
	golden := path + ".golden"
	if _, err := os.Stat(golden); err == nil || *Update && hasSafeFix(findings) {
		checkGolden(t, fx, golden, check)
	} else if hasSafeFix(findings) {
		t.Errorf("%s: rule offers safe fixes but there is no %s (run with -update)", path, filepath.Base(golden))
	}
}

// Compare matches findings against expectations and returns one message
// per unexpected finding or unmet expectation.
func Compare(fx *Fixture, doc *lint.Document, findings []lint.Finding) []string {
	var problems []string
	used := make([]bool, len(fx.Want))
	for _, f := range findings {
		flagged := doc.Slice(f.Span)
		src := string(doc.Source[f.Source.Start:f.Source.End])
		ok := false
		for i, w := range fx.Want {
			if used[i] || w.Rule != f.Rule || w.Line != f.Start.Line {
				continue
			}
			if w.Text != "" && w.Text != flagged && w.Text != src {
				continue
			}
			used[i], ok = true, true
			break
		}
		if !ok {
			problems = append(problems, fmt.Sprintf("%s:%d: unexpected finding %s %q: %s",
				fx.Path, fx.OrigLine(f.Start.Line), f.Rule, flagged, f.Message))
		}
	}
	for i, w := range fx.Want {
		if used[i] {
			continue
		}
		var near []string
		for _, f := range findings {
			if f.Rule == w.Rule && f.Start.Line == w.Line {
				near = append(near, strconv.Quote(doc.Slice(f.Span)))
			}
		}
		hint := ""
		if len(near) > 0 {
			hint = " (flagged on that line: " + strings.Join(near, ", ") + ")"
		}
		problems = append(problems, fmt.Sprintf("%s:%d: missing finding %s %q on line %d%s",
			fx.Path, w.Orig, w.Rule, w.Text, fx.OrigLine(w.Line), hint))
	}
	sort.Strings(problems)
	return problems
}

func hasSafeFix(fs []lint.Finding) bool {
	for _, f := range fs {
		if f.Fix != nil && f.Fix.Safe {
			return true
		}
	}
	return false
}

// FixAll applies safe fixes round after round until none remain, at most
// maxRounds times. It reports whether the fixes converged.
func FixAll(path string, src []byte, check Linter, maxRounds int) ([]byte, bool, error) {
	for round := 0; round < maxRounds; round++ {
		_, findings, err := check(path, src)
		if err != nil {
			return src, false, err
		}
		out, applied := lint.ApplyFixes(src, findings, false)
		any := false
		for _, a := range applied {
			any = any || a
		}
		if !any || bytes.Equal(out, src) {
			return src, true, nil
		}
		src = out
	}
	return src, false, nil
}

func checkGolden(t *testing.T, fx *Fixture, golden string, check Linter) {
	t.Helper()
	got, converged, err := FixAll(fx.Path, fx.Source, check, 10)
	if err != nil {
		t.Fatalf("%s: fixing: %v", fx.Path, err)
	}
	if !converged {
		t.Errorf("%s: fixes did not converge in 10 rounds", fx.Path)
	}
	if *Update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: fixed draft differs from %s (run with -update to accept):\n%s",
			fx.Path, filepath.Base(golden), LineDiff(string(want), string(got)))
	}
}

// LineDiff is a small line-based diff for test failure messages: lines only
// in want are prefixed "-", lines only in got "+".
func LineDiff(want, got string) string {
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	// Longest common subsequence table; fixtures are small.
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	var out strings.Builder
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			out.WriteString("  " + a[i] + "\n")
			i++
			j++
		case j < len(b) && (i == len(a) || dp[i][j+1] >= dp[i+1][j]):
			out.WriteString("+ " + b[j] + "\n")
			j++
		default:
			out.WriteString("- " + a[i] + "\n")
			i++
		}
	}
	return out.String()
}
