#pragma once

class QHeaderView;

namespace arbor::ui {

/**
 * Sizes the chain table's columns (ChainListModel) on `header`: each at least as wide as its
 * title with the sort arrow, the status column as its longest badge, in the language in use
 * (German titles and badges are longer than the English defaults). `defaults`: the first
 * layout, from the default widths; otherwise the current widths (restored from the settings,
 * perhaps saved in another language) are kept where they are wide enough.
 */
void fitChainColumns(QHeaderView *header, bool defaults);

} // namespace arbor::ui
