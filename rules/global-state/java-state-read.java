import java.util.*;
import java.util.concurrent.*;

@Singleton
class ConnectionManager {
    private static final Map<String, String> LABELS = Map.of("a", "b");
    private final Map<Long, String> sessions = new ConcurrentHashMap<>();
    private final Set<String> sockets = new CopyOnWriteArraySet<>();

    void connected(long id, String session) {
        sessions.put(id, session);
    }

    String find(long id) {
        return sessions.get(id);
//             ^^^^^^^^^^^^^^^^ global-state/java-state-read
    }

    void broadcast(String message) {
        for (String socket : sockets) {
//                           ^^^^^^^ global-state/java-state-read
            send(socket, message);
        }
        List<String> local = new ArrayList<>();
        // ok: a local list
        for (String item : local) {
            send(item, message);
        }
        // ok: an immutable map
        String label = LABELS.get("a");
    }
}

class Order {
    private final List<String> lines = new ArrayList<>();

    int count() {
        // ok: an ordinary object's own list
        return lines.size();
    }
}
