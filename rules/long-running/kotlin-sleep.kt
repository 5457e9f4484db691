@RestController
class ExportController(private val jobs: JobService) {
    @PostMapping("/export")
    suspend fun export(): String {
        delay(1000)
//      ^^^^^^^^^^^ long-running/kotlin-sleep
        Thread.sleep(200)
//      ^^^^^^^^^^^^^^^^^ long-running/kotlin-sleep
        TimeUnit.SECONDS.sleep(1)
//      ^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/kotlin-sleep
        // ok: a method named like it on another object
        jobs.delay()
        scheduler.sleep(3)
        return "ok"
    }
}
