class Uploads {
    private final String fileSavePath = FileUtil.getTmpDirPath() + "/";
    private final String uploadDir = "/var/uploads/";

    String save(MultipartFile file) throws IOException {
        file.transferTo(new File("/var/uploads/" + file.getOriginalFilename()));
//      ^^^^^^^^^^^^^^^^ local-fs/java-file-write
        Files.writeString(Path.of("/data/last.txt"), "x");
//      ^^^^^^^^^^^^^^^^^ local-fs/java-file-write
        try (FileOutputStream out = new FileOutputStream("report.csv")) {
//                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/java-file-write
            out.write(1);
        }
        FileUtil.del(storage.getPath());
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/java-file-write
        // ok: reading a file
        byte[] bytes = Files.readAllBytes(Path.of("template.html"));
        // ok: a stream to the response
        response.getOutputStream().write(bytes);
        return "ok";
    }

    String spool(MultipartFile file, String name) throws IOException {
        // ok: spooled into the temp folder through a field and a local, used in this request
        File spooled = new File(fileSavePath + name);
        FileUtil.del(spooled);
        file.transferTo(spooled);
        // ok: the temp folder written in the call
        Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), name), "x");
        File scratch = File.createTempFile("export", ".xlsx");
        try (FileOutputStream out = new FileOutputStream(scratch)) {
            out.write(1);
        }
        // a temp upload moved into the upload folder is kept: the destination decides
        Path tmp = Files.createTempFile("up", ".bin");
        Files.move(tmp, Path.of(uploadDir, name));
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/java-file-write
        // a variable rebound to a lasting path before the write is reported
        File target = new File(fileSavePath + name);
        target = new File(uploadDir + name);
        file.transferTo(target);
//      ^^^^^^^^^^^^^^^^^^^^^^^ local-fs/java-file-write
        return "ok";
    }

    // ok: a constant outside any method
    static final String DIR = "/var/uploads";
}
