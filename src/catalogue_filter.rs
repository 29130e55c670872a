//! Which catalogue cards a student's filters let through, and how the
//! filters are written in the catalogue's URL (`/?group=2&tag=gc`), so a
//! lecturer can link "group 2" and Back returns to the same selection.
//!
//! Pure logic over a plain [`Card`], tested natively; the page only draws.

use crate::content::Difficulty;
use crate::link::query_pairs;
use crate::short_sort::sort_by_key;

/// What the catalogue knows of one exercise. `S` is any string type, so
/// cards can borrow from parsed text (`String`) or from compiled-in `&str`.
#[derive(Clone, Copy, Debug)]
pub struct Card<'a, S: AsRef<str>> {
    pub slug: &'a str,
    pub title: &'a str,
    pub summary: &'a str,
    /// Problem ids (`O1`, `P3`) and lesson sections (`L-288 §1`).
    pub origin: &'a [S],
    pub difficulty: Difficulty,
    pub tags: &'a [S],
    /// Curriculum group, from 1.
    pub group: u8,
}

impl From<&'static crate::content::Card> for Card<'static, &'static str> {
    /// The filterable part of a compiled-in catalogue card.
    fn from(c: &'static crate::content::Card) -> Self {
        Card {
            slug: c.slug,
            title: c.title,
            summary: c.summary,
            origin: c.origin,
            difficulty: c.difficulty,
            tags: c.tags,
            group: c.group,
        }
    }
}

/// The student's choices; the default lets every card through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub group: Option<u8>,
    /// A problem id (`O3`), a whole set (`O`, `P`) or a lesson (`L-288`).
    pub origin: Option<String>,
    pub difficulty: Option<Difficulty>,
    pub tag: Option<String>,
    /// Only exercises whose Python has not passed its checks yet.
    pub unsolved: bool,
    /// Words that must all appear in the title, summary, tags, origins or
    /// slug (any case, any accents): see [`searched_text`].
    pub search: String,
}

impl Filters {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        self.group.is_none()
            && self.origin.is_none()
            && self.difficulty.is_none()
            && self.tag.is_none()
            && !self.unsolved
            && self.search.trim().is_empty()
    }

    /// Whether `card` is shown; `solved` says if its Python passed its checks.
    pub fn matches<S: AsRef<str>>(&self, card: &Card<S>, solved: bool) -> bool {
        if self.group.is_some_and(|g| g != card.group) {
            return false;
        }
        if self.difficulty.is_some_and(|d| d != card.difficulty) {
            return false;
        }
        if let Some(tag) = &self.tag {
            if !card.tags.iter().any(|t| t.as_ref() == tag) {
                return false;
            }
        }
        if let Some(origin) = &self.origin {
            if !card.origin.iter().any(|o| origin_matches(origin, o.as_ref())) {
                return false;
            }
        }
        if self.unsolved && solved {
            return false;
        }
        let words = fold(&self.search);
        if words.trim().is_empty() {
            return true;
        }
        let haystack = fold(&searched_text(card));
        words.split_whitespace().all(|word| haystack.contains(word))
    }

    /// Reads the catalogue's query; unknown or malformed values are ignored.
    pub fn from_query(query: &str) -> Filters {
        let mut filters = Filters::default();
        for (key, raw) in query_pairs(query) {
            // The search is kept as typed: a space typed after a word must
            // survive the trip through the address bar.
            if key == "q" {
                filters.search = raw;
                continue;
            }
            let value = raw.trim().to_string();
            match key.as_str() {
                "group" => filters.group = value.parse().ok().filter(|g| *g > 0),
                "origin" if !value.is_empty() => filters.origin = Some(value),
                "difficulty" => {
                    filters.difficulty = [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard]
                        .into_iter()
                        .find(|d| d.name().eq_ignore_ascii_case(&value))
                }
                "tag" if !value.is_empty() => filters.tag = Some(value),
                "unsolved" => filters.unsolved = value == "1" || value == "true",
                _ => {}
            }
        }
        filters
    }

    /// The query that [`Filters::from_query`] reads back, as pairs (the
    /// router encodes them); empty when no filter is set.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if let Some(g) = self.group {
            pairs.push(("group".to_string(), g.to_string()));
        }
        if let Some(o) = &self.origin {
            pairs.push(("origin".to_string(), o.clone()));
        }
        if let Some(d) = self.difficulty {
            pairs.push(("difficulty".to_string(), d.name().to_ascii_lowercase()));
        }
        if let Some(t) = &self.tag {
            pairs.push(("tag".to_string(), t.clone()));
        }
        if self.unsolved {
            pairs.push(("unsolved".to_string(), "1".to_string()));
        }
        if !self.search.trim().is_empty() {
            pairs.push(("q".to_string(), self.search.clone()));
        }
        pairs
    }
}

/// What the search looks in: the title, the summary, every tag, every
/// origin and the slug with its hyphens as spaces ("large file" finds
/// large-file-aggregation, whose title says "bigger than memory").
pub fn searched_text<S: AsRef<str>>(card: &Card<S>) -> String {
    let mut text = format!("{}\n{}\n{}", card.title, card.summary, card.slug.replace('-', " "));
    for extra in card.tags.iter().chain(card.origin) {
        text.push('\n');
        text.push_str(extra.as_ref());
    }
    text
}

/// An origin filter against one origin entry: `O3` is that problem, `O` and
/// `P` are whole problem sets, anything else is a lesson (`L-288` matches
/// `L-288 §1` and `L-288 Q3`).
pub fn origin_matches(filter: &str, origin: &str) -> bool {
    if let Some(set) = problem_set(filter) {
        return (filter.len() == 1 && problem_set(origin) == Some(set)) || filter == origin;
    }
    origin == filter || origin.strip_prefix(filter).is_some_and(|rest| rest.starts_with(' '))
}

/// `O` for `O3`, `P` for `P11`; None for lesson references.
fn problem_set(origin: &str) -> Option<char> {
    let mut chars = origin.chars();
    let set = chars.next().filter(|c| *c == 'O' || *c == 'P')?;
    let rest = chars.as_str();
    (rest.is_empty() || rest.chars().all(|c| c.is_ascii_digit())).then_some(set)
}

/// The origin filter's choices: the two problem sets, each problem in
/// numeric order, then each lesson (the part before the first space), as
/// `(value, label)`.
pub fn origin_choices<S: AsRef<str>>(cards: &[Card<S>]) -> Vec<(String, String)> {
    let all: Vec<&str> = cards.iter().flat_map(|c| c.origin.iter().map(|o| o.as_ref())).collect();
    let mut problems: Vec<&str> = all.iter().copied().filter(|o| problem_set(o).is_some()).collect();
    sort_by_key(&mut problems, |o| (o.chars().next(), o[1..].parse::<u32>().unwrap_or(0)));
    problems.dedup();
    let mut lessons: Vec<&str> =
        all.iter().copied().filter(|o| problem_set(o).is_none()).map(|o| o.split(' ').next().unwrap_or(o)).collect();
    sort_by_key(&mut lessons, |l| *l);
    lessons.dedup();
    let mut choices = Vec::new();
    for (set, name) in [('O', "Optimization set"), ('P', "Profiling set")] {
        if problems.iter().any(|p| p.starts_with(set)) {
            choices.push((set.to_string(), format!("{name} (all {set}…)")));
        }
    }
    choices.extend(problems.iter().map(|p| (p.to_string(), p.to_string())));
    choices.extend(lessons.iter().map(|l| (l.to_string(), format!("Lesson {l}"))));
    choices
}

/// Every tag, sorted without regard to case, once.
pub fn tag_choices<S: AsRef<str>>(cards: &[Card<S>]) -> Vec<String> {
    let mut tags: Vec<String> = cards.iter().flat_map(|c| c.tags.iter().map(|t| t.as_ref().to_string())).collect();
    sort_by_key(&mut tags, |t| (fold(t), t.clone()));
    tags.dedup();
    tags
}

/// Lower case without accents, for matching what a student types:
/// `Café` and `cafe` fold alike, as do `Straße` and `strasse`. Combining
/// marks are dropped, so decomposed text folds as composed text does.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().map(lower) {
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        match base_letter(c) {
            Some(base) => out.push_str(base),
            None => out.push(c),
        }
    }
    out
}

/// Lower case for the letters [`base_letter`] knows (ASCII, Latin-1,
/// Latin Extended-A, and Romanian's Ș and Ț); any other character as it
/// is. (`char::to_lowercase` links Unicode's whole lower-case table, about
/// 4 kB, into the page for letters no exercise's text has.)
fn lower(c: char) -> char {
    let code = c as u32;
    let lowered = match code {
        0x41..=0x5a => code + 0x20,
        0xc0..=0xde if code != 0xd7 => code + 0x20,
        0x100..=0x137 | 0x14a..=0x177 | 0x218..=0x21b if code % 2 == 0 => code + 1,
        0x139..=0x148 | 0x179..=0x17e if code % 2 == 1 => code + 1,
        0x178 => 0xff,
        _ => code,
    };
    char::from_u32(lowered).unwrap_or(c)
}

/// The plain letters of a lower-case Latin letter with a diacritic.
fn base_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cards() -> Vec<Card<'static, &'static str>> {
        vec![
            Card {
                slug: "slots",
                title: "Slots versus a dict",
                summary: "A million small objects, each with its own dict.",
                origin: &["O1", "P3"],
                difficulty: Difficulty::Easy,
                tags: &["__slots__", "classes"],
                group: 1,
            },
            Card {
                slug: "cafe",
                title: "Caf\u{e9} receipts, streamed",
                summary: "Aggregate a big file in fixed memory.",
                origin: &["O11", "L-288 batched"],
                difficulty: Difficulty::Hard,
                tags: &["streaming", "peak memory"],
                group: 3,
            },
            Card {
                slug: "snap",
                title: "Snapshot diff",
                summary: "Compare two snapshots to find the STRASSE of a leak.",
                origin: &["P4", "L-ref comparing snapshots"],
                difficulty: Difficulty::Medium,
                tags: &["tracemalloc", "peak memory"],
                group: 5,
            },
        ]
    }

    fn shown(filters: &Filters, solved: &[&str]) -> Vec<&'static str> {
        cards().iter().filter(|c| filters.matches(c, solved.contains(&c.slug))).map(|c| c.slug).collect()
    }

    #[test]
    fn no_filter_shows_everything() {
        assert!(Filters::default().is_empty());
        assert_eq!(shown(&Filters::default(), &["slots"]), ["slots", "cafe", "snap"]);
        assert!(Filters { search: "  ".into(), ..Filters::default() }.is_empty());
    }

    #[test]
    fn each_kind_of_filter() {
        let f = |make: fn(&mut Filters)| {
            let mut filters = Filters::default();
            make(&mut filters);
            assert!(!filters.is_empty());
            shown(&filters, &["cafe"])
        };
        assert_eq!(f(|f| f.group = Some(3)), ["cafe"]);
        assert_eq!(f(|f| f.group = Some(2)), Vec::<&str>::new());
        assert_eq!(f(|f| f.difficulty = Some(Difficulty::Medium)), ["snap"]);
        assert_eq!(f(|f| f.tag = Some("peak memory".into())), ["cafe", "snap"]);
        assert_eq!(f(|f| f.tag = Some("peak".into())), Vec::<&str>::new(), "tags match whole");
        assert_eq!(f(|f| f.unsolved = true), ["slots", "snap"]);
        // Origins: a problem, a whole set, a lesson.
        assert_eq!(f(|f| f.origin = Some("O1".into())), ["slots"], "O1 is not O11");
        assert_eq!(f(|f| f.origin = Some("O11".into())), ["cafe"]);
        assert_eq!(f(|f| f.origin = Some("O".into())), ["slots", "cafe"]);
        assert_eq!(f(|f| f.origin = Some("P".into())), ["slots", "snap"]);
        assert_eq!(f(|f| f.origin = Some("L-288".into())), ["cafe"]);
        assert_eq!(f(|f| f.origin = Some("L-ref".into())), ["snap"]);
        assert_eq!(f(|f| f.origin = Some("L".into())), Vec::<&str>::new(), "a lesson name matches whole");
        // Together they narrow.
        assert_eq!(
            f(|f| {
                f.tag = Some("peak memory".into());
                f.unsolved = true
            }),
            ["snap"]
        );
    }

    #[test]
    fn search_ignores_case_and_accents_and_needs_every_word() {
        let search = |q: &str| shown(&Filters { search: q.into(), ..Filters::default() }, &[]);
        assert_eq!(search("SLOTS"), ["slots"]);
        assert_eq!(search("cafe"), ["cafe"]);
        assert_eq!(search("CAF\u{c9}"), ["cafe"]);
        assert_eq!(search("cafe\u{301}"), ["cafe"], "a decomposed \u{e9}");
        assert_eq!(search("stra\u{df}e"), ["snap"]);
        assert_eq!(search("fixed memory"), ["cafe"], "words may be apart, from the summary");
        assert_eq!(search("memory dict"), Vec::<&str>::new(), "every word must appear");
        assert_eq!(search("tracemalloc"), ["snap"], "tags are searched");
        assert_eq!(search("peak memory"), ["cafe", "snap"], "a tag of two words");
        assert_eq!(search("l-288"), ["cafe"], "origins are searched");
        assert_eq!(search("o11"), ["cafe"]);
        assert_eq!(search("P3 slots"), ["slots"], "an origin and a title word together");
        assert_eq!(search("classes dict"), ["slots"], "a tag and a summary word together");
        assert_eq!(search("snap leak"), ["snap"], "the slug");
        assert_eq!(search("streamed constant"), Vec::<&str>::new(), "still every word must appear");
        assert_eq!(fold("\u{c6}sop \u{152}uvre \u{141}\u{f3}d\u{17a}"), "aesop oeuvre lodz");
        // Every upper-case letter of Latin-1 and Latin Extended-A folds as
        // the full Unicode lower case would (then to its base letter).
        for c in ('\u{41}'..='\u{17f}').chain('\u{218}'..='\u{21b}') {
            let full: String = c.to_lowercase().collect();
            if full.chars().count() == 1 && c != '\u{130}' {
                assert_eq!(fold(&c.to_string()), fold(&full), "{c} (U+{:04X})", c as u32);
            }
        }
    }

    #[test]
    fn filters_round_trip_through_the_query() {
        let filters = Filters {
            group: Some(2),
            origin: Some("L-288".into()),
            difficulty: Some(Difficulty::Hard),
            tag: Some("peak memory".into()),
            unsolved: true,
            search: "caf\u{e9} & co".into(),
        };
        let query: Vec<String> = filters
            .to_pairs()
            .iter()
            .map(|(k, v)| format!("{k}={}", v.replace('%', "%25").replace('&', "%26").replace(' ', "+")))
            .collect();
        assert_eq!(Filters::from_query(&format!("?{}", query.join("&"))), filters);
        assert!(Filters::default().to_pairs().is_empty());
        // Typing "slot dict" passes through "slot ": the space must stay.
        assert_eq!(Filters::from_query("q=slot+").search, "slot ");
        assert_eq!(Filters::from_query("group=2").group, Some(2));
        assert_eq!(Filters::from_query("difficulty=EASY").difficulty, Some(Difficulty::Easy));
        // Nonsense is ignored, not an error.
        assert_eq!(Filters::from_query("group=zero&difficulty=tricky&colour=red&unsolved=maybe"), Filters::default());
    }

    #[test]
    fn choices_come_from_the_cards() {
        let cards = cards();
        let origins: Vec<String> = origin_choices(&cards).into_iter().map(|(v, _)| v).collect();
        assert_eq!(origins, ["O", "P", "O1", "O11", "P3", "P4", "L-288", "L-ref"]);
        assert_eq!(tag_choices(&cards), ["__slots__", "classes", "peak memory", "streaming", "tracemalloc"]);
    }

    /// On the real catalogue: every choice offered shows at least one card.
    #[test]
    fn no_choice_on_the_real_catalogue_is_empty() {
        assert_eq!(crate::exercises::CARDS.len(), crate::exercises::REGISTRY.len(), "every exercise has a card");
        let cards: Vec<Card<&str>> = crate::exercises::CARDS.iter().map(Card::from).collect();
        let count = |filters: Filters| cards.iter().filter(|c| filters.matches(c, false)).count();
        assert_eq!(count(Filters::default()), cards.len());
        for (origin, _) in origin_choices(&cards) {
            let n = count(Filters { origin: Some(origin.clone()), ..Filters::default() });
            assert!(n > 0 && n < cards.len(), "origin {origin} shows {n}");
        }
        for tag in tag_choices(&cards) {
            assert!(count(Filters { tag: Some(tag.clone()), ..Filters::default() }) > 0, "tag {tag}");
        }
        for card in &cards {
            let by_title = count(Filters { search: card.title.to_uppercase(), ..Filters::default() });
            assert!(by_title >= 1, "{} found by its own title", card.slug);
            for tag in card.tags {
                let by_tag = count(Filters { search: tag.to_string(), ..Filters::default() });
                assert!(by_tag >= 1, "{} found by its tag {tag}", card.slug);
            }
        }
        // The review's search: "large file" found nothing.
        let found: Vec<&str> = cards
            .iter()
            .filter(|c| Filters { search: "large file".into(), ..Filters::default() }.matches(c, false))
            .map(|c| c.slug)
            .collect();
        assert!(found.contains(&"large-file-aggregation"), "\"large file\" finds {found:?}");
    }
}
