#include "dialogs/resyncdialog.h"

#include "engine/indexingservice.h"
#include "model/entitydef.h"
#include "util/continuation.h"

#include <QComboBox>
#include <QFutureWatcher>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace arbor::ui {

QStringList ResyncDialog::crossChainTables()
{
    QStringList tables;
    for (const EntityDef &e : evmEntities()) {
        if (e.crossChain)
            tables.append(e.name);
    }
    return tables;
}

QString ResyncDialog::tableText(const QString &table)
{
    if (table == u"token_balances")
        return tr("Token balances");
    if (table == u"block_summaries")
        return tr("Daily block statistics");
    if (table == u"agent_identities")
        return tr("Agent identities");
    if (table == u"agent_reputation")
        return tr("Agent reputation");
    return table;
}

ResyncDialog::ResyncDialog(IndexingService *indexing, const ChainRecord &chain, QWidget *parent)
    : QDialog(parent)
    , m_indexing(indexing)
    , m_chainId(chain.config.chainId)
    , m_chainName(chain.config.name)
{
    setObjectName(QStringLiteral("resyncDialog"));
    setWindowTitle(tr("Resync Global Tables"));

    auto *intro = new QLabel(tr("Rebuild the rows of “%1” (chain ID %2) in the cross-chain tables from its own tables. "
                                "Other chains' rows are not touched.").arg(m_chainName).arg(m_chainId), this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);

    m_tableCombo = new QComboBox(this);
    m_tableCombo->setObjectName(QStringLiteral("resyncTableCombo"));
    m_tableCombo->addItem(tr("All tables"), QString());
    for (const QString &table : crossChainTables()) {
        m_tableCombo->addItem(tableText(table), table);
        m_tableCombo->setItemData(m_tableCombo->count() - 1, tr("The table %1").arg(table), Qt::ToolTipRole);
    }

    auto *form = new QFormLayout;
    form->addRow(tr("&Tables:"), m_tableCombo);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("resyncProgress"));
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->hide();

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("resyncStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_counts = new QTableWidget(0, 4, this);
    m_counts->setObjectName(QStringLiteral("resyncCounts"));
    m_counts->setHorizontalHeaderLabels({tr("Table"), tr("Chain rows"), tr("Global rows before"), tr("Global rows after")});
    m_counts->verticalHeader()->hide();
    m_counts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_counts->setSelectionMode(QAbstractItemView::NoSelection);
    m_counts->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_counts->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    // Room for every cross-chain table from the start: the dialog does not jump when results arrive.
    m_counts->setMinimumHeight(m_counts->horizontalHeader()->sizeHint().height()
                               + m_counts->verticalHeader()->defaultSectionSize() * int(crossChainTables().size())
                               + 2 * m_counts->frameWidth() + 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_closeButton = buttons->button(QDialogButtonBox::Close);
    m_startButton = buttons->addButton(tr("&Start Resync"), QDialogButtonBox::ActionRole);
    m_startButton->setObjectName(QStringLiteral("resyncStartButton"));
    m_startButton->setDefault(true);
    if (indexing->isReadOnly()) {
        m_startButton->setEnabled(false);
        m_status->setText(tr("This console is read-only (%1); resync from the console that holds the database.")
                              .arg(indexing->state().readOnlyReason));
    }

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_counts, 1);
    layout->addWidget(buttons);

    connect(m_startButton, &QPushButton::clicked, this, &ResyncDialog::start);
    connect(buttons, &QDialogButtonBox::rejected, this, &ResyncDialog::reject);
    setMinimumWidth(520);

}

void ResyncDialog::reject()
{
    if (m_running)
        return;   // the engine keeps working; the result is worth seeing
    QDialog::reject();
}

void ResyncDialog::start()
{
    if (m_started)
        return;
    m_started = true;
    m_running = true;
    m_startButton->setEnabled(false);
    m_tableCombo->setEnabled(false);
    m_closeButton->setEnabled(false);
    m_progress->show();
    const QString table = m_tableCombo->currentData().toString();
    m_status->setText(table.isEmpty() ? tr("Rebuilding the global rows of every cross-chain table…")
                                      : tr("Rebuilding the global rows of %1…").arg(table));
    // One step after the other, so "before" is read before the resync writes and "after" once it committed.
    readCounts([this, table](QHash<QString, qint64> before) {
        m_before = std::move(before);
        then(m_indexing->resync(ChainRef{m_chainId, {}}, table), this, [this](Status s) { finish(s); });
    });
}

void ResyncDialog::finish(const Status &status)
{
    m_running = false;
    m_progress->hide();
    m_closeButton->setEnabled(true);
    m_closeButton->setFocus();
    if (!status) {
        m_status->setText(tr("Resync failed: %1").arg(status.error().toString()));
    } else {
        const QString table = m_tableCombo->currentData().toString();
        m_status->setText(table.isEmpty() ? tr("Resync finished: the global rows of every cross-chain table were rebuilt.")
                                          : tr("Resync finished: the global rows of %1 were rebuilt.").arg(table));
        readCounts([this](QHash<QString, qint64> after) {
            m_after = std::move(after);
            showCounts();
        });
    }
    Q_EMIT resyncFinished(status.ok(), status ? QString() : status.error().toString());
}

void ResyncDialog::readCounts(std::function<void(QHash<QString, qint64>)> done)
{
    // Counting rows is a cheap read on the reader thread; if it fails the counts show "–".
    then(m_indexing->syncStatus(), this, [this, done = std::move(done)](Result<QList<SyncStatusRow>> rows) {
        QHash<QString, qint64> counts;
        if (rows) {
            for (const SyncStatusRow &row : *rows) {
                if (row.chainId != m_chainId || !row.globalRows)
                    continue;
                counts.insert(row.table, *row.globalRows);
                m_productionRows.insert(row.table, row.productionRows);
            }
        }
        done(counts);
    });
}

void ResyncDialog::showCounts()
{
    const QString only = m_tableCombo->currentData().toString();
    const QStringList tables = only.isEmpty() ? crossChainTables() : QStringList{only};
    auto cell = [](const QString &text, bool number) {
        auto *item = new QTableWidgetItem(text);
        if (number)
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    auto count = [this](const QHash<QString, qint64> &counts, const QString &table) {
        return counts.contains(table) ? locale().toString(counts.value(table)) : tr("–");
    };
    m_counts->setRowCount(int(tables.size()));
    for (int row = 0; row < tables.size(); ++row) {
        const QString &table = tables.at(row);
        QTableWidgetItem *name = cell(tableText(table), false);
        name->setToolTip(tr("The table %1").arg(table));
        m_counts->setItem(row, 0, name);
        m_counts->setItem(row, 1, cell(count(m_productionRows, table), true));
        m_counts->setItem(row, 2, cell(count(m_before, table), true));
        m_counts->setItem(row, 3, cell(count(m_after, table), true));
    }

}

} // namespace arbor::ui
