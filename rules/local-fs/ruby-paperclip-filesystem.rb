class Attachment < ApplicationRecord
  belongs_to :todo

  has_attached_file :file,
# ^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-paperclip-filesystem
    path: ":rails_root/db/assets/:class/:id/:basename.:extension"
end

class Photo < ApplicationRecord
  has_attached_file :image, :storage => :filesystem, :styles => { thumb: "100x100>" }
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-paperclip-filesystem
end

class Avatar < ApplicationRecord
  # ok: object storage
  has_attached_file :picture, storage: :s3, bucket: ENV["S3_BUCKET"]
  # ok: fog
  has_attached_file :scan, :storage => :fog, :fog_directory => "scans"
  # ok: not Paperclip's declaration
  has_one_attached :document
end
