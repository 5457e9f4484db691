class SwitchboardServer
  include Celluloid::IO

  def create_server(host, port)
    tcp_server = Celluloid::IO::TCPServer.new host, port
    #            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/ruby-socket-server
    @server = Celluloid::IO::SSLServer.new tcp_server, context
  end
end

server = TCPServer.new('0.0.0.0', 2000)
#        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/ruby-socket-server
local = UNIXServer.new('/tmp/app.sock')
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/ruby-socket-server
EventMachine.run do
  EventMachine.start_server '0.0.0.0', 8081, EchoServer
  #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/ruby-socket-server
end
Socket.tcp_server_loop(2202) { |sock, _| sock.puts 'hi' }
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/ruby-socket-server

def job(host, port)
  client = TCPSocket.new host, port
  # ok: a client connection (connection-per-request/ruby-socket-connect)
  Socket.tcp(host, port) { |s| s.puts 'ping' }
  # ok: a client connection too
  EventMachine.connect host, port, Handler
  # ok: a client of a server, not one
  MyTCPServer.new(port)
  # ok: an app's own class named like one
end
