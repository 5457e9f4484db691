// Package events streams shop events to browsers.
package events

import (
	"io"

	"github.com/gin-gonic/gin"
	"github.com/redis/go-redis/v9"
)

// Stream returns the handler that relays Redis pub/sub messages as server-sent events.
func Stream(rdb *redis.Client) gin.HandlerFunc {
	return func(c *gin.Context) {
		sub := rdb.Subscribe(c, "shop-events")
		defer sub.Close()
		ch := sub.Channel()
		c.Stream(func(w io.Writer) bool {
			msg, ok := <-ch
			if !ok {
				return false
			}
			c.SSEvent("message", msg.Payload)
			return true
		})
	}
}
