//! `groundtrack places [QUERY]`.

use clap::Args;
use groundtrack::land::AreaOutline;
use groundtrack::output::table::new_table;
use groundtrack::places::{Gazetteer, Place};

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
    let outlined = |p: &Place| AreaOutline::embedded(&p.name).map(|o| o.is_some());
    if args.json {
        let mut rows = Vec::with_capacity(places.len());
        for p in &places {
            rows.push(serde_json::json!({
                "name": p.name, "aliases": p.aliases, "lat": p.point.y(), "lon": p.point.x(),
                "kind": p.kind.as_str(), "radius_km": p.radius_m.map(|r| r / 1000.0),
                "outline": outlined(p)?, "country": p.country, "time_zone": p.time_zone, "source": p.source,
            }));
        }
        print::out(&format!("{}\n", serde_json::Value::Array(rows)))?;
    } else {
        let mut t = new_table();
        t.set_header(vec!["name", "kind", "lat", "lon", "over within", "country", "time zone", "aliases"]);
        for p in &places {
            let over = match (outlined(p)?, p.radius_m) {
                (true, _) => "outline".to_string(),
                (false, Some(r)) => format!("{:.0} km", r / 1000.0),
                (false, None) => String::new(),
            };
            t.add_row(vec![
                p.name.clone(),
                p.kind.as_str().to_string(),
                format!("{:.5}", p.point.y()),
                format!("{:.5}", p.point.x()),
                over,
                p.country.clone(),
                p.time_zone.clone().unwrap_or_default(),
                p.aliases.join("; "),
            ]);
        }
        print::out(&format!("{t}\n{} place(s)\n", places.len()))?;
    }
    Ok(if places.is_empty() && args.query.is_some() { Outcome::Failure } else { Outcome::Success })
}
