package config

import (
	"database/sql"
	"os"
)

type Database struct {
	Dialect    string `default:"sqlite3"`
//                    ^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-default-path
	Connection string `default:"data/app.db"`
//                    ^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-default-path
	// ok: a default that is no SQLite file
	Host string `default:"localhost"`
	// ok: a data folder, not a database
	Data string `conf:"default:./.data"`
}

type Storage struct {
	SqliteURL string `yaml:"sqlite-url" conf:"default:./.data/app.db?_fk=1"`
//                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-default-path
}

// The defaults built in code.
func Get() *Configuration {
	return &Configuration{
		Database: Database{
			Dialect:    "sqlite3",
//          ^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-default-path
			Connection: "data/gotify.db",
		},
		// ok: another database by default
		Replica: Database{Dialect: "postgres"},
	}
}

func Driver() string {
	return getEnv("DB_DRIVER", "sqlite3")
//                             ^^^^^^^^^ local-fs/go-sqlite-default-path
}

// ok: MySQL by default; SQLite only when the operator picks it.
func New() *Config {
	c := &Config{}
	c.Database.Type = "mysql"
	return c
}

// ok: the setup wizard sets SQLite when asked: no default.
func (cfg *Config) UseSQLite() {
	cfg.Database.Type = "sqlite3"
}

// ok: the configuration picks the database; SQLite is one branch, and the
// default is another.
func Open(cfg *Config) (db *sql.DB, err error) {
	if cfg.Database.Type == "mysql" {
		db, err = sql.Open("mysql", cfg.DSN)
	} else if cfg.Database.Type == "sqlite3" {
		db, err = sql.Open("sqlite3_with_regex", cfg.FileName+"?parseTime=true")
	}
	// ok: an environment read whose default is another database
	_ = getEnv("DB_DRIVER", "postgres")
	_ = os.Getenv("DB_DRIVER")
	// ok: a log field
	log.Str("driver", "sqlite")
	return db, err
}

// A database URL filled in when the configuration left it empty.
func (c Config) SetDefaults() {
	if c.Database.DBMS == "" && c.Database.URL == "" {
		c.Database.URL = fmt.Sprintf("sqlite:///%s?_txlock=immediate", filepath.Join(c.DataDir, "app.db"))
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-sqlite-default-path
	}
	// ok: another database filled in by default
	if c.Replica.URL == "" {
		c.Replica.URL = "postgres://localhost/app"
	}
}
