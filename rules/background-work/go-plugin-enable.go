package plugin

import (
	"plugin"
)

func (m *Manager) SetPluginEnabled(instance Instance, enabled bool) error {
	var err error
	if enabled {
		err = instance.Enable()
//          ^^^^^^^^^^^^^^^^^ background-work/go-plugin-enable
	} else {
		// ok: disabling ends the plugin's work
		err = instance.Disable()
		// ok: an Enable that takes arguments is some other API
		err = m.flags.Enable("beta")
	}
	return err
}

func load(path string) (*plugin.Plugin, error) {
	return plugin.Open(path)
}
