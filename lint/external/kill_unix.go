//go:build unix

package external

import (
	"os/exec"
	"syscall"
)

// setProcessGroup puts the plugin in its own process group, so that a
// plugin started through a shell or a wrapper is killed with its children.
func setProcessGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
}

func killProcess(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	_ = cmd.Process.Kill()
}
