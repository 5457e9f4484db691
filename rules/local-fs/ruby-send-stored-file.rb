class StoryImageController < ApplicationController
  def show
    image = StoryImage.new(story)
    send_file image.path, type: "image/png", disposition: "inline"
  # ^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-send-stored-file
    # ok: a file shipped with the code, through a local variable
    logo = Rails.public_path.join("touch-icon-144.png")
    send_file logo, type: "image/png"
    # ok: a file shipped with the code
    send_file Rails.root.join("public", "terms.pdf")
  end

  def download
    send_file(@document.attachment.path)
  # ^^^^^^^^^ local-fs/ruby-send-stored-file
    send_file "#{UPLOAD_DIR}/#{params[:name]}"
  # ^^^^^^^^^ local-fs/ruby-send-stored-file
  end

  def avatar
    send_file ActiveStorage::Blob.service.path_for(key), content_type: "image/webp"
  #           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-send-stored-file
    # ok: an image shipped with the code, although its name says avatar
    send_file Rails.root.join("app/assets/images/default-avatar.svg"), content_type: "image/svg+xml"
  end

  def logo
    send_png_file ActiveStorage::Blob.service.path_for(variant.key)
  #               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-send-stored-file
    # ok: a blob's URL, served by the storage service
    redirect_to blob.service.url(key)
  end

  def export
    tmp = Tempfile.new("export")
    tmp.write(csv)
    # ok: a temporary file written by this request
    send_file tmp.path, filename: "export.csv"
    send_file tempfile.path
  end
end
