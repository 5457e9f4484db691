package jobs

import (
	"os/exec"
	"time"
)

func Retry(attempt int, backoff time.Duration) {
	time.Sleep(5 * time.Second)
//^^^^^^^^^^ long-running/go-sleep-exec
	time.Sleep(backoff)
//^^^^^^^^^^ long-running/go-sleep-exec
	// ok: a sub-second back-off
	time.Sleep(100 * time.Millisecond)
	// ok: a program run during the request is go-exec-command's (advisory)
	out, _ := exec.Command("convert", "a.png", "b.jpg").Output()
	_ = out
}
