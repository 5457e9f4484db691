class Events {
    SseEmitter events() {
        SseEmitter e = new SseEmitter(0L);
//                     ^^^^^^^^^^^^^^^^^ long-lived-connection/java-server-push
        return e;
    }

    void notify(Order order) {
        messagingTemplate.convertAndSend("/topic/orders", order);
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/java-server-push
        // ok: a JSON response
        ResponseEntity.ok(order);
    }
}
