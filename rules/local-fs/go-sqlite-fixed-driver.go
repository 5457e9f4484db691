package store

import (
	"database/sql"
	"os"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"

	"example.com/shop/ent"
)

// The driver is written in the code: the environment moves the file
// (DB_PATH, HBOX_STORAGE_SQLITE_URL), it does not replace the database.
func Open(cfg Config) (*sql.DB, error) {
	path := os.Getenv("DB_PATH")
	if path == "" {
		path = "shop.db"
	}
	db, err := sql.Open("sqlite3", path)
//           ^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-fixed-driver
	gorm.Open(sqlite.Open(cfg.DSN), &gorm.Config{})
//          ^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-fixed-driver
	ent.Open("sqlite3", cfg.Storage.SqliteURL)
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-fixed-driver
	// ok: a hard-coded file is go-sqlite-file-db's
	sql.Open("sqlite3", "shop.db")
	// ok: not SQLite
	sql.Open("postgres", os.Getenv("DATABASE_URL"))
	return db, err
}

// ok: the configuration picks the database; SQLite is one branch
// (go-sqlite-default-path reports its default when that is SQLite).
func OpenConfigured(cfg Config) (db *sql.DB, err error) {
	if cfg.Type == "mysql" {
		db, err = sql.Open("mysql", cfg.DSN)
	} else if cfg.Type == "sqlite3" {
		db, err = sql.Open("sqlite3_with_regex", cfg.FileName+"?parseTime=true")
	}
	switch cfg.Type {
	case "sqlite":
		gorm.Open(sqlite.Open(cfg.DSN), &gorm.Config{})
	}
	return db, err
}
