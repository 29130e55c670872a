//! Deep links: what an exercise URL's query says, checked and explained.
//!
//! `/exercise/slots-vs-dict?n=1234&run=1&limit_mib=64` opens the exercise
//! with `n` set to 1234, starts the run at once, and caps the worker's heap
//! at 64 MiB. Anything wrong in a link is reported in words and replaced by
//! the default, never silently dropped. [`read`] reads a link once, when
//! an exercise opens, into a typed [`LinkRequest`]; [`pairs`] is the one
//! place a link is written ([`query`] and [`absolute`] are built on it).
//! Pure logic, tested natively.

use crate::exercise::ParamSpec;
use crate::exercise::Params;
use crate::sweep::{sweepable, Range};
use crate::units::{few, grouped};

/// The heap a run may use unless the link says otherwise.
pub const DEFAULT_LIMIT_MIB: u64 = 1024;
/// The most a link may ask for: wasm32 addresses 4 GiB in all.
pub const MAX_LIMIT_MIB: u64 = 3072;

/// What a link asks for, after checking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkRequest {
    /// One value per declared parameter, in declaration order (the default
    /// where the link's was missing or unusable).
    pub params: Params,
    /// `run=1`: run at once.
    pub autorun: bool,
    pub limit_mib: u64,
    /// `sweep=from-to-points`: the sweep to show (run at once with `run=1`).
    pub sweep: Option<Range>,
    /// `present=1`: presentation mode.
    pub present: bool,
    /// One sentence per problem found in the link.
    pub notices: Vec<String>,
}

/// A link to the exercise at its defaults: no run, no sweep, no notice.
impl Default for LinkRequest {
    fn default() -> LinkRequest {
        LinkRequest::to(Params::default(), DEFAULT_LIMIT_MIB)
    }
}

impl LinkRequest {
    /// A link to `params` with the heap limited to `limit_mib`; set
    /// `autorun`, `sweep` or `present` on it as wanted.
    pub fn to(params: Params, limit_mib: u64) -> LinkRequest {
        LinkRequest { params, autorun: false, limit_mib, sweep: None, present: false, notices: Vec::new() }
    }
}

/// The path of exercise `slug` below the app's base (`/exercise/slots-vs-dict`).
pub fn exercise_path(slug: &str) -> String {
    format!("/exercise/{slug}")
}

/// Splits `a=1&b=2` into decoded pairs (`+` and `%xx` decoded).
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            (percent_decode(key), percent_decode(value))
        })
        .collect()
}

/// Decodes `+` and `%xx`; a `%` not followed by two hex digits stays.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            // `%` is one byte, so only the end of the two hex digits can split a character.
            b'%' if text.is_char_boundary(i + 3) => match u8::from_str_radix(&text[i + 1..i + 3], 16) {
                Ok(byte) => {
                    out.push(byte);
                    i += 2;
                }
                Err(_) => out.push(b'%'),
            },
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Writes pairs as a query (`a=1&b=x+y`), without the `?`: letters,
/// digits and `*-._` as they are, a space as `+`, every other byte `%XX`
/// (what HTML forms send; [`query_pairs`] reads it back).
pub fn encode_pairs<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    fn encode(text: &str, out: &mut String) {
        for &byte in text.as_bytes() {
            match byte {
                b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => out.push(byte as char),
                b' ' => out.push('+'),
                _ => out.push_str(&format!("%{byte:02X}")),
            }
        }
    }
    let mut out = String::new();
    for (i, (key, value)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        encode(key.as_ref(), &mut out);
        out.push('=');
        encode(value.as_ref(), &mut out);
    }
    out
}

/// Reads an exercise link's query against the exercise's parameters.
pub fn read(params: &[ParamSpec], query: &str) -> LinkRequest {
    let pairs = query_pairs(query);
    let mut notices = Vec::new();
    let mut values = Vec::new();
    for spec in params {
        let given = pairs.iter().rev().find(|(k, _)| *k == spec.name).map(|(_, v)| v.as_str());
        let value = match given {
            Some(raw) => spec.parse(raw).unwrap_or_else(|problem| {
                notices.push(format!(
                    "The link's {problem}. Showing the default, {}, instead.",
                    grouped(spec.default as i64)
                ));
                spec.default
            }),
            None => spec.default,
        };
        values.push((spec.name.to_string(), value));
    }
    let mut limit_mib = DEFAULT_LIMIT_MIB;
    let mut autorun = false;
    let mut sweep = None;
    let mut present = false;
    let mut unknown = Vec::new();
    for (key, value) in &pairs {
        match key.as_str() {
            "run" => autorun = value == "1" || value == "true",
            "present" => present = value == "1" || value == "true",
            "sweep" => match sweepable(params).map(|spec| Range::parse(spec, value)) {
                Some(Ok(range)) => sweep = Some(range),
                Some(Err(problem)) => {
                    // The problem is a sentence of its own elsewhere: here it follows a colon.
                    let problem = problem.get(..1).map_or(String::new(), str::to_ascii_lowercase)
                        + problem.get(1..).unwrap_or("");
                    notices.push(format!("The link's sweep \"{value}\" is not usable: {problem}; no sweep was run."))
                }
                None => notices.push("The link asks for a sweep, but this exercise has no size to sweep.".to_string()),
            },
            "limit_mib" => match value.parse::<u64>() {
                Ok(mib) if (1..=MAX_LIMIT_MIB).contains(&mib) => limit_mib = mib,
                _ => notices.push(format!(
                    "The link's memory limit \"{value}\" is not a whole number of MiB from 1 to {}; using {} MiB.",
                    grouped(MAX_LIMIT_MIB as i64),
                    grouped(DEFAULT_LIMIT_MIB as i64)
                )),
            },
            known if params.iter().any(|p| p.name == known) => {}
            other => {
                if !unknown.contains(&other) {
                    unknown.push(other);
                }
            }
        }
    }
    // One sentence however many there are (a link can be any length).
    match unknown.len() {
        0 => {}
        1 => notices
            .push(format!("The link names {}, which this exercise does not use; it was ignored.", few(&unknown, 5))),
        _ => notices
            .push(format!("The link names {}, which this exercise does not use; they were ignored.", few(&unknown, 5))),
    }
    if autorun && !notices.is_empty() {
        notices.push("So the run the link asks for waits: check the values and press Run.".to_string());
    }
    LinkRequest { params: Params(values), autorun, limit_mib, sweep, present, notices }
}

/// The link's query as pairs, the one place a link is written: every
/// parameter, the limit if not the default, `run=1` if it runs at once, the
/// sweep shown and presentation mode (`n=1234&limit_mib=64&run=1&sweep=10-10000-6&present=1`);
/// [`read`] reads it back.
pub fn pairs(request: &LinkRequest) -> Vec<(&str, String)> {
    let mut pairs: Vec<(&str, String)> = request.params.0.iter().map(|(k, v)| (k.as_str(), v.to_string())).collect();
    if request.limit_mib != DEFAULT_LIMIT_MIB {
        pairs.push(("limit_mib", request.limit_mib.to_string()));
    }
    if request.autorun {
        pairs.push(("run", "1".to_string()));
    }
    if let Some(range) = request.sweep {
        pairs.push(("sweep", range.to_string()));
    }
    if request.present {
        pairs.push(("present", "1".to_string()));
    }
    pairs
}

/// [`pairs`] as a query, without the `?`.
pub fn query(request: &LinkRequest) -> String {
    encode_pairs(&pairs(request))
}

/// The full address of `request` on exercise `slug`: `root` is where the
/// app is served (origin and base path, `https://host/course/heapwise`).
pub fn absolute(root: &str, slug: &str, request: &LinkRequest) -> String {
    format!("{root}{}?{}", exercise_path(slug), query(request))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exercises::REGISTRY;

    fn params() -> &'static [ParamSpec] {
        REGISTRY[0].spec.params
    }

    #[test]
    fn decodes_pairs() {
        assert_eq!(
            query_pairs("?n=10%2C000&x=a+b&flag"),
            vec![
                ("n".to_string(), "10,000".to_string()),
                ("x".to_string(), "a b".to_string()),
                ("flag".to_string(), String::new())
            ]
        );
        assert_eq!(query_pairs("n=%zz"), vec![("n".to_string(), "%zz".to_string())]);
        assert_eq!(query_pairs("n=50%"), vec![("n".to_string(), "50%".to_string())]);
    }

    #[test]
    fn encoded_pairs_read_back_as_written() {
        let pairs = [("q", "slots é & co"), ("tag", "a=b+c/d?"), ("n", "1,000"), ("", "")];
        let text = encode_pairs(&pairs);
        assert_eq!(text, "q=slots+%C3%A9+%26+co&tag=a%3Db%2Bc%2Fd%3F&n=1%2C000&=");
        let owned: Vec<(String, String)> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        assert_eq!(query_pairs(&text)[..3], owned[..3]);
        assert_eq!(encode_pairs::<&str, &str>(&[]), "");
    }

    #[test]
    fn a_good_link_round_trips() {
        let spec = &params()[0];
        let mut chosen = REGISTRY[0].spec.default_params();
        chosen.0[0].1 = spec.min.max(1) + 1;
        let request = LinkRequest { autorun: true, ..LinkRequest::to(chosen, 64) };
        assert_eq!(read(params(), &query(&request)), request);
    }

    #[test]
    fn bad_values_are_explained_and_replaced_by_defaults() {
        let spec = &params()[0];
        let query = format!("{}={}&limit_mib=0&colour=red", spec.name, spec.max + 1);
        let link = read(params(), &query);
        assert_eq!(link.params.0[0], (spec.name.to_string(), spec.default));
        assert_eq!(link.limit_mib, DEFAULT_LIMIT_MIB);
        assert_eq!(link.notices.len(), 3, "{:?}", link.notices);
        assert!(link.notices[0].contains("out of range"), "{}", link.notices[0]);
        assert!(link.notices[1].contains("memory limit"));
        assert!(link.notices[2].contains("\"colour\""));
        let link = read(params(), &format!("{}=abc", spec.name));
        assert!(link.notices[0].contains("\"abc\" is not one"), "{}", link.notices[0]);
        assert!(!link.autorun);
    }

    #[test]
    fn a_sweep_and_presentation_mode_round_trip() {
        let spec = sweepable(params()).expect("the first exercise has a size");
        let range = Range { from: spec.min.max(1), to: spec.max, points: 4 };
        let request = LinkRequest {
            autorun: true,
            sweep: Some(range),
            present: true,
            ..LinkRequest::to(REGISTRY[0].spec.default_params(), DEFAULT_LIMIT_MIB)
        };
        assert_eq!(read(params(), &query(&request)), request);
    }

    #[test]
    fn links_are_written_in_one_order() {
        let n = Params::new(&[("n", 1234)]);
        let full = LinkRequest {
            autorun: true,
            sweep: Some(Range { from: 10, to: 10_000, points: 6 }),
            present: true,
            ..LinkRequest::to(n.clone(), 64)
        };
        assert_eq!(query(&full), "n=1234&limit_mib=64&run=1&sweep=10-10000-6&present=1");
        assert_eq!(query(&LinkRequest::to(n.clone(), DEFAULT_LIMIT_MIB)), "n=1234");
        assert_eq!(query(&LinkRequest { present: true, ..LinkRequest::default() }), "present=1");
        assert_eq!(
            query(&LinkRequest { autorun: true, ..LinkRequest::to(n.clone(), DEFAULT_LIMIT_MIB) }),
            "n=1234&run=1"
        );
        assert_eq!(
            absolute("https://example.org/course", "slots-vs-dict", &full),
            "https://example.org/course/exercise/slots-vs-dict?n=1234&limit_mib=64&run=1&sweep=10-10000-6&present=1"
        );
    }

    #[test]
    fn a_bad_sweep_is_explained_and_dropped() {
        let spec = sweepable(params()).expect("the first exercise has a size");
        let link = read(params(), &format!("sweep=1-{}-6&run=1", spec.max + 1));
        assert_eq!(link.sweep, None);
        assert_eq!(link.notices.len(), 2, "{:?}", link.notices);
        assert!(link.notices[1].contains("waits"), "{:?}", link.notices);
        assert!(link.notices[0].starts_with("The link's sweep \"1-"), "{}", link.notices[0]);
        assert!(link.notices[0].contains("is not usable: the sweep's last size"), "{}", link.notices[0]);
        assert!(link.notices[0].contains("outside"), "{}", link.notices[0]);
        let unsweepable = [ParamSpec { name: "w", label: "writers", default: 1, min: 1, max: 3 }];
        let link = read(&unsweepable, "sweep=1-3-2");
        assert!(link.notices[0].contains("no size to sweep"), "{:?}", link.notices);
    }

    #[test]
    fn many_unknown_names_make_one_short_notice() {
        let query: String = (0..800).map(|i| format!("x{i}=1&")).collect::<String>() + "run=1";
        let link = read(params(), &query);
        assert_eq!(link.notices.len(), 2, "{:?}", link.notices);
        assert!(link.notices[0].contains("\"x0\", \"x1\", \"x2\", \"x3\", \"x4\" and 795 more"), "{}", link.notices[0]);
        assert!(link.notices[0].len() < 200, "{}", link.notices[0]);
        assert!(link.notices[1].contains("waits"));
        let one = read(params(), "colour=red");
        assert_eq!(
            one.notices,
            vec!["The link names \"colour\", which this exercise does not use; it was ignored.".to_string()]
        );
    }
}
