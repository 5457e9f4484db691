package bounce

import "net/http"

type Manager struct {
	queue   chan string
	results chan string
}

// Run is started at boot (`go m.Run()`) and drains the queue.
func (m *Manager) Run() {
	for b := range m.queue {
		store(b)
	}
}

func (m *Manager) Record(b string) error {
	m.queue <- b
//^^^^^^^^^^^^ background-work/go-channel-handoff
	return nil
}

func (m *Manager) Push(b string) {
	select {
	case m.queue <- b:
//	     ^^^^^^^^^^^^ background-work/go-channel-handoff
	default:
	}
}

func Handle(w http.ResponseWriter, r *http.Request, done chan error) {
	// ok: a local channel or a parameter hands a result back
	done <- nil
}

func (m *Manager) Answer(v string) {
	// ok here (the rule alone): no loop of the program drains `results`
	// (link drops the hit; fixtures run the rule alone)
	m.results <- v
//^^^^^^^^^^^^^^ background-work/go-channel-handoff
}

type Bus struct{ ch chan string }

func (b *Bus) Run() {
	for ev := range b.ch {
		notify(ev)
	}
}

// ok: an event bus's publish: its subscribers are judged where they act
func (b *Bus) Publish(ev string) {
	b.ch <- ev
}
