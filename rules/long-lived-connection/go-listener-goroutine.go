package sshserver

import "net"

func Start() {
	go listen()
//^^^^^^^^^^^ long-lived-connection/go-listener-goroutine
}

func Stop() {
	// ok: a deferred call starts no goroutine
	defer listen()
	// ok: a function literal: its own hits are judged where they are written
	go func() {
		handle(nil)
	}()
}

func listen() {
	l, _ := net.Listen("tcp", ":2222")
	for {
		conn, _ := l.Accept()
		handle(conn)
	}
}

func handle(conn net.Conn) {}
