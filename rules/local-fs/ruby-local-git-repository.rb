class WikiApp < Sinatra::Base
  def wiki
    Gollum::Wiki.new(settings.gollum_path, settings.wiki_options)
#   ^^^^^^^^^^^^^^^^ local-fs/ruby-local-git-repository
  end

  def repo
    Rugged::Repository.new(settings.repo_path)
#   ^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-local-git-repository
  end

  def working_copy
    Git.open(ENV.fetch("REPO_DIR"))
#   ^^^^^^^^ local-fs/ruby-local-git-repository
  end

  def latest_tag(url)
    # ok: a remote-only query, nothing on disk
    Git.ls_remote(url)["tags"].keys.last
  end

  def readme(url)
    Dir.mktmpdir do |dir|
      # ok: a one-off clone into a temporary folder, read and thrown away
      Git.clone(url, "repo", path: dir)
      File.read(File.join(dir, "repo", "README.md"))
    end
  end
end
