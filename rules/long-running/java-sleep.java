class Deploy {
    private static final long PAUSE = 1500;

    void waitFor(Job job) throws Exception {
        while (!job.done()) {
            Thread.sleep(1000);
//          ^^^^^^^^^^^^^^^^^^ long-running/java-sleep
        }
        TimeUnit.SECONDS.sleep(2);
//      ^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/java-sleep
        for (Server s : job.servers()) {
            TimeUnit.SECONDS.sleep(1);
//          ^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/java-sleep
        }
        Thread.sleep(job.delay());
//      ^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/java-sleep
        // ok: a sub-second back-off
        Thread.sleep(200);
        // ok: one bounded pause of under two seconds, in no loop
        Thread.sleep(1500L);
        Thread.sleep(PAUSE);
        TimeUnit.SECONDS.sleep(1);
        TimeUnit.MILLISECONDS.sleep(800);
        // ok: a process is long-running/java-process
        Process p = new ProcessBuilder("convert", "a.png").start();
        // ok: a join with the result, no wait loop
        job.result();
    }
}
