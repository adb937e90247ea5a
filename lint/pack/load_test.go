package pack

import (
	"errors"
	"strings"
	"testing"
)

const okRule = `
[[rule]]
id = "x"
kind = "phrase"
summary = "S"
message = "M {match}"
phrases = ["a b"]
`

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // "line: substring", in order
	}{
		{"toml syntax", "pack = \"p\"\n[[rule]\n", []string{"2: "}},
		{"toml type", "pack = \"p\"\n[[rule]]\nid = \"x\"\nkind = \"count\"\nsummary = \"s\"\nmessage = \"m\"\nphrases = [\"a\"]\nlimit = \"two\"\n", []string{"8: "}},
		{"missing pack", okRule, []string{`1: missing "pack"`}},
		{"bad pack name", "pack = \"House Style\"\n" + okRule, []string{`1: invalid pack name "House Style"`}},
		{"no rules", "pack = \"p\"\n", []string{"1: pack \"p\" defines no rules"}},
		{"unknown top key", "pack = \"p\"\npackage = 1\n" + okRule, []string{`2: unknown key "package"`}},
		{"unknown rule key", "pack = \"p\"\n" + okRule + "phrasse = [\"c\"]\n", []string{`9: unknown rule key "phrasse" (did you mean "phrases"?)`}},
		{"unknown key in second rule", "pack = \"p\"\n" + okRule + strings.Replace(okRule, `id = "x"`, `id = "y"`, 1) + "scpoe = \"body\"\n", []string{`16: unknown rule key "scpoe" (did you mean "scope"?)`}},
		{"unknown kind", "pack = \"p\"\n" + strings.Replace(okRule, `kind = "phrase"`, `kind = "phrases"`, 1), []string{`5: rule x: unknown kind "phrases"`}},
		{"unknown scope", "pack = \"p\"\n" + okRule + "scope = \"headlines\"\n", []string{`9: rule x: unknown scope "headlines" (want headline, body, paragraph, sentence or any) (did you mean "headline"?)`}},
		{"bad severity", "pack = \"p\"\n" + okRule + "severity = \"fatal\"\n", []string{`9: rule x: invalid severity "fatal"`}},
		{"duplicate id", "pack = \"p\"\n" + okRule + okRule, []string{`11: rule "x": duplicate id (first defined on line 4)`}},
		{"bad id", "pack = \"p\"\n" + strings.Replace(okRule, `id = "x"`, `id = "Per_Cent"`, 1), []string{`4: rule "Per_Cent": invalid id`}},
		{"missing id kind summary message", "pack = \"p\"\n[[rule]]\nphrases = [\"a\"]\n", []string{"2: rule #1: missing id", "2: rule #1: missing kind", "2: rule #1: missing summary", "2: rule #1: missing message"}},
		{"bad regex", "pack = \"p\"\n[[rule]]\nid = \"r\"\nkind = \"pattern\"\nsummary = \"s\"\nmessage = \"m\"\npattern = 'a(b'\n", []string{"7: rule r: bad pattern: error parsing regexp: missing closing )"}},
		{"bad exception regex", "pack = \"p\"\n" + okRule + "exceptions = [\"/a[/\"]\n", []string{"9: rule x: bad exception pattern /a[/"}},
		{"key of another kind", "pack = \"p\"\n" + okRule + "pattern = \"a\"\n", []string{`9: rule x: key "pattern" does not apply to kind phrase`}},
		{"kind needs key", "pack = \"p\"\n[[rule]]\nid = \"c\"\nkind = \"count\"\nsummary = \"s\"\nmessage = \"m\"\nphrases = [\"a\"]\n", []string{`2: rule c: kind count needs "limit"`}},
		{"limit too low", "pack = \"p\"\n[[rule]]\nid = \"c\"\nkind = \"count\"\nsummary = \"s\"\nmessage = \"m\"\nphrases = [\"a\"]\nlimit = 0\n", []string{"8: rule c: limit must be at least 1"}},
		{"empty phrases", "pack = \"p\"\n" + strings.Replace(okRule, `phrases = ["a b"]`, `phrases = []`, 1), []string{"8: rule x: no phrases"}},
		{"duplicate phrase", "pack = \"p\"\n" + strings.Replace(okRule, `phrases = ["a b"]`, `phrases = ["a b", "A  B"]`, 1), []string{`8: rule x: phrase "A  B" listed twice`}},
		{"bad placeholder", "pack = \"p\"\n" + strings.Replace(okRule, `M {match}`, `M {replacement}`, 1), []string{"7: rule x: placeholder {replacement} is not available for kind phrase"}},
		{"replacement contains phrase", "pack = \"p\"\n[[rule]]\nid = \"s\"\nkind = \"substitution\"\nsummary = \"s\"\n[rule.replace]\n\"cent\" = \"per cent\"\n", []string{`6: rule s: replacement "per cent" for "cent" contains "cent"`}},
		{"replaced by itself", "pack = \"p\"\n[[rule]]\nid = \"s\"\nkind = \"substitution\"\nsummary = \"s\"\nreplace = { \"Web site\" = \"web  site\" }\n", []string{`6: rule s: "Web site" is replaced by itself`}},
		{"multi-line doc does not confuse lines", "pack = \"p\"\n[[rule]]\ndoc = \"\"\"\nid = \"fake\"\n\"\"\"\nid = \"x\"\nkind = \"phrase\"\nsummary = \"S\"\nmessage = \"M\"\nphrases = [\"a\"]\nbogus = 1\n", []string{`11: unknown rule key "bogus"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("p.toml", []byte(tt.src))
			if err == nil {
				t.Fatal("no error")
			}
			got := strings.Split(err.Error(), "\n")
			if len(got) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(got), len(tt.want), err)
			}
			for i, w := range tt.want {
				if !strings.HasPrefix(got[i], "p.toml:"+w) {
					t.Errorf("error %d = %q, want prefix %q", i, got[i], "p.toml:"+w)
				}
			}
			var pe *Error
			if !errors.As(err, &pe) || pe.File != "p.toml" {
				t.Errorf("error is not a *pack.Error naming the file: %#v", err)
			}
		})
	}
}

func TestParseMeta(t *testing.T) {
	src := `pack = "house"
[[rule]]
id = "per-cent"
kind = "substitution"
severity = "error"
enabled = false
summary = "Write per cent"
replace = { "percent" = "per cent" }
bad = "B"
good = "G"
`
	p, err := Parse("house.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "house" || len(p.Rules) != 1 {
		t.Fatalf("pack = %+v", p)
	}
	m := p.Rules[0].Meta()
	if m.ID != "house/per-cent" || m.Summary != "Write per cent" || m.Severity.String() != "error" ||
		m.Default || !m.Fixable || m.Bad != "B" || m.Good != "G" {
		t.Errorf("meta = %+v", m)
	}
	for _, s := range []string{"Write per cent.", `"percent" → "per cent"`, `rule pack "house"`} {
		if !strings.Contains(m.Doc, s) {
			t.Errorf("doc lacks %q:\n%s", s, m.Doc)
		}
	}
}

func TestLoadFiles(t *testing.T) {
	rules, err := LoadFiles([]string{"../../testdata/packs/house.toml", "../../testdata/packs/headlines.toml"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range rules {
		ids = append(ids, r.Meta().ID)
	}
	want := "house/per-cent house/spelling house/jargon house/intensifiers house/time-format headlines/tabloid-verbs headlines/vague-future headlines/shouting"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("IDs = %s\nwant  %s", got, want)
	}
	if _, err := LoadFiles([]string{"../../testdata/packs/house.toml", "../../testdata/packs/house.toml"}); err == nil ||
		!strings.Contains(err.Error(), `pack "house" is already loaded from`) {
		t.Errorf("duplicate pack: err = %v", err)
	}
	if _, err := LoadFiles([]string{"../../testdata/packs/missing.toml"}); err == nil {
		t.Error("missing file: no error")
	}
	rs, err := LoadDir("../../testdata/packs")
	if err != nil || len(rs) != len(rules) {
		t.Errorf("LoadDir: %d rules, err %v", len(rs), err)
	}
	if rs, err := LoadDir("../../testdata/packs/no-such-dir"); err != nil || rs != nil {
		t.Errorf("LoadDir(missing) = %v, %v; want nothing", rs, err)
	}
}
