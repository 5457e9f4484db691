// Package auth reads the signed session cookie.
package auth

import (
	"context"
	"net/http"

	"github.com/gorilla/sessions"
)

type key struct{}

// Session loads the cookie session into the request context.
func Session(store sessions.Store) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			s, _ := store.Get(r, "notes")
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), key{}, s)))
		})
	}
}

// Required rejects anonymous requests.
func Required(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Context().Value(key{}) == nil {
			http.Error(w, "sign in", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}
