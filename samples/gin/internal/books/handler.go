// Package books serves the catalogue.
package books

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/patrickmn/go-cache"
)

// popular keeps the best-seller list for a few minutes, in this process.
var popular = cache.New(5*time.Minute, 10*time.Minute)

// Handler serves the book routes.
type Handler struct {
	svc Service
}

// NewHandler builds the handler on a service.
func NewHandler(svc Service) *Handler {
	return &Handler{svc: svc}
}

// Register declares the book routes on the group it is given.
func Register(g *gin.RouterGroup, h *Handler) {
	b := g.Group("/books")
	b.GET("/", h.List)
	b.GET("/popular", h.Popular)
	b.GET("/:id", h.Get)
	b.POST("", h.Create)
}

// List returns every book.
func (h *Handler) List(c *gin.Context) {
	books, err := h.svc.List(c)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusOK, books)
}

// Popular returns the best sellers, cached per instance.
func (h *Handler) Popular(c *gin.Context) {
	if list, ok := popular.Get("popular"); ok {
		c.JSON(http.StatusOK, list)
		return
	}
	list, _ := h.svc.List(c)
	popular.Set("popular", list, cache.DefaultExpiration)
	c.JSON(http.StatusOK, list)
}

// Get returns one book.
func (h *Handler) Get(c *gin.Context) {
	book, err := h.svc.Find(c, c.Param("id"))
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.JSON(http.StatusOK, book)
}

// Create adds a book.
func (h *Handler) Create(c *gin.Context) {
	var in Book
	if err := c.ShouldBindJSON(&in); err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	created, err := h.svc.Create(c, in)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.JSON(http.StatusCreated, created)
}
