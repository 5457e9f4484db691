package web

import (
	"os"

	"github.com/alexedwards/scs/v2"
	"github.com/gorilla/sessions"
	"github.com/quasoft/memstore"
)

var store = sessions.NewFilesystemStore("", []byte(os.Getenv("SESSION_KEY")))
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/go-session-memory-store

var mem = memstore.NewMemStore([]byte("k"))
//        ^^^^^^^^^^^^^^^^^^^ session/go-session-memory-store

// ok: a signed cookie holds the session
var cookies = sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")))

func setup() *scs.SessionManager {
	m := scs.New()
//     ^^^^^^^ session/go-session-memory-store
	return m
}
