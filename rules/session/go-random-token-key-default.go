package config

import (
	"os"

	"github.com/gofrs/uuid/v5"
)

func (c *HttpConfig) SetDefaults() {
	if len(c.SecretKey) == 0 {
		randomUUID, _ := uuid.NewV4()
		c.SecretKey = []byte(randomUUID.String())
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/go-random-token-key-default
	}
	if c.JWTSecret == "" {
		c.JWTSecret = uuid.NewString()
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/go-random-token-key-default
	}
	// ok: a key from the environment
	if len(c.SigningKey) == 0 {
		c.SigningKey = []byte(os.Getenv("SIGNING_KEY"))
	}
	// ok: a random instance id signs nothing
	if c.InstanceID == "" {
		c.InstanceID = uuid.Must(uuid.NewV4()).String()
	}
}
