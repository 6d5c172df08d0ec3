//! `newslint init`: a starter `newslint.yaml` and `rules/example.yaml`, never overwriting.

use std::path::Path;

const CONFIG: &str = r#"# newslint configuration. For completion in editors, write the schema beside it
# (`newslint schema > rules.schema.json`) and add as the first line:
#   # yaml-language-server: $schema=rules.schema.json
# Rule files under rules/ are loaded too (see `rules:`).
rules:
  - rules/

# What a bare "$" means in your articles (ISO code).
currency: USD

# Built-in checks can be switched off or re-levelled:
checks:
  hygiene: { severity: warning }
  # quotes: { min_words: 8 }
  # terms: { enabled: false }
"#;

const EXAMPLE: &str = r#"# One fact per entry. {value} stands for the value of the fact's type: you never write a
# number or date regex. Run `newslint test-rules` after each change.
facts:
  - id: city-council-seats
    description: Number of seats on the city council
    type: count
    patterns:
      - 'council (?:has|of) {value} seats'
      - '{value}-seat (?:city )?council'
    expect: 13
    examples:
      - text: "The council has 13 seats after the redistricting."
        value: 13
      - text: "The school board has 9 seats."
        matches: false
"#;

/// Writes the starter files into `dir`; refuses if either exists.
pub fn init(dir: &Path) -> Result<Vec<String>, String> {
    let config = dir.join("newslint.yaml");
    let example = dir.join("rules").join("example.yaml");
    for path in [&config, &example] {
        if path.exists() {
            return Err(format!(
                "{} already exists; newslint init never overwrites a file",
                path.display()
            ));
        }
    }
    std::fs::create_dir_all(dir.join("rules")).map_err(|e| format!("cannot create rules/: {e}"))?;
    for (path, text) in [(&config, CONFIG), (&example, EXAMPLE)] {
        crate::output_file::write_atomic(path, text.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    Ok(vec![
        config.display().to_string(),
        example.display().to_string(),
    ])
}
