package db

import (
	"database/sql"

	"gorm.io/driver/mysql"
	"gorm.io/driver/postgres"
	"gorm.io/driver/sqlite"
	"gorm.io/gorm"
)

func setupPostgres(dsn string) (*gorm.DB, error) {
	return gorm.Open(postgres.Open(dsn), &gorm.Config{})
//                ^^^^^^^^^^^^^^^^^^ local-fs/go-sql-server-driver
}

func setupMySQL(dsn string) (*sql.DB, error) {
	_, _ = gorm.Open(mysql.Open(dsn), &gorm.Config{})
//                ^^^^^^^^^^^^^^^ local-fs/go-sql-server-driver
	return sql.Open("pgx", dsn)
//      ^^^^^^^^^^^^^^^^^^^^ local-fs/go-sql-server-driver
}

func setupSQLite(path string) (*gorm.DB, error) {
	// ok: SQLite is no database server
	_, _ = sql.Open("sqlite3", path)
	return gorm.Open(sqlite.Open(path), &gorm.Config{})
}

