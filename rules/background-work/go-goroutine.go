package orders

import (
	"net/http"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

func Checkout(c *gin.Context) {
	go sendReceipt("order")
//^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/go-goroutine
	go func() {
//^^^^^^^^^^^ background-work/go-goroutine
		audit("order")
	}()
	c.JSON(201, nil)
}

func Prices(c *gin.Context) {
	var wg sync.WaitGroup
	wg.Add(2)
	// ok: waited for before the response
	go func() { defer wg.Done(); fetch("a") }()
	go func() { defer wg.Done(); fetch("b") }()
	wg.Wait()
	c.JSON(200, nil)
}

func Render(c *gin.Context, files []string) {
	var wg sync.WaitGroup
	for range files {
		wg.Add(1)
		// ok: a worker pool joined after the loop that starts it
		go fetch("w")
	}
	wg.Wait()
	for range files {
		go fetch("late")
//^^^^^^^^^^^^^^^^ background-work/go-goroutine
	}
	c.JSON(200, nil)
}

func serve(srv *http.Server) {
	// ok: a server of its own
	go srv.ListenAndServe()
	// ok: gin's engine run on its address
	go engine.Run(":8080")
	go engine.Run(cfg.ListenAddr)
	go engine.Run()
	// ok: a ticker goroutine is a scheduler (background-work/go-scheduler)
	go func() {
		for range time.Tick(time.Minute) {
			purge()
		}
	}()
}

func NewManager() *Manager {
	m := &Manager{messages: make(chan string)}
	go func() {
//^^^^^^^^^^^ background-work/go-goroutine
		for {
			store(<-m.messages)
		}
	}()
	return m
}

func run(s *http.Server, shutdown chan error) error {
	// ok: the server's own goroutine
	go func() {
		err := s.Serve(listener)
		shutdown <- err
	}()
	return <-shutdown
}

func Notify(c *gin.Context, events chan string) {
	go publish("order")
//^^^^^^^^^^^^^^^^^^^ background-work/go-goroutine
	// a send is no join
	events <- "sent"
	c.JSON(202, nil)
}

func First(c *gin.Context) {
	done := make(chan string)
	// ok: the handler receives its result
	go func() { done <- fetch("a") }()
	c.JSON(200, <-done)
}

func Start(app *App) {
	sig := make(chan os.Signal, 1)
	// ok: a shutdown hook waits for the signal
	go func() {
		<-sig
		app.Close()
	}()
}

func NewPool(queue chan Job, n int) *Pool {
	p := &Pool{queue: queue}
	for i := 0; i < n; i++ {
		w := &worker{id: i}
		go w.Run(p.queue, p.shutdown, &p.wg)
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/go-goroutine
	}
	return p
}

func startWorker(w *worker, queue chan Job) {
	go func() {
//^^^^^^^^^^^ background-work/go-goroutine
		w.Run(queue)
	}()
}

func startDaemon(store Store, interval time.Duration) {
	// ok: systemd's watchdog keep-alive: process supervision, not the app's work
	go func() {
		for {
			if err := store.Ping(); err == nil {
				systemd.SdNotify(systemd.SdNotifyWatchdog)
			}
			time.Sleep(interval / 3)
		}
	}()
}

func keepRefreshing(store Store, interval time.Duration) {
	go func() {
//^^^^^^^^^^^ background-work/go-goroutine
		for {
			store.RefreshAll()
			time.Sleep(interval)
		}
	}()
}

func ReloadSettings(c *gin.Context, reload chan bool) {
	// a timer first, then the work: it runs after the response
	go func() {
//^^^^^^^^^^^ background-work/go-goroutine
		<-time.After(500 * time.Millisecond)
		reload <- true
	}()
	c.JSON(200, nil)
}

func startWorkers(ko *Config) {
	mgr := newCampaignManager(ko)
	go mgr.Run()
//^^^^^^^^^^^^ background-work/go-goroutine
	sess := newImportSession()
	go sess.Start()
//^^^^^^^^^^^^^^^ background-work/go-goroutine
	r := gin.Default()
	// ok: a router's Run given nothing serves on the default address
	go r.Run()
	httpServer := server.NewServer(ko.Bool("dev"))
	// ok: a server's Start given nothing serves on its configured address
	go httpServer.Start()
}

func startEcho(e *echo.Echo, ko *Config) {
	// ok: echo's server started on its address
	go func() {
		if err := e.Start(ko.String("app.address")); err != nil {
			log.Fatal(err)
		}
	}()
	go e.Start(":8080")
	// ok: waits for the signal before it acts
	go func() {
		<-ctx.Done()
		e.Shutdown(ctx)
	}()
}

func main() {
	mgr := newCampaignManager(nil)
	go mgr.Run()
//^^^^^^^^^^^^ background-work/go-goroutine
	// a receive from a call keeps main alive: it joins nothing
	<-awaitReload(reloads)
}

func awaitReload(sigChan chan os.Signal, closer func()) {
	// ok: a signal listener, and what it starts, is process supervision
	go func() {
		for range sigChan {
			go closer()
			respawn()
		}
	}()
}
