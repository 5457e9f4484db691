module Pusher
  class Server
    def initialize(port)
      @server = TCPServer.new('0.0.0.0', port)
    end

    def run
      @server.accept
    end
  end
end
