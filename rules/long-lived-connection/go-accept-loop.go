package sshserver

import (
	"net"

	"golang.org/x/crypto/ssh"
)

func listen(cfg *ssh.ServerConfig) {
	l, _ := net.Listen("tcp", ":2222")
	for {
//^^^^^ long-lived-connection/go-accept-loop
		conn, err := l.Accept()
		if err != nil {
			continue
		}
		go handle(conn, cfg)
	}
}

func handle(conn net.Conn, cfg *ssh.ServerConfig) {
	_, chans, _, _ := ssh.NewServerConn(conn, cfg)
	// ok: the channels of one connection, not connections
	for ch := range chans {
		ch.Accept()
	}
	// ok: a loop that accepts nothing
	for {
		conn.Read(nil)
	}
}
