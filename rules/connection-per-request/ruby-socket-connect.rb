CONTROL = TCPSocket.new('localhost', 7000)
# ok: one connection at boot

class Switchboard
  def self.connection(host, port)
    client = TCPSocket.new host, port
    #        ^^^^^^^^^^^^^^^^^^^^^^^^ connection-per-request/ruby-socket-connect
    Socket.tcp(host, port) { |s| s.puts 'ping' }
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ connection-per-request/ruby-socket-connect
    server = TCPServer.new(port)
    # ok: a listening server, not a connection per call
    client
  end
end
