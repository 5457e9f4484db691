package store

import (
	"database/sql"
	"os"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"

	"example.com/shop/ent"
)

// The configuration picks the database; SQLite is one branch.
func OpenConfigured(cfg Config) (db *sql.DB, err error) {
	if cfg.Type == "mysql" {
		db, err = sql.Open("mysql", cfg.DSN)
	} else if cfg.Type == "sqlite3" {
		db, err = sql.Open("sqlite3_with_regex", cfg.FileName+"?parseTime=true")
//                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-default-path
	}
	switch cfg.Type {
	case "sqlite":
		gorm.Open(sqlite.Open(cfg.DSN), &gorm.Config{})
//              ^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-default-path
	case "ent":
		ent.Open("sqlite3", cfg.Storage.SqliteURL)
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-default-path
		// ok: a hard-coded file is go-sqlite-file-db's
		sql.Open("sqlite3", "shop.db")
		// ok: not SQLite
		sql.Open("postgres", os.Getenv("DATABASE_URL"))
	}
	return db, err
}

// ok: opened outside any branch, the driver is the only one
// (go-sqlite-fixed-driver, a blocker).
func Open(cfg Config) (*sql.DB, error) {
	return sql.Open("sqlite3", cfg.Path)
}
