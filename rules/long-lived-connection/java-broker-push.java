class Status {
    void notify(Order order) {
        messagingTemplate.convertAndSend("/topic/orders", order);
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/java-broker-push
        // ok: sending a message to a queue is not a broker push
        jmsTemplate.send("orders", session -> session.createTextMessage("x"));
    }
}
