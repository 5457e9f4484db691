//! Class members around a hit: whether a name it uses is a field of the
//! class that encloses it, used outside its constructors (the `field` rule
//! condition).

use super::facts::FileFacts;
use crate::rules::Conditions;

/// Whether `name`, used in function `def`, is a field of the function's
/// class (static or not, of a type, as `when` asks) rather than a local,
/// and `def` is not (inside) one of the class's constructors. `name` may be
/// qualified by `this.` or by the class's own name (`Registry.items`).
pub(super) fn uses_field(
    facts: &FileFacts,
    def: Option<usize>,
    name: &str,
    when: &Conditions,
) -> bool {
    let name = name.strip_prefix("this.").unwrap_or(name);
    let (qualifier, name) = match name.rsplit_once('.') {
        Some((qualifier, field)) => (Some(qualifier), field),
        None => (None, name),
    };
    let mut current = def;
    let mut class = None;
    while let Some(d) = current {
        let function = &facts.defs[d];
        if qualifier.is_none() && function.locals.iter().any(|l| l == name) {
            return false;
        }
        if let Some(owner) = &function.class {
            class = Some((owner.as_str(), function));
            break;
        }
        current = function.parent();
    }
    let Some((class, method)) = class else {
        return false;
    };
    if qualifier.is_some_and(|q| q != class) {
        return false;
    }
    if facts.lang.is_constructor(&method.name, class) {
        return false;
    }
    facts.fields.iter().any(|f| {
        f.class == class
            && f.name == name
            && when.field_static.is_none_or(|s| s == f.is_static)
            && (when.field_types.is_empty()
                || when
                    .field_types
                    .iter()
                    .any(|t| type_matches(t, &f.type_name)))
    })
}

/// `IAmazon*` matches `IAmazonS3` and `Amazon.S3.IAmazonS3`: a pattern with
/// `*` wildcards against the type's last dotted part.
fn type_matches(pattern: &str, type_name: &str) -> bool {
    let name = type_name.rsplit('.').next().unwrap_or(type_name);
    let mut pieces = pattern.split('*');
    let Some(first) = pieces.next() else {
        return false;
    };
    let Some(mut rest) = name.strip_prefix(first) else {
        return false;
    };
    let pieces: Vec<&str> = pieces.collect();
    for (i, piece) in pieces.iter().enumerate() {
        if i + 1 == pieces.len() {
            return rest.ends_with(piece);
        }
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::type_matches;

    #[test]
    fn type_patterns_match_the_last_dotted_part() {
        assert!(type_matches("IMemoryCache", "IMemoryCache"));
        assert!(type_matches(
            "IMemoryCache",
            "Microsoft.Extensions.Caching.Memory.IMemoryCache"
        ));
        assert!(!type_matches("IMemoryCache", "IMemoryCacheFactory"));
        assert!(type_matches("IAmazon*", "IAmazonS3"));
        assert!(type_matches("Amazon*Client", "AmazonDynamoDBClient"));
        assert!(!type_matches("Amazon*Client", "AmazonDynamoDBConfig"));
        assert!(type_matches("*Client", "BlobServiceClient"));
        assert!(!type_matches("IAmazon*", "Amazon"));
    }
}
