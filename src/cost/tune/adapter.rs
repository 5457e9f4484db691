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
const JAVA: &str = "java21";
const DOTNET: &str = "dotnet8";

/// The Lambda runtime of an app on `runtime` (a language's `runtime` in its
/// `language.toml`).
fn lambda_runtime(runtime: &str) -> &'static str {
    match runtime {
        "python" => PYTHON,
        "jvm" => JAVA,
        "dotnet" => DOTNET,
        _ => NODE,
    }
}

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
        frameworks: &["spring", "spring-webflux"],
        name: "aws-serverless-java-container (Spring Boot 3)",
        package: Some("com.amazonaws.serverless:aws-serverless-java-container-springboot3"),
        runtime: JAVA,
        handler: "com.amazonaws.serverless.proxy.spring.SpringDelegatingLambdaContainerHandler",
        entry_file: "pom.xml",
        entry: "<!-- add the dependency; the handler finds the app by MAIN_CLASS -->\n<dependency>\n  <groupId>com.amazonaws.serverless</groupId>\n  <artifactId>aws-serverless-java-container-springboot3</artifactId>\n  <version>2.1.0</version>\n</dependency>\n",
    },
    Known {
        frameworks: &["jaxrs", "jersey"],
        name: "aws-serverless-java-container (Jersey)",
        package: Some("com.amazonaws.serverless:aws-serverless-java-container-jersey"),
        runtime: JAVA,
        handler: "carve.StreamLambdaHandler::handleRequest",
        entry_file: "src/main/java/carve/StreamLambdaHandler.java",
        entry: "package carve;\n// A RequestStreamHandler that forwards to your ResourceConfig:\n// JerseyLambdaContainerHandler.getHttpApiV2ProxyHandler(new ResourceConfig().packages(\"your.resources\"))\n",
    },
    Known {
        frameworks: &["aspnet", "aspnetcore"],
        name: "Amazon.Lambda.AspNetCoreServer.Hosting",
        package: Some("Amazon.Lambda.AspNetCoreServer.Hosting"),
        runtime: DOTNET,
        handler: "App",
        entry_file: "Program.cs",
        entry: "// before builder.Build(); the handler is the assembly's name\nbuilder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);\n",
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
    entry: "",
};

/// The Web Adapter's `run.sh`: the app started as in production, on $PORT.
fn start_script(runtime: &str) -> &'static str {
    match runtime {
        "python" => "#!/bin/sh\n# Start the app as in production, listening on $PORT (8080).\nexec gunicorn -b 0.0.0.0:$PORT app:app\n",
        "jvm" => "#!/bin/sh\n# Start the app as in production, listening on $PORT (8080).\nexec java -jar app.jar --server.port=$PORT\n",
        "dotnet" => "#!/bin/sh\n# Start the app as in production, listening on $PORT (8080).\nexec dotnet App.dll --urls http://0.0.0.0:$PORT\n",
        _ => "#!/bin/sh\n# Start the app as in production, listening on $PORT (8080).\nexec npm start\n",
    }
}

/// The framework's base name: `flask-socketio` → `flask`.
fn base(framework: &str) -> &str {
    framework.split('-').next().unwrap_or(framework)
}

/// The adapter for a function whose routes are served by `frameworks`
/// (the most frequent decides; ties by name) on `runtime` (`python`,
/// `node`, `jvm`, `dotnet`: the Web Adapter's Lambda runtime).
pub fn adapter_for(frameworks: &[&str], runtime: &str) -> Adapter {
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
    // The Web Adapter runs on the app's own runtime and starts it its way.
    let (lambda_runtime, entry) = match known.package {
        None => (lambda_runtime(runtime), start_script(runtime)),
        Some(_) => (known.runtime, known.entry),
    };
    Adapter {
        name: known.name,
        package: known.package,
        runtime: lambda_runtime,
        handler: known.handler,
        entry_file: known.entry_file,
        entry,
        web_adapter: known.package.is_none(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adapters_follow_the_framework() {
        assert_eq!(adapter_for(&["fastapi"], "python").name, "Mangum (ASGI)");
        assert_eq!(
            adapter_for(&["flask", "flask-socketio"], "python").package,
            Some("apig-wsgi")
        );
        assert_eq!(adapter_for(&["django"], "python").runtime, "python3.13");
        assert_eq!(
            adapter_for(&["express", "express", "fastify"], "node").package,
            Some("@codegenie/serverless-express")
        );
        assert_eq!(
            adapter_for(&["fastify"], "node").package,
            Some("@fastify/aws-lambda")
        );
        assert_eq!(adapter_for(&["spring"], "jvm").runtime, "java21");
        let next = adapter_for(&["nextjs"], "node");
        assert!(next.web_adapter && next.package.is_none(), "{next:?}");
        let micronaut = adapter_for(&["micronaut"], "jvm");
        assert_eq!((micronaut.web_adapter, micronaut.runtime), (true, "java21"));
        assert!(micronaut.entry.contains("java -jar"));
    }
}
