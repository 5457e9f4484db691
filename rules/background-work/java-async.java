@Service
class Notifications {
    @Async
//  ^^^^^^ background-work/java-async
    public void sendConfirmation(Order order) {
        mailer.send(order);
    }

    void export(Report r) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
//                             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/java-async
        // ok: a local pool, reported where it is created
        pool.submit(() -> r.write());
        CompletableFuture.runAsync(() -> r.index());
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/java-async
        new Thread(() -> r.archive()).start();
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/java-async
        // ok: a field's executor is background-work/java-executor-submit
        executorService.submit(() -> r.mail());
        // ok: awaited in the request
        r.write();
    }
}
