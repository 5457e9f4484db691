class Events {
    SseEmitter events() {
        SseEmitter e = new SseEmitter(0L);
//                     ^^^^^^^^^^^^^^^^^ long-lived-connection/java-server-push
        return e;
    }

    void notify(Order order) {
        // ok: a broker push is long-lived-connection/java-broker-push
        messagingTemplate.convertAndSend("/topic/orders", order);
        // ok: a JSON response
        ResponseEntity.ok(order);
    }
}
