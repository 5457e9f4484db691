Rails.application.configure do
  config.cache_store = :solid_cache_store, { shards: [:cache] }
  #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/ruby-network-cache-store
  config.cache_store = :redis_cache_store, { url: ENV['REDIS_URL'] }
  #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/ruby-network-cache-store
  config.cache_store = :memory_store
  # ok: in process (in-memory-cache/ruby-memory-store)
  config.cache_store = :null_store
  # ok: no cache at all, the usual test setting: not a production store
end
