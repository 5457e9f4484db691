unless Rails.cache.is_a?(ActiveSupport::Cache::NullStore)
  Rack::Attack.cache.store = SolidCache::Store.new(
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-rack-attack-store
    shards: [:rack_attack],
    namespace: "rack_attack"
  )
end
# ok: a store every instance shares
Rack::Attack.cache.store = ActiveSupport::Cache::RedisCacheStore.new(url: ENV["REDIS_URL"])
