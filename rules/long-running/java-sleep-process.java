class Deploy {
    void waitFor(Job job) throws Exception {
        while (!job.done()) {
            Thread.sleep(1000);
//          ^^^^^^^^^^^^^^^^^^ long-running/java-sleep-process
        }
        TimeUnit.SECONDS.sleep(2);
//      ^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/java-sleep-process
        Process p = new ProcessBuilder("convert", "a.png").start();
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/java-sleep-process
        Runtime.getRuntime().exec("ls");
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/java-sleep-process
        // ok: a join with the result, no wait loop
        job.result();
    }
}
