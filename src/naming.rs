//! Naming: each outlet of a source group by its canonical name, and each
//! cross-reference by the series it points to — the last stage of a
//! parse, after the dates, by the tables of [`ParseOptions`].

use std::borrow::Cow;

use crate::ast::{Article, CrossReference, SourceGroup};
use crate::options::ParseOptions;
use crate::outlets::OutletTable;
use crate::series::SeriesAliases;
use crate::visit::{VisitMut, walk_source_group_mut};

/// The canonical names of `outlets`, aligned with them: the table's name
/// for a known outlet (not copied), the [key](OutletTable::key) for another.
pub(crate) fn canonical_outlets<'a>(
    outlets: &[Cow<'a, str>],
    table: &OutletTable,
) -> Vec<Cow<'a, str>> {
    outlets
        .iter()
        .map(|outlet| match outlet {
            Cow::Borrowed(name) => table.canonical_or_key_of(name),
            Cow::Owned(name) => table
                .canonical_name(name)
                .unwrap_or_else(|| Cow::Owned(OutletTable::key(name).into_owned())),
        })
        .collect()
}

/// The series `target` points to, if it names one.
pub(crate) fn series_of(target: &str, aliases: &SeriesAliases) -> Option<Cow<'static, str>> {
    aliases.series_name(target)
}

/// Names every outlet and cross-reference of `article`.
pub(crate) fn name_article(article: &mut Article<'_>, options: &ParseOptions) {
    /// Fills the derived names.
    struct Names<'o> {
        outlets: &'o OutletTable,
        series: &'o SeriesAliases,
    }
    impl<'a> VisitMut<'a> for Names<'_> {
        fn visit_source_group_mut(&mut self, group: &mut SourceGroup<'a>) {
            group.canonical_outlets = canonical_outlets(&group.outlets, self.outlets);
            walk_source_group_mut(self, group);
        }
        fn visit_cross_reference_mut(&mut self, see: &mut CrossReference<'a>) {
            see.series = series_of(&see.target, self.series);
        }
    }
    Names {
        outlets: options.outlet_table(),
        series: options.series_table(),
    }
    .visit_article_mut(article);
}
