#include "widgets/tableactions.h"

#include <QAbstractItemView>
#include <QAction>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QTableView>
#include <QTreeView>

#include <functional>

namespace arbor::ui {
namespace {

QHeaderView *columnHeader(QAbstractItemView *view)
{
    if (auto *table = qobject_cast<QTableView *>(view))
        return table->horizontalHeader();
    if (auto *tree = qobject_cast<QTreeView *>(view))
        return tree->header();
    return nullptr;
}

bool rowHidden(QAbstractItemView *view, int row, const QModelIndex &parent)
{
    if (auto *table = qobject_cast<QTableView *>(view))
        return table->isRowHidden(row);
    if (auto *tree = qobject_cast<QTreeView *>(view))
        return tree->isRowHidden(row, parent);
    return false;
}

QString tsvField(QString text)
{
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1String("\r\n"), QLatin1String(" "));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text;
}

} // namespace

TableActions *TableActions::install(QAbstractItemView *view, const QString &exportName)
{
    Q_ASSERT(view);
    return new TableActions(view, exportName);
}

TableActions::TableActions(QAbstractItemView *view, const QString &exportName)
    : QObject(view)
    , m_view(view)
    , m_exportName(exportName)
{
    setObjectName(QStringLiteral("tableActions"));

    m_copyRows = new QAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("&Copy Rows"), view);
    m_copyRows->setObjectName(QStringLiteral("copyRowsAction"));
    m_copyRows->setToolTip(tr("Copy the selected rows as tab-separated text"));
    m_copyRows->setShortcut(QKeySequence::Copy);
    m_copyRows->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyRows, &QAction::triggered, this, &TableActions::copyRows);

    m_copyCell = new QAction(tr("Copy &Value"), view);
    m_copyCell->setObjectName(QStringLiteral("copyCellAction"));
    m_copyCell->setToolTip(tr("Copy the full value of the cell: addresses and URLs are never shortened"));
    m_copyCell->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_copyCell->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyCell, &QAction::triggered, this, &TableActions::copyCell);

    m_export = new QAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("&Export as CSV…"), view);
    m_export->setObjectName(QStringLiteral("exportCsvAction"));
    m_export->setToolTip(tr("Save the table as it is shown (filtered and sorted) as a CSV file"));
    connect(m_export, &QAction::triggered, this, &TableActions::chooseExportFile);

    if (view->contextMenuPolicy() != Qt::CustomContextMenu)
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
    if (!view->actions().isEmpty()) {
        auto *separator = new QAction(view);
        separator->setSeparator(true);
        view->addAction(separator);
    }
    view->addActions({m_copyCell, m_copyRows, m_export});
    view->viewport()->installEventFilter(this);
}

bool TableActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport() || event->type() != QEvent::ContextMenu || m_view->contextMenuPolicy() != Qt::ActionsContextMenu)
        return QObject::eventFilter(watched, event);
    auto *menuEvent = static_cast<QContextMenuEvent *>(event);
    m_menuIndex = m_view->indexAt(menuEvent->pos());
    const QString column = m_menuIndex.isValid()
        ? m_view->model()->headerData(m_menuIndex.column(), Qt::Horizontal, Qt::DisplayRole).toString()
        : QString();
    m_copyCell->setText(column.isEmpty() ? tr("Copy &Value") : tr("Copy “%1”", "copy the value of this column").arg(column));
    m_copyCell->setEnabled(m_menuIndex.isValid());
    QMenu::exec(m_view->actions(), menuEvent->globalPos(), nullptr, m_view);
    m_menuIndex = QPersistentModelIndex();
    m_copyCell->setText(tr("Copy &Value"));
    m_copyCell->setEnabled(true);
    return true;
}

QList<int> TableActions::visibleColumns() const
{
    QList<int> columns;
    const QHeaderView *header = columnHeader(m_view);
    if (!header || !m_view->model())
        return m_view->model() && m_view->model()->columnCount() > 0 ? QList<int>{0} : QList<int>();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (logical >= 0 && !header->isSectionHidden(logical))
            columns.append(logical);
    }
    return columns;
}

QList<QModelIndex> TableActions::allRows() const
{
    QList<QModelIndex> rows;
    const QAbstractItemModel *model = m_view->model();
    if (!model)
        return rows;
    // Depth first, as a tree view lists them; a table has only top-level rows.
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < model->rowCount(parent); ++row) {
            if (rowHidden(m_view, row, parent))
                continue;
            const QModelIndex index = model->index(row, 0, parent);
            rows.append(index);
            if (model->hasChildren(index))
                walk(index);
        }
    };
    walk(m_view->rootIndex());
    return rows;
}

QString TableActions::rowText(const QModelIndex &row, const QString &separator, bool csv) const
{
    QStringList fields;
    for (int column : visibleColumns()) {
        const QString text = cellText(row.siblingAtColumn(column));
        fields.append(csv ? csvField(text) : tsvField(text));
    }
    return fields.join(separator);
}

QString TableActions::cellText(const QModelIndex &index)
{
    if (!index.isValid())
        return {};
    QVariant value = index.data(CopyRole);
    if (!value.isValid())
        value = index.data(Qt::DisplayRole);
    return value.toString();
}

QString TableActions::csvField(const QString &text)
{
    static const QString special = QStringLiteral(",\"\r\n");
    bool quote = !text.isEmpty() && (text.front().isSpace() || text.back().isSpace());
    for (QChar c : text) {
        if (special.contains(c)) {
            quote = true;
            break;
        }
    }
    if (!quote)
        return text;
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString TableActions::selectedRowsAsTsv() const
{
    if (!m_view->model() || !m_view->selectionModel())
        return {};
    QSet<QPersistentModelIndex> selected;
    for (const QModelIndex &index : m_view->selectionModel()->selectedIndexes())
        selected.insert(index.siblingAtColumn(0));
    if (selected.isEmpty() && m_view->currentIndex().isValid())
        selected.insert(m_view->currentIndex().siblingAtColumn(0));
    QStringList lines;
    for (const QModelIndex &row : allRows()) {
        if (selected.contains(row))
            lines.append(rowText(row, QStringLiteral("\t"), false));
    }
    return lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString TableActions::tableAsCsv() const
{
    const QAbstractItemModel *model = m_view->model();
    if (!model)
        return {};
    QStringList header;
    for (int column : visibleColumns())
        header.append(csvField(model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString()));
    QString csv = header.join(QLatin1Char(',')) + QLatin1String("\r\n");
    for (const QModelIndex &row : allRows())
        csv += rowText(row, QStringLiteral(","), true) + QLatin1String("\r\n");
    return csv;
}

Status TableActions::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error::unavailable(QStringLiteral("file"), tr("Cannot write “%1”: %2. Choose a folder you can write to.")
                                                             .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    file.write(tableAsCsv().toUtf8());
    if (!file.commit()) {
        return Error::unavailable(QStringLiteral("file"), tr("Cannot write “%1”: %2. Check the free space and the permissions.")
                                                             .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
    return {};
}

void TableActions::copyRows()
{
    const QString text = selectedRowsAsTsv();
    if (!text.isEmpty())
        QGuiApplication::clipboard()->setText(text);
}

void TableActions::copyCell()
{
    const QModelIndex index = m_menuIndex.isValid() ? QModelIndex(m_menuIndex) : m_view->currentIndex();
    if (index.isValid())
        QGuiApplication::clipboard()->setText(cellText(index));
}

void TableActions::chooseExportFile()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    auto *dialog = new QFileDialog(m_view->window(), tr("Export as CSV"), QDir(folder).filePath(m_exportName + QLatin1String(".csv")),
                                   tr("CSV files (*.csv);;All files (*)"));
    dialog->setObjectName(QStringLiteral("csvExportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    QPointer<QAbstractItemView> view = m_view;
    connect(dialog, &QFileDialog::fileSelected, this, [this, view](const QString &path) {
        if (!view)
            return;
        if (Status written = exportCsv(path); !written) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Export as CSV"), tr("The table could not be saved."), QMessageBox::Ok,
                                        view->window());
            box->setObjectName(QStringLiteral("csvExportErrorBox"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->setInformativeText(written.error().toString());
            box->open();
        }
    });
    dialog->open();
}

QTableView *readOnlyTable(const QString &name, QAbstractItemModel *model)
{
    auto *view = new QTableView;
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    TableActions::install(view, name);
    return view;
}

} // namespace arbor::ui
