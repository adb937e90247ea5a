package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/lint"
)

// evalRegistry holds a test rule under a real rule ID, "hedged-headline",
// flagging "could" wherever it appears, and one no data set maps to.
func evalRegistry(t *testing.T) *lint.Registry {
	t.Helper()
	reg, err := lint.NewRegistry(
		phraseRule{meta: testMeta("hedged-headline", "Flags could", lint.Warning, true), phrase: "could"},
		phraseRule{meta: testMeta("said-to", "Flags is said to", lint.Warning, true), phrase: "is said to"},
	)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

func TestEvalJSON(t *testing.T) {
	corpus := filepath.Join(repoRoot(t), "testdata", "eval")
	var out, errb bytes.Buffer
	code := runEval(evalRegistry(t), []string{corpus, "--format", "json", "--examples", "1", "--dataset", "emergent-headlines"}, &out, &errb)
	if code != ExitOK {
		t.Fatalf("exit %d, stderr %s", code, errb.String())
	}
	var rep struct {
		Rows []struct {
			Dataset, Rule  string
			TP, FP, FN, TN int
			Misses         []struct{ ID string }
		}
		MissingRules []string `json:"missing_rules"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out.String())
	}
	if len(rep.Rows) != 1 {
		t.Fatalf("rows %+v, want one", rep.Rows)
	}
	r := rep.Rows[0]
	// "could" in one observing and one for headline; the question and the
	// "report says" headline are missed.
	if r.Rule != "hedged-headline" || r.TP != 1 || r.FP != 1 || r.FN != 2 || r.TN != 2 {
		t.Errorf("row %+v, want hedged-headline tp 1 fp 1 fn 2 tn 2", r)
	}
	if len(r.Misses) != 1 {
		t.Errorf("misses %+v, want one example", r.Misses)
	}
	if strings.Join(rep.MissingRules, ",") != "headline-overstates" {
		t.Errorf("missing rules %v, want [headline-overstates]", rep.MissingRules)
	}
}

func TestEvalUsage(t *testing.T) {
	corpus := filepath.Join(repoRoot(t), "testdata", "eval")
	tests := []struct {
		args     []string
		code     int
		inStdout string
		inStderr string
	}{
		{[]string{"--help"}, ExitOK, "Usage: copydesk eval", ""},
		{nil, ExitError, "", "no corpus given"},
		{[]string{corpus, "--format", "xml"}, ExitError, "", `--format "xml"`},
		{[]string{corpus, "--rule", "hedged-headlin"}, ExitError, "", `did you mean "hedged-headline"`},
		{[]string{corpus, "--dataset", "polnear"}, ExitError, "", "unknown data set"},
		{[]string{corpus, "--examples", "-1"}, ExitError, "", "must not be negative"},
		{[]string{filepath.Join(corpus, "missing")}, ExitError, "", "no such file"},
		{[]string{corpus, "--split", "heldout"}, ExitError, "", "no data set with a heldout.jsonl"},
		{[]string{filepath.Join(corpus, "emergent-headlines"), "--examples", "2"}, ExitOK, "hedged-headline", ""},
		{[]string{filepath.Join(corpus, "emergent-headlines"), "--rule", "said-to"}, ExitOK, "no rule scored", "no labeled data set maps to this rule"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := runEval(evalRegistry(t), tt.args, &out, &errb)
		if code != tt.code || !strings.Contains(out.String(), tt.inStdout) || !strings.Contains(errb.String(), tt.inStderr) {
			t.Errorf("eval %q: exit %d, stdout %q, stderr %q; want exit %d, stdout with %q, stderr with %q",
				tt.args, code, out.String(), errb.String(), tt.code, tt.inStdout, tt.inStderr)
		}
	}
}

func TestEvalDispatch(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Main(evalRegistry(t), []string{"eval", "--help"}, nil, &out, &errb); code != ExitOK || !strings.Contains(out.String(), "--examples N") {
		t.Errorf("copydesk eval --help: exit %d, stdout %q", code, out.String())
	}
}
