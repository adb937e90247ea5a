package pack

import (
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// byteSet is a set of bytes that can begin a match.
type byteSet [256]bool

// firstBytes returns the bytes a match of the RE2 expression can begin with,
// or nil when it cannot tell (a match may be empty or begin with any
// character). A text span containing none of them cannot match, so the
// regular expression, the costly part of a pattern rule, is not run on it.
func firstBytes(expr string) *byteSet {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		return nil
	}
	set := new(byteSet)
	seen := make([]bool, len(prog.Inst))
	stack := []uint32{uint32(prog.Start)}
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		inst := &prog.Inst[pc]
		switch inst.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, inst.Out, inst.Arg)
		case syntax.InstCapture, syntax.InstEmptyWidth, syntax.InstNop:
			stack = append(stack, inst.Out)
		case syntax.InstFail:
		case syntax.InstRune1:
			if !set.addRune(inst.Rune[0], false) {
				return nil
			}
		case syntax.InstRune:
			fold := syntax.Flags(inst.Arg)&syntax.FoldCase != 0
			if len(inst.Rune) == 1 {
				if !set.addRune(inst.Rune[0], fold) {
					return nil
				}
				continue
			}
			for i := 0; i+1 < len(inst.Rune); i += 2 {
				lo, hi := inst.Rune[i], inst.Rune[i+1]
				if hi-lo > 512 && hi >= utf8.RuneSelf {
					set.addNonASCII()
					hi = min(hi, utf8.RuneSelf-1)
				}
				for r := lo; r <= hi; r++ {
					if !set.addRune(r, fold) {
						return nil
					}
				}
			}
		default: // InstMatch (a match may be empty), InstRuneAny...
			return nil
		}
	}
	return set
}

// addRune adds the first byte of r (and of its case variants when fold).
func (s *byteSet) addRune(r rune, fold bool) bool {
	if r < 0 || r > unicode.MaxRune {
		return false
	}
	var buf [utf8.UTFMax]byte
	utf8.EncodeRune(buf[:], r)
	s[buf[0]] = true
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			utf8.EncodeRune(buf[:], f)
			s[buf[0]] = true
		}
	}
	return true
}

// addNonASCII adds every byte that can begin a multi-byte character.
func (s *byteSet) addNonASCII() {
	for b := 0xC2; b <= 0xF4; b++ {
		s[b] = true
	}
}

// any reports whether text contains a byte of the set.
func (s *byteSet) any(text string) bool {
	for i := 0; i < len(text); i++ {
		if s[text[i]] {
			return true
		}
	}
	return false
}

// maxLits bounds the literal sets requiredLits builds.
const maxLits = 16

// requiredLits returns strings one of which every match of the RE2
// expression contains, or nil when it finds none worth checking. A text
// containing none of them cannot match. Case-insensitive parts give up.
func requiredLits(expr string) []string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	lits, _ := required(re.Simplify())
	if len(lits) == 0 {
		return nil
	}
	for _, l := range lits {
		if l == "" {
			return nil
		}
	}
	return lits
}

// required returns literals one of which every match of re contains, and
// whether they are exact: every match of re is one of them.
func required(re *syntax.Regexp) ([]string, bool) {
	if re.Flags&syntax.FoldCase != 0 {
		return nil, false
	}
	switch re.Op {
	case syntax.OpLiteral:
		return []string{string(re.Rune)}, true
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == maxLits {
					return nil, false
				}
				out = append(out, string(r))
			}
		}
		return out, true
	case syntax.OpCapture:
		return required(re.Sub[0])
	case syntax.OpPlus:
		lits, _ := required(re.Sub[0])
		return lits, false
	case syntax.OpRepeat:
		if re.Min >= 1 {
			lits, exact := required(re.Sub[0])
			return lits, exact && re.Min == 1 && re.Max == 1
		}
	case syntax.OpAlternate:
		var out []string
		exact := true
		for _, sub := range re.Sub {
			lits, ex := required(sub)
			if lits == nil || len(out)+len(lits) > maxLits {
				return nil, false
			}
			out = append(out, lits...)
			exact = exact && ex
		}
		return out, exact
	case syntax.OpConcat:
		var best, run []string // run: product of the current run of exact parts
		exact := true
		for _, sub := range re.Sub {
			if isEmptyWidth(sub) {
				continue // consumes no text: the run goes on
			}
			lits, ex := required(sub)
			if ex && len(lits) > 0 {
				if run == nil {
					run = lits
				} else if p := product(run, lits); p != nil {
					run = p
				} else {
					exact = false
					if better(run, best) {
						best = run
					}
					run = lits
				}
				continue
			}
			exact = false
			if better(run, best) {
				best = run
			}
			run = nil
			if better(lits, best) {
				best = lits
			}
		}
		if better(run, best) {
			best = run
		}
		return best, exact && best != nil
	}
	return nil, false
}

// isEmptyWidth reports assertions that match no text (\b, ^, $).
func isEmptyWidth(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginLine, syntax.OpEndLine,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpEmptyMatch:
		return true
	}
	return false
}

// product returns every a+b, or nil when there would be too many.
func product(as, bs []string) []string {
	if len(as)*len(bs) > maxLits {
		return nil
	}
	out := make([]string, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			out = append(out, a+b)
		}
	}
	return out
}

// better prefers the set whose shortest literal is longer (rarer), then the
// smaller set.
func better(a, b []string) bool {
	if len(a) == 0 {
		return false
	}
	if len(b) == 0 {
		return true
	}
	ma, mb := minLen(a), minLen(b)
	if ma != mb {
		return ma > mb
	}
	return len(a) < len(b)
}

func minLen(lits []string) int {
	m := len(lits[0])
	for _, l := range lits[1:] {
		m = min(m, len(l))
	}
	return m
}

// containsAny reports whether text contains one of lits.
func containsAny(text string, lits []string) bool {
	for _, l := range lits {
		if strings.Contains(text, l) {
			return true
		}
	}
	return false
}
