@RestController
class EventsController {
    @GetMapping("/events", produces = [MediaType.TEXT_EVENT_STREAM_VALUE])
//                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/kotlin-server-push
    fun events(): SseEmitter = SseEmitter(0L)
//                             ^^^^^^^^^^^^^^ long-lived-connection/kotlin-server-push

    // ok: a plain JSON answer, and the type named without making one
    @GetMapping("/status", produces = [MediaType.APPLICATION_JSON_VALUE])
    fun status(emitter: SseEmitter?): String = "ok"
}

class ChatHandler : TextWebSocketHandler() {
//                  ^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/kotlin-server-push
    override fun handleTextMessage(session: WebSocketSession, message: TextMessage) {}
}

@Configuration
@EnableWebSocket
//^^^^^^^^^^^^^^ long-lived-connection/kotlin-server-push
class WsConfig

// ok: an HTTP handler
class Plain : HandlerInterceptor
