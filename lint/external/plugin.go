package external

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"copydesk/lint"
)

// Defaults for Config fields left zero.
const (
	DefaultTimeout   = 10 * time.Second
	DefaultMaxOutput = 16 << 20 // bytes in one answer line
	// MaxFailures is how many times a plugin process may die (crash,
	// time out, flood, garble its output) before copydesk stops restarting
	// it for the rest of the run.
	MaxFailures = 3
)

// Config says how to run one plugin: a [plugin.NAME] table of the config.
type Config struct {
	Name      string         // the plugin's name; its rule IDs are "Name/rule"
	Command   []string       // program and arguments, run without a shell
	Dir       string         // working directory (the config file's); "" is the current one
	Env       []string       // extra KEY=value variables added to copydesk's environment
	Timeout   time.Duration  // per check request; 0 means DefaultTimeout (describe gets at least DefaultTimeout)
	MaxOutput int            // bytes per answer; 0 means DefaultMaxOutput
	Options   map[string]any // sent as "options" with every check request
}

// Plugin is a running external plugin: one long-lived process answering
// requests one at a time. It is safe for concurrent use; requests from
// several goroutines are serialized.
type Plugin struct {
	cfg     Config
	options map[string]any
	rules   []lint.Rule
	local   map[string]bool // local rule IDs

	mu       sync.Mutex // serializes requests; guards the fields below
	proc     *process
	nextID   int
	failures int
	lastErr  error
	closed   bool
}

// process is one run of the plugin's command.
type process struct {
	cmd    *exec.Cmd
	stdin  *os.File // our end of its standard input
	stdout *os.File // our end of its standard output
	out    *bufio.Reader
	stderr *tail
	done   chan struct{} // closed when the process has exited
	err    error         // Wait's error, set before done is closed
}

// Start runs a plugin with default limits and asks it for its rules.
func Start(name string, command []string, timeout time.Duration) (*Plugin, error) {
	return Open(Config{Name: name, Command: command, Timeout: timeout})
}

// Open validates cfg, starts the plugin process and asks it for its rules
// (the describe request). The process keeps running for check requests
// until Close; if it dies it is restarted on the next request, at most
// MaxFailures times in all.
func Open(cfg Config) (*Plugin, error) {
	switch {
	case !lint.ValidID(cfg.Name) || strings.Contains(cfg.Name, "/"):
		return nil, fmt.Errorf("plugin %q: name must be kebab-case", cfg.Name)
	case len(cfg.Command) == 0 || cfg.Command[0] == "":
		return nil, fmt.Errorf("plugin %s: empty command", cfg.Name)
	case cfg.Timeout < 0:
		return nil, fmt.Errorf("plugin %s: negative timeout", cfg.Name)
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.MaxOutput <= 0 {
		cfg.MaxOutput = DefaultMaxOutput
	}
	p := &Plugin{cfg: cfg, options: cfg.Options, local: map[string]bool{}}
	resp, err := p.request(&Request{Copydesk: Version, Method: "describe"})
	if err != nil {
		p.Close()
		return nil, err
	}
	if err := p.describe(resp); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

// Name returns the plugin's name.
func (p *Plugin) Name() string { return p.cfg.Name }

// Rules returns the plugin's rules, IDs "name/rule", in the order the
// plugin described them.
func (p *Plugin) Rules() []lint.Rule { return append([]lint.Rule(nil), p.rules...) }

// Close stops the plugin: its standard input is closed, which tells it to
// exit, and it is killed if it has not exited within a second. Close is
// idempotent; checks after Close fail.
func (p *Plugin) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	if p.proc == nil {
		return nil
	}
	proc := p.proc
	p.proc = nil
	proc.stdin.Close()
	select {
	case <-proc.done:
	case <-time.After(time.Second):
		proc.kill()
		<-proc.done
	}
	proc.stdout.Close()
	return nil
}

func (p *Plugin) errorf(format string, args ...any) error {
	return fmt.Errorf("plugin %s: "+format, append([]any{p.cfg.Name}, args...)...)
}

// start launches the command with pipes we own, so that reading its answers
// never races with exec's own copying.
func (p *Plugin) start() (*process, error) {
	cmd := exec.Command(p.cfg.Command[0], p.cfg.Command[1:]...)
	cmd.Dir = p.cfg.Dir
	cmd.Env = append(os.Environ(), "COPYDESK_PLUGIN="+p.cfg.Name, fmt.Sprintf("COPYDESK_PROTOCOL=%d", Version))
	cmd.Env = append(cmd.Env, p.cfg.Env...)
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, p.errorf("%w", err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, p.errorf("%w", err)
	}
	proc := &process{cmd: cmd, stdin: inW, stdout: outR, stderr: &tail{max: 4 << 10}, done: make(chan struct{})}
	cmd.Stdin, cmd.Stdout, cmd.Stderr = inR, outW, proc.stderr
	cmd.WaitDelay = time.Second // a grandchild holding stderr open must not hang Wait
	setProcessGroup(cmd)
	err = cmd.Start()
	inR.Close()
	outW.Close()
	if err != nil {
		inW.Close()
		outR.Close()
		return nil, p.errorf("cannot start %s: %w", strings.Join(p.cfg.Command, " "), err)
	}
	proc.out = bufio.NewReaderSize(outR, 64<<10)
	go func() {
		proc.err = cmd.Wait()
		close(proc.done)
	}()
	return proc, nil
}

// kill stops the process (and its process group, where there is one) and
// closes our pipe ends so that a pending read or write returns at once.
func (proc *process) kill() {
	select {
	case <-proc.done: // reaped: its process group ID may be reused
	default:
		killProcess(proc.cmd)
	}
	proc.stdin.Close()
	proc.stdout.Close()
}

// request sends one request and reads its answer, starting the process if
// needed. Any failure that leaves the stream in doubt kills the process.
func (p *Plugin) request(req *Request) (*Response, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil, p.errorf("closed")
	}
	if p.failures >= MaxFailures {
		return nil, p.errorf("stopped after %d failures; last: %v", p.failures, p.lastErr)
	}
	if req.Method == "check" {
		p.nextID++
		req.ID = p.nextID
	}
	line, err := json.Marshal(req)
	if err != nil {
		return nil, p.errorf("encoding %s request: %w", req.Method, err)
	}
	line = append(line, '\n')
	if p.proc == nil {
		if p.proc, err = p.start(); err != nil {
			p.fail(err)
			return nil, err
		}
	}
	proc := p.proc
	timeout := p.cfg.Timeout
	if req.Method == "describe" && timeout < DefaultTimeout {
		timeout = DefaultTimeout // describe pays for start-up (interpreters, lexicons)
	}
	var timedOut atomic.Bool
	timer := time.AfterFunc(timeout, func() {
		timedOut.Store(true)
		proc.kill()
	})
	_, werr := proc.stdin.Write(line)
	var answer []byte
	var rerr error
	if werr == nil {
		answer, rerr = readLine(proc.out, p.cfg.MaxOutput)
	}
	timer.Stop()
	switch {
	case timedOut.Load():
		return nil, p.dead(proc, p.errorf("no answer to %s within %s; process killed", req.Method, timeout))
	case errors.Is(rerr, errTooLong):
		return nil, p.dead(proc, p.errorf("answer to %s longer than %d bytes; process killed", req.Method, p.cfg.MaxOutput))
	case werr != nil || rerr != nil:
		return nil, p.dead(proc, p.exitError(proc, req.Method))
	}
	var resp Response
	if err := json.Unmarshal(answer, &resp); err != nil {
		return nil, p.dead(proc, p.errorf("invalid JSON answer to %s: %v: %q; process killed", req.Method, err, clip(answer, 80)))
	}
	if req.Method == "check" && resp.ID != req.ID {
		return nil, p.dead(proc, p.errorf("answer has id %d, want %d; process killed", resp.ID, req.ID))
	}
	if resp.Unsupported {
		return nil, p.errorf("does not support the %s method", req.Method)
	}
	if resp.Error != "" {
		return nil, p.errorf("%s failed: %s", req.Method, resp.Error)
	}
	return &resp, nil
}

// dead kills proc, forgets it and counts the failure.
func (p *Plugin) dead(proc *process, err error) error {
	proc.kill()
	select {
	case <-proc.done:
	case <-time.After(2 * time.Second):
	}
	if p.proc == proc {
		p.proc = nil
	}
	p.fail(err)
	return err
}

func (p *Plugin) fail(err error) {
	p.failures++
	p.lastErr = err
}

// exitError describes a process that stopped answering: its exit status and
// the end of what it wrote to standard error.
func (p *Plugin) exitError(proc *process, method string) error {
	select {
	case <-proc.done:
	case <-time.After(2 * time.Second):
		proc.kill()
		<-proc.done
	}
	status := "closed its output"
	var ee *exec.ExitError
	if errors.As(proc.err, &ee) {
		status = "exited with " + ee.String()
	} else if proc.err == nil {
		status = "exited"
	}
	msg := p.errorf("%s before answering %s", status, method)
	if s := proc.stderr.String(); s != "" {
		msg = fmt.Errorf("%w; stderr: %s", msg, s)
	}
	return msg
}

var errTooLong = errors.New("line too long")

// readLine reads one non-blank line of at most max bytes.
func readLine(r *bufio.Reader, max int) ([]byte, error) {
	for {
		var line []byte
		for {
			chunk, err := r.ReadSlice('\n')
			if len(line)+len(chunk) > max {
				return nil, errTooLong
			}
			line = append(line, chunk...)
			if err == nil {
				break
			}
			if errors.Is(err, bufio.ErrBufferFull) {
				continue
			}
			if err == io.EOF && len(bytes.TrimSpace(line)) > 0 {
				return nil, io.ErrUnexpectedEOF // an answer without its newline: the plugin died mid-write
			}
			return nil, err
		}
		if len(bytes.TrimSpace(line)) > 0 {
			return line, nil
		}
	}
}

func clip(b []byte, n int) string {
	b = bytes.TrimSpace(b)
	if len(b) > n {
		return string(b[:n]) + "…"
	}
	return string(b)
}

// tail keeps the last max bytes written to it.
type tail struct {
	mu  sync.Mutex
	max int
	buf []byte
}

func (t *tail) Write(b []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.buf = append(t.buf, b...)
	if len(t.buf) > t.max {
		t.buf = append(t.buf[:0], t.buf[len(t.buf)-t.max:]...)
	}
	return len(b), nil
}

// String returns the kept text on one line.
func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return strings.Join(strings.Fields(string(t.buf)), " ")
}
