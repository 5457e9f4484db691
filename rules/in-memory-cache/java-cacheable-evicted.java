@Service
class ProductService {
    @Cacheable("products")
//  ^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/java-cacheable-evicted
    public Product find(long id) {
        return repository.findById(id).orElseThrow();
    }

    @Cacheable(cacheNames = "prices", key = "#id")
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/java-cacheable-evicted
    public Price price(long id) {
        return repository.priceOf(id);
    }

    // ok: the eviction is in-memory-cache/java-heap-cache
    @CacheEvict(cacheNames = "products", key = "#id")
    public void update(long id, Product p) {
        repository.save(p);
    }

    // ok: transactional, not cached
    @Transactional
    public void save(Product p) {
        repository.save(p);
    }
}
