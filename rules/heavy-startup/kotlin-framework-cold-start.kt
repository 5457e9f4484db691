@SpringBootApplication
//^^^^^^^^^^^^^^^^^^^^ heavy-startup/kotlin-framework-cold-start
class ShopApplication

fun main(args: Array<String>) {
    runApplication<ShopApplication>(*args)
}

fun ktor() {
    embeddedServer(Netty, port = 8080) {}.start(wait = true)
//  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/kotlin-framework-cold-start
}

// ok: a plain configuration class
@Configuration
class Config
