package hub

import (
	"sync"

	"github.com/gin-gonic/gin"
)

const greeting = "hi"

var (
	visits = map[string]int{}
	names  []string
)

// A registry the server shares between requests: the lock says so.
type Hub struct {
	lock    sync.RWMutex
	clients map[uint][]string
	name    string
}

func (h *Hub) Register(user uint, conn string) {
	h.lock.Lock()
	defer h.lock.Unlock()
	h.clients[user] = append(h.clients[user], conn)
}

func (h *Hub) Notify(user uint) int {
	h.lock.RLock()
	defer h.lock.RUnlock()
	sent := 0
	if clients, ok := h.clients[user]; ok {
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/go-state-read
		sent = len(clients)
	}
	for user := range h.clients {
//    ^^^^^^^^^^^^^^^^^^^^^^ global-state/go-state-read
		_ = user
	}
	// ok: a scalar field
	label := h.name
	_ = label
	return sent
}

func Count(c *gin.Context) {
	n := visits[c.Param("id")]
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/go-state-read
	for _, name := range names {
//           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/go-state-read
		_ = name
	}
	_ = n
}

func Local(c *gin.Context) {
	// ok: a local shadows the package variable
	visits := map[string]int{}
	m := visits["x"]
	// ok: a local slice
	local := []string{"a"}
	for _, l := range local {
		_ = l
	}
	// ok: a constant
	_ = greeting
	_ = m
}
