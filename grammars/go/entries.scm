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

; The standard library's `flag` package: a mode chosen by a flag bound before the test
; (`flag.BoolVar(&refresh, "refresh-feeds", …)` or `health := flag.String(…)` earlier in the
; same block, `var dump = flag.Bool(…)` at the top level), then `if refresh { refreshFeeds(store);
; return }`, `if *health != "" { check(*health); os.Exit(0) }`. The tests (`@cli.flag`, the
; variable tested) and the binders (`@cli.binder`, binding `@cli.bound`) are matched apart and
; paired in extraction (extract/cli_flags.rs): a pattern holding both kept a state alive through
; every block of every file.
((expression_statement .
  (call_expression
    function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_bind)
    arguments: (argument_list . (unary_expression operand: (identifier) @cli.bound)))) @cli.binder
  (#eq? @_pkg "flag")
  (#match? @_bind "^(Bool|String|Int|Int64|Uint|Uint64|Float64|Duration|Func|Text)(Var)?$"))
((short_var_declaration
  left: (expression_list . (identifier) @cli.bound)
  right: (expression_list . (call_expression
    function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_bind)))) @cli.binder
  (#eq? @_pkg "flag")
  (#match? @_bind "^(Bool|String|Int|Int64|Uint|Uint64|Float64|Duration|Func|Text)(Var)?$"))
(source_file
  (var_declaration
    (var_spec
      name: (identifier) @cli.bound
      value: (expression_list . (call_expression
        function: (selector_expression operand: (identifier) @_pkg field: (field_identifier) @_bind))))) @cli.binder
  (#eq? @_pkg "flag")
  (#match? @_bind "^(Bool|String|Int|Int64|Uint|Uint64|Float64|Duration)$"))

; `if refresh { …; return }`, `if *health != "" { …; os.Exit(0) }`: a flag bound earlier in the block.
(if_statement
  condition: [(identifier) @cli.flag
              (unary_expression operand: (identifier) @cli.flag)
              (binary_expression left: [(identifier) @cli.flag (unary_expression operand: (identifier) @cli.flag)])] @_test
  consequence: (block
    (statement_list
      [(return_statement)
       (expression_statement
         (call_expression function: (selector_expression) @_exit))] .)) @cli
  (#not-match? @_test "^!")
  (#any-of? @_exit "os.Exit" "log.Fatal" "log.Fatalf" "log.Fatalln"))

; A flag declared at the package's top level (`var dump = flag.Bool("dump", …)`), tested in a
; function's body: `if *dump { dumpAll(); return }`.
(function_declaration
  body: (block
    (statement_list
      (if_statement
        condition: [(identifier) @cli.flag
                    (unary_expression operand: (identifier) @cli.flag)
                    (binary_expression left: [(identifier) @cli.flag (unary_expression operand: (identifier) @cli.flag)])] @_test
        consequence: (block (statement_list (return_statement) .)) @cli)))
  (#not-match? @_test "^!")
  (#set! cli.scope "package"))

; A tagless switch on flags that ends its block: each case is one mode
; (`switch { case refresh: refreshFeeds(store); case *health != "": check(*health) }`).
(expression_switch_statement
  !value
  (expression_case
    value: (expression_list .
      [(identifier) @cli.flag
       (unary_expression operand: (identifier) @cli.flag)
       (binary_expression left: [(identifier) @cli.flag (unary_expression operand: (identifier) @cli.flag)])] @_test)) @cli
  (#not-match? @_test "^!")
  (#set! cli.last))
