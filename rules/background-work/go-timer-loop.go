package main

import (
	"context"
	"time"
)

type Task struct {
	Interval time.Duration
	Fn       func(context.Context)
}

func (t *Task) Start(ctx context.Context) error {
	timer := time.NewTimer(t.Interval)
	for {
//^^^^^ background-work/go-timer-loop
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
			timer.Reset(t.Interval)
			t.Fn(ctx)
		}
	}
}

func poll(ctx context.Context) {
	for {
//^^^^^ background-work/go-timer-loop
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Minute):
			refresh()
		}
	}
}

func fetch(ctx context.Context) error {
	// ok: a timeout on one call, not a loop
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(5 * time.Second):
		return errTimeout
	}
}

func drain(jobs chan int) {
	// ok: a loop over a channel of work, no timer
	for {
		select {
		case j := <-jobs:
			handle(j)
		}
	}
}

func retry(timer *time.Timer) {
	// ok: a bounded loop, not an endless one
	for i := 0; i < 3; i++ {
		select {
		case <-timer.C:
			try()
		}
	}
}
