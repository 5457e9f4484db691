require_relative '../app/pusher/server'

# The `pusher` process of the Procfile: order updates pushed to shop
# terminals over raw TCP.
Pusher::Server.new(9000).run
