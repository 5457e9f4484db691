Paperclip::Attachment.default_options[:storage] = :s3
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-paperclip-remote-default
Paperclip::Attachment.default_options.merge!(storage: :fog, fog_directory: "files")
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-paperclip-remote-default

Rails.application.configure do
  config.paperclip_defaults = { storage: :s3, s3_region: ENV["AWS_REGION"] }
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-paperclip-remote-default
  # ok: the local file system
  config.paperclip_defaults = { storage: :filesystem }
  # ok: no storage given
  config.paperclip_defaults = { url: "/system/:class/:id/:filename" }
end

# ok: the local file system, and another option
Paperclip::Attachment.default_options[:storage] = :filesystem
Paperclip::Attachment.default_options[:path] = ":rails_root/files/:id"
