//! `newslint schema`: the JSON Schema of rule files and `newslint.yaml`, generated from the
//! types the loader deserializes, so it cannot drift from what newslint accepts.

use crate::rules::file::RuleFile;

pub fn rule_file_schema() -> String {
    let mut schema = schemars::schema_for!(RuleFile);
    schema.insert(
        "title".to_string(),
        "newslint rule file (rules/*.yaml, newslint.yaml)".into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root() -> std::path::PathBuf {
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn the_shipped_schema_is_the_generated_one() {
        let shipped = std::fs::read_to_string(root().join("schema/rules.schema.json")).unwrap();
        assert!(
            shipped == rule_file_schema(),
            "schema/rules.schema.json is out of date: run `newslint schema > schema/rules.schema.json`"
        );
    }

    #[test]
    fn every_shipped_rule_file_validates_and_starts_with_the_schema_line() {
        let schema: serde_json::Value = serde_json::from_str(&rule_file_schema()).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let mut checked = 0;
        for entry in std::fs::read_dir(root().join("rules")).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                text.starts_with("# yaml-language-server: $schema=../schema/rules.schema.json"),
                "{} lacks the schema line",
                path.display()
            );
            let value: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&value)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            checked += 1;
        }
        assert!(checked >= 2);
    }

    #[test]
    fn the_schema_rejects_what_the_loader_rejects() {
        let schema: serde_json::Value = serde_json::from_str(&rule_file_schema()).unwrap();
        let validator = jsonschema::validator_for(&schema).unwrap();
        let bad =
            serde_json::json!({"facts": [{"id": "x", "type": "yearly", "patterns": ["{value}"]}]});
        assert!(!validator.is_valid(&bad));
        let unknown = serde_json::json!({"facts": [{"id": "x", "type": "year", "patterns": ["{value}"], "expected": 1}]});
        assert!(!validator.is_valid(&unknown));
        let good = serde_json::json!({"facts": [{"id": "x", "type": "year", "patterns": ["{value}"], "expect": 2026}]});
        assert!(validator.is_valid(&good));
    }
}
