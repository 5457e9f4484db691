// Package users serves the signed-in user.
package users

import "net/http"

// Me returns the current user.
func Me(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(r.Header.Get("X-User")))
}
