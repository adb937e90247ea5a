package pack

import (
	"errors"
	"fmt"

	"copydesk/lint"
)

// CheckExamples runs each rule's Bad and Good examples through parse and the
// rule alone: Bad must fire and Good must stay silent. Problems with pack
// rules name the pack file and the line of the example. Rules without
// examples are skipped. Tools call it after loading packs (parse is
// parse.Parse; the examples are plain text, so they are parsed as
// "example.txt").
func CheckExamples(rules []lint.Rule, parse func(path string, src []byte) (*lint.Document, error)) error {
	var errs []error
	for _, r := range rules {
		m := r.Meta()
		where := func(line int) string {
			if pr, ok := r.(*rule); ok {
				return fmt.Sprintf("%s:%d: ", pr.file, line)
			}
			return ""
		}
		pr, _ := r.(*rule)
		for _, ex := range []struct {
			text string
			fire bool
			line int
		}{{m.Bad, true, lineOf(pr, true)}, {m.Good, false, lineOf(pr, false)}} {
			if ex.text == "" {
				continue
			}
			doc, err := parse("example.txt", []byte(ex.text))
			if err != nil {
				errs = append(errs, fmt.Errorf("%srule %s: example: %w", where(ex.line), m.ID, err))
				continue
			}
			fs, err := lint.CheckDocument(doc, []lint.Active{{Rule: r, Severity: m.Severity}})
			if err != nil {
				errs = append(errs, fmt.Errorf("%srule %s: example: %w", where(ex.line), m.ID, err))
				continue
			}
			fired := false
			for _, f := range fs {
				fired = fired || f.Rule == m.ID
			}
			switch {
			case ex.fire && !fired:
				errs = append(errs, fmt.Errorf("%srule %s: the bad example does not fire", where(ex.line), m.ID))
			case !ex.fire && fired:
				errs = append(errs, fmt.Errorf("%srule %s: the good example fires", where(ex.line), m.ID))
			}
		}
	}
	return errors.Join(errs...)
}

func lineOf(r *rule, bad bool) int {
	if r == nil {
		return 0
	}
	if bad {
		return r.badLine
	}
	return r.goodLine
}
