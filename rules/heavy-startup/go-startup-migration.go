package main

import (
	"context"

	"github.com/golang-migrate/migrate/v4"
	"github.com/pressly/goose/v3"
)

func Migrate(db *gorm.DB) {
	// ok: the steps of the migration function are reported where it is called
	db.AutoMigrate(&User{})
	users.AutoMigrate()
}

func (s *Storage) Migrate() error {
	// ok: inside a migration method
	return s.db.AutoMigrate(&Item{})
}

func main() {
	db := common.Init()
	Migrate(db)
	//^^^^^^^^^ heavy-startup/go-startup-migration
	database.Migrate(db)
	//^^^^^^^^^^^^^^^^^^ heavy-startup/go-startup-migration
	db.AutoMigrate(&User{}, &Post{})
	//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/go-startup-migration
	client.Schema.Create(context.Background())
	//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/go-startup-migration
	goose.Up(sqlDB, "migrations")
	//^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/go-startup-migration
	m, _ := migrate.New("file://migrations", dsn)
	//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/go-startup-migration
	m.Up()
	// ok: other methods that share a name's prefix
	store.MigrateLater = true
	db.Migrator().HasTable(&User{})
	schema.Create(table)
	migrations.List()
}
