//! Dependency names from manifest text: package.json, requirements*.txt,
//! pyproject.toml (PEP 621 and Poetry), Pipfile, setup.py `install_requires`,
//! Maven `pom.xml`, Gradle `build.gradle(.kts)`, MSBuild `*.csproj`
//! (`PackageReference`), Composer `composer.json`/`composer.lock`, Go
//! `go.mod` (`require`, and the `module` path its folder's packages are
//! imported by), Ruby `Gemfile` and `Gemfile.lock`. Pure: `discover` reads
//! the files. Java dependencies are named `group:artifact` and by
//! `artifact` alone.

/// The dependency names a manifest declares, as written.
pub fn dependencies(file_name: &str, text: &str) -> Result<Vec<String>, String> {
    let base = file_name.rsplit('/').next().unwrap_or(file_name);
    if base == "package.json" {
        package_json(text)
    } else if base == "pyproject.toml" || base == "Pipfile" {
        toml_manifest(text)
    } else if base == "setup.py" {
        Ok(setup_py(text))
    } else if base == "pom.xml" {
        Ok(pom_xml(text))
    } else if base.starts_with("build.gradle") {
        Ok(gradle(text))
    } else if base.ends_with(".csproj") {
        Ok(csproj(text))
    } else if base == "composer.json" || base == "composer.lock" {
        composer(text)
    } else if base == "go.mod" {
        Ok(go_mod(text))
    } else if base == "Gemfile" {
        Ok(gemfile(text))
    } else if base == "Gemfile.lock" {
        Ok(gemfile_lock(text))
    } else {
        Ok(requirements(text))
    }
}

/// `require`/`require-dev` of composer.json (`laravel/framework`, not the
/// `php` or `ext-*` platform entries), and the `packages` composer.lock pins.
fn composer(text: &str) -> Result<Vec<String>, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut out: Vec<String> = Vec::new();
    for key in ["require", "require-dev"] {
        if let Some(map) = value.get(key).and_then(|v| v.as_object()) {
            out.extend(map.keys().filter(|k| k.contains('/')).cloned());
        }
    }
    for key in ["packages", "packages-dev"] {
        if let Some(list) = value.get(key).and_then(|v| v.as_array()) {
            out.extend(
                list.iter()
                    .filter_map(|p| p.get("name").and_then(|n| n.as_str()))
                    .map(str::to_string),
            );
        }
    }
    Ok(out)
}

/// `gem 'rails', '~> 7.1'` lines of a Gemfile.
fn gemfile(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| line.trim_start().strip_prefix("gem "))
        .filter_map(|rest| {
            let rest = rest.trim_start();
            let quote = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
            let name = rest[1..].split(quote).next()?;
            (!name.is_empty()).then(|| name.to_string())
        })
        .collect()
}

/// The gems a `Gemfile.lock` resolved: `    name (version)` under `specs:`.
fn gemfile_lock(text: &str) -> Vec<String> {
    text.lines()
        .filter(|line| line.starts_with("    ") && !line.starts_with("     "))
        .filter_map(|line| line.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

fn package_json(text: &str) -> Result<Vec<String>, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for key in [
        "dependencies",
        "devDependencies",
        "peerDependencies",
        "optionalDependencies",
    ] {
        if let Some(map) = value.get(key).and_then(|v| v.as_object()) {
            out.extend(map.keys().cloned());
        }
    }
    Ok(out)
}

/// The name at the start of a requirement specifier: `Flask-Session>=0.5`,
/// `psycopg2-binary[pool]==2.9 ; python_version>'3'`.
fn requirement_name(spec: &str) -> Option<String> {
    let spec = spec.trim();
    if spec.is_empty() || spec.starts_with('#') || spec.starts_with('-') {
        return None;
    }
    let end = spec
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'))
        .unwrap_or(spec.len());
    let name = &spec[..end];
    (!name.is_empty()).then(|| name.to_string())
}

fn requirements(text: &str) -> Vec<String> {
    text.lines().filter_map(requirement_name).collect()
}

fn toml_manifest(text: &str) -> Result<Vec<String>, String> {
    let value: toml::Value = toml::from_str(text).map_err(|e| e.message().to_string())?;
    let mut out = Vec::new();
    let project_deps = value
        .get("project")
        .and_then(|p| p.get("dependencies"))
        .and_then(|d| d.as_array());
    for dep in project_deps.into_iter().flatten() {
        out.extend(dep.as_str().and_then(requirement_name));
    }
    let optional = value
        .get("project")
        .and_then(|p| p.get("optional-dependencies"))
        .and_then(|d| d.as_table());
    for deps in optional.into_iter().flat_map(|t| t.values()) {
        for dep in deps.as_array().into_iter().flatten() {
            out.extend(dep.as_str().and_then(requirement_name));
        }
    }
    let poetry = value.get("tool").and_then(|t| t.get("poetry"));
    let tables = [
        poetry.and_then(|p| p.get("dependencies")),
        poetry.and_then(|p| p.get("dev-dependencies")),
        value.get("packages"),
        value.get("dev-packages"),
    ];
    for table in tables.into_iter().flatten().filter_map(|t| t.as_table()) {
        out.extend(table.keys().filter(|k| *k != "python").cloned());
    }
    Ok(out)
}

/// String literals of `install_requires=[...]` in a setup.py, without
/// evaluating it.
fn setup_py(text: &str) -> Vec<String> {
    let Some(start) = text.find("install_requires") else {
        return Vec::new();
    };
    let rest = &text[start..];
    let Some(open) = rest.find('[') else {
        return Vec::new();
    };
    let close = rest[open..].find(']').map_or(rest.len(), |c| open + c);
    rest[open + 1..close]
        .split(',')
        .filter_map(|item| requirement_name(item.trim().trim_matches(['"', '\''])))
        .collect()
}

/// The text of each `<tag>…</tag>` in `text`, in order.
fn xml_elements<'t>(text: &'t str, tag: &str) -> Vec<&'t str> {
    let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start + open.len()..];
        let Some(end) = after.find(&close) else { break };
        out.push(&after[..end]);
        rest = &after[end + close.len()..];
    }
    out
}

/// Both names of a Java dependency: `group:artifact` and `artifact`.
fn java_names(group: &str, artifact: &str) -> [String; 2] {
    [format!("{group}:{artifact}"), artifact.to_string()]
}

/// `<dependency>` entries (and the `<parent>`, which names Spring Boot's
/// starter parent) of a Maven POM.
fn pom_xml(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let blocks = xml_elements(text, "dependency")
        .into_iter()
        .chain(xml_elements(text, "parent"));
    for block in blocks {
        let field = |tag| {
            xml_elements(block, tag)
                .first()
                .map(|v| v.trim().to_string())
        };
        if let (Some(group), Some(artifact)) = (field("groupId"), field("artifactId")) {
            out.extend(java_names(&group, &artifact));
        }
    }
    out
}

/// `group:artifact:version` coordinates in a Gradle build script, Groovy or
/// Kotlin (`implementation 'a:b:1'`, `implementation("a:b")`).
fn gradle(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for quoted in text.split(['\'', '"']).skip(1).step_by(2) {
        let parts: Vec<&str> = quoted.split(':').collect();
        let is_name = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        };
        if (2..=4).contains(&parts.len()) && is_name(parts[0]) && is_name(parts[1]) {
            out.extend(java_names(parts[0], parts[1]));
        }
    }
    out
}

/// `<PackageReference Include="Name" …>` of an MSBuild project.
fn csproj(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in text.split("<PackageReference").skip(1) {
        let Some(at) = element.find("Include=") else {
            continue;
        };
        let value = &element[at + "Include=".len()..];
        let Some(quote) = value.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if let Some(name) = value[1..].split(quote).next() {
            out.push(name.trim().to_string());
        }
    }
    out
}

/// The lines of a `go.mod` with comments dropped, as (directive, rest):
/// a block's lines (`require ( … )`) carry their block's directive.
fn go_mod_lines(text: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut block: Option<&str> = None;
    text.lines().filter_map(move |line| {
        let line = line.split("//").next().unwrap_or("").trim();
        if line.is_empty() {
            return None;
        }
        if let Some(open) = block {
            if line == ")" {
                block = None;
                return None;
            }
            return Some((open, line));
        }
        let (directive, rest) = line.split_once(char::is_whitespace)?;
        let rest = rest.trim();
        if rest == "(" {
            block = Some(directive);
            return None;
        }
        Some((directive, rest))
    })
}

/// The modules a `go.mod` requires (`github.com/gin-gonic/gin`).
fn go_mod(text: &str) -> Vec<String> {
    go_mod_lines(text)
        .filter(|(directive, _)| *directive == "require")
        .filter_map(|(_, rest)| rest.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

/// The import path a manifest gives the packages of its folder (`go.mod`'s
/// `module github.com/acme/shop`), when it gives one.
pub fn module_path(file_name: &str, text: &str) -> Option<String> {
    let base = file_name.rsplit('/').next().unwrap_or(file_name);
    if base != "go.mod" {
        return None;
    }
    go_mod_lines(text)
        .find(|(directive, _)| *directive == "module")
        .map(|(_, rest)| rest.trim_matches('"').to_string())
        .filter(|path| !path.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_manifest_kind() {
        let deps = dependencies(
            "a/package.json",
            r#"{"dependencies":{"express":"^4"},"devDependencies":{"jest":"1"}}"#,
        )
        .unwrap();
        assert_eq!(deps, ["express", "jest"]);
        let deps = dependencies(
            "requirements-dev.txt",
            "Flask-Session>=0.5\n# c\n-r base.txt\npsycopg2[pool]==2\n",
        )
        .unwrap();
        assert_eq!(deps, ["Flask-Session", "psycopg2"]);
        let deps = dependencies(
            "pyproject.toml",
            "[project]\ndependencies=['fastapi>=0.1']\n[tool.poetry.dependencies]\npython='^3'\nredis='*'\n",
        )
        .unwrap();
        assert_eq!(deps, ["fastapi", "redis"]);
        assert_eq!(
            setup_py("setup(install_requires=['flask', \"boto3>=1\"])"),
            ["flask", "boto3"]
        );
    }

    #[test]
    fn reads_java_and_dotnet_manifests() {
        let pom = "<project><parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId></parent>\n<dependencies><dependency>\n <groupId>org.springframework.boot</groupId>\n <artifactId>spring-boot-starter-web</artifactId>\n</dependency></dependencies></project>";
        let deps = dependencies("svc/pom.xml", pom).unwrap();
        assert!(deps.contains(&"org.springframework.boot:spring-boot-starter-web".to_string()));
        assert!(deps.contains(&"spring-boot-starter-parent".to_string()));
        let gradle = "dependencies {\n implementation 'org.springframework.boot:spring-boot-starter-web'\n implementation(\"com.github.ben-manes.caffeine:caffeine:3.1.8\")\n}\nversion = '1.0'\n";
        let deps = dependencies("build.gradle.kts", gradle).unwrap();
        assert!(deps.contains(&"caffeine".to_string()));
        assert!(deps.contains(&"spring-boot-starter-web".to_string()));
        assert!(!deps.iter().any(|d| d.contains("1.0")));
        assert_eq!(
            dependencies(
                "composer.json",
                r#"{"require": {"php": "^8.1", "ext-json": "*", "laravel/framework": "^10"}, "require-dev": {"phpunit/phpunit": "^10"}}"#
            )
            .unwrap(),
            ["laravel/framework", "phpunit/phpunit"]
        );
        assert_eq!(
            dependencies(
                "composer.lock",
                r#"{"packages": [{"name": "aws/aws-sdk-php"}]}"#
            )
            .unwrap(),
            ["aws/aws-sdk-php"]
        );
        let csproj = r#"<Project Sdk="Microsoft.NET.Sdk.Web"><ItemGroup><PackageReference Include="AWSSDK.S3" Version="3.7.0" /><PackageReference Include='Hangfire' /></ItemGroup></Project>"#;
        assert_eq!(
            dependencies("Shop.csproj", csproj).unwrap(),
            ["AWSSDK.S3", "Hangfire"]
        );
    }

    #[test]
    fn reads_go_mod() {
        let text = "module github.com/acme/shop // the shop\n\ngo 1.22\n\nrequire github.com/gin-gonic/gin v1.9.1\nrequire (\n\tgithub.com/redis/go-redis/v9 v9.0.5 // indirect\n\n\tgorm.io/gorm v1.25.0\n)\nreplace x => ../x\n";
        assert_eq!(
            dependencies("svc/go.mod", text).unwrap(),
            [
                "github.com/gin-gonic/gin",
                "github.com/redis/go-redis/v9",
                "gorm.io/gorm"
            ]
        );
        assert_eq!(
            module_path("svc/go.mod", text).as_deref(),
            Some("github.com/acme/shop")
        );
        assert_eq!(module_path("go.mod", "go 1.22\n"), None);
        assert_eq!(module_path("package.json", "module x"), None);
    }

    #[test]
    fn reads_ruby_manifests() {
        let gemfile =
            "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\n  gem \"pg\"\n# gem 'old'\n";
        assert_eq!(dependencies("Gemfile", gemfile).unwrap(), ["rails", "pg"]);
        let lock = "GEM\n  remote: https://rubygems.org/\n  specs:\n    actioncable (7.1.3)\n      actionpack (= 7.1.3)\n    pg (1.5.4)\n";
        assert_eq!(
            dependencies("Gemfile.lock", lock).unwrap(),
            ["actioncable", "pg"]
        );
    }

    #[test]
    fn broken_manifest_is_an_error_not_a_panic() {
        assert!(dependencies("package.json", "{").is_err());
        assert!(dependencies("pyproject.toml", "[project").is_err());
    }
}
