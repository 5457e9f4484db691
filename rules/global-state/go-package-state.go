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

var tries = sync.Map{}

func Login(c *gin.Context) {
	tries.LoadOrStore(c.Param("user"), 1)
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/go-package-state
	tries.Store(c.Param("user"), 2)
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/go-package-state
	// ok: a read
	tries.Load(c.Param("user"))
}

// Subscribers wired when the routes are mounted: callbacks, the same on
// every instance.
type Bus struct {
	mu          sync.RWMutex
	subscribers map[string][]func(any)
	hooks       map[string]func()
	listeners   map[string]chan string
}

func (b *Bus) Subscribe(ev string, fn func(any)) {
	b.mu.Lock()
	defer b.mu.Unlock()
	arr := b.subscribers[ev]
	// ok: a callback appended to the registry
	b.subscribers[ev] = append(arr, fn)
	// ok: a function literal
	b.hooks[ev] = func() {}
}

func (b *Bus) Listen(id string, ch chan string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.listeners[id] = ch
//^^^^^^^^^^^^^^^^^^^^^ global-state/go-package-state
}

// A registry the server shares between requests: the lock says so.
type Hub struct {
	clients map[string][]string
	lock    sync.RWMutex
	name    string
}

func (h *Hub) Register(id, conn string) {
	h.lock.Lock()
	defer h.lock.Unlock()
	h.clients[id] = append(h.clients[id], conn)
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/go-package-state
	// ok: a scalar field set under the lock
	h.name = id
}

func (h *Hub) Drop(id string) {
	clients := h.clients[id]
	_ = clients
	delete(h.clients, id)
//^^^^^^^^^^^^^^^^^^^^^^^ global-state/go-package-state
}

// A generic container's bookkeeping: the state is whoever holds one.
type Generations[K comparable, V any] struct {
	mu   *sync.Mutex
	maps [2]map[K]V
}

func (g *Generations[K, V]) Set(k K, v V) {
	// ok: the container's own maps, not the process's state by themselves
	g.maps[0][k] = v
}

// A value made per request: no lock, nothing shared.
type Page struct {
	items map[string]int
}

func (p *Page) Fill(k string) {
	// ok: a struct without a lock
	p.items[k] = 1
}

func Build(c *gin.Context) {
	h := &Hub{}
	// ok: a local value's map
	h.clients["x"] = nil
}

var profileCache = map[string]string{}

func Cache(c *gin.Context) {
	// ok: a map named as a cache is in-memory-cache/go-map-cache
	profileCache[c.Param("id")] = "u"
}

var catalog = map[string]dict{}

func translations(lang string) dict {
	if d, found := catalog[lang]; found {
		return d
	}
	d, err := loadTranslationFile(lang)
	if err != nil {
		return dict{}
	}
	// ok: memoisation of the catalogue the app ships (read-only data)
	catalog[lang] = d
	return d
}

var users = map[string]User{}

func user(id string) User {
	if u, found := users[id]; found {
		return u
	}
	u, _ := loadUser(id)
	// ok: a read-through memo of a value computed from the key
	// (in-memory-cache/go-memo-map)
	users[id] = u
	return u
}

var rooms = map[string]*Hub{}

func room(id string) *Hub {
	if h, found := rooms[id]; found {
		return h
	}
	h := NewHub(id)
	rooms[id] = h
//^^^^^^^^^^^^^^ global-state/go-package-state
	return h
}

var reserved = map[string]bool{"admin": true}

func reservedName(dir, name string) bool {
	// ok: a directory walk's visitor records the files on disk (the same in every instance)
	filepath.Walk(dir, func(p string, i os.FileInfo, err error) error {
		reserved[i.Name()] = true
		return nil
	})
	fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		reserved[d.Name()] = true
		return nil
	})
	return reserved[name]
}

func remember(names []string) {
	each(names, func(n string) {
		reserved[n] = true
//^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/go-package-state
	})
}
