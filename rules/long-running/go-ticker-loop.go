package jobs

import "time"

func startPublishJobsQueue(app *App) {
	t := time.NewTicker(62 * time.Second)
	for {
//^^^^^ long-running/go-ticker-loop
		<-t.C
		runJobs(app)
	}
}

func pump(c *Client, quit chan struct{}) {
	ticker := time.NewTicker(time.Minute)
	// ok: waits in a select (a websocket pump with a quit channel)
	for {
		select {
		case <-ticker.C:
			c.ping()
		case <-quit:
			return
		}
	}
}

func limited(t *time.Ticker) {
	// ok: a loop with a condition
	for i := 0; i < 3; i++ {
		<-t.C
	}
	// ok: a single wait, no loop
	<-t.C
}
