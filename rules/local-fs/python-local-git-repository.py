import tempfile

import git
import pygit2
from git import Repo


def wiki_repo(settings):
    return git.Repo(settings["WIKI_PATH"])
#          ^^^^^^^^ local-fs/python-local-git-repository


def new_project(path):
    repo = Repo.init(path)
#          ^^^^^^^^^ local-fs/python-local-git-repository
    return repo


def notes_repo(path):
    return pygit2.Repository(path)
#          ^^^^^^^^^^^^^^^^^ local-fs/python-local-git-repository


def readme(url):
    with tempfile.TemporaryDirectory() as tmp:
        # ok: a one-off clone into a temporary folder, read and thrown away
        clone = Repo.clone_from(url, tmp, depth=1)
        return (clone.working_tree_dir + "/README.md")


def tags(url):
    # ok: a remote-only query, nothing on disk
    return git.cmd.Git().ls_remote("--tags", url)
