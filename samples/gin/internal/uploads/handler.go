// Package uploads stores book covers.
package uploads

import (
	"net/http"
	"os"
	"path/filepath"

	"github.com/gin-gonic/gin"
)

// Register declares the upload routes on the group it is given.
func Register(g *gin.RouterGroup) {
	g.POST("/covers", uploadCover)
	g.POST("/covers/preview", previewCover)
}

func uploadCover(c *gin.Context) {
	file, err := c.FormFile("cover")
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	dst := filepath.Join("covers", filepath.Base(file.Filename))
	if err := c.SaveUploadedFile(file, dst); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusCreated, gin.H{"path": dst})
}

// Trap: a scratch file for this request only.
func previewCover(c *gin.Context) {
	tmp, err := os.CreateTemp("", "preview-*.png")
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	defer os.Remove(tmp.Name())
	c.File(tmp.Name())
}
