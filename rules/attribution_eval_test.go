package rules

import (
	"bufio"
	"copydesk/lint/linttest/corpus"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"copydesk/lint"
	"copydesk/lint/parse"
	"copydesk/rules/internal/prose"
)

// These measurements read the evaluation corpus at run time and are skipped
// unless COPYDESK_CORPUS names its directory (../shared/corpus). Nothing from
// the corpus is stored in the repository. COPYDESK_EVAL_VERBOSE=1 prints the
// false positives for reading.

// corpusDir returns $COPYDESK_CORPUS, skipping the test or benchmark when
// it is not set: corpus measurements are opt-in and never needed by go test.
func corpusDir(t testing.TB) string {
	t.Helper()
	return corpus.Dir(t)
}

// CorpusDir is corpusDir for the external test package (rules_test).
var CorpusDir = corpusDir

func verbose() bool { return os.Getenv("COPYDESK_EVAL_VERBOSE") != "" }

type polnearSentence struct {
	Article      string `json:"article"`
	Index        int    `json:"sentence_index"`
	Text         string `json:"text"`
	Label        string `json:"label"`
	Attributions []struct {
		Type   string `json:"type"`
		Cue    string `json:"cue"`
		Source string `json:"source"`
	} `json:"attributions"`
}

// readJSONL decodes one JSON object per line.
func readJSONL[T any](path string) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpus %s: %w", path, err)
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, fmt.Errorf("corpus %s: %w", path, err)
		}
		out = append(out, v)
	}
	return out, sc.Err()
}

// openQuote reports whether s leaves a double quotation open.
func openQuote(s string) bool {
	straight := strings.Count(s, "\"")
	return straight%2 == 1 || strings.Count(s, "“") > strings.Count(s, "”")
}

// rebuild makes a plain-text draft of an article's sentences: the headline,
// a blank line, then the body with a paragraph break after each sentence
// that leaves no quote open. It returns the source span of each sentence.
func rebuild(sents []polnearSentence) ([]byte, []lint.Span) {
	var b strings.Builder
	spans := make([]lint.Span, len(sents))
	open := false
	for i, s := range sents {
		text := strings.ReplaceAll(strings.TrimSpace(s.Text), "\n", " ")
		if i > 0 {
			switch {
			case i == 1:
				b.WriteString("\n\n")
			case open:
				b.WriteString(" ")
			default:
				b.WriteString("\n\n")
			}
		}
		spans[i] = lint.Span{Start: b.Len(), End: b.Len() + len(text)}
		b.WriteString(text)
		if i > 0 {
			open = openQuote(text) != open
		}
	}
	b.WriteString("\n")
	return []byte(b.String()), spans
}

type prf struct{ tp, fp, fn int }

func (m prf) String() string {
	p := float64(m.tp) / float64(max(1, m.tp+m.fp))
	r := float64(m.tp) / float64(max(1, m.tp+m.fn))
	return fmt.Sprintf("precision %.3f (%d/%d)  recall %.3f (%d/%d)", p, m.tp, m.tp+m.fp, r, m.tp, m.tp+m.fn)
}

func runRule(r lint.Rule, path string, src []byte) (*lint.Document, []lint.Finding, error) {
	doc, err := parse.Parse(path, src)
	if err != nil {
		return nil, nil, err
	}
	fs, err := lint.CheckDocument(doc, []lint.Active{{Rule: r, Severity: lint.Warning}})
	return doc, fs, err
}

// TestEvalPolNeAR measures unattributed-claim against PolNeAR's sourceless
// attributions, and the anonymous classifier against its source strings.
func TestEvalPolNeAR(t *testing.T) {
	dir := corpusDir(t)
	rows, err := readJSONL[polnearSentence](filepath.Join(dir, "polnear-attribution", "dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	byArticle := map[string][]polnearSentence{}
	var order []string
	for _, r := range rows {
		if _, ok := byArticle[r.Article]; !ok {
			order = append(order, r.Article)
		}
		byArticle[r.Article] = append(byArticle[r.Article], r)
	}
	rule := NewUnattributedClaim()
	var m prf
	fpKeys := map[string]int{}
	tpKeys := map[string]int{}
	anonArticles, articles := 0, 0
	for _, art := range order {
		sents := byArticle[art]
		sort.Slice(sents, func(i, j int) bool { return sents[i].Index < sents[j].Index })
		src, spans := rebuild(sents)
		doc, fs, err := runRule(rule, art+".txt", src)
		if err != nil {
			t.Fatal(err)
		}
		flagged := make([]string, len(sents))
		for _, f := range fs {
			for i, sp := range spans {
				if sp.Contains(f.Source.Start) {
					flagged[i] = strings.ToLower(doc.Slice(f.Span))
				}
			}
		}
		for i, s := range sents {
			if i == 0 {
				continue
			}
			pos := s.Label == "sourceless_attribution"
			switch {
			case flagged[i] != "" && pos:
				m.tp++
				tpKeys[flagged[i]]++
			case flagged[i] != "":
				m.fp++
				fpKeys[flagged[i]]++
				if verbose() {
					fmt.Printf("FP %q: %s\n", flagged[i], s.Text)
				}
			case pos:
				m.fn++
			}
		}
		articles++
		_, afs, _ := runRule(NewAnonymousSourcing(), art+".txt", src)
		if len(afs) > 0 {
			anonArticles++
		}
	}
	t.Logf("PolNeAR dev, unattributed-claim (sentence level): %s", m)
	t.Logf("PolNeAR dev, anonymous-sourcing fires on %d of %d articles", anonArticles, articles)
	t.Logf("true positives by construction: %v", topKeys(tpKeys, 15))
	t.Logf("false positives by construction: %v", topKeys(fpKeys, 25))
}

func topKeys(m map[string]int, n int) string {
	type kv struct {
		k string
		v int
	}
	var s []kv
	for k, v := range m {
		s = append(s, kv{k, v})
	}
	sort.Slice(s, func(i, j int) bool { return s[i].v > s[j].v || s[i].v == s[j].v && s[i].k < s[j].k })
	var b strings.Builder
	for i, e := range s {
		if i == n {
			break
		}
		fmt.Fprintf(&b, "%s=%d ", e.k, e.v)
	}
	return b.String()
}

// TestEvalPolNeARSources measures the source classifier: for PolNeAR's
// sourced attributions whose cue the analysis also finds, how often the
// analysis calls a source anonymous that a reader would call anonymous. The
// reference rule for the source string: it has no capitalised word after its
// first, and its head is an unnamed person or group (official, source,
// people, aide, insider, analyst, expert, critic, resident...).
func TestEvalPolNeARSources(t *testing.T) {
	dir := corpusDir(t)
	rows, err := readJSONL[polnearSentence](filepath.Join(dir, "polnear-attribution", "dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	var m prf
	for _, r := range rows {
		if r.Index == 0 || r.Label == "none" {
			continue
		}
		src := []byte("Headline\n\n" + strings.ReplaceAll(r.Text, "\n", " ") + "\n")
		doc, err := parse.Parse("s.txt", src)
		if err != nil {
			t.Fatal(err)
		}
		a := prose.Analyze(doc)
		for _, at := range r.Attributions {
			if at.Type != "sourced" || at.Source == "" {
				continue
			}
			want := referenceAnonymous(at.Source)
			got, found := false, false
			for _, x := range a.Attributions {
				if a.Sentences[x.Sentence].Headline || x.Pronoun {
					continue
				}
				if strings.Contains(at.Source, doc.Slice(x.Source)) || strings.Contains(doc.Slice(x.Source), at.Source) {
					found = true
					got = x.Class == prose.Anonymous || x.Class == prose.Weasel
				}
			}
			if !found {
				continue
			}
			switch {
			case got && want:
				m.tp++
			case got:
				m.fp++
				if verbose() {
					fmt.Printf("SRC-FP %q\n", at.Source)
				}
			case want:
				m.fn++
				if verbose() {
					fmt.Printf("SRC-FN %q\n", at.Source)
				}
			}
		}
	}
	t.Logf("PolNeAR dev, anonymous source classification (matched sources): %s", m)
}

var referenceAnonHeads = map[string]bool{
	"official": true, "officials": true, "source": true, "sources": true, "people": true, "person": true,
	"aide": true, "aides": true, "insider": true, "insiders": true, "analyst": true, "analysts": true,
	"expert": true, "experts": true, "critic": true, "critics": true, "resident": true, "residents": true,
	"observers": true, "some": true, "many": true, "others": true, "another": true, "diplomat": true,
	"diplomats": true, "strategist": true, "strategists": true, "adviser": true, "advisers": true,
	"advisor": true, "advisors": true, "supporters": true, "allies": true, "voters": true,
	"operative": true, "operatives": true, "donors": true, "members": true, "staffers": true,
	"one": true, "executive": true, "executives": true, "employee": true, "employees": true,
	"friend": true, "friends": true, "colleague": true, "colleagues": true, "activist": true,
	"activists": true, "economists": true, "scientists": true, "researchers": true, "man": true,
	"woman": true, "someone": true, "worker": true, "workers": true, "confidant": true, "insider's": true,
	"commenter": true, "lawmakers": true, "republicans": true, "democrats": true, "leader": true,
}

// referenceAnonymous is the documented reference rule for PolNeAR source
// strings: the head word (the word before the first comma, "who", "that" or
// complement word — familiar, close, briefed, at, with, in, of, from, for,
// on, to — else the last word) is an unnamed-person noun or quantifier, and
// the string carries no personal name (two consecutive capitalised words
// after its first word, as in "his aide, Tad Devine").
func referenceAnonymous(s string) bool {
	words := strings.Fields(strings.NewReplacer(",", " , ").Replace(s))
	if len(words) == 0 || len(words) > 16 {
		return false
	}
	isCap := func(w string) bool {
		return w != "" && strings.ToUpper(w[:1]) == w[:1] && strings.ToLower(w[:1]) != w[:1]
	}
	for i := 1; i+1 < len(words); i++ {
		if isCap(words[i]) && isCap(words[i+1]) && !referenceAnonHeads[strings.ToLower(words[i+1])] {
			return false
		}
	}
	head := strings.ToLower(strings.Trim(words[len(words)-1], ".,;:"))
	for i, w := range words {
		switch strings.ToLower(w) {
		case ",", "who", "that", "familiar", "close", "briefed", "at", "with", "in", "of", "from", "for", "on", "to":
			if i > 0 {
				head = strings.ToLower(words[i-1])
			}
		default:
			continue
		}
		break
	}
	return referenceAnonHeads[head]
}

type szegedSentence struct {
	Text  string `json:"text"`
	Label string `json:"label"`
	Cues  []struct {
		Type string `json:"type"`
	} `json:"cues"`
}

// TestEvalSzeged measures unattributed-claim on Wikipedia sentences:
// precision against "uncertain" sentences, recall of doxastic ones.
func TestEvalSzeged(t *testing.T) {
	dir := corpusDir(t)
	rows, err := readJSONL[szegedSentence](filepath.Join(dir, "szeged-wiki-uncertainty", "dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	rule := NewUnattributedClaim()
	var unc, dox prf
	for _, r := range rows {
		src := []byte("Headline\n\n" + strings.ReplaceAll(r.Text, "\n", " ") + "\n")
		doc, fs, err := runRule(rule, "s.txt", src)
		if err != nil {
			t.Fatal(err)
		}
		isDox := false
		for _, c := range r.Cues {
			if c.Type == "doxastic" {
				isDox = true
			}
		}
		hit := len(fs) > 0
		switch {
		case hit && r.Label == "uncertain":
			unc.tp++
		case hit:
			unc.fp++
			if verbose() {
				fmt.Printf("SZ-FP %q: %s\n", doc.Slice(fs[0].Span), r.Text)
			}
		case r.Label == "uncertain":
			unc.fn++
		}
		switch {
		case hit && isDox:
			dox.tp++
		case hit:
			dox.fp++
		case isDox:
			dox.fn++
		}
	}
	t.Logf("Szeged wiki dev, unattributed-claim vs any uncertainty cue: %s", unc)
	t.Logf("Szeged wiki dev, unattributed-claim vs doxastic cue sentences: %s", dox)
}

// TestEvalArticles reports how often each rule fires on published articles
// (no labels: a rule firing on most of them is crying wolf).
func TestEvalArticles(t *testing.T) {
	dir := corpusDir(t)
	paths, err := filepath.Glob(filepath.Join(dir, "articles", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []lint.Rule{NewUnattributedClaim(), NewAnonymousSourcing()} {
		files, findings := 0, 0
		keys := map[string]int{}
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			doc, fs, err := runRule(r, p, src)
			if err != nil {
				continue
			}
			if len(fs) > 0 {
				files++
			}
			findings += len(fs)
			for _, f := range fs {
				keys[strings.ToLower(doc.Slice(f.Span))]++
				if verbose() {
					fmt.Printf("ART %s %s: %q in %s\n", r.Meta().ID, filepath.Base(p), doc.Slice(f.Span), sentenceOf(doc, f.Span))
				}
			}
		}
		t.Logf("articles: %s fires on %d of %d files (%d findings); top: %s", r.Meta().ID, files, len(paths), findings, topKeys(keys, 12))
	}
}

func sentenceOf(doc *lint.Document, sp lint.Span) string {
	for _, b := range doc.Blocks {
		for _, s := range b.Sentences {
			if s.Contains(sp.Start) {
				return doc.Slice(s)
			}
		}
	}
	return ""
}
