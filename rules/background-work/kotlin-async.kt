@Service
class Mailer {
    @Async
//  ^^^^^^ background-work/kotlin-async
    fun send(to: String) {}

    fun place(id: Long): String {
        GlobalScope.launch { send("a") }
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/kotlin-async
        thread { send("b") }
//      ^^^^^^^^^^^^^^^^^^^^ background-work/kotlin-async
        val pool = Executors.newFixedThreadPool(4)
//                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/kotlin-async
        CompletableFuture.runAsync { send("c") }
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/kotlin-async
        return "ok"
    }

    // ok: structured concurrency, awaited before answering
    suspend fun both() = coroutineScope {
        launch { send("x") }
        async { send("y") }.await()
    }
}
