//! Properties of the vendor-page reader over random pages.

use codes_tools::vendor_doc;
use proptest::prelude::*;

proptest! {
    #[test]
    fn the_vendor_doc_reader_never_panics(lines in prop::collection::vec(prop_oneof![
        Just(String::new()),
        "-?[0-9]{1,4}( \\|)?",
        "[0-9]{1,3}(-|–)[0-9]{1,3}: [a-z ]{0,8}",
        "Table [0-9] [A-Za-z ]{0,10}",
        "Updated on [0-9-]{0,10}",
        prop::sample::select(vec!["|", "---|---|", "-1", "65535", "US_NO_USE", "0xFFFF", "Operation Type |"])
            .prop_map(str::to_string),
        "[ -~]{0,12}",
        any::<String>(),
    ], 0..30)) {
        let text = lines.join("\n");
        let count = text.split('\n').count();
        if let Err(errors) = vendor_doc::parse(&text) {
            prop_assert!(!errors.is_empty());
            prop_assert!(errors.is_sorted_by_key(|error| error.line));
            for error in errors {
                prop_assert!((1..=count).contains(&error.line), "{}", error);
            }
        }
    }
}
