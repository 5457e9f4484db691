; Where a Go server starts: `func main()` (the file is server code, with
; every package it uses) and `func init()`, run before it.

((function_declaration name: (identifier) @_main) @entry
  (#any-of? @_main "main" "init"))

; Code run only for a command-line option or command (@cli): a tool's work
; (writing key files, creating a user), which start-up does not follow
; unless it goes on to declare routes (link/cli_branches.rs).

; if c.IsSet("gen-keys") { …; return … } / if len(os.Args) > 1 && os.Args[1] == "init" { …; os.Exit(0) }
(if_statement
  condition: (_) @_cond
  consequence: (block (statement_list (return_statement) .)) @cli
  (#match? @_cond "^(\\w+\\.(IsSet|Bool)\\(|(len\\()?os\\.Args|flag\\.N?Arg\\()"))
(if_statement
  condition: (_) @_cond
  consequence: (block
    (statement_list
      (expression_statement
        (call_expression function: (selector_expression) @_exit)) .)) @cli
  (#match? @_cond "^(\\w+\\.(IsSet|Bool)\\(|(len\\()?os\\.Args|flag\\.N?Arg\\()")
  (#any-of? @_exit "os.Exit" "log.Fatal" "log.Fatalf" "log.Fatalln"))

; switch true { case c.IsSet("gen-keys"): return writefreely.GenerateKeyFiles(app) }
(expression_case
  value: (expression_list . (_) @_cond)
  (statement_list (return_statement) .)
  (#match? @_cond "^\\w+\\.(IsSet|Bool)\\(")) @cli

; switch os.Args[1] { case "init": …; return }
(expression_switch_statement
  value: (_) @_subject
  (expression_case (statement_list (return_statement) .)) @cli
  (#match? @_subject "^(os\\.Args|flag\\.Arg\\()"))

; urfave/cli and cobra commands: cli.Command{Name: "keys", Action: genKeysAction},
; cobra.Command{Use: "migrate", RunE: runMigrate}
(composite_literal
  type: (qualified_type package: (package_identifier) @_pkg)
  body: (literal_value
    (keyed_element
      key: (literal_element (identifier) @_field)
      value: (literal_element) @cli))
  (#any-of? @_pkg "cli" "cobra")
  (#any-of? @_field "Action" "Run" "RunE" "PreRun" "PreRunE"))

; The standard library's `flag` package: a mode chosen by a flag bound before the test, in the
; same block (`flag.BoolVar(&refresh, "refresh-feeds", …)` or `health := flag.String(…)`), then
; `if refresh { refreshFeeds(store); return }`, `if *health != "" { check(*health); os.Exit(0) }`.
(statement_list
  [(expression_statement
     (call_expression
       function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_bind)
       arguments: (argument_list . (unary_expression operand: (identifier) @_var))))
   (short_var_declaration
     left: (expression_list . (identifier) @_var)
     right: (expression_list . (call_expression
       function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_bind))))]
  (if_statement
    condition: [(identifier) @_cond
                (unary_expression operand: (identifier) @_cond)
                (binary_expression left: [(identifier) @_cond (unary_expression operand: (identifier) @_cond)])] @_test
    consequence: (block (statement_list (return_statement) .)) @cli)
  (#eq? @_pkg "flag")
  (#match? @_bind "^(Bool|String|Int|Int64|Uint|Uint64|Float64|Duration|Func|Text)(Var)?$")
  (#not-match? @_test "^!")
  (#eq? @_var @_cond))
(statement_list
  [(expression_statement
     (call_expression
       function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_bind)
       arguments: (argument_list . (unary_expression operand: (identifier) @_var))))
   (short_var_declaration
     left: (expression_list . (identifier) @_var)
     right: (expression_list . (call_expression
       function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_bind))))]
  (if_statement
    condition: [(identifier) @_cond
                (unary_expression operand: (identifier) @_cond)
                (binary_expression left: [(identifier) @_cond (unary_expression operand: (identifier) @_cond)])] @_test
    consequence: (block
      (statement_list
        (expression_statement
          (call_expression function: (selector_expression) @_exit)) .)) @cli)
  (#eq? @_pkg "flag")
  (#match? @_bind "^(Bool|String|Int|Int64|Uint|Uint64|Float64|Duration|Func|Text)(Var)?$")
  (#not-match? @_test "^!")
  (#eq? @_var @_cond)
  (#any-of? @_exit "os.Exit" "log.Fatal" "log.Fatalf" "log.Fatalln"))

; A flag declared at the package's top level (`var dump = flag.Bool("dump", …)`), tested in a
; function's body: `if *dump { dumpAll(); return }`.
(source_file
  (var_declaration
    (var_spec
      name: (identifier) @_var
      value: (expression_list . (call_expression
        function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_bind)))))
  (function_declaration
    body: (block
      (statement_list
        (if_statement
          condition: [(identifier) @_cond
                      (unary_expression operand: (identifier) @_cond)
                      (binary_expression left: [(identifier) @_cond (unary_expression operand: (identifier) @_cond)])] @_test
          consequence: (block (statement_list (return_statement) .)) @cli))))
  (#eq? @_pkg "flag")
  (#match? @_bind "^(Bool|String|Int|Int64|Uint|Uint64|Float64|Duration)$")
  (#not-match? @_test "^!")
  (#eq? @_var @_cond))

; A tagless switch on flags that ends its block: each case is one mode
; (`switch { case refresh: refreshFeeds(store); case *health != "": check(*health) }`).
(statement_list
  [(expression_statement
     (call_expression
       function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_bind)
       arguments: (argument_list . (unary_expression operand: (identifier) @_var))))
   (short_var_declaration
     left: (expression_list . (identifier) @_var)
     right: (expression_list . (call_expression
       function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_bind))))]
  (expression_switch_statement
    !value
    (expression_case
      value: (expression_list .
        [(identifier) @_cond
         (unary_expression operand: (identifier) @_cond)
         (binary_expression left: [(identifier) @_cond (unary_expression operand: (identifier) @_cond)])] @_test)) @cli) .
  (#eq? @_pkg "flag")
  (#match? @_bind "^(Bool|String|Int|Int64|Uint|Uint64|Float64|Duration|Func|Text)(Var)?$")
  (#not-match? @_test "^!")
  (#eq? @_var @_cond))
