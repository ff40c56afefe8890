#include "widgets/endpointspanel.h"

#include "delegates/statusbadgedelegate.h"
#include "engine/chainservice.h"
#include "models/chainlistmodel.h"
#include "models/endpointmodel.h"
#include "timetext.h"
#include "util/continuation.h"
#include "widgets/tableactions.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTime>
#include <QVBoxLayout>

namespace arbor::ui {
namespace {

// What the row recorded and the live figures do not carry yet: the node's history, detected
// once, the limits an earlier run learned (a limit, once learned, is never 0 again), and the
// bill, which only the database adds up (every process's calls, the operator's prices).
void mergeRecorded(EndpointRecord &live, const EndpointRecord &recorded)
{
    live.calls = recorded.calls;
    live.prices = recorded.prices;
    if (!live.servesHistory) {
        live.servesHistory = recorded.servesHistory;
        live.historyNote = recorded.historyNote;
    }
    if (live.maxRequestsPerSecond <= 0)
        live.maxRequestsPerSecond = recorded.maxRequestsPerSecond;
    EndpointLimits &limits = live.limits;
    if (limits.learnedRate <= 0)
        limits.learnedRate = recorded.limits.learnedRate;
    if (limits.maxBatch <= 0)
        limits.maxBatch = recorded.limits.maxBatch;
    if (limits.logRangeLimit <= 0)
        limits.logRangeLimit = recorded.limits.logRangeLimit;
    if (limits.logResultLimit <= 0)
        limits.logResultLimit = recorded.limits.logResultLimit;
}

} // namespace

EndpointsPanel::EndpointsPanel(ChainService *chains, QWidget *parent)
    : QWidget(parent)
    , m_chains(chains)
    , m_model(new EndpointModel(this))
{
    QTableView *table = readOnlyTable(QStringLiteral("chainDetailEndpoints"), m_model);
    table->setItemDelegateForColumn(EndpointModel::StatusColumn, new StatusBadgeDelegate(EndpointModel::BadgeColorRole, table));

    m_probe = new QPushButton(tr("&Probe Now"));
    m_probe->setObjectName(QStringLiteral("chainDetailProbeButton"));
    m_probe->setToolTip(tr("Ask every endpoint for its head now; an unreachable one that answers is used again at once"));
    m_probe->setEnabled(false);
    connect(m_probe, &QPushButton::clicked, this, &EndpointsPanel::probeNow);
    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("chainDetailProbeResult"));
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setWordWrap(true);

    auto *probeRow = new QHBoxLayout;
    probeRow->addWidget(m_probe);
    probeRow->addWidget(m_result, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(probeRow);
    layout->addWidget(table, 1);
}

void EndpointsPanel::setChain(qint64 chainId)
{
    m_chainId = chainId;
    ++m_generation;
    m_hasStatus = false;
    m_result->clear();
    m_model->clear();
}

void EndpointsPanel::update(const std::optional<ChainStatus> &status, const std::optional<ChainRecord> &record)
{
    m_hasStatus = status.has_value();
    if (!status || status->endpoints.isEmpty()) {
        if (record)
            m_model->update(record->endpoints);
        return;
    }
    QList<EndpointRecord> endpoints = status->endpoints;
    if (record) {
        for (EndpointRecord &live : endpoints) {
            for (const EndpointRecord &recorded : record->endpoints) {
                if (recorded.url == live.url)
                    mergeRecorded(live, recorded);
            }
        }
    }
    m_model->update(endpoints);
}

void EndpointsPanel::setProbeAllowed(bool allowed)
{
    m_allowed = allowed;
    m_probe->setEnabled(m_allowed && !m_probing);
}

void EndpointsPanel::probeNow()
{
    if (m_chainId == 0)
        return;
    const int generation = m_generation;
    m_probing = true;
    m_probe->setEnabled(false);
    m_result->setText(tr("Probing every endpoint…"));
    then(m_chains->probeNow(ChainRef{m_chainId, {}}), this, [this, generation](const Result<QList<EndpointRecord>> &probed) {
        m_probing = false;
        m_probe->setEnabled(m_allowed);
        if (generation != m_generation)
            return;     // another chain is shown now
        if (!probed) {
            m_result->setText(tr("Probe failed: %1").arg(probed.error().message));
            return;
        }
        m_result->setText(tr("Probed at %1: %2").arg(timeOfDayText(QTime::currentTime()), ChainListModel::endpointSummary(*probed)));
        if (!m_hasStatus)
            m_model->update(*probed);   // no figures of the chain at all: what the probe found is all there is
    });
}

} // namespace arbor::ui
