// Package middleware holds the request middleware.
package middleware

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/redis/go-redis/v9"
)

// Trap: a lookup table that requests only read.
var publicPaths = map[string]bool{"/api/v1/books/": true}

// RequestID tags every request.
func RequestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Header("X-Request-ID", c.GetHeader("X-Request-ID"))
		c.Next()
	}
}

// Auth checks the API token against Redis (a shared store: no finding).
func Auth(rdb *redis.Client) gin.HandlerFunc {
	return func(c *gin.Context) {
		if publicPaths[c.Request.URL.Path] {
			c.Next()
			return
		}
		if rdb.Exists(c, "token:"+c.GetHeader("Authorization")).Val() == 0 {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		c.Next()
	}
}
