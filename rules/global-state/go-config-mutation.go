package admin

import "net/http"

func handleAdminUpdateConfig(apper Apper, w http.ResponseWriter, r *http.Request) error {
	apper.App().cfg.App.SiteName = r.FormValue("site_name")
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/go-config-mutation
	h.app.Config.Federation = r.FormValue("federation") == "on"
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/go-config-mutation
	// ok: a configuration built in a local variable
	cfg := config.New()
	cfg.App.SiteName = "x"
	// ok: an SDK request's options, rooted at a local
	opts.Config.Timeout = 5
	// ok: reads of the configuration
	name := apper.App().cfg.App.SiteName
	_ = name
	return nil
}
