Rails.application.configure do
  config.action_controller.perform_caching = true
  config.action_controller.page_cache_directory = Rails.public_path.join("cache").to_s
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-page-cache
  # ok: reading the directory is no configuration of it
  dir = config.action_controller.page_cache_directory
  # ok: fragment caching in the shared cache store
  config.cache_store = :redis_cache_store, { url: ENV["REDIS_URL"] }
end
