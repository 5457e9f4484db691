package files

import (
	"os"
	"path/filepath"
)

func DeleteImage(imageDir, name string) {
	os.Remove(imageDir + name)
//^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-remove-stored-file
}

func DeleteAttachment(attachment Attachment) error {
	return os.Remove(attachment.Edges.Document.Path)
//       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-remove-stored-file
}

func Migrate() error {
	temp := filepath.Join(os.TempDir(), "migrations")
	// ok: a scratch folder of its own
	return os.RemoveAll(temp)
}

func Listen(bind string) {
	// ok: a stale unix socket
	os.Remove(bind)
}

func (h *Handler) DeleteBookmark(id string) {
	imgPath := filepath.Join(h.DataDir, "thumb", id)
	os.Remove(imgPath)
//^^^^^^^^^^^^^^^^^^ local-fs/go-remove-stored-file
}

func Cleanup(name string) {
	dir := filepath.Join(os.TempDir(), "render")
	// ok: a scratch file in the temp folder
	os.Remove(filepath.Join(dir, name))
}

func Resize(data []byte) error {
	tmpFile, err := os.CreateTemp("", "image")
	if err != nil {
		return err
	}
	// ok: the request's own scratch file
	defer os.Remove(tmpFile.Name())
	return nil
}
