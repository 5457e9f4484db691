require_relative 'boot'
require 'rails/all'

module Blog
  class Application < Rails::Application
    config.load_defaults 7.1
    config.active_job.queue_adapter = :sidekiq
  end
end
