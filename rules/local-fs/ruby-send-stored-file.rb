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

  def export
    tmp = Tempfile.new("export")
    tmp.write(csv)
    # ok: a temporary file written by this request
    send_file tmp.path, filename: "export.csv"
    send_file tempfile.path
  end
end
