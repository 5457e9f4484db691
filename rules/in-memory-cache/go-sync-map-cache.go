package auth

import (
	"regexp"
	"sync"
	"sync/atomic"
	"time"
)

var tokenCache sync.Map
var sessions sync.Map
var tokenCacheSize atomic.Int64

func Token(user string) any {
	if t, ok := tokenCache.Load(user); ok {
//             ^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/go-sync-map-cache
		return t
	}
	tokenCache.Store(user, "t")
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/go-sync-map-cache
	// ok: the counter of a cache's size is no cache
	tokenCacheSize.Store(0)
	// ok: not named as a cache
	sessions.Store(user, 1)
	// ok: a local map
	var localCache sync.Map
	localCache.Store(user, 1)
	return nil
}

var tzCache sync.Map
var userCache sync.Map

// ok: memoises time.LoadLocation of the key, a value every instance recomputes alike
func location(tz string) *time.Location {
	if loc, ok := tzCache.Load(tz); ok {
		return loc.(*time.Location)
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		loc = time.Local
	}
	tzCache.Store(tz, loc)
	return loc
}

// The value comes from a lookup, not a pure function of the key.
func profile(id string) any {
	if p, ok := userCache.Load(id); ok {
//             ^^^^^^^^^^^^^^^^^^^ in-memory-cache/go-sync-map-cache
		return p
	}
	p, _ := fetchProfile(id)
	userCache.Store(id, p)
//^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/go-sync-map-cache
	return p
}

// A pure call on a name is not enough when it takes more than the key.
func tagged(id string) any {
	re := regexp.MustCompile(id + suffix)
	userCache.Store(id, re)
//^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/go-sync-map-cache
	return re
}
