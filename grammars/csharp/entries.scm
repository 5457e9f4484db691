; Where an ASP.NET Core app starts: the file is server code, with every
; file it uses (link/server.rs). Captures: @entry.

; WebApplication.CreateBuilder(args), WebApplication.Create(args),
; Host.CreateDefaultBuilder(args), WebHost.CreateDefaultBuilder(args),
; Host.CreateApplicationBuilder(args)
(invocation_expression
  function: (member_access_expression
    expression: (identifier) @_host
    name: (identifier) @_create)
  (#any-of? @_host "WebApplication" "Host" "WebHost")
  (#any-of? @_create "CreateBuilder" "Create" "CreateSlimBuilder" "CreateDefaultBuilder" "CreateApplicationBuilder")) @entry

; static void Main(string[] args) / static async Task Main(...)
(method_declaration
  (modifier) @_static
  name: (identifier) @_main
  (#eq? @_static "static")
  (#eq? @_main "Main")) @entry

; class Startup { ConfigureServices / Configure }: run when the app starts.
(class_declaration
  name: (identifier) @_startup
  body: (declaration_list
    (method_declaration name: (identifier) @_configure) @entry)
  (#eq? @_startup "Startup")
  (#match? @_configure "^Configure"))

; Code run only for a command-line option (@cli): a tool's work (writing a
; settings file), which start-up does not follow unless it goes on to
; declare routes (link/cli_branches.rs).
; if (optionInit.HasValue()) { …; return 0; } / if (args.Contains("--init")) { …; return; }
(if_statement
  condition: (_) @_cond
  consequence: (block (return_statement) .) @cli
  (#match? @_cond "^(\\w+\\.HasValue\\(\\)|args\\.(Contains|Any)\\(|args\\[)"))
(if_statement
  condition: (_) @_cond
  consequence: (block
    (expression_statement
      (invocation_expression function: (member_access_expression) @_exit)) .) @cli
  (#match? @_cond "^(\\w+\\.HasValue\\(\\)|args\\.(Contains|Any)\\(|args\\[)")
  (#eq? @_exit "Environment.Exit"))
