import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicLong;

@RestController
class CounterController {
    private static final AtomicLong HITS = new AtomicLong();
    private static int served;
    private static final Map<String, String> LABELS = Map.of("a", "b");
    private static final String PREFIX = "/api";
    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();
    private final List<String> names;

    CounterController(List<String> names) {
        // ok: a constructor assigning an injected field
        this.names = names;
    }

    @GetMapping("/hit")
    long hit(String user) {
        served++;
//      ^^^^^^^^ global-state/java-static-state
        perUser.merge(user, 1, Integer::sum);
//      ^^^^^^^^^^^^^^^^^^^^^ global-state/java-static-state
        Map<String, Integer> local = new HashMap<>();
        // ok: a local map
        local.put(user, 1);
        // ok: a read
        String label = LABELS.get(user);
        return HITS.incrementAndGet();
//             ^^^^^^^^^^^^^^^^^^^^ global-state/java-static-state
    }
}

class Order {
    private final List<String> lines = new ArrayList<>();

    void add(String line) {
        // ok: an ordinary object's own list
        lines.add(line);
    }
}

@Component
class TokenCache {
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    void remember(String user, String token) {
        // ok: a class named as a cache is in-memory-cache/java-cache-class-state
        tokens.put(user, token);
    }
}
