@Service
class ProductService(private val repository: ProductRepository) {
    @Cacheable("products")
//  ^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/kotlin-cacheable
    fun find(id: Long): Product = repository.findById(id)

    @Cacheable(cacheNames = ["prices"], key = "#id")
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/kotlin-cacheable
    fun price(id: Long): Int = 3

    // ok: evicting is no cache of its own
    @CacheEvict("products")
    fun drop(id: Long) {}

    // ok: an unrelated annotation
    @Transactional
    fun save(p: Product) = repository.save(p)
}
