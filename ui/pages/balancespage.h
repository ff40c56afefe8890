#pragma once

#include "model/balancequeue.h"
#include "model/chainconfig.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTreeView;

namespace arbor {
class BalanceService;
class ChainService;
struct EngineState;
}

namespace arbor::ui {

class PortfolioModel;
class TopHoldersModel;

/**
 * The balance explorer, in two modes: an address's portfolio across every chain (flat, or
 * grouped by chain or by token; a minimum typed in token units, converted exactly with each
 * token's decimals), and the top holders of one token on one chain with their share of the
 * token's total supply (read from the chain: BalanceService::tokenSupply). Balances are in the locale's
 * separators, aligned on the decimal point and never cut in the middle; every table can be
 * copied and exported (TableActions).
 *
 * Input is checked before anything is sent: a malformed address or amount is reported under
 * its field and no query leaves. Answers arrive as Engine futures; a busy indicator shows
 * while one is awaited, and a newer query supersedes an older one, whose answer is dropped.
 * The chain and token choices follow ChainService::chainsChanged. The page does not own the Engine,
 * which must outlive it.
 */
class BalancesPage final : public QWidget
{
    Q_OBJECT

public:
    enum Mode { PortfolioMode, TopHoldersMode };

    explicit BalancesPage(arbor::BalanceService *balances, arbor::ChainService *chains, QWidget *parent = nullptr);
    ~BalancesPage() override;

    void setMode(Mode mode);

private:
    QWidget *createPortfolioTab();
    QWidget *createHoldersTab();

    void lookUpPortfolio();
    void showTopHolders();
    /// Reads the token's total supply for the share column of holders query `query`.
    void showSupply(quint64 query, qint64 chainId, const arbor::Address &token, const arbor::TokenBalance &sample);
    void onChainsChanged(const QList<arbor::ChainRecord> &chains);
    void updateTokens();
    void updateButtons();

    arbor::BalanceService *m_balances = nullptr;
    arbor::ChainService *m_chains = nullptr;
    QTabWidget *m_modes = nullptr;

    PortfolioModel *m_portfolioModel = nullptr;
    QSortFilterProxyModel *m_portfolioProxy = nullptr;
    QLineEdit *m_holderEdit = nullptr;
    QLabel *m_holderError = nullptr;
    QLineEdit *m_minBalanceEdit = nullptr;
    QLabel *m_minBalanceError = nullptr;
    QPushButton *m_portfolioButton = nullptr;
    QProgressBar *m_portfolioBusy = nullptr;
    QLabel *m_portfolioSummary = nullptr;
    QComboBox *m_groupCombo = nullptr;
    QTreeView *m_portfolioView = nullptr;
    quint64 m_portfolioQuery = 0;       ///< answers to older queries are dropped

    TopHoldersModel *m_holdersModel = nullptr;
    QComboBox *m_chainCombo = nullptr;
    QComboBox *m_tokenCombo = nullptr;
    QSpinBox *m_limitSpin = nullptr;
    QPushButton *m_holdersButton = nullptr;
    QProgressBar *m_holdersBusy = nullptr;
    QLabel *m_holdersSummary = nullptr;
    QTableView *m_holdersView = nullptr;
    QLabel *m_supplyLabel = nullptr;   ///< the total supply the share column is of, or why it is unknown
    quint64 m_holdersQuery = 0;         ///< answers to older queries are dropped

    QList<arbor::ChainRecord> m_shownChains;  ///< as the chain combo shows them
};

} // namespace arbor::ui
