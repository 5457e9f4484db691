//! defines: values the user gives to names carve cannot know statically (a
//! route prefix read from the environment, a setting with no default), from
//! `[define]` in `.carve/config.toml` and `--define NAME=VALUE`. Linking
//! composes them into route paths in place of `{NAME}`, so `scan`, `cost`
//! and `plan` see the deployed paths.

use std::collections::BTreeMap;

/// One user-given value, and where it was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Define {
    pub value: String,
    /// `.carve/config.toml:7` or `--define`.
    pub source: String,
}

/// The defines of a run, by name; a `--define` replaces the config's value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Defines(BTreeMap<String, Define>);

impl Defines {
    /// Adds (or replaces) `name`.
    pub fn insert(&mut self, name: String, value: String, source: String) {
        self.0.insert(name, Define { value, source });
    }

    /// The value given to a name as written in the code
    /// (`settings.API_PREFIX`, `config:prefix`) or to the environment
    /// variable that overrides it (`API_PREFIX`).
    pub fn get(&self, name: &str) -> Option<&Define> {
        self.0.get(name)
    }
}

/// `NAME=VALUE` as `--define` takes it; the value may be empty or hold `=`.
pub fn parse_flag(arg: &str) -> Result<(String, String), String> {
    let (name, value) = arg
        .split_once('=')
        .ok_or_else(|| format!("`{arg}` is not NAME=VALUE"))?;
    let name = name.trim();
    if name.is_empty() {
        return Err(format!("`{arg}` has no name before `=`"));
    }
    Ok((name.to_string(), value.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_splits_at_the_first_equals() {
        assert_eq!(
            parse_flag("API_PREFIX=/v2?a=b"),
            Ok(("API_PREFIX".into(), "/v2?a=b".into()))
        );
        assert_eq!(parse_flag("CTX="), Ok(("CTX".into(), String::new())));
        assert!(parse_flag("API_PREFIX").is_err());
        assert!(parse_flag("=/v2").is_err());
    }

    #[test]
    fn a_later_value_replaces_an_earlier_one() {
        let mut d = Defines::default();
        d.insert("X".into(), "/a".into(), ".carve/config.toml:2".into());
        d.insert("X".into(), "/b".into(), "--define".into());
        assert_eq!(d.get("X").map(|d| d.value.as_str()), Some("/b"));
        assert_eq!(d.get("Y"), None);
    }
}
