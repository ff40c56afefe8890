#pragma once

#include "rpc/endpointprobe.h"

#include <QList>
#include <QWizardPage>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace arbor::ui {

class AddChainWizard;
class MessageLabel;

/**
 * Second page of the add-chain wizard: probes every URL of the first page (chain id, head,
 * latency, client version, whether it serves historical state) through ChainService::probeEndpoints
 * and shows one row per URL, failures explained. Next is enabled once at least one URL answered and all that answered serve the
 * same chain, one not yet added; URLs that did not answer are left out of the chain.
 */
class ProbePage final : public QWizardPage
{
    Q_OBJECT

public:
    enum Column { UrlColumn, ChainIdColumn, HeadColumn, LatencyColumn, ClientColumn, HistoryColumn, ResultColumn, ColumnCount };

    explicit ProbePage(AddChainWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    bool isProbing() const { return m_probing; }
    /// The URLs that answered, in the order typed.
    QList<QUrl> answeringUrls() const;
    /// The chain id all answering URLs agree on, 0 when there is none.
    qint64 chainId() const;
    /// The lowest head among the answering URLs.
    std::optional<qint64> head() const;

private:
    void probe();
    void showResults(const QList<arbor::ProbeResult> &results);
    void setProbing(bool probing);

    AddChainWizard *m_wizard;
    QTableWidget *m_table = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_busyLabel = nullptr;
    QPushButton *m_againButton = nullptr;
    MessageLabel *m_summary = nullptr;
    QList<arbor::ProbeResult> m_results;
    bool m_probing = false;
    bool m_usable = false;
    int m_generation = 0;
};

} // namespace arbor::ui
