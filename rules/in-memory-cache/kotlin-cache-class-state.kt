object PriceCache {
    private val prices = HashMap<Long, String>()

    fun lookup(id: Long): String = prices.getOrPut(id) { "p$id" }
//                                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/kotlin-cache-class-state

    fun drop(id: Long) {
        prices.remove(id)
//      ^^^^^^^^^^^^^^^^^ in-memory-cache/kotlin-cache-class-state
    }
}

@Service
class OrderService {
    private val placed = HashMap<Long, String>()

    // ok: not a cache class (global-state instead)
    fun place(id: Long) {
        placed[id] = "x"
    }
}
