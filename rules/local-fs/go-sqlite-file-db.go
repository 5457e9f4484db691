package store

import (
	"database/sql"
	"os"

	"gorm.io/driver/sqlite"
	"gorm.io/gorm"

	"example.com/shop/ent"
)

func Open() (*sql.DB, error) {
	return sql.Open("sqlite3", "./data/shop.db")
//       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-file-db
}

func OpenGorm() (*gorm.DB, error) {
	return gorm.Open(sqlite.Open("gorm.db"), &gorm.Config{})
//                 ^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-file-db
}

func OpenV1() (*gorm.DB, error) {
	return gorm.Open("sqlite3", "./../gorm.db")
//       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-file-db
}

func OpenEnt() (*ent.Client, error) {
	return ent.Open("sqlite3", "file:ent.db?_fk=1")
//       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-file-db
}

func OpenOthers() {
	// ok: ent on MySQL
	ent.Open("mysql", "user:pass@/shop")
	// ok: a test database
	gorm.Open("sqlite3", "./../gorm_test.db")
	// ok: GORM v1 on MySQL
	gorm.Open("mysql", "user:pass@/shop")
	// ok: an in-memory database for tests
	sql.Open("sqlite3", ":memory:")
	// ok: the path comes from the environment (go-sqlite-default-path decides)
	sql.Open("sqlite3", os.Getenv("DB_PATH"))
	// ok: not SQLite
	sql.Open("postgres", "postgres://db/shop")
}
