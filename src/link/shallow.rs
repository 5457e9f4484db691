//! Shallow nesting (Rails' `shallow: true`): the paths of a route declared
//! where nesting is shallow, rewritten as the framework serves them. A
//! member route (its path holds the member parameter, `:id`) drops every
//! parent resource (`/articles/:article_id/comments/:id` → `/comments/:id`);
//! a collection route keeps only its nearest parent
//! (`/users/:user_id/posts/:post_id/votes` → `/posts/:post_id/votes`).
//! Other prefixes (a namespace's `/admin`) stay.

use crate::extract::facts::Shallow;
use crate::extract::singular;

/// `path` as served under shallow nesting.
pub fn path(path: &str, how: &Shallow) -> String {
    let segments: Vec<&str> = path.split('/').collect();
    // A parent resource: a segment followed by its parameter.
    let parents: Vec<usize> = (1..segments.len())
        .filter(|&i| segments[i] == how.nest.replace("{singular}", &singular(segments[i - 1])))
        .map(|i| i - 1)
        .collect();
    let member = segments.contains(&how.member.as_str());
    let dropped = match (member, parents.split_last()) {
        (true, _) => &parents[..],
        (false, Some((_, outer))) => outer,
        (false, None) => &[][..],
    };
    if dropped.is_empty() {
        return path.to_string();
    }
    segments
        .iter()
        .enumerate()
        .filter(|(i, _)| !dropped.iter().any(|&p| *i == p || *i == p + 1))
        .map(|(_, s)| *s)
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rails() -> Shallow {
        Shallow {
            nest: ":{singular}_id".into(),
            member: ":id".into(),
        }
    }

    #[test]
    fn members_drop_every_parent_collections_keep_the_nearest() {
        let cases = [
            ("/articles/:article_id/comments/:id", "/comments/:id"),
            (
                "/articles/:article_id/comments/:id/edit",
                "/comments/:id/edit",
            ),
            (
                "/articles/:article_id/comments",
                "/articles/:article_id/comments",
            ),
            (
                "/articles/:article_id/comments/new",
                "/articles/:article_id/comments/new",
            ),
            (
                "/admin/users/:user_id/posts/:post_id/votes",
                "/admin/posts/:post_id/votes",
            ),
            ("/admin/users/:user_id/posts/:id", "/admin/posts/:id"),
            ("/articles/:id", "/articles/:id"),
            ("/articles", "/articles"),
            // A parameter named after no segment before it is no parent.
            (
                "/accounts/:team_id/posts/:id",
                "/accounts/:team_id/posts/:id",
            ),
        ];
        for (before, after) in cases {
            assert_eq!(path(before, &rails()), after, "{before}");
        }
    }
}
