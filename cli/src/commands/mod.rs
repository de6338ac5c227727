//! One module per subcommand.

pub mod check;
pub mod decode;
pub mod diff;
pub mod explain;
pub mod generate;
pub mod import;
pub mod manual;
pub mod synth;
pub mod update;

/// A parser of a number argument that says what it expects (`expected
/// WHAT`) where clap's own words speak of the type ("invalid digit found
/// in string", "number would be zero for non-zero type").
pub(crate) fn number<T>(
    what: &'static str,
) -> impl Fn(&str) -> Result<T, String> + Clone + Send + Sync + 'static
where
    T: core::str::FromStr,
{
    move |text| text.parse().map_err(|_| format!("expected {what}"))
}
