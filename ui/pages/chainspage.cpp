#include "pages/chainspage.h"

#include "consoleactions.h"
#include "delegates/statusbadgedelegate.h"
#include "models/chainlistmodel.h"
#include "widgets/chaincolumns.h"
#include "widgets/tableactions.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace arbor::ui {
namespace {

/// Where the chain table's header state is kept (the window's group, as in earlier versions).
constexpr char HeaderStateKey[] = "MainWindow/chainTableHeader";

} // namespace

ChainsPage::ChainsPage(ChainListModel *model, QSortFilterProxyModel *proxy, const ConsoleActions &verbs, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(proxy)
    , m_view(new QTableView)
{
    setObjectName(QStringLiteral("chainsPage"));
    createView();
    verbs.addToContextMenu(m_view);   // before the copy and export actions (TableActions)
    m_proxy->setFilterRole(ChainListModel::FilterRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(0);

    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("chainFilterEdit"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setPlaceholderText(tr("Filter by name, chain ID, status or RPC URL"));
    m_filter->addAction(QIcon::fromTheme(QStringLiteral("edit-find")), QLineEdit::LeadingPosition);
    connect(m_filter, &QLineEdit::textChanged, this, &ChainsPage::updateFilter);

    auto *find = new QAction(tr("Filter Chains"), this);
    find->setObjectName(QStringLiteral("filterChainsAction"));
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WindowShortcut);   // while the page shows, wherever the focus is
    connect(find, &QAction::triggered, this, [this] {
        m_filter->setFocus(Qt::ShortcutFocusReason);
        m_filter->selectAll();
    });
    addAction(find);
    m_filter->setToolTip(tr("Show only the chains whose name, chain ID, status or RPC URL contains this text (%1)")
                             .arg(find->shortcut().toString(QKeySequence::NativeText)));

    m_shown = new QLabel;
    m_shown->setObjectName(QStringLiteral("chainFilterCount"));
    m_shown->setForegroundRole(QPalette::PlaceholderText);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ChainsPage::updateShownCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ChainsPage::updateShownCount);
    // When the selected chain goes (deleted, filtered out), the row that takes its place is
    // selected, so the verbs stay at hand.
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, [this] {
        QItemSelectionModel *selection = m_view->selectionModel();
        if (selection && !selection->hasSelection() && m_view->currentIndex().isValid())
            selection->select(m_view->currentIndex(), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ChainsPage::updateShownCount);

    QHeaderView *header = m_view->horizontalHeader();
    m_columnMenu = new QMenu(this);
    m_columnMenu->setObjectName(QStringLiteral("chainColumnMenu"));
    for (int column = 0; column < ChainListModel::ColumnCount; ++column) {
        auto *toggle = m_columnMenu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
        toggle->setObjectName(QStringLiteral("chainColumnAction%1").arg(column));
        toggle->setCheckable(true);
        toggle->setData(column);
        toggle->setEnabled(column != ChainListModel::NameColumn);
        connect(toggle, &QAction::toggled, this, [this, column](bool on) { setColumnVisible(column, on); });
    }
    connect(m_columnMenu, &QMenu::aboutToShow, this, &ChainsPage::updateColumnMenu);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this, header](const QPoint &pos) {
        updateColumnMenu();
        m_columnMenu->popup(header->mapToGlobal(pos));
    });
    header->setToolTip(tr("Right-click to choose the columns"));
    updateColumnMenu();

    m_tableActions = TableActions::install(m_view, QStringLiteral("chains"));

    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(0, 0, 0, 0);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_shown);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addLayout(filterRow);
    layout->addWidget(m_view, 1);
    updateShownCount();
}

void ChainsPage::createView()
{
    m_view->setObjectName(QStringLiteral("chainTable"));
    m_view->setModel(m_proxy);
    m_view->setItemDelegateForColumn(ChainListModel::StatusColumn, new StatusBadgeDelegate(ChainListModel::BadgeColorRole, m_view));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ChainListModel::NameColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);   // the bulk verbs act on every selected chain
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 12);
    QHeaderView *header = m_view->horizontalHeader();
    header->setObjectName(QStringLiteral("chainTableHeader"));
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(true);
    fitChainColumns(header, true);
    header->setSectionHidden(ChainListModel::EngineColumn, true);   // until another engine indexes a chain
}

void ChainsPage::updateFilter()
{
    m_proxy->setFilterFixedString(m_filter->text().trimmed());
    updateShownCount();
}

void ChainsPage::updateShownCount()
{
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_shown->setVisible(!m_filter->text().trimmed().isEmpty());
    m_shown->setText(tr("%1 of %n chain(s)", nullptr, total).arg(shown));
}

void ChainsPage::updateColumnMenu()
{
    const QHeaderView *header = m_view->horizontalHeader();
    for (QAction *toggle : m_columnMenu->actions()) {
        const int column = toggle->data().toInt();
        const QSignalBlocker blocker(toggle);
        toggle->setText(m_model->headerData(column, Qt::Horizontal).toString());
        toggle->setChecked(!header->isSectionHidden(column));
    }
}

void ChainsPage::setColumnVisible(int column, bool visible)
{
    if (column < 0 || column >= ChainListModel::ColumnCount || (column == ChainListModel::NameColumn && !visible))
        return;
    QHeaderView *header = m_view->horizontalHeader();
    if (header->isSectionHidden(column) == !visible)
        return;
    header->setSectionHidden(column, !visible);
    if (visible && header->sectionSize(column) < header->minimumSectionSize() * 2)
        header->resizeSection(column, header->defaultSectionSize());
    updateColumnMenu();
    saveColumns();
}

void ChainsPage::saveColumns() const
{
    QSettings().setValue(HeaderStateKey, m_view->horizontalHeader()->saveState());
}

void ChainsPage::restoreColumns()
{
    QHeaderView *header = m_view->horizontalHeader();
    if (header->restoreState(QSettings().value(HeaderStateKey).toByteArray()))
        fitChainColumns(header, false);   // saved in another language, perhaps
}

} // namespace arbor::ui
