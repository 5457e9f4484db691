@Configuration(proxyBeanMethods = false)
@EnableCaching
//^^^^^^^^^^^^ in-memory-cache/java-enable-caching
class CacheConfiguration {
    @Bean
    public JCacheManagerCustomizer customizer() {
        return cm -> cm.createCache("vets", new MutableConfiguration<>());
    }
}

// ok: another configuration annotation
@Configuration
@EnableScheduling
class Jobs {
}
