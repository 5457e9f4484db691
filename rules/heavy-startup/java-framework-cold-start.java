@SpringBootApplication
//^^^^^^^^^^^^^^^^^^^^^ heavy-startup/java-framework-cold-start
public class ShopApplication {
    public static void main(String[] args) {
        // ok: the run call is the same start-up
        SpringApplication.run(ShopApplication.class, args);
    }
}

class Main {
    private static Injector injector;

    public static void run(String configFile) {
        injector = Guice.createInjector(new MainModule(configFile), new WebModule());
        //         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/java-framework-cold-start
        // ok: a child injector reuses the parent's bindings
        Injector child = injector.createChildInjector(new RequestModule());
    }
}
