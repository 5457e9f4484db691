package web

import (
	"net/http"

	"github.com/alexedwards/scs/v2"
	"github.com/gin-contrib/sessions"
	"github.com/gin-gonic/gin"
	gs "github.com/gorilla/sessions"
)

var store gs.Store
var manager *scs.SessionManager

func login(w http.ResponseWriter, r *http.Request) {
	s, _ := store.Get(r, "shop")
//        ^^^^^^^^^^^^^^^^^^^^^ session/go-session-used
	s.Values["user"] = "id"
	manager.Put(r.Context(), "user", "id")
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/go-session-used
	// ok: a header read, not a session
	_ = r.Header.Get("X-User")
}

type echoCtx interface {
	Request() *http.Request
	Response() http.ResponseWriter
}

var flashStore gs.Store

func profile(ctx echoCtx) {
	sess, _ := store.Get(ctx.Request(), "session")
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/go-session-used
	_ = sess.Save(ctx.Request(), ctx.Response())
	// ok: flash messages in a cookie store
	flash, _ := flashStore.Get(ctx.Request(), "flash")
	_ = flash.Save(ctx.Request(), ctx.Response())
}

func cart(c *gin.Context) {
	s := sessions.Default(c)
//     ^^^^^^^^^^^^^^^^^^^^ session/go-session-used
	s.Set("cart", 1)
	// ok: a context value, not a session
	_, _ = c.Get("user")
}
