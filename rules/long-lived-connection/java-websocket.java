@ServerEndpoint("/live")
//^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/java-websocket
public class LiveFeed {
    // ok: the class is the finding; its methods are the route's handlers
    @OnMessage
    public void onMessage(String message, Session session) {
    }
}

@Configuration
@EnableWebSocketMessageBroker
//^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/java-websocket
class WsConfig {
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws").withSockJS();
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/java-websocket
    }
}

// ok: an HTTP controller
@RestController
class Plain {
    @GetMapping("/x")
    String x() { return "x"; }
}
