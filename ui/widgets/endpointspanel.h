#pragma once

#include "model/chainconfig.h"
#include "model/chainstatus.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace arbor {
class ChainService;
}

namespace arbor::ui {

class EndpointModel;

/**
 * The Chain Details page's RPC endpoints: their table (EndpointModel: status, latency, head,
 * whether the node serves historical state, the limits learned, the bill) and Probe Now, which
 * asks every endpoint of the chain for its head at once (ChainService::probeNow) and says what
 * it found; an unreachable endpoint that answers is used again at once.
 *
 * The page gives it the chain's live status and record; an answer for a chain no longer shown is
 * dropped. Thread: the GUI thread; nothing here waits.
 */
class EndpointsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit EndpointsPanel(arbor::ChainService *chains, QWidget *parent = nullptr);

    EndpointModel *model() const { return m_model; }

    /// Shows `chainId` (0: none): an empty table until update() and no probe result.
    void setChain(qint64 chainId);
    /**
     * The endpoints from the live status when the chain is indexed here, else from its record.
     * The record adds what the live figures do not carry: whether each node serves historical
     * state (detected once), the limits an earlier run learned, and the bill.
     */
    void update(const std::optional<arbor::ChainStatus> &status, const std::optional<arbor::ChainRecord> &record);
    /// Whether Probe Now is offered (the chain exists and is not being deleted).
    void setProbeAllowed(bool allowed);

private:
    void probeNow();

    arbor::ChainService *m_chains;
    EndpointModel *m_model = nullptr;
    QPushButton *m_probe = nullptr;
    QLabel *m_result = nullptr;
    qint64 m_chainId = 0;
    int m_generation = 0;          ///< bumped by setChain: a probe's answer for another chain is dropped
    bool m_allowed = false;
    bool m_probing = false;
    bool m_hasStatus = false;      ///< the last update() had the chain's figures (live or recorded): they stay
};

} // namespace arbor::ui
