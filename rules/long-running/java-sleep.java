class Deploy {
    void waitFor(Job job) throws Exception {
        while (!job.done()) {
            Thread.sleep(1000);
//          ^^^^^^^^^^^^^^^^^^ long-running/java-sleep
        }
        TimeUnit.SECONDS.sleep(2);
//      ^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/java-sleep
        // ok: a process is long-running/java-process
        Process p = new ProcessBuilder("convert", "a.png").start();
        // ok: a join with the result, no wait loop
        job.result();
    }
}
