package parse

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCorpus parses every draft under $COPYDESK_CORPUS (.txt, .md, .html,
// and gzipped .html.gz), checks the document invariants on each and reports
// throughput per format in MB per CPU-second. It reads the corpus at run
// time only; nothing from it is stored.
//
//	COPYDESK_CORPUS=../shared/corpus go test -run Corpus -v ./lint/parse/
func TestCorpus(t *testing.T) {
	root := os.Getenv("COPYDESK_CORPUS")
	if root == "" {
		t.Skip("set COPYDESK_CORPUS to a directory of drafts")
	}
	type stat struct {
		files, bytes, errs int
		cpu                time.Duration
	}
	stats := map[string]*stat{}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		name := path
		gz := strings.HasSuffix(name, ".gz")
		name = strings.TrimSuffix(name, ".gz")
		ext := filepath.Ext(name)
		switch ext {
		case ".txt", ".md", ".html", ".htm":
		default:
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if gz {
			zr, err := gzip.NewReader(bytes.NewReader(src))
			if err != nil {
				return err
			}
			if src, err = io.ReadAll(zr); err != nil {
				return err
			}
		}
		st := stats[ext]
		if st == nil {
			st = &stat{}
			stats[ext] = st
		}
		before := cpuTime()
		doc, err := Parse(name, src)
		st.cpu += cpuTime() - before
		st.files++
		st.bytes += len(src)
		if err != nil {
			st.errs++
			t.Logf("%v", err)
			return nil
		}
		checkDoc(t, doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for ext, st := range stats {
		t.Logf("%-6s %5d files %8.1f MB %3d errors %7.1f MB/CPU-s", ext, st.files, float64(st.bytes)/1e6, st.errs,
			float64(st.bytes)/1e6/st.cpu.Seconds())
	}
}
