Rails.application.configure do
  config.cache_classes = true
  config.cache_store = :memory_store, { size: 64.megabytes }
  config.log_level = :info
end
