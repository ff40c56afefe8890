#pragma once

class QHeaderView;

namespace arbor::ui {

/**
 * Widens each column of \a header that is narrower than its title, with the sort arrow and the
 * style's margins, in the language in use; a column already wide enough keeps its width. The
 * default width of 100 pixels cut German titles ("Tabelle oder Ind…", "Gesamtgröß…").
 *
 * Call it once the header's view has its model. Thread: GUI thread only.
 */
void widenColumnsToTitles(QHeaderView *header);

} // namespace arbor::ui
