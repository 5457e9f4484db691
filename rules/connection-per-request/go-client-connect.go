package handlers

import (
	"database/sql"
	"net/http"
	"os"

	"github.com/redis/go-redis/v9"
)

// ok: a client made at package level is shared by every request
var rdb = redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})

func List(w http.ResponseWriter, r *http.Request) {
	db, _ := sql.Open("pgx", os.Getenv("DATABASE_URL"))
//         ^^^^^^^^ connection-per-request/go-client-connect
	defer db.Close()
	cache := redis.NewClient(&redis.Options{Addr: "cache:6379"})
//         ^^^^^^^^^^^^^^^ connection-per-request/go-client-connect
	_ = cache
	// ok: the shared client is used
	rdb.Get(r.Context(), "k")
}
