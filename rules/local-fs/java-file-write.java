class Uploads {
    String save(MultipartFile file) throws IOException {
        file.transferTo(new File("/var/uploads/" + file.getOriginalFilename()));
//      ^^^^^^^^^^^^^^^^ local-fs/java-file-write
        Files.writeString(Path.of("/tmp/last.txt"), "x");
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

    // ok: a constant outside any method
    static final String DIR = "/var/uploads";
}
