#pragma once

#include "error.h"

#include <QModelIndex>
#include <QObject>
#include <QPersistentModelIndex>
#include <QString>

class QAbstractItemModel;
class QAbstractItemView;
class QAction;
class QTableView;

namespace arbor::ui {

/// The role a model answers with a cell's full value when what it displays is shortened (a
/// hash shown as "0x12ab…cdef"): copies and exports take it. Without it, the displayed text,
/// which views may elide but models never shorten, is the full value.
inline constexpr int CopyRole = Qt::UserRole + 0x0c0f;

/**
 * Copy and CSV export for one table or tree view, the same on every table of the console:
 *
 * - Copy Rows (Ctrl+C): the selected rows (or the current one) as tab-separated lines, the
 *   columns the view shows in the order it shows them;
 * - Copy “column” (Ctrl+Shift+C): the full value of the cell under the mouse (or the current
 *   cell) — an address, a URL, never elided;
 * - Export as CSV…: the whole table as the view shows it (filtered, sorted, visible columns),
 *   a header line first, fields quoted as RFC 4180 asks, UTF-8, through a file dialog.
 *
 * install() adds the actions to the view, so a view whose context menu is made of its actions
 * (Qt::ActionsContextMenu, set here unless the view draws its own menu) lists them after its
 * own verbs. The object is a child of the view. Thread: the GUI thread.
 */
class TableActions final : public QObject
{
    Q_OBJECT

public:
    /// Gives `view` the copy and export actions; `exportName` names the file the export
    /// offers ("chains" → chains.csv). Call it after the view has its model and own actions.
    static TableActions *install(QAbstractItemView *view, const QString &exportName);

    QAction *copyRowsAction() const { return m_copyRows; }
    QAction *copyCellAction() const { return m_copyCell; }
    QAction *exportAction() const { return m_export; }

    /// The selected rows (or the current row) as TSV lines, without a header.
    QString selectedRowsAsTsv() const;
    /// The whole table as CSV, header first, one line per row the view shows.
    QString tableAsCsv() const;
    /// Writes tableAsCsv() to `path`.
    Status exportCsv(const QString &path) const;

    /// The full value of a cell: CopyRole when the model gives one, else the displayed text.
    static QString cellText(const QModelIndex &index);
    /// `text` as one CSV field: quoted when it holds a comma, a quote or a line break.
    static QString csvField(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    TableActions(QAbstractItemView *view, const QString &exportName);

    QList<int> visibleColumns() const;
    QList<QModelIndex> allRows() const;
    QString rowText(const QModelIndex &row, const QString &separator, bool csv) const;
    void copyRows();
    void copyCell();
    void chooseExportFile();

    QAbstractItemView *m_view;
    QString m_exportName;
    QAction *m_copyRows = nullptr;
    QAction *m_copyCell = nullptr;
    QAction *m_export = nullptr;
    QPersistentModelIndex m_menuIndex;   ///< the cell the context menu was opened on
};

/// A read-only table of `model` named `name`: whole rows selected, alternating row colours, no
/// row numbers, each column as wide as its contents and the last one stretched, with
/// TableActions (its export offers `name`.csv). Returned without a parent.
QTableView *readOnlyTable(const QString &name, QAbstractItemModel *model);

} // namespace arbor::ui
