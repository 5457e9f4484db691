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
