package linttest

import (
	"reflect"
	"testing"
)

func TestParseFixture(t *testing.T) {
	src := "Headline\n\nOfficials are said to be angry.\n// want unattributed-claim \"are said to\"\n  // want other-rule\nNext line.\n"
	fx, err := ParseFixture("x.txt", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(fx.Source), "Headline\n\nOfficials are said to be angry.\nNext line.\n"; got != want {
		t.Errorf("source = %q, want %q", got, want)
	}
	want := []Expectation{
		{Rule: "unattributed-claim", Text: "are said to", Line: 3, Orig: 4},
		{Rule: "other-rule", Line: 3, Orig: 5},
	}
	if !reflect.DeepEqual(fx.Want, want) {
		t.Errorf("want = %+v\nexpected %+v", fx.Want, want)
	}
	if got := fx.OrigLine(4); got != 6 {
		t.Errorf("OrigLine(4) = %d, want 6", got)
	}
}

func TestParseFixtureErrors(t *testing.T) {
	for _, src := range []string{
		"// want rule\n",                 // before content
		"text\n// want\n",                // no rule
		"text\n// want Bad_ID\n",         // bad ID
		"text\n// want \"text\" first\n", // text before rule
	} {
		if _, err := ParseFixture("x.txt", []byte(src)); err == nil {
			t.Errorf("%q: expected an error", src)
		}
	}
}

func TestLineDiff(t *testing.T) {
	got := LineDiff("a\nb\nc", "a\nc\nd")
	want := "  a\n- b\n  c\n+ d\n"
	if got != want {
		t.Errorf("LineDiff = %q, want %q", got, want)
	}
}
