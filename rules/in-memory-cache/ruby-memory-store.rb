Rails.application.configure do
  config.cache_store = :memory_store, { size: 64.megabytes }
  #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/ruby-memory-store
  config.cache_store = :redis_cache_store, { url: ENV['REDIS_URL'] }
  # ok: a network store
  config.cache_store = :null_store
  # ok: no cache at all
end
