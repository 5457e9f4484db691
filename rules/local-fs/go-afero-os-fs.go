package main

import "github.com/spf13/afero"

func storage(dir string) afero.Fs {
	return afero.NewBasePathFs(afero.NewOsFs(), dir)
//                           ^^^^^^^^^^^^^^^^ local-fs/go-afero-os-fs
}

func testStorage() afero.Fs {
	// ok: in memory
	return afero.NewMemMapFs()
}
