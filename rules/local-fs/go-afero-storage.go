package domains

import (
	"io/fs"
	"os"

	"github.com/spf13/afero"
)

type StorageDomain struct {
	fs     afero.Fs
	assets fs.FS
}

func (d *StorageDomain) Stat(name string) (fs.FileInfo, error) {
	return d.fs.Stat(name)
//       ^^^^^^^^^^^^^^^^ local-fs/go-afero-storage
}

func (d *StorageDomain) WriteFile(dst string, data []byte) error {
	// ok: creating the folder
	if err := d.fs.MkdirAll("thumb", os.ModePerm); err != nil {
		return err
	}
	return afero.WriteFile(d.fs, dst, data, os.ModePerm)
//       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-afero-storage
}

func (d *StorageDomain) Asset(name string) (fs.File, error) {
	// ok: an embedded fs.FS, not an afero filesystem
	return d.assets.Open(name)
}

func (d *StorageDomain) Scratch(name string) error {
	local := afero.NewMemMapFs()
	// ok: a local variable, not the storage field
	_, err := local.Create(name)
	return err
}
