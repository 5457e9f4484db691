Rails.application.configure do
  config.active_storage.service = :local
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-active-storage-disk
  # ok: a cloud service
  config.active_storage.service = :amazon
  # ok: not the service
  config.active_storage.variant_processor = :local
end
