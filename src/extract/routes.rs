//! Route, router and mount captures → `RouteDecl`, `RouterDecl` and
//! `MountDecl` facts: paths and prefixes as written, handlers (unwrapped from
//! wrapper calls), and the objects they hang on.

use super::ancestry::ancestors;
use super::facts::*;
use super::text::singular;
use super::text::{apply_template, names_in, string_values, unquote};
use super::{capture, frameworks, Captured, Extraction, Props, HTTP_VERBS, MODULE_ROUTER};
use tree_sitter::Node;

impl<'s> Extraction<'s> {
    /// What a method chain (`Router().use(a).use(b)`) is assigned to: the
    /// variable's name, or the module's own router for `export default`.
    fn chain_owner(&self, root: Node, node: Node) -> String {
        let mut top = node;
        let mut holder = None;
        for parent in ancestors(root, node) {
            let continues_chain = parent.kind() == top.kind()
                || parent.child_by_field_name("object") == Some(top)
                || parent.child_by_field_name("function") == Some(top);
            if !continues_chain {
                holder = Some(parent);
                break;
            }
            top = parent;
        }
        holder
            .and_then(|h| {
                h.child_by_field_name("name")
                    .or_else(|| h.child_by_field_name("left"))
            })
            .filter(|n| n.end_byte() <= top.start_byte())
            .map(|n| self.reference(n))
            .unwrap_or_else(|| MODULE_ROUTER.to_string())
    }

    /// A prefix capture: a string literal, an environment variable read in
    /// place, or a name to resolve later.
    pub(super) fn prefix(&self, node: Node) -> Prefix {
        if let Some(env) = self.env_prefix(node) {
            return env;
        }
        if let Some(joined) = self.joined(node, |n| self.prefix(n)) {
            return joined;
        }
        match node.kind() {
            // `` `${base}/api` ``: text pieces and substituted names.
            "template_string" if node.named_child_count() > 0 => {
                self.interpolated(node, "template_substitution", |text| {
                    vec![Prefix::Literal(text.to_string())]
                })
            }
            // Kotlin's `"$API/users"` and `"${Paths.API}/users"`.
            "string_literal" if self.is_string_template(node) => self.string_template(node),
            // PHP's `"{$name}/feed"`: text pieces and variables.
            "encapsed_string" if self.is_string_template(node) => {
                let mut cursor = node.walk();
                let pieces = node
                    .named_children(&mut cursor)
                    .map(|piece| match piece.kind() {
                        "string_content" | "escape_sequence" => {
                            Prefix::Literal(self.text(piece).to_string())
                        }
                        _ => self.prefix(piece),
                    });
                Prefix::Concat(pieces.collect())
            }
            // Python's `f"/feeds/{kind}"`, Ruby's `"/feeds/#{kind}"`.
            "string" if has_child(node, "interpolation") => {
                self.interpolated(node, "interpolation", |text| {
                    vec![Prefix::Literal(text.to_string())]
                })
            }
            // A symbol names a segment as a string does (Rails `namespace :admin`).
            kind if kind.contains("string") || kind.contains("symbol") => {
                Prefix::Literal(unquote(self.text(node)).to_string())
            }
            _ => Prefix::Name(self.reference(node)),
        }
    }

    /// A route's path expression (`prefix`), each name in it that its scope
    /// binds to a plain string before the route, outside any branch, read
    /// as that string: `edit := ""; if single { edit = "/d" };
    /// r.Get(edit+"/{id}/edit", h)` is `/{id}/edit`, the path when no branch
    /// changes it.
    fn bound_prefix(&self, root: Node<'s>, node: Node<'s>) -> Prefix {
        match node.kind() {
            "identifier" => self
                .binding(root, node)
                .map(|v| match v.kind() {
                    "expression_list" if v.named_child_count() == 1 => {
                        v.named_child(0).unwrap_or(v)
                    }
                    _ => v,
                })
                .filter(|v| self.is_plain_string(*v))
                .map_or_else(
                    || self.prefix(node),
                    |v| Prefix::Literal(unquote(self.text(v)).to_string()),
                ),
            _ => self
                .joined(node, |n| self.bound_prefix(root, n))
                .unwrap_or_else(|| self.prefix(node)),
        }
    }

    /// An environment variable read in place (the language's `env_reads`:
    /// `os.environ["API"]`, `os.getenv("API", "/v1")`), or with a default
    /// after one of its `default_operators` (`process.env.API || '/v1'`).
    fn env_prefix(&self, node: Node) -> Option<Prefix> {
        let lang = self.facts.lang;
        if let Some((var, default)) = lang.env_read(self.text(node)) {
            return Some(Prefix::Env { var, default });
        }
        let (left, operator, right) = (
            node.child_by_field_name("left")?,
            node.child_by_field_name("operator")?,
            node.child_by_field_name("right")?,
        );
        if !lang.is_default_operator(self.text(operator)) || !self.is_plain_string(right) {
            return None;
        }
        let (var, _) = lang.env_read(self.text(left))?;
        let default = Some(unquote(self.text(right)).to_string());
        Some(Prefix::Env { var, default })
    }

    /// `ctx + '/'`: the pieces, each read by `piece` (resolved later); None
    /// for any other node.
    fn joined<'t>(&self, node: Node<'t>, piece: impl Fn(Node<'t>) -> Prefix) -> Option<Prefix> {
        let is_plus = matches!(node.kind(), "binary_expression" | "binary_operator")
            && node
                .child_by_field_name("operator")
                .is_some_and(|op| self.text(op) == "+");
        is_plus.then(|| {
            Prefix::Concat(
                ["left", "right"]
                    .iter()
                    .filter_map(|f| node.child_by_field_name(f))
                    .map(piece)
                    .collect(),
            )
        })
    }

    /// A string literal with no substitution in it.
    fn is_plain_string(&self, node: Node) -> bool {
        let mut cursor = node.walk();
        node.kind().contains("string")
            && !node.kind().contains("template")
            && !self.is_string_template(node)
            && node.named_children(&mut cursor).all(|c| {
                ["content", "start", "end", "fragment", "escape"]
                    .iter()
                    .any(|k| c.kind().contains(k))
            })
    }

    /// Whether a string literal substitutes values (Kotlin's `"$API/x"`).
    fn is_string_template(&self, node: Node) -> bool {
        match node.kind() {
            "string_literal" => self.text(node).contains('$') && has_child(node, "string_content"),
            // PHP's `"{$name}/feed"`.
            "encapsed_string" => has_child(node, "variable_name"),
            _ => false,
        }
    }

    /// A Kotlin string template: text pieces, `${expr}` substitutions (an
    /// `interpolation` node) and `$name` ones (written inside the text).
    fn string_template(&self, node: Node) -> Prefix {
        self.interpolated(node, "interpolation", simple_substitutions)
    }

    /// A quoted string with substitutions (`substitution` children): the
    /// text between them read by `text_pieces`, each substitution's
    /// expression as a prefix of its own.
    fn interpolated(
        &self,
        node: Node,
        substitution: &str,
        text_pieces: fn(&str) -> Vec<Prefix>,
    ) -> Prefix {
        let mut pieces = Vec::new();
        // The quotes, with any prefix (`f"`), where the grammar names them.
        let first = node.child(0).filter(|c| c.kind() == "string_start");
        let last = node
            .child(node.child_count().saturating_sub(1))
            .filter(|c| c.kind() == "string_end");
        let mut at = first.map_or(node.start_byte() + 1, |c| c.end_byte());
        let end = last.map_or(node.end_byte().saturating_sub(1), |c| c.start_byte());
        let mut cursor = node.walk();
        for child in node.named_children(&mut cursor) {
            if child.kind() != substitution {
                continue;
            }
            if let Some(text) = self.source.get(at..child.start_byte()) {
                pieces.extend(text_pieces(text));
            }
            if let Some(inner) = child.named_child(0) {
                pieces.push(self.prefix(inner));
            }
            at = child.end_byte();
        }
        if let Some(text) = self.source.get(at..end) {
            pieces.extend(text_pieces(text));
        }
        Prefix::Concat(pieces)
    }

    pub(super) fn on_route(&mut self, root: Node<'s>, caps: &[Captured<'s>], prop: Props) {
        let get = |n: &str| capture(caps, n);
        let Some(node) = get("route") else { return };
        // `#set! route.unless_parameter`: a path that is the enclosing
        // function's parameter declares a wrapper of the registration
        // (`func (r *Router) GET(path string, h Handler) { r.Group.GET(path, …) }`).
        if prop.get("route.unless_parameter").is_some()
            && get("route.path_expr").is_some_and(|p| self.parameter_of(root, p).is_some())
        {
            return;
        }
        // Declared only in development (`if (isDev) app.post('/test', …)`):
        // not a route of the app that is deployed.
        if self.in_dev_branch(root, node) {
            return;
        }
        let mut methods = Vec::new();
        // A method named inside a longer word (`GetMapping`, `HttpGet`).
        let strip = prop.get("route.method_strip");
        for cap in caps.iter().filter(|c| c.name == "route.method") {
            let mut values = string_values(cap.node, self.source);
            // `via: [:get, :post]`: symbols name methods too.
            if values.is_empty() && cap.node.kind().contains("symbol") || cap.node.kind() == "array"
            {
                values = names_in(cap.node, self.source);
            }
            if values.is_empty() {
                let mut text = self.text(cap.node);
                for affix in strip.into_iter().flat_map(|s| s.split('|')) {
                    text = text.strip_suffix(affix).unwrap_or(text);
                    text = text.strip_prefix(affix).unwrap_or(text);
                }
                // The verb a name starts with (Razor Pages' `OnPostDelete` → POST).
                if prop.get("route.method_leading").is_some() {
                    let upper = text.to_ascii_uppercase();
                    if let Some(verb) = HTTP_VERBS.iter().find(|v| upper.starts_with(*v)) {
                        text = &text[..verb.len()];
                    }
                }
                methods.push(text.to_string());
            } else {
                methods.extend(values);
            }
        }
        let mut handler_nodes: Vec<Node> = caps
            .iter()
            .filter(|c| c.name == "route.handler")
            .map(|c| c.node)
            .collect();
        if let Some(args) = get("route.args") {
            // Every argument after the path; option objects and comments are not handlers.
            let path_start = get("route.path")
                .or_else(|| get("route.paths"))
                .or_else(|| get("route.path_expr"))
                .map(|n| n.start_byte());
            let mut cursor = args.walk();
            handler_nodes.extend(args.named_children(&mut cursor).filter(|n| {
                Some(n.start_byte()) != path_start && !matches!(n.kind(), "object" | "comment")
            }));
        }
        // A call written as a handler is a factory whose result handles
        // the route (Go's `listUsers(db)`): the call is the handler.
        let factory = prop.get("route.handler_factory").is_some();
        // `'users#show'` → `UsersController.show` (`route.handler_sep "#"`,
        // `route.handler_class "{camel}Controller"`); `:users` → `UsersController`.
        let sep = prop.get("route.handler_sep");
        let class_template = prop.get("route.handler_class");
        let last_handler = handler_nodes.last().copied();
        let mut handlers: Vec<(usize, Span, String)> = handler_nodes
            .into_iter()
            .map(|n| if factory { n } else { unwrap_handler(n) })
            .map(|n| {
                let written = unquote(self.text(n));
                let name = match (sep.and_then(|s| written.split_once(s)), class_template) {
                    (Some((class, action)), template) => {
                        format!(
                            "{}.{action}",
                            apply_template(template.unwrap_or("{}"), class)
                        )
                    }
                    (None, Some(template)) => apply_template(template, written),
                    (None, None) => self.reference(n),
                };
                (n.start_byte(), Self::span(n), name)
            })
            .collect();
        // Functions given to a factory call that handles the route
        // (`handler.Web(viewPost, level)`, `csrf.Protect(key)(handler.User(view))`).
        let wrapped = match last_handler {
            Some(last) if factory => wrapped_functions(last)
                .into_iter()
                .map(|n| (n.start_byte(), self.reference(n)))
                .collect(),
            _ => Vec::new(),
        };
        handlers.extend(self.class_member_handler(caps, prop));
        if prop.get("route.handler_from_path").is_some() {
            // The action named apart (`delete :memory, action: :destroy_memory`),
            // else the path's.
            if let Some(path) = get("route.action").or(get("route.path")) {
                let action = unquote(self.text(path)).to_string();
                self.pending
                    .handler_from_path
                    .push((Self::span(node), action));
            }
        }
        let fs = prop.get("route.fs_dir").map(|dir| FsRoute {
            dir: dir.to_string(),
            prefix: prop.get("route.fs_prefix").unwrap_or("").to_string(),
            file: prop.get("route.fs_file").map(str::to_string),
            suffix: prop.get("route.fs_suffix").map(str::to_string),
            area: prop.get("route.fs_area").map(str::to_string),
            unless_imported: prop.get("route.fs_unless_imported").is_some(),
            page: prop.get("route.fs_page").is_some(),
        });
        let class_router = prop.get("route.class_router").and_then(|_| {
            // The router is the class the route's method belongs to.
            ancestors(root, node)
                .into_iter()
                .find(|p| p.kind().contains("class_declaration") || p.kind() == "class_definition")
                .and_then(|class| class.child_by_field_name("name"))
                .map(|n| self.text(n).to_string())
        });
        // Several paths for one declaration (`app.get(['/a', '/b'], h)`).
        let paths: Vec<Option<String>> = match get("route.paths") {
            // One endpoint whatever the declaration says (`WS /socket.io/`).
            _ if prop.get("route.fixed_path").is_some() => {
                vec![prop.get("route.fixed_path").map(str::to_string)]
            }
            Some(list) => string_values(list, self.source)
                .into_iter()
                .map(Some)
                .collect(),
            // A socket event's route is the socket endpoint itself.
            None => match prop.get("route.endpoint") {
                Some(endpoint) => vec![Some(endpoint.to_string())],
                None => vec![get("route.path").map(|n| unquote(self.text(n)).to_string())],
            },
        };
        // A path written as an expression of constants (`ApiPaths.USERS + "/{id}"`).
        // A path written with substitutions (`` `/each/${name}` ``) too.
        let path_expr = get("route.path_expr")
            .filter(|n| !n.kind().contains("string") || self.is_string_template(*n))
            .map(|n| match n.kind() {
                // `v1Base("/items")`: a path-building function's result.
                kind if kind.starts_with("call") => {
                    self.path_call(root, n).unwrap_or_else(|| self.prefix(n))
                }
                _ => self.bound_prefix(root, n),
            })
            .or_else(|| {
                get("route.path")
                    .map(|n| self.prefix(n))
                    .filter(|p| matches!(p, Prefix::Concat(ps) if ps.iter().any(|p| !matches!(p, Prefix::Literal(_)))))
            });
        // A path only a loop's variable gives (`app.get(path, h)` in
        // `for (const [path, h] of …)`): no route outside such a loop.
        if prop.get("route.loop_only").is_some() {
            self.pending.loop_only.push(Self::span(node));
        }
        let paths = match (&path_expr, get("route.path_expr")) {
            (None, Some(literal)) => vec![Some(unquote(self.text(literal)).to_string())],
            _ => paths,
        };
        // Nested resources written with a separator (`photos.comments` →
        // `photos/{photo}/comments`): `#set! route.nest_separator "."`.
        let paths = match prop.get("route.nest_separator") {
            Some(sep) => paths
                .into_iter()
                .map(|p| p.map(|p| nest_resources(&p, sep)))
                .collect(),
            None => paths,
        };
        // Text the framework reads as nothing (Rails' optional `(.:format)`,
        // implied on every route): `#set! route.drop "(.:format)"`.
        let paths = match prop.get("route.drop") {
            Some(drop) => paths
                .into_iter()
                .map(|p| p.map(|p| p.replace(drop, "")))
                .collect(),
            None => paths,
        };
        // A backslash makes the next character literal (Sinatra's Mustermann
        // patterns: `'/\.well-known'` is `/.well-known`):
        // `#set! route.backslash_escapes`.
        let paths = match prop.get("route.backslash_escapes") {
            Some(_) => paths
                .into_iter()
                .map(|p| p.map(|p| super::text::unescape(&p)))
                .collect(),
            None => paths,
        };
        let mut first_path = paths.first().cloned().flatten();
        // A method written before the path (Go 1.22's `"GET /items/{id}"`).
        if prop.get("route.method_in_path").is_some() {
            if let Some((verb, rest)) = first_path.as_deref().and_then(|p| p.split_once(' ')) {
                if HTTP_VERBS.contains(&verb) {
                    methods.push(verb.to_string());
                    first_path = Some(rest.trim_start().to_string());
                }
            }
        }
        // What the framework serves below the path (gin's `Static`: `/*filepath`).
        if let Some(suffix) = prop.get("route.path_suffix") {
            first_path = first_path.map(|p| format!("{}{suffix}", p.trim_end_matches('/')));
        }
        let extra_paths: Vec<String> = paths.into_iter().skip(1).flatten().collect();
        // Tokens named after the class and the handler (`controller` ←
        // `OrdersController` without `Controller`, `action` ← `ListAsync`
        // without `Async`): `route.token_class "controller:Controller"`.
        let handler_name = get("route.handler").map(|n| self.text(n));
        let mut tokens = Vec::new();
        for (key, value) in [
            ("route.token_class", class_router.as_deref()),
            ("route.token_handler", handler_name),
        ] {
            if let (Some(spec), Some(value)) = (prop.get(key), value) {
                let (token, suffix) = spec.split_once(':').unwrap_or((spec, ""));
                let value = match value.strip_suffix(suffix) {
                    Some(stem) if !suffix.is_empty() && !stem.is_empty() => stem,
                    _ => value,
                };
                tokens.push((token.to_string(), value.to_string()));
            }
        }
        self.pending.route_handlers.push(handlers);
        self.pending.route_wrapped.push(wrapped);
        self.facts.routes.push(RouteDecl {
            methods,
            default_method: prop.get("route.default_method").map(str::to_string),
            path: first_path,
            path_expr,
            extra_paths,
            path_optional: prop.get("route.path_optional").is_some(),
            strip_trailing_slash: prop.get("route.strip_trailing_slash").is_some(),
            event: get("route.event").map(|n| unquote(self.text(n)).to_string()),
            path_is_regex: prop.get("route.regex").is_some(),
            handlers: Vec::new(),
            wrapped: Vec::new(),
            router: get("route.router")
                .map(|n| self.router_name(n, prop.get("route.positional").is_some())),
            class_router,
            frameworks: frameworks(prop.get("framework")),
            fs,
            actions: prop.get("route.actions").map(str::to_string),
            only: get("route.only")
                .map(|n| names_in(n, self.source))
                .unwrap_or_default(),
            except: get("route.except")
                .map(|n| names_in(n, self.source))
                .unwrap_or_default(),
            // A nested resource (`photos.comments`, `photos/{photo}/comments`)
            // is named after its last part.
            resource: get("route.resource").map(|n| {
                let written = unquote(self.text(n));
                let last = match prop.get("route.nest_separator") {
                    Some(sep) => written.rsplit(sep).next().unwrap_or(written),
                    None => written,
                };
                last.rsplit('/').next().unwrap_or(last).to_string()
            }),
            every_action: prop.get("route.every_action").is_some(),
            requires_import: prop.get("route.requires_import").map(str::to_string),
            table: prop.get("route.table").map(str::to_string),
            options: caps
                .iter()
                .filter(|c| c.name == "route.options")
                .flat_map(|c| super::text::keyword_options(c.node, self.source))
                .collect(),
            tokens,
            rooted: prop.get("route.rooted").is_some(),
            convention: prop.get("route.convention").map(str::to_string),
            class_methods: prop.get("route.class_methods").is_some(),
            shallow: None,
            without: caps
                .iter()
                .filter(|c| c.name == "route.without")
                .map(|c| {
                    let name = unquote(self.text(c.node));
                    name.rsplit('\\').next().unwrap_or(name).to_string()
                })
                .collect(),
            span: Self::span(node),
            pos: self.pos(node.start_byte()),
        });
    }

    /// A handler written as a class and a method apart: `@route.handler_class`
    /// and `@route.handler_member` (`[UserController::class, 'show']`), or a
    /// fixed member (`#set! route.handler_member "__invoke"` for an invokable
    /// controller); or as one string, `@route.handler_string` split at
    /// `route.handler_split` (`'UserController@show'`), or a class
    /// concatenated to a member led by the split (`X::class . ':show'`).
    fn class_member_handler(
        &self,
        caps: &[Captured],
        prop: Props,
    ) -> Option<(usize, Span, String)> {
        let get = |n: &str| capture(caps, n);
        if let Some(text) = get("route.handler_string") {
            let split = prop.get("route.handler_split").unwrap_or("@");
            // Escaped backslashes of a namespace (`'App\\Http\\X@show'`).
            let written = unquote(self.text(text)).replace("\\\\", "\\");
            let (class, member) = written.split_once(split)?;
            return Some((
                text.start_byte(),
                Self::span(text),
                format!("{class}.{member}"),
            ));
        }
        let class = get("route.handler_class")?;
        let member = match get("route.handler_member") {
            // The member after the split, concatenated to the class
            // (`UserController::class . ':show'`).
            Some(member) => {
                let written = unquote(self.text(member));
                let split = prop.get("route.handler_split").unwrap_or("");
                written.strip_prefix(split).unwrap_or(written).to_string()
            }
            None => prop.get("route.handler_member")?.to_string(),
        };
        Some((
            class.start_byte(),
            Self::span(class),
            format!("{}.{member}", self.reference(class)),
        ))
    }

    pub(super) fn on_router(&mut self, caps: &[Captured], prop: Props) {
        let get = |n: &str| capture(caps, n);
        let Some(name) = get("router.name") else {
            return;
        };
        // `#set! router.module`: the file's own router (a Grape API class's
        // `prefix 'api'`, `version 'v1', using: :path`).
        let router = match prop.get("router.module") {
            Some(_) => MODULE_ROUTER.to_string(),
            None => self.reference(name),
        };
        let pos = self.pos(name.start_byte());
        // A file's prefix and version (`@router.version`) matched apart
        // are one prefix, the version after it.
        let piece = get("router.prefix")
            .map(|n| (self.prefix(n), true))
            .or_else(|| get("router.version").map(|n| (self.prefix(n), false)));
        let module = prop.get("router.module").is_some();
        if let Some(known) = self
            .facts
            .routers
            .iter_mut()
            .find(|r| module && r.name == router && r.pos == pos)
        {
            let slash = Prefix::Literal("/".to_string());
            known.prefix = match (known.prefix.take(), piece) {
                (Some(had), Some((new, true))) => Some(Prefix::Concat(vec![new, slash, had])),
                (Some(had), Some((new, false))) => Some(Prefix::Concat(vec![had, slash, new])),
                (had, new) => had.or(new.map(|(p, _)| p)),
            };
            return;
        }
        self.pending.router_starts.push(name.start_byte());
        self.facts.routers.push(RouterDecl {
            name: router,
            prefix: piece.map(|(p, _)| p),
            strip_trailing_slash: prop.get("router.strip_trailing_slash").is_some(),
            frameworks: frameworks(prop.get("framework")),
            pos,
        });
    }

    /// `….addPathPatterns("/admin/**", "/api/*")` chained on a hook's
    /// registration: the string arguments of `@hook_paths.list`, kept for
    /// the registrations inside `@hook_paths.scope` (`finish`).
    pub(super) fn on_hook_paths(&mut self, caps: &[Captured], prop: Props) {
        let (Some(scope), Some(list)) = (
            capture(caps, "hook_paths.scope"),
            capture(caps, "hook_paths.list"),
        ) else {
            return;
        };
        // A string argument, or one wrapped in an argument node (Kotlin's
        // `value_argument`).
        let mut cursor = list.walk();
        let paths: Vec<String> = list
            .named_children(&mut cursor)
            .filter_map(|n| match n.named_child(0) {
                _ if n.kind().contains("string") => Some(n),
                Some(inner) if n.named_child_count() == 1 && inner.kind().contains("string") => {
                    Some(inner)
                }
                _ => None,
            })
            .map(|n| unquote(self.text(n)).to_string())
            .collect();
        let exclude = prop.get("hook_paths.exclude").is_some();
        self.pending
            .hook_paths
            .push((Self::span(scope), exclude, paths));
    }

    /// Each path limit to the hook registrations it is chained on: those
    /// written inside its scope (`registry.addInterceptor(x)` inside
    /// `registry.addInterceptor(x).addPathPatterns(…)`).
    pub(super) fn limit_hook_paths(&mut self) {
        for (scope, exclude, patterns) in std::mem::take(&mut self.pending.hook_paths) {
            for mount in &mut self.facts.mounts {
                if !matches!(mount.child, MountChild::Hook(_)) || !scope.contains(mount.span) {
                    continue;
                }
                let paths = mount.paths.get_or_insert_with(Default::default);
                let list = if exclude {
                    &mut paths.exclude
                } else {
                    &mut paths.include
                };
                list.extend(patterns.iter().cloned());
            }
        }
    }

    pub(super) fn on_mount(&mut self, root: Node<'s>, caps: &[Captured<'s>], prop: Props) {
        let get = |n: &str| capture(caps, n);
        let Some(at) = get("mount").or_else(|| caps.first().map(|c| c.node)) else {
            return;
        };
        if let Some(args) = get("mount.autoload") {
            self.on_autoload(args, get("mount.parent"), at);
            return;
        }
        // `#set! mount.wrapper`: a group made with the enclosing method's
        // parameter as its prefix makes that method a group wrapper.
        if prop.get("mount.wrapper").is_some() {
            if let Some(name) = get("mount.prefix").and_then(|p| self.parameter_of(root, p)) {
                self.facts.group_wrappers.push(name);
            }
            return;
        }
        let child = match get("mount.child") {
            Some(child) => child,
            None if prop.get("mount.global").is_some()
                || prop.get("mount.convention").is_some()
                || prop.get("mount.token_transform").is_some() =>
            {
                at
            }
            None => return,
        };
        // `children: [...modules]`: each element of the module-level list.
        if child.parent().is_some_and(|p| p.kind() == "spread_element") {
            for element in self.module_list(root, child) {
                self.push_mount(root, caps, prop, at, element);
            }
            return;
        }
        self.push_mount(root, caps, prop, at, child);
    }

    /// `register(autoload, { dir: path.join(__dirname, 'routes'), … })`:
    /// `args` are the arguments of the `dir` call.
    fn on_autoload(&mut self, args: Node, parent: Option<Node>, at: Node) {
        let mut cursor = args.walk();
        let dir: Vec<String> = args
            .named_children(&mut cursor)
            .filter(|n| n.kind().contains("string"))
            .map(|n| unquote(self.text(n)).trim_matches('/').to_string())
            .collect();
        let mut autoload = Autoload {
            dir: dir.join("/"),
            dir_prefix: true,
            route_params: false,
        };
        let mut prefix = None;
        // The options object: the `dir` pair's object.
        let options = args
            .parent()
            .and_then(|call| call.parent())
            .and_then(|pair| pair.parent());
        for (key, value) in options.map(|o| self.pairs(o)).unwrap_or_default() {
            match (key, self.text(value)) {
                ("dirNameRoutePrefix", "false") => autoload.dir_prefix = false,
                ("routeParams", "true") => autoload.route_params = true,
                ("options", _) => {
                    for (inner, v) in self.pairs(value) {
                        if inner == "prefix" && v.kind().contains("string") {
                            prefix = Some(self.prefix(v));
                        }
                    }
                }
                _ => {}
            }
        }
        self.facts.mounts.push(MountDecl {
            parent: parent.map(|n| self.reference(n)),
            child: MountChild::Autoload(autoload),
            prefix,
            prefix_replaces: false,
            prefix_is_default: false,
            child_router: true,
            parent_router: false,
            app: false,
            frameworks: vec!["fastify".to_string()],
            framework_only: false,
            pointcut: None,
            paths: None,
            via: None,
            pos: self.pos(at.start_byte()),
            span: Self::span(at),
        });
    }

    /// The `key: value` pairs of an object literal.
    fn pairs<'t>(&self, object: Node<'t>) -> Vec<(&'s str, Node<'t>)> {
        let mut cursor = object.walk();
        object
            .named_children(&mut cursor)
            .filter(|n| n.kind() == "pair")
            .filter_map(|pair| {
                let key = pair.child_by_field_name("key")?;
                let value = pair.child_by_field_name("value")?;
                Some((self.source.get(key.byte_range())?, value))
            })
            .collect()
    }

    /// The identifiers listed in the module-level `const NAME = [A, B]` that
    /// `name` (an identifier in the same file) refers to.
    fn module_list<'t>(&self, root: Node<'t>, name_node: Node<'t>) -> Vec<Node<'t>> {
        let name = self.text(name_node);
        let mut out = Vec::new();
        let mut cursor = root.walk();
        for statement in root.named_children(&mut cursor) {
            let declaration = match statement.kind() {
                "export_statement" => statement.child_by_field_name("declaration"),
                _ => Some(statement),
            };
            let Some(declaration) = declaration else {
                continue;
            };
            let mut inner = declaration.walk();
            for declarator in declaration.named_children(&mut inner) {
                let named = declarator
                    .child_by_field_name("name")
                    .is_some_and(|n| self.text(n) == name);
                let Some(value) = declarator.child_by_field_name("value") else {
                    continue;
                };
                if named && value.kind() == "array" {
                    let mut items = value.walk();
                    out.extend(
                        value
                            .named_children(&mut items)
                            .filter(|n| n.kind() == "identifier"),
                    );
                }
            }
        }
        out
    }

    /// The name a router goes by: a call written in place of a router
    /// (`users.Register(v1.Group("/users"))`, `r.Group("/u").Use(mw).POST(…)`)
    /// is a router of its own when the pattern says so (`#set!
    /// route.positional`, `mount.positional`), named by where it is written
    /// (a chain of calls on it starts at the same place).
    fn router_name(&self, node: Node, positional: bool) -> String {
        if positional && node.kind().starts_with("call") {
            format!("@{}", node.start_byte())
        } else {
            self.reference(node)
        }
    }

    fn push_mount(&mut self, root: Node, caps: &[Captured], prop: Props, at: Node, child: Node) {
        let get = |n: &str| capture(caps, n);
        let child_text = self.text(child);
        let child = if prop.get("mount.global").is_some() {
            MountChild::Everything
        } else if let Some(convention) = prop.get("mount.convention") {
            MountChild::Convention(convention.to_string())
        } else if let Some(transform) = prop.get("mount.token_transform") {
            MountChild::TokenTransform(transform.to_string())
        } else if prop.get("mount.inline").is_some() {
            MountChild::Inline(Self::span(child))
        } else if prop.get("mount.inline_hook").is_some() {
            MountChild::InlineHook(Self::span(child))
        } else if prop.get("mount.hook").is_some() {
            MountChild::Hook(child_text.to_string())
        } else if let Some(template) = prop.get("mount.child_template") {
            MountChild::Module(apply_template(template, unquote(child_text)))
        } else if prop.get("mount.class_string").is_some() {
            // A class named by a string's content (Slim 3's `->add('\\App\\Auth')`,
            // a separator written escaped or not): the name a class constant gives.
            MountChild::Name(self.reference(child).replace("\\\\", "\\"))
        } else if child.kind().contains("string") {
            MountChild::Module(unquote(child_text).to_string())
        } else {
            // `#set! mount.positional "parent"`: only the parent (a group
            // given middleware in a chain, `r.Group("/u").Use(auth())`).
            let positional = prop.get("mount.positional");
            MountChild::Name(self.router_name(child, positional == Some("")))
        };
        let parent = match get("mount.parent") {
            Some(n) => Some(self.router_name(n, prop.get("mount.positional").is_some())),
            None if prop.get("mount.parent_module").is_some() => Some(MODULE_ROUTER.to_string()),
            None if prop.get("mount.parent_chain").is_some() => Some(self.chain_owner(root, at)),
            None => None,
        };
        let default_prefix = prop.get("mount.default_prefix");
        self.facts.mounts.push(MountDecl {
            parent,
            child,
            prefix: get("mount.prefix")
                .map(|n| {
                    let prefix = self.prefix(n);
                    match prefix {
                        Prefix::Literal(p) if prop.get("mount.regex").is_some() => {
                            Prefix::Literal(regex_path(&p))
                        }
                        // A servlet mapping (`/api/*`) serves everything under it.
                        Prefix::Literal(p) if prop.get("mount.servlet").is_some() => {
                            Prefix::Literal(p.trim_end_matches('*').to_string())
                        }
                        // `resources :users do … end`: `users/:user_id`.
                        Prefix::Literal(p) if prop.get("mount.prefix_template").is_some() => {
                            let template = prop.get("mount.prefix_template").unwrap_or("{}");
                            Prefix::Literal(apply_template(template, &p))
                        }
                        other => other,
                    }
                })
                .or_else(|| {
                    prop.get("mount.fixed_prefix")
                        .map(|p| Prefix::Literal(p.to_string()))
                })
                .or_else(|| {
                    // `config.get('apiPrefix')`, `nconf.get('admin:path')`: a
                    // setting, its default among the settings defaults
                    // (`@def.settings`), keys joined by `.`.
                    get("mount.prefix_setting")
                        .map(|n| Prefix::Name(unquote(self.text(n)).replace(':', ".")))
                })
                .or_else(|| default_prefix.map(|p| Prefix::Literal(p.to_string()))),
            prefix_replaces: prop.get("mount.replaces_prefix").is_some(),
            prefix_is_default: default_prefix.is_some() && get("mount.prefix").is_none(),
            child_router: prop.get("mount.router").is_some(),
            parent_router: prop.get("mount.parent_router").is_some(),
            app: prop.get("mount.app").is_some(),
            frameworks: frameworks(prop.get("framework")),
            framework_only: prop.get("mount.framework_only").is_some(),
            pointcut: get("mount.pointcut").map(|n| unquote(self.text(n)).to_string()),
            paths: None,
            via: get("mount.via").map(|n| self.text(n).to_string()),
            span: Self::span(at),
            pos: self.pos(at.start_byte()),
        });
    }
}

impl<'s> Extraction<'s> {
    /// The name of the function `node` is a parameter of, when it is an
    /// identifier naming one of its enclosing function's parameters.
    fn parameter_of(&self, root: Node<'s>, node: Node<'s>) -> Option<String> {
        if node.kind() != "identifier" {
            return None;
        }
        let name = self.text(node);
        let function = self.enclosing_function(root, node)?;
        let params = function.child_by_field_name("parameters")?;
        let mut stack = vec![params];
        while let Some(n) = stack.pop() {
            if n.kind() == "identifier" && self.text(n) == name {
                let own = function.child_by_field_name("name")?;
                return Some(self.text(own).to_string());
            }
            let mut cursor = n.walk();
            stack.extend(n.named_children(&mut cursor));
        }
        None
    }
}

/// `photos.comments` → `photos/{photo}/comments`: each resource but the
/// last is followed by its parameter.
fn nest_resources(path: &str, separator: &str) -> String {
    let parts: Vec<&str> = path.split(separator).collect();
    let mut out = Vec::with_capacity(parts.len() * 2);
    for (i, part) in parts.iter().enumerate() {
        out.push(part.to_string());
        if i + 1 < parts.len() {
            out.push(format!("{{{}}}", singular(part.trim_matches('/'))));
        }
    }
    out.join("/")
}

/// The names passed to a factory call, through calls nested in its
/// arguments and in its callee (`csrf.Protect(key)(handler.User(view))`
/// gives `key`, `view`), in order. A call given names of its own is searched
/// in turn; one given none is a factory (`chain.ToHandlerFunc(ctrl.HandleList(),
/// mw...)`): the function it calls, whose result is the handler wrapped.
fn wrapped_functions(node: Node) -> Vec<Node> {
    let mut out = Vec::new();
    let mut stack = vec![node];
    // Bounded: a generated file can nest calls arbitrarily deep.
    while let Some(call) = stack.pop().filter(|_| out.len() < 16) {
        if !call.kind().starts_with("call") {
            continue;
        }
        let mut args = call_arguments(call);
        for arg in &args {
            if is_name(*arg) {
                out.push(*arg);
            } else if let Some(callee) = factory_callee(*arg) {
                out.push(callee);
            }
        }
        // Inner calls after this one's own names: the callee's first.
        args.retain(|a| a.kind().starts_with("call") && factory_callee(*a).is_none());
        stack.extend(args.into_iter().rev());
        stack.extend(call.child_by_field_name("function"));
    }
    out
}

/// A call's arguments, in order.
pub(super) fn call_arguments(call: Node) -> Vec<Node> {
    call.child_by_field_name("arguments")
        .map(|a| {
            let mut cursor = a.walk();
            a.named_children(&mut cursor).collect()
        })
        .unwrap_or_default()
}

/// A name a function can be found by: `view`, `pkg.View`, `h.app.View`; not
/// a field of a call's result (`apper.App().keys.CSRFKey`: a value).
fn is_name(node: Node) -> bool {
    match node.kind() {
        "identifier" => true,
        "selector_expression" => node.child_by_field_name("operand").is_some_and(is_name),
        _ => false,
    }
}

/// The function a call given no names calls (`ctrl.HandleList()`,
/// `h.Base(func() bool { … })`).
fn factory_callee(node: Node) -> Option<Node> {
    if !node.kind().starts_with("call") {
        return None;
    }
    let callee = node
        .child_by_field_name("function")
        .filter(|f| is_name(*f))?;
    let given_names = call_arguments(node)
        .into_iter()
        .any(|a| is_name(a) || a.kind().starts_with("call"));
    (!given_names).then_some(callee)
}

/// A handler wrapped in a call (`asyncHandler(async (req, res) => …)`,
/// `catchErrors(ctrl.list)`) is the function passed to the wrapper; a
/// middleware factory (`auth.requireRole('admin')`) stays the call.
fn unwrap_handler(node: Node) -> Node {
    let mut current = node;
    // A loop, not recursion: wrappers can nest arbitrarily deep.
    loop {
        if !current.kind().starts_with("call") {
            return current;
        }
        let Some(args) = current.child_by_field_name("arguments") else {
            return current;
        };
        let mut cursor = args.walk();
        let last = args.named_children(&mut cursor).last();
        match last {
            Some(arg)
                if matches!(
                    arg.kind(),
                    "arrow_function"
                        | "function_expression"
                        | "function"
                        | "identifier"
                        | "member_expression"
                ) =>
            {
                return arg;
            }
            // `asyncHandler(makeUploadHandler())`: the factory call is the handler.
            Some(arg) if arg.kind().starts_with("call") => current = arg,
            _ => return current,
        }
    }
}

/// A regular-expression path (Django `re_path`/`url`) as a readable path:
/// anchors dropped (`^api/` → `api/`, `^$` → ``), an optional trailing slash
/// `/?` dropped (the path is reported without it), named groups
/// `(?P<slug>[-\w]+)` rendered `<slug>`, unnamed groups `<arg1>`, `<arg2>`…
/// in order, escaped punctuation unescaped (`sitemap\.xml`), and a segment
/// that is still a pattern after that (`[^/]*`, `page-\d+`) rendered `<_>`
/// (`.*` as `*`).
pub fn regex_path(pattern: &str) -> String {
    let mut p = pattern.strip_prefix('^').unwrap_or(pattern);
    if p.ends_with('$') && !p.ends_with("\\$") {
        p = &p[..p.len() - 1];
    }
    if let Some(rest) = p.strip_suffix("/?") {
        p = rest;
    }
    let chars: Vec<char> = p.chars().collect();
    let mut out = String::with_capacity(p.len());
    let mut segment = String::new();
    let mut raw = String::new();
    let mut is_pattern = false;
    let mut n_args = 0;
    let mut i = 0;
    let flush =
        |out: &mut String, segment: &mut String, raw: &mut String, is_pattern: &mut bool| {
            if *is_pattern {
                out.push_str(if matches!(raw.as_str(), ".*" | ".+" | "(.*)" | "(.+)") {
                    "*"
                } else {
                    "<_>"
                });
            } else {
                out.push_str(segment);
            }
            segment.clear();
            raw.clear();
            *is_pattern = false;
        };
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        match c {
            '\\' => {
                match chars.get(i + 1) {
                    Some(e) if !e.is_alphanumeric() => segment.push(*e),
                    Some(_) => is_pattern = true,
                    None => {}
                }
                i += 2;
            }
            '(' => {
                let end = group_end(&chars, i);
                let inner: String = chars[i + 1..end.min(chars.len())].iter().collect();
                match inner.strip_prefix("?P<").and_then(|r| r.split_once('>')) {
                    Some((name, _)) => segment.push_str(&format!("<{name}>")),
                    None if inner.starts_with('?') => is_pattern = true,
                    None => {
                        n_args += 1;
                        segment.push_str(&format!("<arg{n_args}>"));
                    }
                }
                i = skip_quantifier(&chars, end + 1);
            }
            '[' => {
                is_pattern = true;
                i = skip_quantifier(&chars, class_end(&chars, i) + 1);
            }
            '/' => {
                flush(&mut out, &mut segment, &mut raw, &mut is_pattern);
                out.push('/');
                i += 1;
                continue;
            }
            '.' | '*' | '+' | '?' | '{' | '}' | '|' | '^' | '$' => {
                is_pattern = true;
                i += 1;
            }
            _ => {
                segment.push(c);
                i += 1;
            }
        }
        raw.extend(&chars[start..i.min(chars.len())]);
    }
    flush(&mut out, &mut segment, &mut raw, &mut is_pattern);
    out
}

/// The index of the `)` that closes the group opened at `open` (or the end).
fn group_end(chars: &[char], open: usize) -> usize {
    let mut depth = 0usize;
    let mut i = open;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' => i = class_end(chars, i),
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
        i += 1;
    }
    chars.len()
}

/// The index of the `]` that closes the character class opened at `open`.
fn class_end(chars: &[char], open: usize) -> usize {
    let mut i = open + 1;
    // `[]…]` and `[^]…]`: a `]` first in the class is a member.
    if chars.get(i) == Some(&'^') {
        i += 1;
    }
    if chars.get(i) == Some(&']') {
        i += 1;
    }
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            ']' => return i,
            _ => {}
        }
        i += 1;
    }
    chars.len()
}

/// Past a quantifier (`*`, `+`, `?`, `{m,n}`, and a lazy `?`) at `i`.
fn skip_quantifier(chars: &[char], mut i: usize) -> usize {
    match chars.get(i) {
        Some('*' | '+' | '?') => i += 1,
        Some('{') => {
            while i < chars.len() && chars[i] != '}' {
                i += 1;
            }
            i += 1;
        }
        _ => return i,
    }
    if chars.get(i) == Some(&'?') {
        i += 1;
    }
    i
}

/// Patterns that match the same declaration node describe one route: their
/// methods are merged (`@bp.route` + `methods=[...]`), the rest is taken
/// from the first pattern that has it.
pub(super) fn merge_routes(routes: &mut Vec<RouteDecl>) {
    routes.sort_by_key(|r| (r.span.start, r.span.end));
    let mut merged: Vec<RouteDecl> = Vec::with_capacity(routes.len());
    for route in routes.drain(..) {
        match merged.last_mut() {
            Some(last) if last.span == route.span => {
                for m in route.methods {
                    if !last.methods.contains(&m) {
                        last.methods.push(m);
                    }
                }
                if last.handlers.is_empty() {
                    last.handlers = route.handlers;
                    last.wrapped = route.wrapped;
                }
                if last.path.is_none() && last.path_expr.is_none() {
                    last.path_expr = route.path_expr;
                }
                match (&last.path, route.path) {
                    (None, Some(path)) => {
                        last.path = Some(path);
                        last.path_is_regex = route.path_is_regex;
                    }
                    // Two templates on one declaration (`[Route("a")] [Route("b")]`).
                    (Some(first), Some(path))
                        if *first != path && !last.extra_paths.contains(&path) =>
                    {
                        last.extra_paths.push(path);
                    }
                    _ => {}
                }
                if last.tokens.is_empty() {
                    last.tokens = route.tokens;
                }
                last.rooted |= route.rooted;
                last.class_methods |= route.class_methods;
                last.shallow = last.shallow.take().or(route.shallow);
                last.convention = last.convention.take().or(route.convention);
                last.router = last.router.take().or(route.router);
                last.class_router = last.class_router.take().or(route.class_router);
                last.default_method = last.default_method.take().or(route.default_method);
                last.actions = last.actions.take().or(route.actions);
                if last.only.is_empty() {
                    last.only = route.only;
                }
                if last.except.is_empty() {
                    last.except = route.except;
                }
                last.resource = last.resource.take().or(route.resource);
                last.every_action |= route.every_action;
                last.requires_import = last.requires_import.take().or(route.requires_import);
                last.table = last.table.take().or(route.table);
                for skipped in route.without {
                    if !last.without.contains(&skipped) {
                        last.without.push(skipped);
                    }
                }
                for option in route.options {
                    if !last.options.contains(&option) {
                        last.options.push(option);
                    }
                }
                // A script that qualifies without its includes is no mere page.
                last.fs = match (last.fs.take(), route.fs) {
                    (Some(mut first), Some(other)) => {
                        first.page &= other.page;
                        Some(first)
                    }
                    (first, other) => first.or(other),
                };
                last.event = last.event.take().or(route.event);
                last.path_optional |= route.path_optional;
                last.strip_trailing_slash |= route.strip_trailing_slash;
                last.frameworks = common_frameworks(&last.frameworks, route.frameworks);
            }
            _ => merged.push(route),
        }
    }
    *routes = merged;
}

/// The candidate frameworks of two patterns matching one declaration,
/// whichever matched first: those both allow (gorilla/mux's
/// `r.HandleFunc(..).Methods(..)` is also net/http's or chi's
/// `r.HandleFunc(..)`), else the shorter list; either list leads the same.
fn common_frameworks(a: &[String], b: Vec<String>) -> Vec<String> {
    if a.is_empty() {
        return b;
    }
    if b.is_empty() {
        return a.to_vec();
    }
    let (lead, other) = if (a.len(), a) <= (b.len(), &b[..]) {
        (a, &b[..])
    } else {
        (&b[..], a)
    };
    let both: Vec<String> = lead.iter().filter(|f| other.contains(f)).cloned().collect();
    if both.is_empty() {
        lead.to_vec()
    } else {
        both
    }
}

/// A mount matched with and without its prefix keyword is one mount (a
/// written prefix wins over none and over the framework's default).
pub(super) fn dedup_mounts(mounts: &mut Vec<MountDecl>) {
    mounts.sort_by(|a, b| {
        (
            a.pos,
            format!("{:?}", a.child),
            a.prefix.is_none(),
            a.prefix_is_default,
        )
            .cmp(&(
                b.pos,
                format!("{:?}", b.child),
                b.prefix.is_none(),
                b.prefix_is_default,
            ))
    });
    // A function called with routers is matched once per argument: each
    // argument is a mount of its own.
    mounts.dedup_by(|later, first| {
        later.pos == first.pos
            && later.child == first.child
            && (!later.parent_router || later.parent == first.parent)
    });
}

/// Whether `node` has a named child of `kind`.
fn has_child(node: Node, kind: &str) -> bool {
    let mut cursor = node.walk();
    let found = node.named_children(&mut cursor).any(|c| c.kind() == kind);
    found
}

/// Text with `$name` substitutions (Kotlin): literal pieces and names.
fn simple_substitutions(text: &str) -> Vec<Prefix> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(dollar) = rest.find('$') {
        let after = &rest[dollar + 1..];
        let len = after
            .char_indices()
            .find(|&(i, c)| !(c == '_' || c.is_alphanumeric()) || (i == 0 && c.is_numeric()))
            .map_or(after.len(), |(i, _)| i);
        if len == 0 {
            pieces.push(Prefix::Literal(rest[..=dollar].to_string()));
            rest = after;
            continue;
        }
        if dollar > 0 {
            pieces.push(Prefix::Literal(rest[..dollar].to_string()));
        }
        pieces.push(Prefix::Name(after[..len].to_string()));
        rest = &after[len..];
    }
    if !rest.is_empty() {
        pieces.push(Prefix::Literal(rest.to_string()));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::{common_frameworks, regex_path};

    #[test]
    fn resources_nest_and_singularize() {
        assert_eq!(crate::extract::text::singular("photos"), "photo");
        assert_eq!(crate::extract::text::singular("categories"), "category");
        assert_eq!(crate::extract::text::singular("addresses"), "address");
        assert_eq!(crate::extract::text::singular("status"), "status");
        assert_eq!(crate::extract::text::singular("staff"), "staff");
        assert_eq!(
            super::nest_resources("photos.comments", "."),
            "photos/{photo}/comments"
        );
    }

    #[test]
    fn regex_paths_read_as_paths() {
        for (regex, path) in [
            ("^api/", "api/"),
            ("^$", ""),
            ("^", ""),
            (
                r"^articles/(?P<article_slug>[-\w]+)/comments/?$",
                "articles/<article_slug>/comments",
            ),
            (r"^profiles/(?P<username>\w+)/?$", "profiles/<username>"),
            (r"^tags/?$", "tags"),
            (r"^sitemap\.xml$", "sitemap.xml"),
            (
                r"^images/([^/]*)/(\d*)/([^/]*)/[^/]*$",
                "images/<arg1>/<arg2>/<arg3>/<_>",
            ),
            (r"^media/(?P<path>.*)$", "media/<path>"),
            (r"^static/.*$", "static/*"),
            (r"^page-\d+/$", "<_>/"),
            (r"^(?P<id>\d+)?/x$", "<id>/x"),
            (r"^a/(?:b|c)/$", "a/<_>/"),
            ("^legacy/(?P<id>\\d+)/$", "legacy/<id>/"),
            ("(unbalanced", "<arg1>"),
            ("[unclosed", "<_>"),
            ("\\", ""),
        ] {
            assert_eq!(regex_path(regex), path, "{regex}");
        }
    }

    #[test]
    fn frameworks_of_one_declaration_do_not_depend_on_match_order() {
        let list = |s: &str| s.split('|').map(String::from).collect::<Vec<_>>();
        let any = list("net/http|chi|gorilla/mux");
        let mux = list("gorilla/mux");
        assert_eq!(common_frameworks(&any, mux.clone()), mux);
        assert_eq!(common_frameworks(&mux, any.clone()), mux);
        assert_eq!(common_frameworks(&[], any.clone()), any);
        assert_eq!(common_frameworks(&any, Vec::new()), any);
        let (gin, echo) = (list("gin"), list("echo"));
        assert_eq!(common_frameworks(&gin, echo.clone()), echo);
        assert_eq!(common_frameworks(&echo, gin), echo);
    }
}
