// Package admin serves the back office, mounted under /api/admin.
package admin

import (
	"database/sql"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/go-chi/chi/v5"
)

// Router builds the admin router.
func Router(db *sql.DB) http.Handler {
	r := chi.NewRouter()
	r.Get("/stats", stats(db))
	r.Post("/backup", backup)
	return r
}

func stats(db *sql.DB) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var n int
		db.QueryRowContext(r.Context(), "SELECT count(*) FROM notes").Scan(&n)
		fmt.Fprintf(w, "%d notes", n)
	}
}

func backup(w http.ResponseWriter, r *http.Request) {
	f, err := os.Create(fmt.Sprintf("backups/notes-%d.sql", time.Now().Unix()))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer f.Close()
	w.WriteHeader(http.StatusAccepted)
}
