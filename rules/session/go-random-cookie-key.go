package api

import (
	"crypto/rand"

	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"
)

func NewOIDC(conf *Configuration) *OIDCAPI {
	cookieKey := make([]byte, 32)
	if _, err := rand.Read(cookieKey); err != nil {
//               ^^^^^^^^^^^^^^^^^^^^ session/go-random-cookie-key
		log.Fatal(err)
	}
	cookieHandler := httphelper.NewCookieHandler(cookieKey, cookieKey)
	return &OIDCAPI{cookies: cookieHandler}
}

func newStore() *sessions.CookieStore {
	return sessions.NewCookieStore(securecookie.GenerateRandomKey(32))
//                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/go-random-cookie-key
}

func fromConfig(conf *Configuration) *sessions.CookieStore {
	// ok: the keys come from configuration, the same on every instance
	return sessions.NewCookieStore([]byte(conf.HashKey), []byte(conf.BlockKey))
}

func nonce() string {
	// ok: random bytes used as a nonce, not as a cookie key
	b := make([]byte, 16)
	rand.Read(b)
	state := hex.EncodeToString(b)
	return state
}

func otherKey(conf *Configuration) *sessions.CookieStore {
	// ok: the random bytes are a nonce; the store's key comes from configuration
	nonce := make([]byte, 16)
	rand.Read(nonce)
	return sessions.NewCookieStore(conf.Key, nonce)
}
