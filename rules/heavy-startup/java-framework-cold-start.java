@SpringBootApplication
//^^^^^^^^^^^^^^^^^^^^^ heavy-startup/java-framework-cold-start
public class ShopApplication {
    public static void main(String[] args) {
        // ok: the run call is the same start-up
        SpringApplication.run(ShopApplication.class, args);
    }
}
