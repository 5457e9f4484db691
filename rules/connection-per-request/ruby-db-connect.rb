REDIS = Redis.new(url: ENV['REDIS_URL'])
# ok: one client at boot

class ReportsController < ApplicationController
  def show
    conn = PG.connect(dbname: 'reports')
    #      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ connection-per-request/ruby-db-connect
    client = Mysql2::Client.new(host: 'db')
    #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ connection-per-request/ruby-db-connect
    REDIS.get('x')
    # ok: the client made at boot
  end
end
