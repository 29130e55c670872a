//! The catalogue and every exercise page as static HTML, written into the
//! bundle at build time (`src/bin/prerender.rs`), so a page is readable as
//! soon as its HTML is parsed: before the page's wasm has arrived, and
//! without JavaScript at all.
//!
//! The markup is the app's own for a browser with nothing saved (the same
//! elements and classes as `ui::catalogue` and `ui::exercise_page`, without
//! their `data-testid`s), so when the app has drawn the same page it
//! replaces this one (`ui::prerendered`) and nothing moves. What needs the
//! app (running, sweeps, the Python workspace, answering the quiz) says it
//! is loading; the text is all here: the task, hints folded one by one, the
//! solution, the explanation, the quiz with its answers folded, the
//! predictions, and the Rust that runs (not coloured: the colours double
//! its bytes). tests/e2e/prerender.test.mjs checks
//! that the app's page says the same.
//!
//! Links are relative to the page's `<base href>` (Trunk writes the public
//! URL there), so the bundle may be served below any path.

use std::fmt::Write as _;

use crate::catalogue_filter::{origin_choices, tag_choices, Card as Filtered};
use crate::content::{Card, Content, Programs, GROUPS};
use crate::page::words::{source_note, FOOTER, LEAD, PREDICT_INTRO, PRERENDERED_ID, RECORDED, TAGLINE};
use crate::recordings::escape;

/// The `href` of an exercise, relative to `<base href>`.
fn exercise_href(slug: &str) -> String {
    crate::link::exercise_path(slug).trim_start_matches('/').to_string()
}

/// The header, `main` around `body`, and the footer, as `ui::Layout` draws
/// them, in the element the app replaces.
fn layout(body: &str) -> String {
    format!(
        "<div id=\"{PRERENDERED_ID}\">\
         <header class=\"site-header\"><a class=\"brand\" href=\"./\">Heapwise</a>\
         <span class=\"tagline\">{TAGLINE}</span>\
         <button type=\"button\" class=\"theme-switch\" disabled><span aria-hidden=\"true\">\u{2600} </span>Dark colours</button>\
         </header><main>{body}</main>\
         <footer class=\"site-footer\"><p>{FOOTER}</p></footer></div>"
    )
}

/// A card's difficulty, origin and tags (`ui::badges`).
fn badges(out: &mut String, card: &Card) {
    let (name, origin, tags) = (card.difficulty.name(), card.origin, card.tags);
    let _ = write!(out, "<p class=\"meta\"><span class=\"badge {}\">{name}</span>", name.to_ascii_lowercase());
    for o in origin {
        let _ = write!(out, "<span class=\"badge origin\">{}</span>", escape(o));
    }
    for t in tags {
        let _ = write!(out, "<span class=\"tag\">{}</span>", escape(t));
    }
    out.push_str("</p>");
}

/// The catalogue as the app first draws it for a new student: every card,
/// nothing filtered, no progress; the filters shown but disabled until the
/// app has loaded.
pub fn catalogue(cards: &[&'static Card]) -> String {
    let filtered: Vec<Filtered<&'static str>> = cards.iter().map(|c| Filtered::from(*c)).collect();
    let total = cards.len();
    let mut out = String::new();
    let _ = write!(
        out,
        "<div class=\"catalogue\"><header class=\"intro\"><h1 tabindex=\"-1\">Heapwise</h1><p class=\"lead\">{LEAD}</p></header>"
    );
    out.push_str("<section class=\"glance\" aria-label=\"Your progress\">");
    for (id, label) in [("glance-measured", "Measured"), ("glance-solved", "Solved in Python")] {
        let _ = write!(
            out,
            "<div class=\"glance-item\"><label for=\"{id}\">{label}: 0 of {total}</label>\
             <progress id=\"{id}\" max=\"{total}\" value=\"0\"></progress></div>"
        );
    }
    out.push_str("</section>");
    filters(&mut out, &filtered);
    let _ = write!(out, "<p class=\"filter-count\">{total} of {total} shown</p>");
    for (g, name) in GROUPS.iter().enumerate() {
        let members: Vec<&&'static Card> = cards.iter().filter(|c| c.group_name() == Some(*name)).collect();
        if members.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "<section class=\"group\" aria-labelledby=\"group-{g}\"><h2 id=\"group-{g}\">{}. {}</h2><ul class=\"cards\">",
            g + 1,
            escape(name)
        );
        for card in members {
            let _ = write!(
                out,
                "<li class=\"card exercise-card new\"><a class=\"card-link\" href=\"{}\"><h3>{}</h3></a><p>{}</p>",
                exercise_href(card.slug),
                escape(card.title),
                escape(card.summary)
            );
            badges(&mut out, card);
            out.push_str("<p class=\"progress-state\"></p></li>");
        }
        out.push_str("</ul></section>");
    }
    out.push_str("</div>");
    layout(&out)
}

/// `ui::catalogue_filters`' controls, every one disabled: they work once
/// the app has loaded.
fn filters(out: &mut String, cards: &[Filtered<&str>]) {
    let select = |out: &mut String, id: &str, label: &str, options: Vec<String>| {
        let _ = write!(out, "<div class=\"filter\"><label for=\"{id}\">{label}</label><select id=\"{id}\" disabled>");
        for (i, option) in options.iter().enumerate() {
            let selected = if i == 0 { " selected" } else { "" };
            let _ = write!(out, "<option{selected}>{}</option>", escape(option));
        }
        out.push_str("</select></div>");
    };
    out.push_str(
        "<section class=\"filters\" aria-labelledby=\"filters-heading\">\
         <h2 id=\"filters-heading\" class=\"visually-hidden\">Find an exercise</h2>\
         <div class=\"filter search-filter\"><label for=\"filter-search\">Search titles, summaries, tags and origins</label>\
         <input id=\"filter-search\" type=\"search\" disabled autocomplete=\"off\" spellcheck=\"false\"></div>\
         <details class=\"more-filters\"><summary>More filters</summary><div class=\"filter-row\">",
    );
    let groups = std::iter::once("All groups".to_string())
        .chain(GROUPS.iter().enumerate().map(|(i, name)| format!("{}. {name}", i + 1)))
        .collect();
    select(out, "filter-group", "Group", groups);
    let origins =
        std::iter::once("Anywhere in the course".to_string()).chain(origin_choices(cards).into_iter().map(|(_, l)| l));
    select(out, "filter-origin", "Origin", origins.collect());
    let difficulties = ["Any difficulty", "Easy", "Medium", "Hard"].map(String::from).to_vec();
    select(out, "filter-difficulty", "Difficulty", difficulties);
    select(out, "filter-tag", "Tag", std::iter::once("Any tag".to_string()).chain(tag_choices(cards)).collect());
    out.push_str(
        "<div class=\"filter check-filter\"><input id=\"filter-unsolved\" type=\"checkbox\" disabled>\
         <label for=\"filter-unsolved\">Not solved yet</label></div>\
         <button type=\"button\" class=\"secondary clear-filters\" disabled>Clear filters</button>\
         </div></details></section>",
    );
}

/// A source as `ui::code` shows it, without its colours: they double its
/// bytes, and the app colours it when it takes the page over.
fn code(out: &mut String, text: &str, language: &str, class: &str) {
    let class = if class.is_empty() { String::new() } else { format!(" class=\"{class}\"") };
    let _ = write!(out, "<pre{class} tabindex=\"0\"><code class=\"language-{language}\">{}</code></pre>", escape(text));
}

fn markdown(out: &mut String, html: &str) {
    let _ = write!(out, "<div class=\"markdown\">{html}</div>");
}

/// What the static page says where the app's controls will be.
pub const LOADING: &str =
    "Measuring starts once the page\u{2019}s code has loaded: it needs JavaScript and WebAssembly.";

/// One exercise page as the app draws it for a new student, every section
/// folded that the app folds, with `<details>` in place of the app's
/// buttons. `module_path` is the Rust file shown; `neighbours` the previous
/// and next exercise (slug, title) in the catalogue's order.
pub fn exercise(
    card: &Card,
    content: &Content,
    programs: &Programs,
    module_path: &str,
    neighbours: [Option<(&str, &str)>; 2],
) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<article class=\"exercise\"><nav class=\"crumbs\"><a href=\"./\">\u{2190} All exercises</a></nav>\
         <header class=\"exercise-head\"><h1 tabindex=\"-1\">{}</h1>",
        escape(&content.title)
    );
    badges(&mut out, card);
    out.push_str("</header><div class=\"columns\"><div class=\"task-area\">");
    out.push_str("<section class=\"card task\" aria-labelledby=\"task-heading\"><h2 id=\"task-heading\">Task</h2>");
    markdown(&mut out, &content.task);
    let _ = write!(
        out,
        "<button type=\"button\" class=\"secondary write-python\" disabled>Write it in Python \u{2193}</button>\
         <details class=\"starter\"><summary>Starter code (Python)</summary><pre><code class=\"language-python\">{}</code></pre></details></section>",
        escape(content.starter.trim())
    );
    if !content.predict.is_empty() {
        out.push_str(
            "<section class=\"card predict\" aria-labelledby=\"predict-heading\"><h2 id=\"predict-heading\">Predict the output</h2>",
        );
        let _ = write!(out, "<p>{PREDICT_INTRO}</p><ol>");
        for statement in &content.predict {
            let _ = write!(out, "<li class=\"statement\"><code>{}</code></li>", escape(&statement.statement));
        }
        out.push_str("</ol></section>");
    }
    let _ = write!(
        out,
        "</div><div class=\"measure-column\"><section class=\"card run-panel\" aria-labelledby=\"run-heading\">\
         <h2 id=\"run-heading\">Measure it</h2><p class=\"fine\" role=\"status\">{LOADING}</p></section></div>\
         <div class=\"rest-area\"><section class=\"card hints\" aria-labelledby=\"hints-heading\"><h2 id=\"hints-heading\">Hints</h2><ol>"
    );
    for (i, hint) in content.hints.iter().enumerate() {
        let _ = write!(out, "<li><details><summary>Hint {} of {}</summary>", i + 1, content.hints.len());
        markdown(&mut out, hint);
        out.push_str("</details></li>");
    }
    out.push_str("</ol></section>");
    out.push_str("<section class=\"card reveal\"><h2>Solution</h2><details><summary>Show the solution</summary>");
    markdown(&mut out, &content.solution);
    out.push_str("<h3>Reference program (Python)</h3>");
    code(&mut out, &programs.python, "python", "");
    let _ = write!(
        out,
        "<h3>What it printed</h3><p class=\"fine\">{RECORDED}</p><pre class=\"output\" tabindex=\"0\"><code>{}</code></pre>\
         <p class=\"fine\">Expected last line: {}</p>",
        escape(&programs.python_output),
        escape(&content.expected_output)
    );
    markdown(&mut out, &programs.recordings);
    out.push_str("</details></section>");
    out.push_str("<section class=\"card reveal\"><h2>Explanation</h2><details><summary>Show the explanation</summary>");
    markdown(&mut out, &content.explanation);
    out.push_str("</details></section>");
    if !content.quiz.is_empty() {
        out.push_str(
            "<section class=\"card quiz\" aria-labelledby=\"quiz-heading\"><h2 id=\"quiz-heading\">Check yourself</h2>",
        );
        for question in &content.quiz {
            out.push_str("<fieldset><legend>");
            markdown(&mut out, &question.question);
            out.push_str("</legend><ol>");
            for choice in &question.choices {
                out.push_str("<li>");
                markdown(&mut out, choice);
                out.push_str("</li>");
            }
            out.push_str("</ol><details><summary>The answer</summary>");
            if let Some(answer) = question.choices.get(question.answer) {
                markdown(&mut out, answer);
            }
            markdown(&mut out, &question.why);
            out.push_str("</details></fieldset>");
        }
        out.push_str("</section>");
    }
    out.push_str("</div></div>");
    out.push_str(
        "<section class=\"card code\" aria-labelledby=\"code-heading\"><h2 id=\"code-heading\">The Rust that runs</h2>",
    );
    markdown(&mut out, &content.rust_notes);
    let _ = write!(out, "<p class=\"fine\">{}</p>", escape(&source_note(module_path)));
    code(&mut out, &programs.source, "rust", "source");
    out.push_str("</section><nav class=\"neighbours\" aria-label=\"Previous and next exercise\">");
    let [previous, next] = neighbours;
    if let Some((slug, title)) = previous {
        let _ =
            write!(out, "<span><a href=\"{}\">\u{2190} Previous: {}</a></span>", exercise_href(slug), escape(title));
    }
    if let Some((slug, title)) = next {
        let _ = write!(out, "<span><a href=\"{}\">Next: {} \u{2192}</a></span>", exercise_href(slug), escape(title));
    }
    out.push_str("</nav></article>");
    layout(&out)
}

/// `page` (the bundle's index.html) with `body` as the first thing in its
/// `<body>`, `title` as its title, and `description` (if any) as its
/// description; `None` if the page has no `<body>` or `<title>`.
pub fn into_page(page: &str, title: &str, description: Option<&str>, body: &str) -> Option<String> {
    let open = page.find("<title>")?;
    let close = open + page[open..].find("</title>")?;
    let mut out = format!("{}<title>{}{}", &page[..open], escape(title), &page[close..]);
    if let Some(description) = description {
        let key = "<meta name=\"description\" content=\"";
        let start = out.find(key)? + key.len();
        let end = start + out[start..].find('"')?;
        out.replace_range(start..end, &escape(description));
    }
    let body_at = out.find("<body>")? + "<body>".len();
    out.insert_str(body_at, body);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercises::{card, CARDS, PAGES};

    #[test]
    fn the_catalogue_lists_every_card_once_by_group_with_its_link() {
        let cards: Vec<&Card> = PAGES.iter().filter_map(|e| card(e.slug)).collect();
        let html = catalogue(&cards);
        assert_eq!(html.matches("<li class=\"card exercise-card new\">").count(), CARDS.len());
        for c in &cards {
            let link = format!("href=\"exercise/{}\"", c.slug);
            assert_eq!(html.matches(&link).count(), 1, "{}", c.slug);
            assert!(html.contains(&escape(c.summary)), "{}", c.slug);
        }
        // Groups in course order, each once.
        let at: Vec<usize> = GROUPS.iter().map(|g| html.find(&escape(g)).expect("every group has cards")).collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
        assert!(html.starts_with("<div id=\"prerendered\">") && html.ends_with("</div>"));
    }

    #[test]
    fn a_page_gets_its_title_description_and_body() {
        let shell = "<html><head><title>Old</title><meta name=\"description\" content=\"old\" /></head><body>\n<noscript>x</noscript></body></html>";
        let page = into_page(shell, "A < B · Heapwise", Some("Says \"this\""), "<p>hi</p>").unwrap();
        assert_eq!(
            page,
            "<html><head><title>A &lt; B · Heapwise</title><meta name=\"description\" content=\"Says &quot;this&quot;\" /></head>\
             <body><p>hi</p>\n<noscript>x</noscript></body></html>"
        );
        assert_eq!(into_page("<html><body></body></html>", "t", None, ""), None, "no title");
        assert_eq!(into_page("<title>t</title>", "t", None, ""), None, "no body");
    }

    #[test]
    fn code_is_escaped() {
        let mut out = String::new();
        code(&mut out, "a<b", "python", "");
        assert_eq!(out, "<pre tabindex=\"0\"><code class=\"language-python\">a&lt;b</code></pre>");
    }
}
