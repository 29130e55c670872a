//! Writes the readable pages into a built bundle (`heapwise::prerender`):
//! the catalogue into its index.html, and each exercise's page into
//! `exercise/<slug>/index.html`, from the very data files the page fetches
//! (`data/<slug>-<hash>.bin`). The servers answer `/exercise/<slug>` with
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
    use heapwise::prerender::{self, into_page, title};

    /// The one data file of `slug` in the bundle's `data/`.
    fn data_file(data: &Path, slug: &str) -> Result<Vec<u8>, String> {
        let named = |name: &str| {
            name.strip_prefix(slug)
                .and_then(|rest| rest.strip_prefix('-'))
                .and_then(|rest| rest.strip_suffix(".bin"))
                .is_some_and(|hash| hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        };
        let entries = fs::read_dir(data).map_err(|e| format!("reading {}: {e}", data.display()))?;
        let found: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| named(name))
            .collect();
        match found.as_slice() {
            [one] => fs::read(data.join(one)).map_err(|e| format!("reading data/{one}: {e}")),
            [] => Err(format!("no data/{slug}-<hash>.bin in the bundle (run after copy-exercise-data.mjs)")),
            many => Err(format!("{} data files for {slug} in the bundle: {many:?}", many.len())),
        }
    }

    pub fn write_pages(dist: &Path) -> Result<String, String> {
        let index = dist.join("index.html");
        let shell = fs::read_to_string(&index).map_err(|e| format!("reading {}: {e}", index.display()))?;
        if shell.contains(&format!("id=\"{}\"", prerender::ROOT_ID)) {
            return Err(format!("{} is prerendered already: build the bundle again", index.display()));
        }
        let cards: Vec<&'static Card> = PAGES.iter().filter_map(|entry| card(entry.slug)).collect();
        let unreadable = |what: &str| format!("{} has no <title> or <body> to put {what} in", index.display());
        let catalogue = into_page(&shell, &title(None), None, &prerender::catalogue(&cards))
            .ok_or_else(|| unreadable("the catalogue"))?;
        let mut written = vec![catalogue.len()];
        for (at, entry) in PAGES.iter().enumerate() {
            let Some(this) = card(entry.slug) else { continue };
            let data = ExerciseData::read(&data_file(&dist.join("data"), entry.slug)?)
                .map_err(|e| format!("data file of {}: {e}", entry.slug))?;
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
