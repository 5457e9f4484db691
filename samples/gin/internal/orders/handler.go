// Package orders takes orders and serves receipts.
package orders

import (
	"database/sql"
	"net/http"
	"os/exec"

	"github.com/gin-contrib/sessions"
	"github.com/gin-gonic/gin"

	"github.com/acme/bookshop/internal/platform"
)

// Handler serves the order routes.
type Handler struct {
	DB     *sql.DB
	Blobs  *platform.BlobStore
	Mailer *Mailer
}

// Register declares the order routes on the group it is given.
func Register(g *gin.RouterGroup, h *Handler) {
	o := g.Group("/orders")
	o.POST("", h.Checkout)
	o.GET("/cart", h.Cart)
	o.GET("/:id/receipt", h.Receipt)
	o.GET("/:id/invoice.pdf", h.Invoice)
}

// Checkout places the order in the session's cart.
func (h *Handler) Checkout(c *gin.Context) {
	session := sessions.Default(c)
	cart, _ := session.Get("cart").([]string)
	id := newID()
	if _, err := h.DB.ExecContext(c, "INSERT INTO orders (id) VALUES ($1)", id); err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	session.Delete("cart")
	session.Save()
	// Fire and forget: the receipt may never be sent once the response is out.
	go h.Mailer.SendReceipt(id, cart)
	c.JSON(http.StatusCreated, gin.H{"id": id})
}

// Cart shows the session's cart.
func (h *Handler) Cart(c *gin.Context) {
	session := sessions.Default(c)
	c.JSON(http.StatusOK, session.Get("cart"))
}

// Receipt returns a link to the stored receipt.
func (h *Handler) Receipt(c *gin.Context) {
	url, err := h.Blobs.Link(c, "receipts/"+c.Param("id")+".txt")
	if err != nil {
		c.AbortWithStatus(http.StatusNotFound)
		return
	}
	c.Redirect(http.StatusFound, url)
}

// Invoice renders the invoice with an external tool.
func (h *Handler) Invoice(c *gin.Context) {
	out, err := exec.CommandContext(c, "wkhtmltopdf", "invoice.html", "-").Output()
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Data(http.StatusOK, "application/pdf", out)
}

func newID() string { return "o-1" }
