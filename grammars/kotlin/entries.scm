; Where a Kotlin web app starts: the Spring Boot application class,
; `runApplication<App>(*args)` / `SpringApplication.run(…)`, Ktor's
; `embeddedServer(…)`.

((class_declaration
   (modifiers (annotation [(user_type (identifier) @_a) (constructor_invocation (user_type (identifier) @_a))]))) @entry
  (#any-of? @_a "SpringBootApplication" "EnableAutoConfiguration"))
((call_expression . (identifier) @_run) @entry
  (#any-of? @_run "runApplication" "embeddedServer"))
((call_expression (navigation_expression (identifier) @_o (identifier) @_m .)) @entry
  (#eq? @_o "SpringApplication")
  (#eq? @_m "run"))

; Functions the container runs as the application starts: an
; ApplicationRunner's or CommandLineRunner's run(), a lifecycle's start().
((class_declaration
   (delegation_specifiers (delegation_specifier (user_type . (identifier) @_i)))
   (class_body (function_declaration name: (identifier) @_m) @startup))
  (#match? @_i "^(ApplicationRunner|CommandLineRunner)$")
  (#eq? @_m "run"))
((class_declaration
   (delegation_specifiers (delegation_specifier (user_type . (identifier) @_i)))
   (class_body (function_declaration name: (identifier) @_m) @startup))
  (#match? @_i "Lifecycle[A-Za-z]*$")
  (#eq? @_m "start"))

; A Spring @Configuration class's @Bean functions: the container runs them
; as the application starts.
((class_declaration
   (modifiers (annotation [(user_type (identifier) @_c) (constructor_invocation (user_type (identifier) @_c))]))
   (class_body
     (function_declaration
       (modifiers (annotation [(user_type (identifier) @_b) (constructor_invocation (user_type (identifier) @_b))]))) @startup))
  (#any-of? @_c "Configuration" "SpringBootConfiguration" "AutoConfiguration")
  (#eq? @_b "Bean"))
