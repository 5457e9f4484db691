@SpringBootApplication
@EnableScheduling
//^^^^^^^^^^^^^^^^ background-work/java-scheduler
class App {
}

@Component
class Jobs {
    @Scheduled(cron = "0 0 3 * * *")
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/java-scheduler
    public void purgeCarts() {
    }

    void trigger(JobKey key) throws Exception {
        scheduler.triggerJob(key);
//      ^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/java-scheduler
    }

    // ok: not scheduled
    public void manual() {
    }
}
