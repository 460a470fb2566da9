//! `groundtrack places [QUERY]`.

use clap::Args;
use groundtrack::output::table::new_table;
use groundtrack::places::Gazetteer;

use super::{Outcome, print};

/// Arguments of `groundtrack places`.
#[derive(Debug, Args)]
pub struct PlacesArgs {
    /// Text to search for in names and aliases; lists every place when absent.
    pub query: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Lists the gazetteer, or the places matching the query.
pub fn run(args: &PlacesArgs) -> groundtrack::Result<Outcome> {
    let g = Gazetteer::embedded();
    let places: Vec<_> = match &args.query {
        Some(q) => g.search(q),
        None => g.places().iter().collect(),
    };
    if args.json {
        let rows: Vec<_> = places
            .iter()
            .map(|p| {
                serde_json::json!({
                    "name": p.name, "aliases": p.aliases, "lat": p.point.y(), "lon": p.point.x(),
                    "kind": p.kind.as_str(), "radius_km": p.radius_m.map(|r| r / 1000.0),
                    "country": p.country, "source": p.source,
                })
            })
            .collect();
        print::out(&format!("{}\n", serde_json::Value::Array(rows)))?;
    } else {
        let mut t = new_table();
        t.set_header(vec!["name", "kind", "lat", "lon", "radius km", "country", "aliases"]);
        for p in &places {
            t.add_row(vec![
                p.name.clone(),
                p.kind.as_str().to_string(),
                format!("{:.5}", p.point.y()),
                format!("{:.5}", p.point.x()),
                p.radius_m.map_or(String::new(), |r| format!("{:.0}", r / 1000.0)),
                p.country.clone(),
                p.aliases.join("; "),
            ]);
        }
        print::out(&format!("{t}\n{} place(s)\n", places.len()))?;
    }
    Ok(if places.is_empty() && args.query.is_some() { Outcome::Failure } else { Outcome::Success })
}
