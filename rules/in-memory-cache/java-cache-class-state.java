import java.util.*;
import java.util.concurrent.*;

@Singleton
public class CacheManager {
    private final Map<Long, Deque<String>> positions = new ConcurrentHashMap<>();
    private final Storage storage;

    public CacheManager(Storage storage) {
        this.storage = storage;
    }

    public void update(long deviceId, String position) {
        positions.computeIfAbsent(deviceId, k -> new ConcurrentLinkedDeque<>()).add(position);
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/java-cache-class-state
        positions.remove(deviceId);
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/java-cache-class-state
    }
}

public class UserCache {
    private static final Map<String, String> NAMES = new HashMap<>();

    static void put(String id, String name) {
        NAMES.put(id, name);
//      ^^^^^^^^^^^^^^^^^^^ in-memory-cache/java-cache-class-state
    }
}

@Service
class StockService {
    private final Map<Long, Integer> reserved = new HashMap<>();

    void reserve(long id) {
        // ok: global state of a service that is no cache (global-state/java-static-state)
        reserved.merge(id, 1, Integer::sum);
    }
}

class CacheEntry {
    private final List<String> tags = new ArrayList<>();

    void tag(String tag) {
        // ok: an ordinary object's own list, in a class that is not a cache
        tags.add(tag);
    }
}
