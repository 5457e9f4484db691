package store

import (
	"database/sql"
	"os"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

func Open(cfg Config) (*sql.DB, error) {
	path := os.Getenv("DB_PATH")
	if path == "" {
		path = "shop.db"
	}
	db, err := sql.Open("sqlite3", path)
//           ^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-default-path
	gorm.Open(sqlite.Open(cfg.DSN), &gorm.Config{})
//          ^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-default-path
	gorm.Open("sqlite3", cfg.DSN)
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-default-path
	// ok: hard-coded files are the other rule's
	sql.Open("sqlite3", "shop.db")
	// ok: not SQLite
	sql.Open("postgres", os.Getenv("DATABASE_URL"))
	return db, err
}
