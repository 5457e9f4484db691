package jobs

import (
	"os/exec"
	"strings"
)

func Convert(src, dst string) error {
	out, err := exec.Command("convert", src, dst).Output()
//            ^^^^^^^^^^^^ long-running/go-exec-command
	_ = out
	return err
}

// ok: a package-level command value is no run (and `strings.Command` no exec)
var lookup = strings.ToUpper

func Describe(dir string) ([]byte, error) {
	cmd := exec.CommandContext(nil, "git", "describe")
//         ^^^^^^^^^^^^^^^^^^^ long-running/go-exec-command
	cmd.Dir = dir
	return cmd.Output()
}
