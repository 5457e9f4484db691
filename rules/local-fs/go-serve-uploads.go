package router

func Create(r *gin.Engine, conf *config.Configuration) {
	r.StaticFS("/image", &onlyImageFS{inner: gin.Dir(conf.UploadedImagesDir, false)})
	//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-serve-uploads
	r.Static("/avatars", "./data/avatars")
	//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-serve-uploads
	// ok: assets shipped with the code
	r.Static("/assets", "./public/assets")
	// ok: an embedded file system
	r.StaticFS("/ui", http.FS(uiFiles))
}

func download(c *gin.Context) {
	c.File(filepath.Join(uploadDir, c.Param("name")))
	//^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-serve-uploads
	// ok: a file of the build
	c.File("./public/index.html")
}

func mount(mux *http.ServeMux) {
	mux.Handle("/media/", http.StripPrefix("/media/", http.FileServer(http.Dir(mediaRoot))))
	//                                                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-serve-uploads
}

func serveAttachment(w http.ResponseWriter, r *http.Request, svc *Service, id string) {
	doc, err := svc.AttachmentPath(r.Context(), id)
	if err != nil {
		return
	}
	http.ServeFile(w, r, doc.Path)
	//^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-serve-uploads
}

func serveIndex(w http.ResponseWriter, r *http.Request) {
	page, err := ui.IndexPath()
	if err != nil {
		return
	}
	// ok: a page of the build, whatever variable holds its path
	http.ServeFile(w, r, page)
}
