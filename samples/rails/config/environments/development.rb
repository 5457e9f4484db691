Rails.application.configure do
  config.cache_classes = false
  config.cache_store = :memory_store
end
