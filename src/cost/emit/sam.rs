//! AWS SAM: one `template.yaml` with an HTTP API, one
//! `AWS::Serverless::Function` per planned function (memory, timeout,
//! reserved and provisioned concurrency, architecture, the adapter's entry)
//! and an `HttpApi` event per route it serves; the container's routes as a
//! comment block.

use super::gateway::{plan_routes, FunctionRoutes};
use super::{comment, container_comment, lambda_header, summary, unique, EmitContext, EmittedFile};
use crate::cost::plan::{PlanReport, PlannedFunction};
use std::fmt::Write;

/// The Lambda Web Adapter's layer, published by AWS in every region.
pub const WEB_ADAPTER_LAYER: &str =
    "arn:aws:lambda:${AWS::Region}:753240598075:layer:LambdaAdapterLayerX86:25";

/// A YAML double-quoted scalar (JSON's escaping is YAML's).
pub fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// `routes-users` → `RoutesUsers`: CloudFormation logical ids are
/// alphanumeric.
pub fn camel(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| {
                f.to_ascii_uppercase().to_string() + &c.as_str().to_ascii_lowercase()
            })
        })
        .collect()
}

fn function(out: &mut String, f: &PlannedFunction, routes: &FunctionRoutes, ctx: &EmitContext) {
    let s = &f.settings;
    let a = &s.package.adapter;
    let c = |text: &str| comment("      ", "# ", text);
    let _ = writeln!(out, "  {}Function:", camel(&f.slug));
    out.push_str(&comment("    ", "# ", &summary(f)));
    out.push_str(&comment(
        "    ",
        "# ",
        &format!("Entry: add {} to the app folder:", a.entry_file),
    ));
    for line in a.entry.lines() {
        let _ = writeln!(out, "{}", format!("    #   {line}").trim_end());
    }
    out.push_str("    Type: AWS::Serverless::Function\n    Properties:\n");
    let _ = writeln!(
        out,
        "      FunctionName: !Sub \"${{AWS::StackName}}-{}\"",
        f.slug
    );
    let _ = writeln!(out, "      CodeUri: {}", quoted(&ctx.code_dir));
    out.push_str(&c(&s.package.reason));
    let _ = writeln!(out, "      Handler: {}", quoted(a.handler));
    let _ = writeln!(out, "      Runtime: {}", a.runtime);
    if a.web_adapter {
        out.push_str("      Layers:\n        - !Sub \"");
        out.push_str(WEB_ADAPTER_LAYER);
        out.push_str("\"\n      Environment:\n        Variables:\n          AWS_LAMBDA_EXEC_WRAPPER: /opt/bootstrap\n          PORT: \"8080\"\n");
    }
    let mut property = |reason: &str, yaml: String| {
        out.push_str(&c(reason));
        out.push_str(&yaml);
    };
    property(
        &s.architecture.reason,
        format!("      Architectures:\n        - {}\n", s.architecture.value),
    );
    property(
        &s.memory_mb.reason,
        format!("      MemorySize: {}\n", s.memory_mb.value),
    );
    property(
        &s.timeout_s.reason,
        format!("      Timeout: {}\n", s.timeout_s.value),
    );
    property(
        &s.reserved_concurrency.reason,
        format!(
            "      ReservedConcurrentExecutions: {}\n",
            s.reserved_concurrency.value
        ),
    );
    out.push_str(&c(&s.database.reason));
    out.push_str(&c(&s.provisioned_concurrency.reason));
    if s.provisioned_concurrency.value > 0 {
        let _ = writeln!(
            out,
            "      AutoPublishAlias: live\n      ProvisionedConcurrencyConfig:\n        ProvisionedConcurrentExecutions: {}",
            s.provisioned_concurrency.value
        );
    }
    for note in &routes.notes {
        out.push_str(&c(note));
    }
    if routes.routes.is_empty() {
        return;
    }
    out.push_str("      Events:\n");
    let mut names: Vec<String> = Vec::new();
    for r in &routes.routes {
        let base = camel(&r.words());
        let base = if base.is_empty() {
            "Root".to_string()
        } else {
            base
        };
        let name = unique(&mut names, base, "");
        let _ = writeln!(
            out,
            "        {name}:\n          # {}\n          Type: HttpApi\n          Properties:\n            ApiId: !Ref HttpApi\n            Method: {}\n            Path: {}",
            r.route,
            r.method,
            quoted(&r.path)
        );
    }
}

pub fn render(plan: &PlanReport, ctx: &EmitContext) -> Vec<EmittedFile> {
    let mut out = lambda_header(
        plan,
        "sam",
        "Deploy: add each function's entry file to the app (below), then `sam build && sam deploy --guided`.",
    );
    let _ = writeln!(
        out,
        "AWSTemplateFormatVersion: \"2010-09-09\"\nTransform: AWS::Serverless-2016-10-31\nDescription: {}\n",
        quoted(&format!(
            "{}: {} function(s) proposed by carve plan",
            ctx.app_name,
            plan.functions.len()
        ))
    );
    out.push_str("Resources:\n  HttpApi:\n    Type: AWS::Serverless::HttpApi\n\n");
    for (f, routes) in plan.functions.iter().zip(plan_routes(plan)) {
        function(&mut out, f, &routes, ctx);
        out.push('\n');
    }
    out.push_str(&container_comment(plan, "", "# "));
    out.push_str("\nOutputs:\n  ApiUrl:\n    Description: The HTTP API's URL\n    Value: !Sub \"https://${HttpApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}\"\n");
    vec![EmittedFile {
        path: "template.yaml".to_string(),
        text: out,
    }]
}
