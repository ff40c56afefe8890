#pragma once

#include "error.h"
#include "model/chainconfig.h"
#include "store/indexbatch.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace arbor {
class IndexingService;
}

namespace arbor::ui {

class MessageLabel;
class RefreshThrottle;

/**
 * Asks for an audited reindex of a block range of one chain, then follows the request.
 *
 * The range must lie within what is indexed (from the chain's index ranges and checkpoint);
 * the reason is required. Problems are shown under the field and keep Start disabled. Once
 * the request is recorded the dialog polls IndexingService::reindexRequests() every second until the
 * request is done or failed (a RefreshThrottle: one read at a time, the new request read at once
 * even during one), and lists the chain's earlier requests (who, when, range, reason, status).
 */
class ReindexDialog final : public QDialog
{
    Q_OBJECT

public:
    enum HistoryColumn { IdColumn, RequestedByColumn, RequestedAtColumn, RangeColumn, ReasonColumn, StatusColumn, HistoryColumnCount };

    ReindexDialog(arbor::IndexingService *indexing, const arbor::ChainRecord &chain, QWidget *parent = nullptr);

    /// The indexed bounds once known: [first indexed block, checkpoint].
    std::optional<arbor::IndexRange> bounds() const { return m_bounds; }
    /// The request this dialog made, once recorded (id 0 before).
    const arbor::ReindexRequest &request() const { return m_request; }

    static constexpr int PollIntervalMs = 1000;

Q_SIGNALS:
    /// The request reached "done" or "failed".
    void requestFinished(const QString &status);

private:
    void loadBounds();
    void validate();
    void start();
    bool poll();
    void showHistory(const QList<arbor::ReindexRequest> &requests);
    void showRequest(const arbor::ReindexRequest &request);
    static QString statusText(const QString &status);

    arbor::IndexingService *m_indexing = nullptr;
    qint64 m_chainId = 0;
    QString m_chainName;
    std::optional<qint64> m_checkpoint;
    std::optional<arbor::IndexRange> m_bounds;
    arbor::ReindexRequest m_request;

    QLabel *m_boundsLabel = nullptr;
    QSpinBox *m_fromSpin = nullptr;
    QSpinBox *m_toSpin = nullptr;
    QLineEdit *m_reasonEdit = nullptr;
    MessageLabel *m_fromError = nullptr;
    MessageLabel *m_toError = nullptr;
    MessageLabel *m_reasonError = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_history = nullptr;
    QPushButton *m_startButton = nullptr;
    RefreshThrottle *m_poll = nullptr;
    bool m_submitting = false;
    bool m_finished = false;
};

} // namespace arbor::ui
