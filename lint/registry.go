package lint

import (
	"fmt"
	"sort"
	"strings"
)

// Registry is the set of known rules, by ID.
type Registry struct {
	rules map[string]Rule
	order []string
}

// NewRegistry returns a registry holding rules, or an error if one is malformed.
func NewRegistry(rules ...Rule) (*Registry, error) {
	r := &Registry{rules: map[string]Rule{}}
	return r, r.Add(rules...)
}

// Add registers rules. A duplicate or malformed ID, a missing summary or doc,
// or an invalid default severity is an error.
func (r *Registry) Add(rules ...Rule) error {
	if r.rules == nil {
		r.rules = map[string]Rule{}
	}
	for _, rule := range rules {
		m := rule.Meta()
		switch {
		case !ValidID(m.ID):
			return fmt.Errorf("rule %q: ID must be kebab-case (optionally pack/rule)", m.ID)
		case r.rules[m.ID] != nil:
			return fmt.Errorf("rule %q: registered twice", m.ID)
		case strings.TrimSpace(m.Summary) == "":
			return fmt.Errorf("rule %q: missing summary", m.ID)
		case strings.TrimSpace(m.Doc) == "":
			return fmt.Errorf("rule %q: missing doc", m.ID)
		case m.Severity < Info || m.Severity > Error:
			return fmt.Errorf("rule %q: invalid default severity", m.ID)
		}
		r.rules[m.ID] = rule
		r.order = append(r.order, m.ID)
	}
	return nil
}

// Get returns the rule with the given ID.
func (r *Registry) Get(id string) (Rule, bool) {
	rule, ok := r.rules[id]
	return rule, ok
}

// IDs returns all rule IDs sorted.
func (r *Registry) IDs() []string {
	ids := append([]string(nil), r.order...)
	sort.Strings(ids)
	return ids
}

// Rules returns the rules in registration order.
func (r *Registry) Rules() []Rule {
	out := make([]Rule, len(r.order))
	for i, id := range r.order {
		out[i] = r.rules[id]
	}
	return out
}

// Suggest returns the known ID closest to id, or "" when none is close
// enough to be a likely typo.
func (r *Registry) Suggest(id string) string {
	return Suggest(id, r.order)
}

// DidYouMean returns ` (did you mean "x"?)` naming the candidate closest
// to s (by edit distance, else the first that s is a prefix of), or "".
func DidYouMean(s string, candidates []string) string {
	m := Suggest(s, candidates)
	if m == "" && len(s) >= 3 {
		for _, c := range candidates {
			if strings.HasPrefix(c, s) {
				m = c
				break
			}
		}
	}
	if m != "" {
		return fmt.Sprintf(" (did you mean %q?)", m)
	}
	return ""
}

// Suggest returns the candidate closest to s by edit distance, or "" if none
// is within a third of the length (at least 2 edits).
func Suggest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := editDistance(s, c); d < bestD {
			best, bestD = c, d
		}
	}
	limit := len(s) / 3
	if limit < 2 {
		limit = 2
	}
	if bestD <= limit {
		return best
	}
	return ""
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
