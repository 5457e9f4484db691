var requests = 0L
val seen = mutableSetOf<String>()
val ROLES = setOf("admin", "user")
const val LIMIT = 10

object Registry {
    val orders = ConcurrentHashMap<Long, String>()
    val names = mapOf(1 to "one")
}

@Service
class OrderService {
    private val placed = HashMap<Long, String>()
    var last: String? = null
    private val fixed = listOf(1, 2)
    @Value("\${ttl}")
    private var ttl: Long = 0
    @Value("\${remember-ttl}")
    private var rememberTtl: Long = 0

    companion object {
        private val inFlight = mutableMapOf<Long, String>()
        const val PREFIX = "/orders"
    }

    fun place(id: Long): String {
        requests++
//      ^^^^^^^^^^ global-state/kotlin-shared-state
        seen.add("x")
//      ^^^^^^^^^^^^^ global-state/kotlin-shared-state
        // ok: an immutable map's read
        Registry.names.get(1)
        placed[id] = "placed"
//      ^^^^^^^^^^^^^^^^^^^^^ global-state/kotlin-shared-state
        inFlight.remove(id)
//      ^^^^^^^^^^^^^^^^^^^ global-state/kotlin-shared-state
        last = "x"
//      ^^^^^^^^^^ global-state/kotlin-shared-state
        this.ttl = rememberTtl
//      ^^^^^^^^^^^^^^^^^^^^^^ global-state/kotlin-shared-state
        // ok: an injected property only read
        val expires = rememberTtl * 2
        // ok: a local shadows nothing shared
        val local = mutableListOf<Int>()
        local.add(1)
        // ok: reads of immutable values
        val n = ROLES.size + LIMIT + fixed.size
        return PREFIX + n
    }
}
