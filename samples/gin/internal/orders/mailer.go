package orders

import "log"

// Mailer sends e-mail.
type Mailer struct{ from string }

// NewMailer builds the mailer.
func NewMailer() *Mailer { return &Mailer{from: "shop@example.com"} }

// SendReceipt mails the receipt of an order.
func (m *Mailer) SendReceipt(id string, items []string) {
	log.Printf("receipt %s (%d items) from %s", id, len(items), m.from)
}
