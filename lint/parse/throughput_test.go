package parse

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestThroughput reports parsing speed in MB per CPU-second (user+system
// time of the whole process, GC included), which stays meaningful on a
// loaded machine where wall-clock benchmarks do not. Run it with
// COPYDESK_THROUGHPUT=1 go test -run Throughput -v ./lint/parse/
func TestThroughput(t *testing.T) {
	if os.Getenv("COPYDESK_THROUGHPUT") == "" {
		t.Skip("set COPYDESK_THROUGHPUT=1 to measure")
	}
	for _, name := range []string{"draft.txt", "draft.md", "draft.html"} {
		src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "parse", name))
		if err != nil {
			t.Fatal(err)
		}
		const rounds = 3000
		before := cpuTime()
		wall := time.Now()
		for range rounds {
			if _, err := Parse(name, src); err != nil {
				t.Fatal(err)
			}
		}
		cpu := cpuTime() - before
		mb := float64(len(src)*rounds) / 1e6
		t.Logf("%-10s %7.1f MB/CPU-s  (%.1f MB in %v CPU, %v wall)", name, mb/cpu.Seconds(), mb, cpu.Round(time.Millisecond), time.Since(wall).Round(time.Millisecond))
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
