package catalog

import (
	"time"

	lru "github.com/hashicorp/golang-lru"
	"github.com/patrickmn/go-cache"
)

var prices = cache.New(5*time.Minute, 10*time.Minute)
var recent, _ = lru.New(128)
var limits = map[string]int{}

func Price(sku string) (any, bool) {
	if p, ok := prices.Get(sku); ok {
//             ^^^^^^^^^^^^^^^ in-memory-cache/go-process-cache
		return p, true
	}
	prices.Set(sku, 10, cache.DefaultExpiration)
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/go-process-cache
	recent.Add(sku, 1)
//^^^^^^^^^^^^^^^^^^^^ in-memory-cache/go-process-cache
	// ok: a plain map is no cache package's cache
	_ = limits[sku]
	// ok: a cache made inside the request is a per-request memo
	memo := cache.New(time.Minute, time.Minute)
	memo.Set(sku, 1, 0)
	return nil, false
}
