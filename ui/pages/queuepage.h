#pragma once

#include "model/balancequeue.h"

#include <QSet>
#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace arbor {
class BalanceService;
struct EngineState;
}

namespace arbor::ui {

class QueueChartPanel;
class QueueHealthModel;
class RefreshThrottle;
class TokenProblemModel;

/**
 * The balance queue page: every chain's queue health in a table, the token problems under it
 * (a failure every item of one token shares, said once for the token, shown while it lasts),
 * live charts of the selected chain, its settings and "Retry failed".
 *
 * The tables follow BalanceService::queueHealthChanged, and are read (RefreshThrottle) when the page is
 * first shown and after the page's own commands; a refresh asked for during a read is read after
 * it. The charts are seeded from the chain's recorded history when it is selected and then
 * follow the same signal. Commands go through the Engine and report in the page's status line.
 * The page does not own the Engine, which must outlive it.
 */
class QueuePage final : public QWidget
{
    Q_OBJECT

public:
    explicit QueuePage(arbor::BalanceService *balances, QWidget *parent = nullptr);
    ~QueuePage() override;

    /// Reads every chain's health now instead of at the next tick, or as soon as the read under
    /// way is back.
    void refresh();

private:
    bool read();
    void onHealthChanged(const QList<arbor::QueueHealth> &health);
    void applyEngineState(const arbor::EngineState &state);
    void onSelectionChanged();
    void updateActions();
    std::optional<arbor::QueueHealth> selectedChain() const;
    void editSelectedConfig();
    void retrySelectedFailed();
    void showStatus(const QString &text, bool error = false);

    arbor::BalanceService *m_balances = nullptr;
    QueueHealthModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    TokenProblemModel *m_problems = nullptr;
    QTableView *m_problemView = nullptr;
    QWidget *m_problemBox = nullptr;
    QLabel *m_problemCaption = nullptr;
    QueueChartPanel *m_charts = nullptr;
    QPushButton *m_configureButton = nullptr;
    QPushButton *m_retryButton = nullptr;
    QLabel *m_statusLine = nullptr;

    RefreshThrottle *m_refresh = nullptr;
    quint64 m_historyRequest = 0;      ///< answers to older history requests are dropped
    QSet<qint64> m_busyChains;         ///< chains with a command in flight
};

} // namespace arbor::ui
