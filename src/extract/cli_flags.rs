//! Branches chosen by a command-line flag: an `@cli` branch whose test
//! names a variable (`@cli.flag`: `if refresh { …; return }`) is one only
//! when a flag binds that variable (`@cli.binder`, `@cli.bound`:
//! `flag.BoolVar(&refresh, …)`, `health := flag.String(…)`) in a statement
//! before the test's own, in the same statement list; or, for a test
//! marked `#set! cli.scope "package"`, at the file's top level before the
//! declaration that holds the test (`var dump = flag.Bool(…)`). The
//! queries find both sides, each where it stands (a pattern that paired
//! them would keep a state alive through every block); the pairing is here,
//! once the file's matches are in.

use super::facts::Span;
use tree_sitter::Node;

/// Where a test looks for its binder.
enum Scope {
    /// An earlier statement of the statement list (by id) the test's
    /// statement belongs to, which starts at `start`.
    Block { list: usize, start: usize },
    /// A top-level statement before the top-level declaration starting
    /// at `start`.
    Package { start: usize },
}

/// A branch that tests a variable.
struct Test {
    scope: Scope,
    flag: String,
    branch: Span,
}

/// A statement that binds a variable to a flag.
struct Binder {
    /// The node (id) the statement is a child of.
    list: usize,
    at_top: bool,
    start: usize,
    bound: String,
}

/// The binders and flag tests of one file, paired once all are found.
#[derive(Default)]
pub struct FlagModes {
    binders: Vec<Binder>,
    tests: Vec<Test>,
}

impl FlagModes {
    /// `statement` binds `bound` to a flag.
    pub fn binder(&mut self, statement: Node, bound: &str) {
        if let Some(list) = statement.parent() {
            self.binders.push(Binder {
                list: list.id(),
                at_top: list.parent().is_none(),
                start: statement.start_byte(),
                bound: bound.to_string(),
            });
        }
    }

    /// `branch` (a part of its parent statement) runs when `flag` is set.
    /// `package`: the flag is bound at the top level; `last`: the
    /// statement must be the last of its list.
    pub fn test(&mut self, branch: Node, flag: &str, package: bool, last: bool) {
        let Some(statement) = branch.parent() else {
            return;
        };
        if last && statement.next_named_sibling().is_some() {
            return;
        }
        let scope = if package {
            let mut top = statement;
            while let Some(parent) = top.parent().filter(|p| p.parent().is_some()) {
                top = parent;
            }
            Scope::Package {
                start: top.start_byte(),
            }
        } else {
            let Some(list) = statement.parent() else {
                return;
            };
            Scope::Block {
                list: list.id(),
                start: statement.start_byte(),
            }
        };
        self.tests.push(Test {
            scope,
            flag: flag.to_string(),
            branch: Span {
                start: branch.start_byte(),
                end: branch.end_byte(),
            },
        });
    }

    /// The branches whose flag a binder binds.
    pub fn branches(&self) -> impl Iterator<Item = Span> + '_ {
        self.tests
            .iter()
            .filter(|test| {
                self.binders.iter().any(|b| {
                    b.bound == test.flag
                        && match test.scope {
                            Scope::Block { list, start } => {
                                !b.at_top && b.list == list && b.start < start
                            }
                            Scope::Package { start } => b.at_top && b.start < start,
                        }
                })
            })
            .map(|test| test.branch)
    }

    /// The size of the records held, for the facts budget.
    pub fn record_bytes(&self) -> usize {
        std::mem::size_of_val(&*self.binders) + std::mem::size_of_val(&*self.tests)
    }
}
