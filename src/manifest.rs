//! Dependency names from manifest text: package.json, requirements*.txt,
//! pyproject.toml (PEP 621 and Poetry), Pipfile, setup.py `install_requires`.
//! Pure: `discover` reads the files.

/// The dependency names a manifest declares, as written.
pub fn dependencies(file_name: &str, text: &str) -> Result<Vec<String>, String> {
    let base = file_name.rsplit('/').next().unwrap_or(file_name);
    if base == "package.json" {
        package_json(text)
    } else if base == "pyproject.toml" || base == "Pipfile" {
        toml_manifest(text)
    } else if base == "setup.py" {
        Ok(setup_py(text))
    } else {
        Ok(requirements(text))
    }
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
    fn broken_manifest_is_an_error_not_a_panic() {
        assert!(dependencies("package.json", "{").is_err());
        assert!(dependencies("pyproject.toml", "[project").is_err());
    }
}
