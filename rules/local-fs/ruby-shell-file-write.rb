class App
  def create_local_repo
    Peas.sh "mkdir -p #{local_repo_path}", user: 'git'
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-shell-file-write
    Peas.sh "echo '#{hook_code}' > #{hook_path}"
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-shell-file-write
    system('rm -rf tmp/cache')
    #^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-shell-file-write
    `cat #{key} >> #{path}`
    #^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-shell-file-write
    Peas.sh "cat #{AUTHORIZED_KEYS_PATH}"
    # ok: reads a file
    Peas.sh "#{command} 2>&1; echo $?"
    # ok: a stream redirected into another, no file
    logger.info "mkdir -p #{local_repo_path}"
    # ok: not run, only logged
    raise "Refusing to `rm -rf` folder that doesn't look like a Git repo"
    # ok: a message
  end
end
