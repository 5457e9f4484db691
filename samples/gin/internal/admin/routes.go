// Package admin serves the back office.
package admin

import (
	"database/sql"
	"net/http"
	"os"
	"time"

	"github.com/gin-gonic/gin"
)

// Register declares the admin routes on the group it is given.
func Register(g *gin.RouterGroup) {
	g.GET("/stats", stats)
	g.POST("/reindex", reindex)
}

func stats(c *gin.Context) {
	// A pool per request: every call opens new connections.
	db, err := sql.Open("postgres", os.Getenv("DATABASE_URL"))
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	defer db.Close()
	var n int
	db.QueryRowContext(c, "SELECT count(*) FROM orders").Scan(&n)
	c.JSON(http.StatusOK, gin.H{"orders": n})
}

func reindex(c *gin.Context) {
	// Waits for the search cluster to settle.
	time.Sleep(30 * time.Second)
	c.Status(http.StatusAccepted)
}
