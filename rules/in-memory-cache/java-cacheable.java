interface VetRepository extends Repository<Vet, Integer> {

    @Transactional(readOnly = true)
    @Cacheable("vets")
//  ^^^^^^^^^^^^^^^^^^ in-memory-cache/java-cacheable
    Collection<Vet> findAll() throws DataAccessException;

    // ok: a read without a cache
    @Transactional(readOnly = true)
    Page<Vet> findAll(Pageable pageable) throws DataAccessException;
}

@CacheConfig(cacheNames = "countries")
class CountryService {
    @Cacheable
//  ^^^^^^^^^^ in-memory-cache/java-cacheable
    public List<Country> all() {
        return client.fetchCountries();
    }

    // ok: the class annotation names the cache, it is no cached method
    public Country byCode(String code) {
        return all().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }
}
