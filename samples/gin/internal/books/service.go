package books

import (
	"context"
	"database/sql"
	"sync"
)

// Book is a catalogue entry.
type Book struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// Service is what the handlers need from the catalogue.
type Service interface {
	List(ctx context.Context) ([]Book, error)
	Find(ctx context.Context, id string) (Book, error)
	Create(ctx context.Context, b Book) (Book, error)
}

// Trap: the mutex makes the counter safe between goroutines, not between instances.
var (
	mu           sync.Mutex
	createdSince int
)

// Trap: a constant is no state.
const pageSize = 50

type service struct {
	db *sql.DB
}

// NewService builds the catalogue on the shared pool.
func NewService(db *sql.DB) Service {
	return &service{db: db}
}

func (s *service) List(ctx context.Context) ([]Book, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT id, title FROM books LIMIT $1", pageSize)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Book
	for rows.Next() {
		var b Book
		if err := rows.Scan(&b.ID, &b.Title); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

func (s *service) Find(ctx context.Context, id string) (Book, error) {
	var b Book
	err := s.db.QueryRowContext(ctx, "SELECT id, title FROM books WHERE id = $1", id).Scan(&b.ID, &b.Title)
	return b, err
}

func (s *service) Create(ctx context.Context, b Book) (Book, error) {
	_, err := s.db.ExecContext(ctx, "INSERT INTO books (id, title) VALUES ($1, $2)", b.ID, b.Title)
	mu.Lock()
	createdSince++
	mu.Unlock()
	return b, err
}

// PurgeStale removes books nobody looked at for a year (run by the hourly job).
func PurgeStale(db *sql.DB) {
	db.Exec("DELETE FROM books WHERE last_seen < now() - interval '1 year'")
}
