//! Nations as news names them before a title: "Turkish Premier", "Lebanon's Prime
//! Minister", "Seoul Foreign Minister" (a capital for its government). Used by the titles
//! check to read what a title says about the country (and to leave out a nation's name at
//! the start of a title, as a nationality), never to drop a word it does not know.

/// Countries and their adjectives (lower case), those of the past included ("soviet",
/// "west german"). A name of several words is known by its last ("korean", "zealand").
const NATIONS: &[&str] = &[
    "afghan",
    "afghanistan",
    "albania",
    "albanian",
    "algeria",
    "algerian",
    "america",
    "american",
    "angola",
    "angolan",
    "argentina",
    "argentine",
    "argentinian",
    "armenia",
    "armenian",
    "australia",
    "australian",
    "austria",
    "austrian",
    "azerbaijan",
    "azerbaijani",
    "bahrain",
    "bahraini",
    "bangladesh",
    "bangladeshi",
    "belarus",
    "belarusian",
    "belgian",
    "belgium",
    "bolivia",
    "bolivian",
    "bosnia",
    "bosnian",
    "brazil",
    "brazilian",
    "britain",
    "british",
    "bulgaria",
    "bulgarian",
    "burma",
    "burmese",
    "cambodia",
    "cambodian",
    "cameroon",
    "canada",
    "canadian",
    "chile",
    "chilean",
    "china",
    "chinese",
    "colombia",
    "colombian",
    "croatia",
    "croatian",
    "cuba",
    "cuban",
    "cyprus",
    "cypriot",
    "czech",
    "czechoslovak",
    "czechoslovakia",
    "denmark",
    "danish",
    "dutch",
    "ecuador",
    "ecuadorean",
    "egypt",
    "egyptian",
    "estonia",
    "estonian",
    "ethiopia",
    "ethiopian",
    "fiji",
    "fijian",
    "finland",
    "finnish",
    "france",
    "french",
    "georgia",
    "georgian",
    "german",
    "germany",
    "ghana",
    "ghanaian",
    "greece",
    "greek",
    "guatemala",
    "guatemalan",
    "haiti",
    "haitian",
    "holland",
    "honduras",
    "honduran",
    "hungary",
    "hungarian",
    "iceland",
    "icelandic",
    "india",
    "indian",
    "indonesia",
    "indonesian",
    "iran",
    "iranian",
    "iraq",
    "iraqi",
    "ireland",
    "irish",
    "israel",
    "israeli",
    "italian",
    "italy",
    "jamaica",
    "jamaican",
    "japan",
    "japanese",
    "jordan",
    "jordanian",
    "kazakh",
    "kazakhstan",
    "kenya",
    "kenyan",
    "korea",
    "korean",
    "kuwait",
    "kuwaiti",
    "laos",
    "lao",
    "latvia",
    "latvian",
    "lebanese",
    "lebanon",
    "libya",
    "libyan",
    "lithuania",
    "lithuanian",
    "malaysia",
    "malaysian",
    "mexican",
    "mexico",
    "moldova",
    "moldovan",
    "mongolia",
    "mongolian",
    "morocco",
    "moroccan",
    "mozambique",
    "namibia",
    "namibian",
    "nepal",
    "nepali",
    "netherlands",
    "zealand",
    "nicaragua",
    "nicaraguan",
    "nigeria",
    "nigerian",
    "norway",
    "norwegian",
    "pakistan",
    "pakistani",
    "palestinian",
    "panama",
    "panamanian",
    "paraguay",
    "paraguayan",
    "peru",
    "peruvian",
    "philippine",
    "philippines",
    "poland",
    "polish",
    "portugal",
    "portuguese",
    "qatar",
    "qatari",
    "romania",
    "romanian",
    "russia",
    "russian",
    "rwanda",
    "rwandan",
    "saudi",
    "senegal",
    "senegalese",
    "serbia",
    "serbian",
    "singapore",
    "singaporean",
    "slovak",
    "slovakia",
    "slovenia",
    "slovenian",
    "somalia",
    "somali",
    "african",
    "africa",
    "soviet",
    "spain",
    "spanish",
    "lanka",
    "lankan",
    "sudan",
    "sudanese",
    "sweden",
    "swedish",
    "swiss",
    "switzerland",
    "syria",
    "syrian",
    "taiwan",
    "taiwanese",
    "tanzania",
    "tanzanian",
    "thai",
    "thailand",
    "tunisia",
    "tunisian",
    "turkey",
    "turkish",
    "uganda",
    "ugandan",
    "ukraine",
    "ukrainian",
    "uruguay",
    "uruguayan",
    "us",
    "u.s",
    "uk",
    "u.k",
    "usa",
    "u.s.a",
    "ussr",
    "uzbek",
    "uzbekistan",
    "venezuela",
    "venezuelan",
    "vietnam",
    "vietnamese",
    "yemen",
    "yemeni",
    "yugoslav",
    "yugoslavia",
    "zambia",
    "zambian",
    "zimbabwe",
    "zimbabwean",
];

/// Capitals that news writes for their government ("Bonn Finance Minister"), with the
/// adjective of their nation. Cities whose name is also a state's, or that stand as often
/// for something else ("Washington", "Brussels"), are not among them.
const CAPITALS: &[(&str, &str)] = &[
    ("ankara", "turkish"),
    ("athens", "greek"),
    ("baghdad", "iraqi"),
    ("bangkok", "thai"),
    ("beijing", "chinese"),
    ("bonn", "west german"),
    ("cairo", "egyptian"),
    ("canberra", "australian"),
    ("damascus", "syrian"),
    ("hanoi", "vietnamese"),
    ("islamabad", "pakistani"),
    ("jakarta", "indonesian"),
    ("manila", "philippine"),
    ("ottawa", "canadian"),
    ("peking", "chinese"),
    ("pyongyang", "north korean"),
    ("riyadh", "saudi"),
    ("seoul", "south korean"),
    ("taipei", "taiwanese"),
    ("tehran", "iranian"),
    ("tokyo", "japanese"),
];

/// States and provinces named by their nation's name and a word before it, as (that word,
/// the nation's word): "Western Australia", "South Australian".
const STATES: &[(&str, &str)] = &[
    ("western", "australia"),
    ("western", "australian"),
    ("south", "australia"),
    ("south", "australian"),
    ("northern", "ireland"),
    ("northern", "irish"),
];

/// Whether `before` and `word` (lower case) name a state, not the nation `word` names alone.
pub fn is_state(before: &str, word: &str) -> bool {
    STATES.contains(&(before, word))
}

/// Whether `word` (lower case) names a nation: a country, its adjective, or the country's
/// possessive ("lebanon's").
pub fn is_nation(word: &str) -> bool {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    NATIONS.contains(&word)
}

/// Whether `word` (in any ASCII case) names a nation on its own, as the first words of a
/// title do ("Italian Prime Minister", "Greek Foreign Minister"): as [`is_nation`], but for
/// the last words of names of several ("zealand", "lanka"; "african" alone is the
/// continent's), for "Georgia", which is also a state of the U.S. ("Georgia Governor" and
/// "Alabama Governor" are two offices), and without a possessive.
pub fn names_a_nation_alone(word: &str) -> bool {
    const NOT_ALONE: &[&str] = &["africa", "african", "zealand", "lanka", "georgia"];
    NATIONS.iter().any(|n| n.eq_ignore_ascii_case(word))
        && !NOT_ALONE.iter().any(|n| n.eq_ignore_ascii_case(word))
}

/// The adjective of the nation whose government `word` (lower case) names by its capital.
pub fn capital_of(word: &str) -> Option<&'static str> {
    // Looked up for every title and name a run meets: the list is in order.
    CAPITALS
        .binary_search_by(|(capital, _)| (*capital).cmp(word))
        .ok()
        .map(|i| CAPITALS[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nations_are_known_by_name_adjective_and_possessive() {
        for word in [
            "turkish",
            "greece",
            "lebanon's",
            "soviet",
            "korean",
            "u.s",
            "zealand",
        ] {
            assert!(is_nation(word), "{word}");
        }
        for word in [
            "ontario",
            "quebec",
            "texas",
            "provincial",
            "state",
            "the",
            "korea’",
        ] {
            assert!(!is_nation(word), "{word}");
        }
        // The lists stay in lower case, as the words they are compared with.
        assert!(NATIONS.iter().all(|n| n.to_lowercase() == *n));
        assert!(CAPITALS.is_sorted_by_key(|(c, _)| *c));
        assert!(CAPITALS.iter().all(|(c, n)| {
            c.to_lowercase() == *c && n.split(' ').next_back().is_some_and(is_nation)
        }));
    }

    #[test]
    fn a_nation_alone_is_known_in_any_case_but_by_the_last_word_of_its_name() {
        for word in ["Italian", "GREEK", "korean", "U.S", "soviet"] {
            assert!(names_a_nation_alone(word), "{word}");
        }
        for word in [
            "African",
            "zealand",
            "Lanka",
            "Ontario",
            "Socialist",
            "greece's",
            "Georgia",
        ] {
            assert!(!names_a_nation_alone(word), "{word}");
        }
    }

    #[test]
    fn a_capital_stands_for_its_nation() {
        assert_eq!(capital_of("seoul"), Some("south korean"));
        assert_eq!(capital_of("bonn"), Some("west german"));
        assert_eq!(capital_of("washington"), None);
        assert_eq!(capital_of("toronto"), None);
    }
}
