Rails.application.configure do
  config.log_formatter = ::Logger::Formatter.new

  if ENV["RAILS_LOG_TO_STDOUT"].present?
# ^^ local-fs/ruby-rails-default-log-file
    logger           = ActiveSupport::Logger.new(STDOUT)
    logger.formatter = config.log_formatter
    config.logger    = ActiveSupport::TaggedLogging.new(logger)
  end

  if ENV['RAILS_LOG_TO_STDOUT'].present? || ENV['ON_HEROKU']
# ^^ local-fs/ruby-rails-default-log-file
    config.logger = ActiveSupport::Logger.new(STDOUT)
  end

  config.logger = ActiveSupport::Logger.new($stdout) if ENV.key?("RAILS_LOG_TO_STDOUT")
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/ruby-rails-default-log-file

  # ok: standard output without a condition (the Rails 7.1 default)
  config.logger = ActiveSupport::TaggedLogging.logger(STDOUT)

  # ok: another variable
  if ENV["RAILS_SERVE_STATIC_FILES"].present?
    config.public_file_server.enabled = true
  end

  # ok: the name in a comment or a string, not a test of the environment
  puts "set RAILS_LOG_TO_STDOUT" if verbose
end
