package users

import (
	"sync"

	"github.com/gin-gonic/gin"
)

var userCache = map[string]string{}

var postsCache = struct {
	sync.RWMutex
	items map[string]int
}{items: map[string]int{}}

var visits = map[string]int{}

func Profile(c *gin.Context) {
	userCache[c.Param("id")] = "u"
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/go-map-cache
	postsCache.Lock()
	postsCache.items[c.Param("id")] = 1
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/go-map-cache
	postsCache.Unlock()
	delete(userCache, "old")
//^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/go-map-cache
	// ok: a read
	_ = userCache[c.Param("id")]
	// ok: not named as a cache (global-state/go-package-state)
	visits[c.Param("id")]++
	// ok: a local cache
	localCache := map[string]int{}
	localCache["x"] = 1
}
