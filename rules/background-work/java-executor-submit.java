@Singleton
class ReportMailer {
    private final ExecutorService executorService;
    private ThreadPoolTaskExecutor taskExecutor;

    ReportMailer(ExecutorService executorService) {
        this.executorService = executorService;
    }

    void sendAsync(Report r) {
        executorService.submit(() -> mailer.send(r));
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/java-executor-submit
        this.taskExecutor.execute(() -> r.archive());
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/java-executor-submit
    }

    void write(OutputStream out, ReportExecutor executor) {
        // ok: a parameter that writes the report into the response
        executor.execute(out);
    }

    void export(Report r) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        // ok: a local pool (its creation is background-work/java-async)
        pool.submit(() -> r.write());
    }
}
