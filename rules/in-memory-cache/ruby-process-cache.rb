class LruClient
  def initialize
    @cache = LruRedux::TTL::ThreadSafeCache.new MAX_SIZE, EXPIRY
    #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/ruby-process-cache
    @plain = LruRedux::Cache.new(100)
    #        ^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/ruby-process-cache
  end
end
# ok: a network cache client
CLIENT = Dalli::Client.new(ENV["MEMCACHED_SERVERS"])
# ok: a Redis client
REDIS = Redis.new(url: ENV["REDIS_URL"])
