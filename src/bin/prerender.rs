//! Writes the readable pages into a built bundle (`heapwise::prerender`):
//! the catalogue into its index.html, and each exercise's page into
//! `exercise/<slug>/index.html`, from the very data files the page fetches
//! (`data/<slug>-<hash>.bin`, named in each card). The servers answer `/exercise/<slug>` with
//! that file (static-server.mjs and nginx try `$uri/index.html` first).
//!
//!   cargo run --bin prerender -- DIST
//!
//! Run by Trunk's post_build hook after index.html is stamped and before
//! the service worker's file list is made (Trunk.toml).

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let Some(dist) = std::env::args_os().nth(1).or_else(|| std::env::var_os("TRUNK_STAGING_DIR")) else {
        eprintln!("prerender: give the bundle's directory (or run as a Trunk hook, which sets $TRUNK_STAGING_DIR)");
        return std::process::ExitCode::from(2);
    };
    match native::write_pages(std::path::Path::new(&dist)) {
        Ok(summary) => {
            println!("prerender: {summary}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("prerender: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::fs;
    use std::path::Path;

    use heapwise::content::{Card, ExerciseData};
    use heapwise::exercises::{card, PAGES};
    use heapwise::page::words::{document_title as title, PRERENDERED_ID};
    use heapwise::prerender::{self, into_page};

    pub fn write_pages(dist: &Path) -> Result<String, String> {
        let index = dist.join("index.html");
        let shell = fs::read_to_string(&index).map_err(|e| format!("reading {}: {e}", index.display()))?;
        if shell.contains(&format!("id=\"{PRERENDERED_ID}\"")) {
            return Err(format!("{} is prerendered already: build the bundle again", index.display()));
        }
        let cards: Vec<&'static Card> = PAGES.iter().filter_map(|entry| card(entry.slug)).collect();
        let unreadable = |what: &str| format!("{} has no <title> or <body> to put {what} in", index.display());
        let catalogue = into_page(&shell, &title(None), None, &prerender::catalogue(&cards))
            .ok_or_else(|| unreadable("the catalogue"))?;
        let mut written = vec![catalogue.len()];
        for (at, entry) in PAGES.iter().enumerate() {
            let Some(this) = card(entry.slug) else { continue };
            // The file the page fetches: build.rs names it after its bytes, the
            // same in this native build as in the page's.
            let file = dist.join("data").join(this.data_file);
            let bytes = fs::read(&file)
                .map_err(|e| format!("reading {} (run after copy-exercise-data.mjs): {e}", file.display()))?;
            let data = ExerciseData::read(&bytes).map_err(|e| format!("data/{}: {e}", this.data_file))?;
            let neighbour = |to: Option<usize>| {
                let entry = PAGES.get(to?)?;
                Some((entry.slug, card(entry.slug).map_or(entry.slug, |c| c.title)))
            };
            let body = prerender::exercise(
                this,
                &data.content,
                &data.programs,
                &entry.module_path(),
                [neighbour(at.checked_sub(1)), neighbour(Some(at + 1))],
            );
            let page = into_page(&shell, &title(Some(&data.content.title)), Some(this.summary), &body)
                .ok_or_else(|| unreadable(entry.slug))?;
            let dir = dist.join("exercise").join(entry.slug);
            fs::create_dir_all(&dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
            fs::write(dir.join("index.html"), &page).map_err(|e| format!("writing {}: {e}", dir.display()))?;
            written.push(page.len());
        }
        fs::write(&index, &catalogue).map_err(|e| format!("writing {}: {e}", index.display()))?;
        let bytes: usize = written.iter().sum();
        Ok(format!(
            "the catalogue into index.html ({} B) and {} exercise pages into exercise/ ({} B in all)",
            written[0],
            written.len() - 1,
            bytes - written[0]
        ))
    }
}
