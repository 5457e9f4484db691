class Convert {
    void run(Job job) throws Exception {
        Process p = new ProcessBuilder("convert", "a.png").start();
//                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/java-process
        Runtime.getRuntime().exec("ls");
//      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/java-process
        // ok: a wait is long-running/java-sleep
        Thread.sleep(10);
        // ok: a builder that is not a process
        new StringBuilder("x").append(1);
    }
}
