package captcha

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"os"
)

type Captcha struct{ hmacKey string }

func New() *Captcha {
	b := make([]byte, 24)
	_, err := rand.Read(b)
//	          ^^^^^^^^^^^ global-state/go-random-signing-key
	if err != nil {
		panic(err)
	}
	hmacKey := base64.URLEncoding.EncodeToString(b)[:32]
	return &Captcha{hmacKey: hmacKey}
}

func (c *Captcha) init() {
	key := make([]byte, 32)
	rand.Read(key)
//^^^^^^^^^^^^^^ global-state/go-random-signing-key
	c.signingKey = key
}

func fromEnv() *Captcha {
	// ok: the key comes from the environment, the same on every instance
	return &Captcha{hmacKey: os.Getenv("HMAC_KEY")}
}

func nonce() string {
	// ok: random bytes used as a nonce, not kept as a key
	b := make([]byte, 16)
	rand.Read(b)
	state := hex.EncodeToString(b)
	return state
}
