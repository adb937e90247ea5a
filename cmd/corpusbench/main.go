// Command corpusbench measures copydesk end to end, as an editor or a CI job
// meets it: process start to exit, output discarded. It runs a copydesk
// binary over a folder of drafts several times and prints files/s, MB/s,
// wall time and the child's peak resident memory; with -single it times
// one-draft runs (the pre-commit case) instead.
//
//	go build -o /tmp/copydesk ./cmd/copydesk
//	go run ./cmd/corpusbench -bin /tmp/copydesk ../shared/corpus/articles
//	go run ./cmd/corpusbench -bin /tmp/copydesk -single testdata/sample/draft.md
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type result struct {
	wall   time.Duration
	maxRSS int64 // KiB
}

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("corpusbench", flag.ContinueOnError)
	fl.SetOutput(stderr)
	bin := fl.String("bin", "copydesk", "copydesk binary to run")
	runs := fl.Int("runs", 5, "number of timed runs (the median is reported)")
	jobs := fl.String("j", "", "pass -j N to copydesk (default: copydesk's own default)")
	format := fl.String("format", "text", "output format to ask for (output goes to /dev/null)")
	single := fl.Bool("single", false, "time one-draft runs: the argument is a single file")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: corpusbench [-bin PATH] [-runs N] [-j N] [-format F] [-single] PATH")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() != 1 || *runs < 1 {
		fl.Usage()
		return 2
	}
	target := fl.Arg(0)
	files, bytes, err := measureInput(target)
	if err != nil {
		fmt.Fprintf(stderr, "corpusbench: %v\n", err)
		return 2
	}
	cmdArgs := []string{"check", "--format", *format, "--fail-on", "never", "--color", "never"}
	if *jobs != "" {
		cmdArgs = append(cmdArgs, "-j", *jobs)
	}
	cmdArgs = append(cmdArgs, target)

	// One untimed warm-up run fills the page cache and checks the binary works.
	if _, err := once(*bin, cmdArgs); err != nil {
		fmt.Fprintf(stderr, "corpusbench: %v\n", err)
		return 2
	}
	var rs []result
	for i := 0; i < *runs; i++ {
		r, err := once(*bin, cmdArgs)
		if err != nil {
			fmt.Fprintf(stderr, "corpusbench: %v\n", err)
			return 2
		}
		rs = append(rs, r)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].wall < rs[j].wall })
	med := rs[len(rs)/2]
	var peak int64
	for _, r := range rs {
		peak = max(peak, r.maxRSS)
	}
	secs := med.wall.Seconds()
	fmt.Fprintf(stdout, "machine:   %s/%s, %d CPUs\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU())
	fmt.Fprintf(stdout, "command:   %s %s\n", *bin, strings.Join(cmdArgs, " "))
	fmt.Fprintf(stdout, "input:     %d files, %.2f MB\n", files, float64(bytes)/1e6)
	fmt.Fprintf(stdout, "runs:      %d (median wall %s, min %s, max %s)\n", len(rs),
		ms(med.wall), ms(rs[0].wall), ms(rs[len(rs)-1].wall))
	if !*single {
		fmt.Fprintf(stdout, "files/s:   %.0f\n", float64(files)/secs)
		fmt.Fprintf(stdout, "MB/s:      %.1f\n", float64(bytes)/1e6/secs)
	}
	fmt.Fprintf(stdout, "peak RSS:  %.1f MiB\n", float64(peak)/1024)
	return 0
}

func ms(d time.Duration) string { return strconv.FormatFloat(d.Seconds()*1000, 'f', 1, 64) + " ms" }

// once runs the binary and returns its wall time and peak RSS. Exit codes 0
// and 1 (findings) are success; anything else is an error.
func once(bin string, args []string) (result, error) {
	// The report goes to /dev/null itself, as in the targets: io.Discard
	// would make os/exec pass a pipe and copy the output through this
	// process, which timed the pipe (about a fifth of a corpus run's wall
	// time at -j 2) as well as copydesk.
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		return result{}, err
	}
	defer null.Close()
	cmd := exec.Command(bin, args...)
	cmd.Stdout = null
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		return result{}, fmt.Errorf("%s %s: %w\n%s", bin, strings.Join(args, " "), err, stderr.String())
	}
	r := result{wall: wall}
	r.maxRSS = peakRSS(cmd.ProcessState) // rss_unix.go
	return r, nil
}

// measureInput counts the drafts copydesk will read under path and their size.
func measureInput(path string) (files int, size int64, err error) {
	info, err := os.Stat(path)
	if err != nil {
		return 0, 0, err
	}
	if !info.IsDir() {
		return 1, info.Size(), nil
	}
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != path && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		switch strings.ToLower(filepath.Ext(p)) {
		case ".txt", ".md", ".markdown", ".html", ".htm":
			fi, err := d.Info()
			if err != nil {
				return err
			}
			files++
			size += fi.Size()
		}
		return nil
	})
	return files, size, err
}
