@SpringBootApplication
@EnableScheduling
//^^^^^^^^^^^^^^^ background-work/kotlin-scheduler
class App

@Component
class Jobs(private val orders: OrderRepository) {
    @Scheduled(fixedRate = 60000)
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/kotlin-scheduler
    fun purge() = orders.deleteExpired()

    // ok: a property named like it
    val scheduled = false

    // ok: another annotation
    @Transactional
    fun save() = orders.flush()
}
