package manager

type Manager struct {
	msgQ  chan string
	jobs  chan string
	items []string
	done  chan bool
}

func (m *Manager) Run() {
	for msg := range m.msgQ {
//^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/go-channel-drain
		send(msg)
	}
}

func (m *Manager) worker() {
	for {
		select {
		case msg, ok := <-m.msgQ:
//		^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/go-channel-drain
			if !ok {
				return
			}
			send(msg)
		case job := <-m.jobs:
//		^^^^^^^^^^^^^^^^^^^^ background-work/go-channel-drain
			run(job)
		}
	}
}

func (m *Manager) list() {
	// ok: a range over a slice field (only a field declared as a channel counts)
	for _, it := range m.items {
		send(it)
	}
}

func (m *Manager) wait() {
	// ok: one receive outside a loop waits for a result
	<-m.done
}
