Rails.application.configure do
  config.logger = ActiveSupport::Logger.new(Rails.root.join("log/rails.log"))
  #               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-file-logger
  config.lograge.logger = ActiveSupport::Logger.new(Rails.env.production? ? Rails.root.join("log/action.log") : $stdout)
  #                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-file-logger
  # ok: standard output
  config.logger = ActiveSupport::Logger.new($stdout)
  # ok: standard error
  config.logger = Logger.new(STDERR)
end

def setup_logger(logfile)
  @logger = Logger.new(logfile, 2, 10_485_760)
  #         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-file-logger
  # ok: an IO chosen by the caller, no rotation
  @io_logger = Logger.new(logfile)
  # ok: a logger of another library
  @other = Syslog::Logger.new("app")
  @daily = ::Logger.new("/var/log/app.log", "daily")
  #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-file-logger
end
