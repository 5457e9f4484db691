package sshserver

import "net"

func Start() {
	go listen()
//^^^^^^^^^^^ long-lived-connection/go-listener-goroutine
}

func listen() {
	l, _ := net.Listen("tcp", ":2222")
	for {
		conn, _ := l.Accept()
		handle(conn)
	}
}

func handle(conn net.Conn) {}
