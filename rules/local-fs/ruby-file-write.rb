class AvatarsController < ApplicationController
  CACHE_DIR = Rails.root.join("public/avatars").to_s
  # ok: a constant path, nothing written
  LOG_PATH = File.join(CACHE_DIR, "log")

  def show
    File.open("#{CACHE_DIR}/#{params[:id]}.png", "wb+") do |f|
#   ^^^^^^^^^ local-fs/ruby-file-write
      f.write(fetch_avatar)
    end
    File.write("#{CACHE_DIR}/index.txt", params[:id])
#   ^^^^^^^^^^ local-fs/ruby-file-write
  end

  def expire
    FileUtils.rm_rf(File.join(CACHE_DIR, params[:id]))
#   ^^^^^^^^^^^^^^^ local-fs/ruby-file-write
    File.unlink("#{CACHE_DIR}/#{params[:id]}.png")
#   ^^^^^^^^^^^ local-fs/ruby-file-write
  end

  def save(path, content)
    FileUtils.mkdir_p(File.dirname(path))
#   ^^^^^^^^^^^^^^^^^ local-fs/ruby-file-write
    storage.atomic_write(path) { |f| f.write(content) }
#   ^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-file-write
  end

  def read(path)
    # ok: reads
    body = File.read(path)
    # ok: opened for reading
    File.open(path) { |f| f.gets }
    # ok: read mode
    File.open(path, "r") { |f| f.gets }
    # ok: a helper that only passes a block on
    File.exist?(path) && body
  end

  def atomic(file, &block)
    # ok: forwards the caller's block (the caller's write is the finding)
    File.atomic_write(file, File.dirname(file), &block)
  end
end
