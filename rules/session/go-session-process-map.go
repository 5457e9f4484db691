package api

import (
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/sessions"
	"example.com/app/decaymap"
)

type pendingLogin struct{ Elevate bool }

type OIDCAPI struct {
	pendingSessions *decaymap.DecayMap[string, *pendingLogin]
	sessions        sync.Map
	sessionStore    *sessions.CookieStore
	requests        sync.Map
}

func (a *OIDCAPI) Login(w http.ResponseWriter, r *http.Request) {
	state := r.URL.Query().Get("state")
	a.pendingSessions.Set(time.Now(), state, &pendingLogin{})
//	^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/go-session-process-map
	a.sessions.Store(state, true)
//	^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/go-session-process-map
}

func (a *OIDCAPI) Callback(w http.ResponseWriter, r *http.Request) {
	login, ok := a.pendingSessions.Pop(r.URL.Query().Get("state"))
//	             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/go-session-process-map
	_, _ = login, ok
	// ok: a cookie store keeps the session in the browser
	s, _ := a.sessionStore.Get(r, "app")
	_ = s
	// ok: a map named for something else (global-state's business, if anything)
	a.requests.Store(r.URL.Path, 1)
}

func handle(r *http.Request, sessions map[string]bool) {
	// ok: not a field of the method's struct
	sessions.Delete(r.URL.Path)
}
