package stats

import (
	"fmt"
	"sync"
	"sync/atomic"

	"github.com/gin-gonic/gin"
)

const maxRecent = 100

var (
	mu       sync.Mutex
	visits   = map[string]int{}
	recent   []string
	counter  int64
	served   atomic.Int64
	stats    = struct{ Hits int; ByRoute map[string]int }{ByRoute: map[string]int{}}
	db       *DB
	template = "x"
)

// A compile-time check binds the blank identifier at package level.
var _ = fmt.Sprintf

func Track(c *gin.Context) {
	mu.Lock()
	defer mu.Unlock()
	// ok: a result thrown away is no write
	_ = fmt.Sprintf("%d", counter)
	visits[c.Param("id")]++
//^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/go-package-state
	recent = append(recent, c.Param("id"))
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/go-package-state
	counter++
//^^^^^^^^^ global-state/go-package-state
	stats.Hits += 1
//^^^^^^^^^^^^^^^^ global-state/go-package-state
	stats.ByRoute[c.FullPath()] = 1
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/go-package-state
	delete(visits, "old")
//^^^^^^^^^^^^^^^^^^^^^^^ global-state/go-package-state
	atomic.AddInt64(&counter, 1)
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/go-package-state
	served.Add(1)
//^^^^^^^^^^^^^^^ global-state/go-package-state
}

func Read(c *gin.Context) {
	// ok: reads only
	n := visits[c.Param("id")]
	// ok: a local shadows the package variable
	counter := 0
	counter++
	// ok: lazy initialisation of a per-instance client
	if db == nil {
		db = openDB()
	}
	// ok: a constant
	_ = maxRecent + n + counter
	var wg sync.WaitGroup
	// ok: a local wait group
	wg.Add(1)
}
