package subimporter

import "sync"

type Importer struct {
	status  Status
	pending int
	sync.RWMutex
}

func (im *Importer) NewSession(name string) {
	im.Lock()
	im.status = Status{Name: name}
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/go-locked-field-write
	im.Unlock()
}

func (a *App) Settings() {
	a.Lock()
	a.needsRestart = true
//^^^^^^^^^^^^^^^^^^^^^ global-state/go-locked-field-write
	a.Unlock()
}

func build(name string) *Importer {
	im := &Importer{}
	// ok: no lock taken: a value built for this call
	im.status = Status{Name: name}
	return im
}

func (im *Importer) other(p *Params, mu *sync.Mutex) {
	mu.Lock()
	// ok: the lock is another value's
	p.count = 1
	mu.Unlock()
}
