// Package ratelimit limits searches per client.
package ratelimit

import (
	"net/http"
	"sync"
)

var (
	mu   sync.Mutex
	hits = map[string]int{}
)

// Limit rejects a client after 100 searches (counted in this process only).
func Limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits[r.RemoteAddr]++
		n := hits[r.RemoteAddr]
		mu.Unlock()
		if n > 100 {
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		next.ServeHTTP(w, r)
	})
}
