//! Cloud Run: one Knative `service.yaml` per planned function (`DIR/<slug>/`)
//! with its concurrency, minimum and maximum instances, memory, CPU and
//! request timeout, for `gcloud run services replace`.

use super::sam::quoted;
use super::{comment, header, EmitContext, EmittedFile};
use crate::cost::plan::{PlanReport, PlannedFunction};
use std::fmt::Write;

fn service(plan: &PlanReport, f: &PlannedFunction, ctx: &EmitContext) -> String {
    let s = &f.settings;
    let run = &s.cloud_run;
    let mut out = header(plan, "# ", "cloudrun");
    out.push_str(&comment(
        "",
        "# ",
        &format!(
            "function {} serves {}. Build the app's image (`gcloud builds submit {}`), set it below, then `gcloud run services replace service.yaml`; route these paths to the service with a load balancer's URL map.",
            f.name,
            f.routes.join(", "),
            ctx.code_dir
        ),
    ));
    let _ = writeln!(
        out,
        "apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata:\n  name: {}\n  labels:\n    app: {}\nspec:\n  template:\n    metadata:\n      annotations:",
        f.slug,
        quoted(&super::super::plan::slug(&ctx.app_name, &[]))
    );
    let c = |indent: &str, text: &str| comment(indent, "# ", text);
    out.push_str(&c("        ", &run.min_instances.reason));
    let _ = writeln!(
        out,
        "        autoscaling.knative.dev/minScale: \"{}\"",
        run.min_instances.value
    );
    out.push_str(&c("        ", &run.max_instances.reason));
    let _ = writeln!(
        out,
        "        autoscaling.knative.dev/maxScale: \"{}\"",
        run.max_instances.value
    );
    out.push_str("    spec:\n");
    out.push_str(&c("      ", &run.concurrency.reason));
    let _ = writeln!(out, "      containerConcurrency: {}", run.concurrency.value);
    out.push_str(&c("      ", &run.timeout_s.reason));
    let _ = writeln!(out, "      timeoutSeconds: {}", run.timeout_s.value);
    out.push_str("      containers:\n");
    let _ = writeln!(
        out,
        "        - image: {}\n          ports:\n            - containerPort: 8080\n          resources:\n            limits:",
        quoted(&format!("REGION-docker.pkg.dev/PROJECT/REPOSITORY/{}", f.slug))
    );
    out.push_str(&c("              ", &run.cpu.reason));
    let _ = writeln!(out, "              cpu: \"{}\"", run.cpu.value);
    out.push_str(&c("              ", &s.memory_mb.reason));
    let _ = writeln!(out, "              memory: {}Mi", s.memory_mb.value);
    out
}

pub fn render(plan: &PlanReport, ctx: &EmitContext) -> Vec<EmittedFile> {
    plan.functions
        .iter()
        .map(|f| EmittedFile {
            path: format!("{}/service.yaml", f.slug),
            text: service(plan, f, ctx),
        })
        .collect()
}
