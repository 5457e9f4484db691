//! The adapter that runs a web framework's app as a function, named from the
//! framework the scan detected, with the runtime and the entry file to add.

use serde::Serialize;

/// How a planned function's code is started on Lambda.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Adapter {
    /// What it is: `Mangum (ASGI)`.
    pub name: &'static str,
    /// The package to add to the app's dependencies (none for a layer).
    pub package: Option<&'static str>,
    /// Lambda runtime identifier.
    pub runtime: &'static str,
    /// `Handler` of the function: `file.export`.
    pub handler: &'static str,
    /// The entry file to add beside the app, and what it holds.
    pub entry_file: &'static str,
    pub entry: &'static str,
    /// The Lambda Web Adapter runs the app as it is, on a port: its layer
    /// and environment are needed.
    pub web_adapter: bool,
    /// Why this adapter.
    pub reason: String,
}

struct Known {
    frameworks: &'static [&'static str],
    name: &'static str,
    package: Option<&'static str>,
    runtime: &'static str,
    handler: &'static str,
    entry_file: &'static str,
    entry: &'static str,
}

const PYTHON: &str = "python3.13";
const NODE: &str = "nodejs24.x";

const KNOWN: &[Known] = &[
    Known {
        frameworks: &["fastapi", "starlette"],
        name: "Mangum (ASGI)",
        package: Some("mangum"),
        runtime: PYTHON,
        handler: "carve_lambda.handler",
        entry_file: "carve_lambda.py",
        entry: "from mangum import Mangum\nfrom main import app  # the module that creates the ASGI app\n\nhandler = Mangum(app, lifespan=\"off\")\n",
    },
    Known {
        frameworks: &["flask"],
        name: "apig-wsgi (WSGI)",
        package: Some("apig-wsgi"),
        runtime: PYTHON,
        handler: "carve_lambda.handler",
        entry_file: "carve_lambda.py",
        entry: "from apig_wsgi import make_lambda_handler\nfrom app import app  # the module that creates the Flask app\n\nhandler = make_lambda_handler(app)\n",
    },
    Known {
        frameworks: &["django"],
        name: "apig-wsgi (WSGI)",
        package: Some("apig-wsgi"),
        runtime: PYTHON,
        handler: "carve_lambda.handler",
        entry_file: "carve_lambda.py",
        entry: "from apig_wsgi import make_lambda_handler\nfrom mysite.wsgi import application  # your project's wsgi module\n\nhandler = make_lambda_handler(application)\n",
    },
    Known {
        frameworks: &["express", "koa", "nestjs"],
        name: "serverless-express",
        package: Some("@codegenie/serverless-express"),
        runtime: NODE,
        handler: "carve-lambda.handler",
        entry_file: "carve-lambda.js",
        entry: "const serverlessExpress = require('@codegenie/serverless-express');\nconst app = require('./app'); // the module that exports the app (Koa: app.callback())\n\nexports.handler = serverlessExpress({ app });\n",
    },
    Known {
        frameworks: &["fastify"],
        name: "@fastify/aws-lambda",
        package: Some("@fastify/aws-lambda"),
        runtime: NODE,
        handler: "carve-lambda.handler",
        entry_file: "carve-lambda.js",
        entry: "const awsLambdaFastify = require('@fastify/aws-lambda');\nconst app = require('./app'); // the module that builds the Fastify instance\n\nexports.handler = awsLambdaFastify(app);\n",
    },
];

/// The Lambda Web Adapter: any app that listens on a port.
const WEB_ADAPTER: Known = Known {
    frameworks: &[],
    name: "AWS Lambda Web Adapter",
    package: None,
    runtime: NODE,
    handler: "run.sh",
    entry_file: "run.sh",
    entry: "#!/bin/sh\n# Start the app as it starts in production, listening on $PORT (8080).\nexec npm start\n",
};

/// The framework's base name: `flask-socketio` → `flask`.
fn base(framework: &str) -> &str {
    framework.split('-').next().unwrap_or(framework)
}

/// The adapter for a function whose routes are served by `frameworks`
/// (the most frequent decides; ties by name).
pub fn adapter_for(frameworks: &[&str]) -> Adapter {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for f in frameworks {
        let b = base(f);
        match counts.iter_mut().find(|(name, _)| *name == b) {
            Some(c) => c.1 += 1,
            None => counts.push((b, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let framework = counts.first().map_or("", |c| c.0);
    let (known, reason) = match KNOWN.iter().find(|k| k.frameworks.contains(&framework)) {
        Some(k) => (
            k,
            format!(
                "routes served by {framework}: {} turns each API Gateway event into a request to the app, in process",
                k.name
            ),
        ),
        None => (
            &WEB_ADAPTER,
            format!(
                "no in-process adapter for {}: the Lambda Web Adapter runs the app unchanged, listening on a port",
                if framework.is_empty() { "these routes" } else { framework }
            ),
        ),
    };
    Adapter {
        name: known.name,
        package: known.package,
        runtime: known.runtime,
        handler: known.handler,
        entry_file: known.entry_file,
        entry: known.entry,
        web_adapter: known.package.is_none(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adapters_follow_the_framework() {
        assert_eq!(adapter_for(&["fastapi"]).name, "Mangum (ASGI)");
        assert_eq!(
            adapter_for(&["flask", "flask-socketio"]).package,
            Some("apig-wsgi")
        );
        assert_eq!(adapter_for(&["django"]).runtime, "python3.13");
        assert_eq!(
            adapter_for(&["express", "express", "fastify"]).package,
            Some("@codegenie/serverless-express")
        );
        assert_eq!(
            adapter_for(&["fastify"]).package,
            Some("@fastify/aws-lambda")
        );
        let next = adapter_for(&["nextjs"]);
        assert!(next.web_adapter && next.package.is_none(), "{next:?}");
    }
}
