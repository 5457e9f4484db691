package store

import (
	"database/sql"
	"os"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"

	"example.com/shop/ent"
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
	// entgo's generated client: ent.Open(driver, dsn)
	ent.Open("sqlite3", cfg.Storage.SqliteURL)
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-default-path
	// ok: ent on PostgreSQL
	ent.Open("postgres", cfg.DSN)
	// ok: hard-coded files are the other rule's
	sql.Open("sqlite3", "shop.db")
	// ok: not SQLite
	sql.Open("postgres", os.Getenv("DATABASE_URL"))
	return db, err
}
