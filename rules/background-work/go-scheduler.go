package main

import (
	"time"

	"github.com/go-co-op/gocron"
	"github.com/robfig/cron/v3"
)

func main() {
	c := cron.New()
//     ^^^^^^^^^^ background-work/go-scheduler
	c.Start()
	s := gocron.NewScheduler(time.UTC)
//     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/go-scheduler
	s.StartAsync()
	go func() {
//^^^^^^^^^^^ background-work/go-scheduler
		t := time.NewTicker(time.Minute)
		for range t.C {
			purge()
		}
	}()
	// ok: a timeout, not a schedule
	ctxTimeout := time.After(time.Second)
	_ = ctxTimeout
}
