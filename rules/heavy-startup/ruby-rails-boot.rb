require_relative "boot"
require "rails/all"
Bundler.require(*Rails.groups)
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/ruby-rails-boot
# ok: a Sinatra app naming its own groups
Bundler.require(:default, ENV["RACK_ENV"])
# ok: not Bundler
Kernel.require(*Rails.groups)
