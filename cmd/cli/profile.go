package cli

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// profileOptions are the developer flags of `copydesk check` that write
// pprof profiles of the run (README: Developer guide, Benchmarks):
//
//	copydesk check --cpuprofile cpu.out --memprofile mem.out drafts/
//	go tool pprof -top copydesk cpu.out
type profileOptions struct {
	CPU string // --cpuprofile FILE
	Mem string // --memprofile FILE
}

func defineProfileFlags(fs *flag.FlagSet, p *profileOptions) {
	fs.StringVar(&p.CPU, "cpuprofile", "", "developer: write a CPU profile of the run to `FILE` (go tool pprof)")
	fs.StringVar(&p.Mem, "memprofile", "", "developer: write a heap profile (allocations) at the end of the run to `FILE`")
}

// init adds the profile flags to `copydesk check` (registered by check.go,
// whose init runs first: a package's files are initialized in name order)
// and wraps the command so the profiles cover the whole run; the wrapper
// also sets the GC ballast (gc.go).
func init() {
	c, ok := commands["check"]
	if !ok {
		return
	}
	setup := c.setup
	c.setup = func(a *app, fs *flag.FlagSet) func([]string) int {
		p := &profileOptions{}
		defineProfileFlags(fs, p)
		run := setup(a, fs)
		return func(args []string) int {
			setBallast(args) // gc.go
			stop, err := startProfiles(*p)
			if err != nil {
				return a.errorf(c, "%v", err)
			}
			code := run(args)
			if err := stop(); err != nil {
				fmt.Fprintf(a.stderr, "copydesk check: %v\n", err)
				code = max(code, ExitError)
			}
			return code
		}
	}
}

// startProfiles starts the CPU profile and returns the function that stops
// it and writes the heap profile.
func startProfiles(p profileOptions) (stop func() error, err error) {
	var cpu *os.File
	if p.CPU != "" {
		f, err := os.Create(p.CPU)
		if err != nil {
			return nil, fmt.Errorf("--cpuprofile: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			_ = f.Close()
			return nil, fmt.Errorf("--cpuprofile %s: %w", p.CPU, err)
		}
		cpu = f
	}
	return func() error {
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				return fmt.Errorf("--cpuprofile %s: %w", p.CPU, err)
			}
		}
		if p.Mem == "" {
			return nil
		}
		f, err := os.Create(p.Mem)
		if err != nil {
			return fmt.Errorf("--memprofile: %w", err)
		}
		runtime.GC() // up-to-date statistics
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			_ = f.Close()
			return fmt.Errorf("--memprofile %s: %w", p.Mem, err)
		}
		if err := f.Close(); err != nil {
			return fmt.Errorf("--memprofile %s: %w", p.Mem, err)
		}
		return nil
	}, nil
}
