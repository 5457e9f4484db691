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
        pool.submit(() -> r.write());
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/java-async
        CompletableFuture.runAsync(() -> r.index());
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/java-async
        new Thread(() -> r.archive()).start();
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/java-async
        executorService.submit(() -> r.mail());
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/java-async
        // ok: awaited in the request
        r.write();
    }
}
