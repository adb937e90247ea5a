package rules_test

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"copydesk/lint"
	"copydesk/lint/parse"
	"copydesk/rules"
)

// TestDebrisCorpus scores scrape-debris per line on the scrapinghub
// boilerplate corpus (debris = positive, body = negative, other labels
// ignored). It runs only when COPYDESK_CORPUS names the corpus directory
// (../shared/corpus); nothing from the corpus is kept. Each labeled line
// becomes its own paragraph of a plain-text draft under a neutral headline,
// unless COPYDESK_LAYOUT=lines, which puts one labeled line per line with
// no blank lines between (as an extractor's text is pasted).
func TestDebrisCorpus(t *testing.T) {
	dir := rules.CorpusDir(t)
	split := os.Getenv("COPYDESK_SPLIT")
	if split == "" {
		split = "dev"
	}
	f, err := os.Open(filepath.Join(dir, "scrapinghub-boilerplate", split+".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sep := "\n\n"
	if os.Getenv("COPYDESK_LAYOUT") == "lines" {
		sep = "\n"
	}
	var rule lint.Rule = rules.NewScrapeDebris()
	if os.Getenv("COPYDESK_FEATURE") != "" {
		rule, err = rules.NewScrapeDebris().Configure(func(v any) error {
			v.(*rules.ScrapeDebrisOptions).FeatureOnly = true
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	type score struct{ tp, fp, fn, tn int }
	scores := map[string]*score{}
	cats := map[string][2]int{} // message category → tp, fp
	var fpSamples []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var row struct {
			URL   string `json:"url"`
			Lines map[string][]struct {
				Text  string `json:"text"`
				Label string `json:"label"`
			} `json:"lines"`
		}
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			t.Fatal(err)
		}
		for src, lines := range row.Lines {
			key := "extracted"
			if src == "raw" {
				key = "raw"
			}
			var b strings.Builder
			b.WriteString("Scraped page\n\n")
			starts := make([]int, len(lines))
			for i, ln := range lines {
				if i > 0 {
					b.WriteString(sep)
				}
				starts[i] = b.Len()
				b.WriteString(strings.TrimSpace(strings.ReplaceAll(ln.Text, "\n", " ")))
			}
			b.WriteString("\n")
			doc, err := parse.Parse("page.txt", []byte(b.String()))
			if err != nil {
				t.Fatal(err)
			}
			fs, err := lint.CheckDocument(doc, []lint.Active{{Rule: rule, Severity: lint.Error}})
			if err != nil {
				t.Fatal(err)
			}
			for i, ln := range lines {
				start := starts[i]
				end := start + len(strings.TrimSpace(ln.Text))
				hit := ""
				for _, fd := range fs {
					if fd.Source.Start < end && fd.Source.End > start {
						hit = fd.Message
						break
					}
				}
				s := scores[key]
				if s == nil {
					s = &score{}
					scores[key] = s
				}
				cat := hit
				if i := strings.Index(hit, "("); i >= 0 {
					cat = hit[i+1 : strings.Index(hit, ")")]
				}
				switch {
				case ln.Label == "debris" && hit != "":
					if os.Getenv("COPYDESK_SHOWTP") != "" && strings.Contains(hit, os.Getenv("COPYDESK_SHOWTP")) {
						t.Logf("TP %s %.100q", key, ln.Text)
					}
					s.tp++
					c := cats[cat]
					c[0]++
					cats[cat] = c
				case ln.Label == "debris":
					s.fn++
					if os.Getenv("COPYDESK_SHOWFN") != "" && key == os.Getenv("COPYDESK_SHOWFN") {
						t.Logf("FN %s %.90q", src, ln.Text)
					}
				case ln.Label == "body" && hit != "":
					s.fp++
					c := cats[cat]
					c[1]++
					cats[cat] = c
					fpSamples = append(fpSamples, fmt.Sprintf("%s [%s] %.100q", key, cat, ln.Text))
				case ln.Label == "body":
					s.tn++
				}
			}
		}
	}
	keys := make([]string, 0, len(scores))
	for k := range scores {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		s := scores[k]
		p := float64(s.tp) / float64(max(1, s.tp+s.fp))
		r := float64(s.tp) / float64(max(1, s.tp+s.fn))
		t.Logf("%-10s precision %.3f (%d/%d)  recall %.3f (%d/%d)", k, p, s.tp, s.tp+s.fp, r, s.tp, s.tp+s.fn)
	}
	names := make([]string, 0, len(cats))
	for k := range cats {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		t.Logf("  %-28s tp %5d  fp %4d", k, cats[k][0], cats[k][1])
	}
	if os.Getenv("COPYDESK_SHOWFP") != "" {
		for _, s := range fpSamples {
			t.Log(s)
		}
	}
}

// TestDebrisArticles runs the three debris rules over the real published
// articles in $COPYDESK_CORPUS/articles and logs how many files each
// category fires on, with samples (COPYDESK_SHOWFP=1), to catch a rule that
// cries wolf. Nothing from the corpus is kept.
func TestDebrisArticles(t *testing.T) {
	dir := rules.CorpusDir(t)
	paths, err := filepath.Glob(filepath.Join(dir, "articles", "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no articles: %v", err)
	}
	active := []lint.Active{
		{Rule: rules.NewScrapeDebris(), Severity: lint.Error},
		{Rule: rules.NewMojibake(), Severity: lint.Error},
		{Rule: rules.NewGluedWords(), Severity: lint.Info},
	}
	files := map[string]int{}
	total := map[string]int{}
	var samples []string
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := parse.Parse(p, src)
		if err != nil {
			continue
		}
		fs, err := lint.CheckDocument(doc, active)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, f := range fs {
			cat := f.Rule
			if i := strings.Index(f.Message, "("); i >= 0 && f.Rule == "scrape-debris" {
				cat += "/" + f.Message[i+1:strings.Index(f.Message, ")")]
			}
			if strings.HasPrefix(cat, "scrape-debris/leftover") {
				cat = "scrape-debris/leftover"
			}
			total[cat]++
			if !seen[cat] {
				seen[cat] = true
				files[cat]++
			}
			samples = append(samples, fmt.Sprintf("%s %s: %.90q", filepath.Base(p), cat, doc.Slice(f.Span)))
		}
	}
	names := make([]string, 0, len(files))
	for k := range files {
		names = append(names, k)
	}
	sort.Strings(names)
	t.Logf("%d articles", len(paths))
	for _, k := range names {
		t.Logf("  %-40s files %4d  findings %5d", k, files[k], total[k])
	}
	if os.Getenv("COPYDESK_SHOWFP") != "" {
		for _, s := range samples {
			t.Log(s)
		}
	}
}

// TestDebrisHTMLPages lints the real saved pages in
// $COPYDESK_CORPUS/scrapinghub-boilerplate/html/*.html.gz with the three
// debris rules, applies every safe fix until none is left, and checks that
// the fixes converge and that every sentence no finding touched is still in
// the fixed page. The pages are read in memory only.
func TestDebrisHTMLPages(t *testing.T) {
	dir := rules.CorpusDir(t)
	paths, _ := filepath.Glob(filepath.Join(dir, "scrapinghub-boilerplate", "html", "*.html.gz"))
	if len(paths) == 0 {
		t.Skip("no pages")
	}
	check := func(path string, src []byte) (*lint.Document, []lint.Finding, error) {
		doc, err := parse.Parse(path, src)
		if err != nil {
			return nil, nil, err
		}
		fs, err := lint.CheckDocument(doc, debrisRules())
		return doc, fs, err
	}
	pages, findings, lost, stuck := 0, 0, 0, 0
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			f.Close()
			t.Fatal(err)
		}
		src, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(p), ".gz")
		_, fs, err := check(name, src)
		if err != nil {
			continue // not UTF-8 and the like: the parser's business
		}
		pages++
		findings += len(fs)
		gone, ok, err := fixKeepsStory(name, src, check)
		if err != nil || !ok {
			stuck++
			t.Logf("%s: fixes did not converge: %v", name, err)
		}
		for _, sent := range gone {
			lost++
			if lost <= 10 {
				t.Logf("%s: sentence lost: %.80q", name, sent)
			}
		}
	}
	t.Logf("%d pages, %d findings, %d sentences lost, %d pages did not converge", pages, findings, lost, stuck)
	if lost > 0 || stuck > 0 {
		t.Fail()
	}
}

// benchArticles times one rule over the parsed published articles in
// $COPYDESK_CORPUS/articles (parsing excluded), in CPU time as well.
func benchArticles(b *testing.B, r lint.Rule) {
	dir := rules.CorpusDir(b)
	paths, _ := filepath.Glob(filepath.Join(dir, "articles", "*.txt"))
	var docs []*lint.Document
	size := 0
	for _, p := range paths {
		src, _ := os.ReadFile(p)
		d, err := parse.Parse(p, src)
		if err != nil {
			continue
		}
		docs = append(docs, d)
		size += len(src)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := processCPU()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			_ = r.Check(lint.NewPass(d, r.Meta().ID, lint.Error, func(lint.Finding) {}))
		}
	}
	if cpu := processCPU() - cpu0; cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "cpu-MB/s")
	}
}

// BenchmarkDebrisArticlesScrape times scrape-debris over the articles.
func BenchmarkDebrisArticlesScrape(b *testing.B) { benchArticles(b, rules.NewScrapeDebris()) }

// BenchmarkDebrisArticlesMojibake times mojibake over the articles.
func BenchmarkDebrisArticlesMojibake(b *testing.B) { benchArticles(b, rules.NewMojibake()) }

// BenchmarkDebrisArticlesGlued times glued-words over the articles.
func BenchmarkDebrisArticlesGlued(b *testing.B) { benchArticles(b, rules.NewGluedWords()) }
