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

// A Jetty websocket servlet (bound with Guice `serve("/api/socket").with(...)`)
public class SocketServlet extends JettyWebSocketServlet {
    @Override
    public void configure(JettyWebSocketServletFactory factory) {
//              ^^^^^^^^^ long-lived-connection/java-websocket
        factory.setCreator((req, resp) -> new LiveSocket());
    }
}

// ok: a plain servlet's configure with another parameter type
class PlainServlet extends HttpServlet {
    public void configure(ServletConfig config) {
    }
}
