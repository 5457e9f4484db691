# A developer's tool, run by hand: no process of the Procfile runs it.
server = TCPServer.new(7000)
server.accept
