class AttachmentsController < ApplicationController
  def create
    upload = params[:file]
    File.open(Rails.root.join('public', 'uploads', upload.original_filename), 'wb') do |f|
      f.write(upload.read)
    end
  end

  def destroy
    Attachment.find(params[:id]).destroy
  end
end
