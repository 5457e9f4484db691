; Where a Java web app starts: the Spring Boot application class, a
; `main` that runs it, a JAX-RS Application.

((class_declaration
   (modifiers [(marker_annotation name: (identifier) @_a) (annotation name: (identifier) @_a)])) @entry
  (#any-of? @_a "SpringBootApplication" "ApplicationPath" "EnableAutoConfiguration"))
((method_invocation object: (identifier) @_o name: (identifier) @_m) @entry
  (#eq? @_o "SpringApplication")
  (#eq? @_m "run"))
