module example.com/notes

go 1.22

require (
	github.com/dgraph-io/ristretto v0.1.1
	github.com/go-chi/chi/v5 v5.1.0
	github.com/gorilla/sessions v1.3.0
	github.com/gorilla/websocket v1.5.3
	github.com/mattn/go-sqlite3 v1.14.22
)
