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

func initGopher(addr string) {
	gopher.ListenAndServe(addr, nil)
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/go-accept-loop
}

func serveTLS(addr string, srv *http.Server) {
	gemini.ListenAndServeTLS(addr, "cert.pem", "key.pem", nil)
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/go-accept-loop
	// ok: net/http's server (the app's HTTP server)
	http.ListenAndServe(addr, nil)
	// ok: a server value's methods
	srv.ListenAndServe()
	srv.ListenAndServeTLS("cert.pem", "key.pem")
}
