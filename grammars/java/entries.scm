; Where a Java web app starts: the Spring Boot application class, a
; `main` that runs it, a JAX-RS Application.

((class_declaration
   (modifiers [(marker_annotation name: (identifier) @_a) (annotation name: (identifier) @_a)])) @entry
  (#any-of? @_a "SpringBootApplication" "ApplicationPath" "EnableAutoConfiguration"))
((method_invocation object: (identifier) @_o name: (identifier) @_m) @entry
  (#eq? @_o "SpringApplication")
  (#eq? @_m "run"))

; Functions the container runs as the application starts, in files that
; start no application of their own (@startup): a lifecycle object's
; start() (Spring's Lifecycle/SmartLifecycle, an application's own
; LifecycleObject started from main), an ApplicationRunner's or
; CommandLineRunner's run().
((class_declaration
   interfaces: (super_interfaces (type_list [(type_identifier) (scoped_type_identifier)] @_i))
   body: (class_body (method_declaration name: (identifier) @_m) @startup))
  (#match? @_i "Lifecycle[A-Za-z]*$")
  (#eq? @_m "start"))
((class_declaration
   interfaces: (super_interfaces (type_list [(type_identifier) (scoped_type_identifier)] @_i))
   body: (class_body (method_declaration name: (identifier) @_m) @startup))
  (#match? @_i "(^|[.])(ApplicationRunner|CommandLineRunner)$")
  (#eq? @_m "run"))

; A Spring @Configuration class's @Bean methods: the container runs them
; as the application starts.
((class_declaration
   (modifiers [(marker_annotation name: (identifier) @_c) (annotation name: (identifier) @_c)])
   body: (class_body
     (method_declaration
       (modifiers [(marker_annotation name: (identifier) @_b) (annotation name: (identifier) @_b)])) @startup))
  (#any-of? @_c "Configuration" "SpringBootConfiguration" "AutoConfiguration")
  (#eq? @_b "Bean"))
