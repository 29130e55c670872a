//! The page's three kinds of address: the catalogue, one per exercise, and
//! everything else (`ui::router` keeps the location and the History API).

/// A route of the app, named by the path below its base.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Exercise { slug: String },
    NotFound,
}

impl Route {
    /// The path below the base, as an `href` would have it.
    pub fn to_path(&self) -> String {
        match self {
            Route::Home => "/".to_string(),
            Route::Exercise { slug } => crate::link::exercise_path(slug),
            Route::NotFound => "/404".to_string(),
        }
    }

    /// The route a path below the base names (`%xx` in a slug decoded).
    pub fn recognize(path: &str) -> Route {
        let path = match path.strip_suffix('/') {
            Some(trimmed) if !trimmed.is_empty() => trimmed,
            _ => path,
        };
        match path {
            // `/index.html`: the file a bookmark or a server's own index may name.
            "" | "/" | "/index.html" => Route::Home,
            _ => match path.strip_prefix("/exercise/") {
                Some(slug) if !slug.is_empty() && !slug.contains('/') => {
                    Route::Exercise { slug: crate::link::percent_decode(slug) }
                }
                _ => Route::NotFound,
            },
        }
    }
}

/// The path below the app's base (`/course/heapwise`, no final `/`; `None`
/// when the app is served from the root), or `/404` for a path outside it.
pub fn below_base(path: &str, base: Option<&str>) -> String {
    match base {
        Some(base) => match path.strip_prefix(base) {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => rest.to_string(),
            // Outside the base: no route of ours.
            _ => "/404".to_string(),
        },
        None => path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exercise(slug: &str) -> Route {
        Route::Exercise { slug: slug.to_string() }
    }

    #[test]
    fn the_catalogue_answers_to_its_usual_names() {
        for path in ["", "/", "/index.html", "/index.html/"] {
            assert_eq!(Route::recognize(path), Route::Home, "{path:?}");
        }
    }

    #[test]
    fn an_exercise_path_names_its_slug_decoded_with_or_without_a_final_slash() {
        assert_eq!(Route::recognize("/exercise/slots-vs-dict"), exercise("slots-vs-dict"));
        assert_eq!(Route::recognize("/exercise/slots-vs-dict/"), exercise("slots-vs-dict"));
        assert_eq!(Route::recognize("/exercise/a%20b"), exercise("a b"));
    }

    #[test]
    fn anything_else_is_not_found() {
        for path in ["/exercise", "/exercise/", "/exercise//", "/exercise/a/b", "/exercises/a", "/404", "/index.htm"] {
            assert_eq!(Route::recognize(path), Route::NotFound, "{path:?}");
        }
    }

    #[test]
    fn every_route_names_itself() {
        for route in [Route::Home, exercise("slots-vs-dict"), Route::NotFound] {
            assert_eq!(Route::recognize(&route.to_path()), route);
        }
    }

    #[test]
    fn a_path_below_the_base_keeps_its_slash_and_one_outside_it_is_not_found() {
        assert_eq!(below_base("/exercise/x", None), "/exercise/x");
        assert_eq!(below_base("/course/heapwise/exercise/x", Some("/course/heapwise")), "/exercise/x");
        assert_eq!(below_base("/course/heapwise", Some("/course/heapwise")), "");
        assert_eq!(below_base("/course/heapwise/", Some("/course/heapwise")), "/");
        // A prefix of the name is not the base.
        assert_eq!(below_base("/course/heapwiser/exercise/x", Some("/course/heapwise")), "/404");
        assert_eq!(below_base("/elsewhere", Some("/course/heapwise")), "/404");
    }
}
