package wiki

import (
	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/storage/memory"
)

func openWiki(path string) (*git.Repository, error) {
	return git.PlainOpen(path)
	//     ^^^^^^^^^^^^^^^^^^^ local-fs/go-local-git-repository
}

func createWiki(path string) (*git.Repository, error) {
	return git.PlainInit(path, false)
	//     ^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-local-git-repository
}

func readme(url string) (*git.Repository, error) {
	// ok: cloned into memory, nothing on disk
	return git.Clone(memory.NewStorage(), nil, &git.CloneOptions{URL: url})
}

func tags(url string) error {
	// ok: a remote-only query
	remote := git.NewRemote(memory.NewStorage(), &config.RemoteConfig{URLs: []string{url}})
	_, err := remote.List(&git.ListOptions{})
	return err
}
