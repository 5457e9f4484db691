// Command notes serves a note-taking API with chi.
package main

import (
	"database/sql"
	"log"
	"net/http"
	"os"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/gorilla/sessions"
	_ "github.com/mattn/go-sqlite3"

	"example.com/notes/admin"
	"example.com/notes/auth"
	"example.com/notes/live"
	"example.com/notes/metrics"
	"example.com/notes/notes"
	"example.com/notes/ratelimit"
	"example.com/notes/search"
	"example.com/notes/users"
)

func main() {
	// The database file comes from the environment, with a local default.
	dbPath := os.Getenv("NOTES_DB")
	if dbPath == "" {
		dbPath = "notes.db"
	}
	db, err := sql.Open("sqlite3", dbPath)
	if err != nil {
		log.Fatal(err)
	}

	// Trap: sessions live in a signed cookie, not on the server.
	store := sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")))

	nh := &notes.Handler{DB: db, Sessions: store}

	r := chi.NewRouter()
	r.Use(middleware.Logger)
	r.Use(auth.Session(store))

	r.Get("/", home)
	r.Route("/api", func(r chi.Router) {
		r.Route("/notes", nh.Routes)
		r.With(ratelimit.Limit).Post("/search", search.Handle)
		r.Mount("/admin", admin.Router(db))
		r.Group(func(r chi.Router) {
			r.Use(auth.Required)
			r.Get("/me", users.Me)
		})
	})
	r.HandleFunc("/ws", live.Socket)

	// Compaction runs every minute inside the server process.
	go func() {
		t := time.NewTicker(time.Minute)
		for range t.C {
			notes.Compact(db)
		}
	}()

	ops := http.NewServeMux()
	ops.HandleFunc("GET /metrics/{name}", metrics.Show)
	go http.ListenAndServe(":9090", ops)

	log.Fatal(http.ListenAndServe(":8080", r))
}

func home(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("notes"))
}
