package auth

import "sync"

var tokenCache sync.Map
var sessions sync.Map

func Token(user string) any {
	if t, ok := tokenCache.Load(user); ok {
//             ^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/go-sync-map-cache
		return t
	}
	tokenCache.Store(user, "t")
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/go-sync-map-cache
	// ok: not named as a cache
	sessions.Store(user, 1)
	// ok: a local map
	var localCache sync.Map
	localCache.Store(user, 1)
	return nil
}
