package main

import (
	"context"
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
	runner.AddPlugin(NewTask("purge", time.Duration(24)*time.Hour, func(ctx context.Context) {
//                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/go-scheduler
		purge()
	}))
	time.AfterFunc(time.Minute, func() {
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/go-scheduler
		purge()
	})
	// ok: a deadline for the call, no function run at an interval
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	// ok: a response's cache lifetime, with the function that writes the body
	response.NewBuilder(w, r).WithCaching(etag, 72*time.Hour, func(b *response.Builder) {
		b.WithBody(icon)
	})
	// ok: a retry's delay is no schedule
	_ = retry.Do(func() error { return ping(ctx) }, retry.Delay(time.Second))
}
