package storage

import (
	"os"
	fp "path/filepath"
	"strconv"
)

func (h *Handler) listBookmarks(bookmarks []Bookmark) {
	for i := range bookmarks {
		strID := strconv.Itoa(bookmarks[i].ID)
		imgPath := fp.Join(h.DataDir, "thumb", strID)
		if FileExists(imgPath) {
//         ^^^^^^^^^^^^^^^^^^^ local-fs/go-data-dir-read
			bookmarks[i].ImageURL = "/bookmark/" + strID + "/thumb"
		}
	}
}

func (d *Archiver) Archive(name string) (*Archive, error) {
	return warc.Open(fp.Join(d.cfg.Storage.DataDir, name))
//       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-data-dir-read
}

func (s *Server) avatar(name string) ([]byte, error) {
	return os.ReadFile(fp.Join(s.cfg.UploadDir, "avatars", name))
//       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-data-dir-read
}

func (s *Server) template(name string) ([]byte, error) {
	// ok: a template folder, shipped with the code
	return os.ReadFile(fp.Join(s.cfg.TemplateDir, name))
}

func scratch(name string) bool {
	// ok: the temp folder
	_, err := os.Stat(fp.Join(os.TempDir(), name))
	return err == nil
}

func (s *Server) openDB() (*sql.DB, error) {
	// ok: a database driver, not a stored file
	return sqlite.Open(fp.Join(s.cfg.DataDir, "app.db"))
}

func Init(cfg *Config) error {
	// ok: creating the data folder
	return os.MkdirAll(cfg.Storage.DataDir, 0o744)
}

func uploaded(id string) bool {
	filePath := fp.Join(GetHomeDir(), "uploads", id)
	_, err := os.Stat(filePath)
//          ^^^^^^^^^^^^^^^^^ local-fs/go-data-dir-read
	return err == nil
}

func shippedDoc(name string) ([]byte, error) {
	// ok: a folder of the code's own files, not uploads
	return os.ReadFile(fp.Join(GetHomeDir(), "docs", name))
}
