@Service
class ProductService {
    @CacheEvict(cacheNames = "products", key = "#id")
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/java-heap-cache
    public void update(long id, Product p) {
        repository.save(p);
    }

    @CachePut("products")
//  ^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/java-heap-cache
    public Product refresh(long id) {
        return repository.findById(id).orElseThrow();
    }

    private final Cache<Long, Product> recent = Caffeine.newBuilder().maximumSize(100).build();
//                                              ^^^^^^^^^^^^^^^^^^^^ in-memory-cache/java-heap-cache

    // ok: a read of the cache is java-cacheable(-evicted)
    @Cacheable("products")
    public Product find(long id) {
        return repository.findById(id).orElseThrow();
    }

    // ok: transactional, not cached
    @Transactional
    public void save(Product p) {
        repository.save(p);
    }
}
