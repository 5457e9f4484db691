//! Terraform: `main.tf` with one `aws_lambda_function` per planned function
//! (behind a `live` alias, provisioned concurrency where it pays), an API
//! Gateway v2 HTTP API with an `aws_apigatewayv2_route` per route it serves;
//! `variables.tf` with what the plan cannot know (region, name, package).

use super::gateway::{plan_routes, FunctionRoutes};
use super::{
    comment, container_comment, header, lambda_header, summary, unique, EmitContext, EmittedFile,
};
use crate::cost::plan::{PlanReport, PlannedFunction};
use std::fmt::Write;

/// A Terraform identifier from a slug or route: `[a-z0-9_]`, starting with a letter.
fn ident(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    let out = out.trim_end_matches('_').to_string();
    if out.starts_with(|c: char| c.is_ascii_lowercase()) {
        out
    } else {
        format!("r_{out}")
    }
}

/// An HCL string literal: JSON escaping, with `${` and `%{` kept literal.
fn hcl(s: &str) -> String {
    serde_json::to_string(s)
        .unwrap_or_else(|_| "\"\"".to_string())
        .replace("${", "$${")
        .replace("%{", "%%{")
}

/// A line of a block's body: attributes in a row align their `=` as
/// `terraform fmt` does; a comment or a nested block ends the row.
enum Line {
    Attr(&'static str, String),
    Comment(String),
    Raw(&'static str),
}

fn lines(out: &mut String, body: &[Line]) {
    let mut i = 0;
    while i < body.len() {
        match &body[i] {
            Line::Comment(text) => out.push_str(&comment("  ", "# ", text)),
            Line::Raw(text) => out.push_str(text),
            Line::Attr(..) => {
                let run: Vec<(&str, &String)> = body[i..]
                    .iter()
                    .map_while(|l| match l {
                        Line::Attr(name, value) => Some((*name, value)),
                        _ => None,
                    })
                    .collect();
                let width = run.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
                for (name, value) in &run {
                    let _ = writeln!(out, "  {name:<width$} = {value}");
                }
                i += run.len();
                continue;
            }
        }
        i += 1;
    }
}

fn function(out: &mut String, f: &PlannedFunction, routes: &FunctionRoutes) {
    let s = &f.settings;
    let a = &s.package.adapter;
    let id = ident(&f.slug);
    out.push_str(&comment(
        "",
        "# ",
        &format!(
            "{} Entry: add {} to the app ({}).",
            summary(f),
            a.entry_file,
            a.name
        ),
    ));
    let _ = writeln!(out, "resource \"aws_lambda_function\" \"{id}\" {{");
    let mut body = vec![
        Line::Attr("function_name", format!("\"${{var.name}}-{}\"", f.slug)),
        Line::Attr("role", "aws_iam_role.lambda.arn".to_string()),
        Line::Comment(s.package.reason.clone()),
        Line::Attr("filename", "var.package_zip".to_string()),
        Line::Attr(
            "source_code_hash",
            "filebase64sha256(var.package_zip)".to_string(),
        ),
        Line::Attr("handler", hcl(a.handler)),
        Line::Attr("runtime", hcl(a.runtime)),
    ];
    if a.web_adapter {
        body.push(Line::Attr(
            "layers",
            "[var.web_adapter_layer_arn]".to_string(),
        ));
        body.push(Line::Raw("  environment {\n    variables = {\n      AWS_LAMBDA_EXEC_WRAPPER = \"/opt/bootstrap\"\n      PORT                    = \"8080\"\n    }\n  }\n"));
    }
    body.extend([
        Line::Comment(s.architecture.reason.clone()),
        Line::Attr("architectures", format!("[{}]", hcl(s.architecture.value))),
        Line::Comment(s.memory_mb.reason.clone()),
        Line::Attr("memory_size", s.memory_mb.value.to_string()),
        Line::Comment(s.timeout_s.reason.clone()),
        Line::Attr("timeout", s.timeout_s.value.to_string()),
        Line::Comment(s.reserved_concurrency.reason.clone()),
        Line::Attr(
            "reserved_concurrent_executions",
            s.reserved_concurrency.value.to_string(),
        ),
        Line::Comment(s.database.reason.clone()),
        Line::Attr("publish", "true".to_string()),
    ]);
    lines(out, &body);
    out.push_str("}\n\n");
    let _ = writeln!(
        out,
        "resource \"aws_lambda_alias\" \"{id}\" {{\n  name             = \"live\"\n  function_name    = aws_lambda_function.{id}.function_name\n  function_version = aws_lambda_function.{id}.version\n}}\n"
    );
    out.push_str(&comment("", "# ", &s.provisioned_concurrency.reason));
    if s.provisioned_concurrency.value > 0 {
        let _ = writeln!(
            out,
            "resource \"aws_lambda_provisioned_concurrency_config\" \"{id}\" {{\n  function_name                     = aws_lambda_alias.{id}.function_name\n  qualifier                         = aws_lambda_alias.{id}.name\n  provisioned_concurrent_executions = {}\n}}\n",
            s.provisioned_concurrency.value
        );
    }
    let _ = writeln!(
        out,
        "resource \"aws_apigatewayv2_integration\" \"{id}\" {{\n  api_id                 = aws_apigatewayv2_api.http.id\n  integration_type       = \"AWS_PROXY\"\n  integration_uri        = aws_lambda_alias.{id}.invoke_arn\n  payload_format_version = \"2.0\"\n}}\n"
    );
    let _ = writeln!(
        out,
        "resource \"aws_lambda_permission\" \"{id}\" {{\n  statement_id  = \"AllowHttpApi\"\n  action        = \"lambda:InvokeFunction\"\n  function_name = aws_lambda_function.{id}.function_name\n  qualifier     = aws_lambda_alias.{id}.name\n  principal     = \"apigateway.amazonaws.com\"\n  source_arn    = \"${{aws_apigatewayv2_api.http.execution_arn}}/*/*\"\n}}\n"
    );
    for note in &routes.notes {
        out.push_str(&comment("", "# ", note));
    }
    let mut names: Vec<String> = Vec::new();
    for r in &routes.routes {
        let name = unique(&mut names, ident(&format!("{id} {}", r.words())), "_");
        let _ = writeln!(
            out,
            "# {}\nresource \"aws_apigatewayv2_route\" \"{name}\" {{\n  api_id    = aws_apigatewayv2_api.http.id\n  route_key = {}\n  target    = \"integrations/${{aws_apigatewayv2_integration.{id}.id}}\"\n}}\n",
            r.route,
            hcl(&r.key())
        );
    }
}

const PROLOGUE: &str = r#"terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

resource "aws_iam_role" "lambda" {
  name_prefix = "${var.name}-lambda-"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "lambda_logs" {
  role       = aws_iam_role.lambda.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_apigatewayv2_api" "http" {
  name          = var.name
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true
}

"#;

fn variables(plan: &PlanReport, ctx: &EmitContext) -> String {
    let mut out = header(plan, "# ", "terraform");
    out.push_str("variable \"region\" {\n  description = \"AWS region to deploy to (the built-in prices are us-east-1's).\"\n  type        = string\n  default     = \"us-east-1\"\n}\n\n");
    let name = super::super::plan::slug(&ctx.app_name, &[]);
    let _ = writeln!(
        out,
        "variable \"name\" {{\n  description = \"Prefix of every resource name.\"\n  type        = string\n  default     = {}\n}}\n",
        hcl(&name)
    );
    let _ = writeln!(
        out,
        "variable \"package_zip\" {{\n  description = \"Zip of the app folder ({}) with its dependencies and each function's entry file.\"\n  type        = string\n  default     = \"app.zip\"\n}}\n",
        ctx.code_dir
    );
    if plan
        .functions
        .iter()
        .any(|f| f.settings.package.adapter.web_adapter)
    {
        let _ = writeln!(
            out,
            "variable \"web_adapter_layer_arn\" {{\n  description = \"The AWS Lambda Web Adapter layer for the region.\"\n  type        = string\n  default     = \"arn:aws:lambda:us-east-1:753240598075:layer:LambdaAdapterLayerX86:25\"\n}}\n"
        );
    }
    out
}

pub fn render(plan: &PlanReport, ctx: &EmitContext) -> Vec<EmittedFile> {
    let mut out = lambda_header(
        plan,
        "terraform",
        "Deploy: add each function's entry file to the app, zip the app folder with its dependencies as var.package_zip, then `terraform init && terraform apply`.",
    );
    out.push('\n');
    out.push_str(PROLOGUE);
    for (f, routes) in plan.functions.iter().zip(plan_routes(plan)) {
        function(&mut out, f, &routes);
    }
    out.push_str(&container_comment(plan, "", "# "));
    out.push_str(
        "\noutput \"api_url\" {\n  value = aws_apigatewayv2_stage.default.invoke_url\n}\n",
    );
    vec![
        EmittedFile {
            path: "main.tf".to_string(),
            text: out,
        },
        EmittedFile {
            path: "variables.tf".to_string(),
            text: variables(plan, ctx),
        },
    ]
}
