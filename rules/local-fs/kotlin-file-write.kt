@RestController
class UploadController {
    @PostMapping("/avatar")
    fun upload(file: MultipartFile): String {
        val target = File("uploads/avatar.png")
        file.transferTo(target)
//      ^^^^^^^^^^^^^^^^^^^^^^^ local-fs/kotlin-file-write
        File("data/log.txt").appendText("uploaded")
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/kotlin-file-write
        Files.write(Paths.get("data/last"), file.bytes)
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/kotlin-file-write
        FileOutputStream("out.bin").use { it.write(1) }
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/kotlin-file-write
        // ok: scratch space in the temp folder
        val tmp = File.createTempFile("upload", ".png")
        tmp.writeBytes(file.bytes)
        Files.write(Files.createTempFile("a", "b"), file.bytes)
        // ok: reading is no write
        val text = File("config.txt").readText()
        return text
    }
}
