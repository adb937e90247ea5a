package pack_test

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"copydesk/lint"
	"copydesk/lint/linttest"
	"copydesk/lint/pack"
	"copydesk/lint/parse"
)

// checker lints with all given rules at their default severities.
func checker(rules []lint.Rule) linttest.Linter {
	active := make([]lint.Active, len(rules))
	for i, r := range rules {
		active[i] = lint.Active{Rule: r, Severity: r.Meta().Severity}
	}
	return func(path string, src []byte) (*lint.Document, []lint.Finding, error) {
		doc, err := parse.Parse(path, src)
		if err != nil {
			return nil, nil, err
		}
		fs, err := lint.CheckDocument(doc, active)
		return doc, fs, err
	}
}

// TestPackFixtures runs every example pack in testdata/packs over its
// fixtures in testdata/packs/<pack>/, and runs each rule's examples.
func TestPackFixtures(t *testing.T) {
	paths, err := filepath.Glob("../../testdata/packs/*.toml")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no example packs: %v", err)
	}
	for _, path := range paths {
		p, err := pack.LoadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(p.Name, func(t *testing.T) {
			if _, err := lint.NewRegistry(p.Rules...); err != nil {
				t.Fatal(err)
			}
			for _, r := range p.Rules {
				if m := r.Meta(); m.Bad == "" || m.Good == "" {
					t.Errorf("%s: example packs must show bad and good examples", m.ID)
				}
			}
			if err := pack.CheckExamples(p.Rules, parse.Parse); err != nil {
				t.Error(err)
			}
			linttest.RunDir(t, filepath.Join("../../testdata/packs", p.Name), checker(p.Rules))
		})
	}
}

func TestCheckExamplesReportsLine(t *testing.T) {
	src := `pack = "p"
[[rule]]
id = "x"
kind = "phrase"
summary = "s"
message = "m"
phrases = ["slams"]
bad = "Mayor criticises plan\n\nBody.\n"
good = "Mayor slams plan\n\nBody.\n"
`
	p, err := pack.Parse("p.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	err = pack.CheckExamples(p.Rules, parse.Parse)
	want := "p.toml:8: rule p/x: the bad example does not fire\np.toml:9: rule p/x: the good example fires"
	if err == nil || err.Error() != want {
		t.Errorf("err = %v\nwant %s", err, want)
	}
}

// finding is the part of a finding the behavior table compares.
type finding struct {
	Text, Message, Fix string
}

func TestRuleBehavior(t *testing.T) {
	tests := []struct {
		name  string
		rule  string // [[rule]] body, id "r"
		draft string // plain text: headline, blank line, body
		want  []finding
	}{
		{
			name:  "phrase in headline scope ignores body",
			rule:  `kind = "phrase"` + "\n" + `scope = "headline"` + "\n" + `message = "Cliché {match}"` + "\n" + `phrases = ["slams"]`,
			draft: "Mayor slams plan\n\nThe mayor slams the plan again.\n",
			want:  []finding{{"slams", "Cliché slams", ""}},
		},
		{
			name:  "body scope ignores headline",
			rule:  `kind = "phrase"` + "\n" + `scope = "body"` + "\n" + `message = "{match}"` + "\n" + `phrases = ["slams"]`,
			draft: "Mayor slams plan\n\nThe mayor Slams the plan again.\n",
			want:  []finding{{"Slams", "Slams", ""}},
		},
		{
			name:  "any scope sees both",
			rule:  `kind = "phrase"` + "\n" + `message = "{match}"` + "\n" + `phrases = ["slams"]`,
			draft: "Mayor slams plan\n\nThe mayor slams the plan again.\n",
			want:  []finding{{"slams", "slams", ""}, {"slams", "slams", ""}},
		},
		{
			name:  "ignore-in-quotes",
			rule:  `kind = "phrase"` + "\n" + `message = "{match}"` + "\n" + `phrases = ["stakeholders"]` + "\n" + `ignore-in-quotes = true`,
			draft: "Depot plan\n\n“We will consult stakeholders,” she said. Stakeholders were not consulted.\n",
			want:  []finding{{"Stakeholders", "Stakeholders", ""}},
		},
		{
			name:  "quotes count without ignore-in-quotes",
			rule:  `kind = "phrase"` + "\n" + `message = "{match}"` + "\n" + `phrases = ["stakeholders"]`,
			draft: "Depot plan\n\n“We will consult stakeholders,” she said.\n",
			want:  []finding{{"stakeholders", "stakeholders", ""}},
		},
		{
			name:  "phrase and regex exceptions",
			rule:  `kind = "phrase"` + "\n" + `message = "{match}"` + "\n" + `phrases = ["going forward"]` + "\n" + `exceptions = ["going forward with", "/(?i)going forward to \\w+/"]`,
			draft: "Plan\n\nGoing forward with the plan. Going forward to the final. Going forward, costs rise.\n",
			want:  []finding{{"Going forward", "Going forward", ""}},
		},
		{
			name:  "substitution keeps case and offers a safe fix",
			rule:  `kind = "substitution"` + "\n" + `replace = { "percent" = "per cent", "fire fighters" = "firefighters" }`,
			draft: "Percent rise\n\nFire fighters got 3 percent more. PERCENT.\n",
			want: []finding{
				{"Percent", `Prefer "Per cent" to "Percent"`, "Per cent"},
				{"Fire fighters", `Prefer "Firefighters" to "Fire fighters"`, "Firefighters"},
				{"percent", `Prefer "per cent" to "percent"`, "per cent"},
				{"PERCENT", `Prefer "PER CENT" to "PERCENT"`, "PER CENT"},
			},
		},
		{
			name:  "pattern with a match group",
			rule:  `kind = "pattern"` + "\n" + `scope = "body"` + "\n" + `message = "Time {match}"` + "\n" + `pattern = '\d (?P<match>pm)\b'`,
			draft: "At 9 pm\n\nThe road shuts at 9 pm and 10pm.\n",
			want:  []finding{{"pm", "Time pm", ""}},
		},
		{
			name:  "count per paragraph",
			rule:  `kind = "count"` + "\n" + `scope = "paragraph"` + "\n" + `limit = 2` + "\n" + `message = "{count} > {limit}: {match}"` + "\n" + `phrases = ["very", "really"]`,
			draft: "Fair\n\nVery busy, really loud, very hot.\n\nVery busy and really loud.\n",
			want:  []finding{{"very", "3 > 2: very", ""}},
		},
		{
			name:  "count across the body",
			rule:  `kind = "count"` + "\n" + `scope = "body"` + "\n" + `limit = 2` + "\n" + `message = "{count}: {match}"` + "\n" + `phrases = ["very"]`,
			draft: "Very fair\n\nVery busy.\n\nVery loud.\n\nVery hot.\n",
			want:  []finding{{"Very", "3: Very", ""}},
		},
		{
			name:  "sentence scope counts per sentence",
			rule:  `kind = "count"` + "\n" + `scope = "sentence"` + "\n" + `limit = 1` + "\n" + `message = "{match}"` + "\n" + `phrases = ["very"]`,
			draft: "Fair\n\nVery busy. Very loud. Very hot and very late.\n",
			want:  []finding{{"very", "very", ""}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "pack = \"p\"\n[[rule]]\nid = \"r\"\nsummary = \"s\"\n" + tt.rule + "\n"
			p, err := pack.Parse("p.toml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			_, fs, err := checker(p.Rules)("draft.txt", []byte(tt.draft))
			if err != nil {
				t.Fatal(err)
			}
			var got []finding
			for _, f := range fs {
				g := finding{Text: tt.draft[f.Source.Start:f.Source.End], Message: f.Message}
				if f.Fix != nil {
					if !f.Fix.Safe || len(f.Fix.Edits) != 1 {
						t.Errorf("fix = %+v, want one safe edit", f.Fix)
					}
					g.Fix = f.Fix.Edits[0].New
				}
				got = append(got, g)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestSubstitutionConverges applies the house pack's fixes and re-lints:
// nothing substitutable may remain.
func TestSubstitutionConverges(t *testing.T) {
	p, err := pack.LoadFile("../../testdata/packs/house.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := []byte("Percent of fire fighters\n\nThe FIRE FIGHTERS got 4 percent; e-mail the web site.\n")
	out, ok, err := linttest.FixAll("d.txt", src, checker(p.Rules), 5)
	if err != nil || !ok {
		t.Fatalf("converged %v, err %v", ok, err)
	}
	want := "Per cent of firefighters\n\nThe FIREFIGHTERS got 4 per cent; email the website.\n"
	if string(out) != want {
		t.Errorf("fixed:\n%s\nwant:\n%s", out, want)
	}
}

// BenchmarkHousePack parses a draft and runs both example packs over it;
// compare with BenchmarkParseOnly for the cost of the packs alone.
func BenchmarkHousePack(b *testing.B) { benchPacks(b, true) }

// BenchmarkParseOnly is BenchmarkHousePack without the rules.
func BenchmarkParseOnly(b *testing.B) { benchPacks(b, false) }

func benchPacks(b *testing.B, withRules bool) {
	rules, err := pack.LoadFiles([]string{"../../testdata/packs/house.toml", "../../testdata/packs/headlines.toml"})
	if err != nil {
		b.Fatal(err)
	}
	para := "The council in Marwick said on Tuesday that it would consult residents about the new depot, which is expected to open next spring after a delay of 14 months.\n\n"
	src := []byte("Council approves depot\n\n" + strings.Repeat(para, 400))
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		doc, err := parse.Parse("bench.txt", src)
		if err != nil {
			b.Fatal(err)
		}
		if !withRules {
			continue
		}
		for _, r := range rules {
			if err := r.Check(lint.NewPass(doc, r.Meta().ID, lint.Warning, func(lint.Finding) {})); err != nil {
				b.Fatal(err)
			}
		}
	}
}
