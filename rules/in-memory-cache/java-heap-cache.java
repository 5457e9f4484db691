@Service
class ProductService {
    @Cacheable("products")
//  ^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/java-heap-cache
    public Product find(long id) {
        return repository.findById(id).orElseThrow();
    }

    private final Cache<Long, Product> recent = Caffeine.newBuilder().maximumSize(100).build();
//                                              ^^^^^^^^^^^^^^^^^^^^ in-memory-cache/java-heap-cache

    // ok: transactional, not cached
    @Transactional
    public void save(Product p) {
        repository.save(p);
    }
}
