#pragma once

#include "error.h"
#include "model/chainconfig.h"
#include "store/indexbatch.h"

#include <QDialog>
#include <QHash>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace arbor {
class IndexingService;
}

namespace arbor::ui {

/**
 * Rebuilds a chain's rows in the cross-chain (global) tables from its production tables: all
 * of them or one. Shows a busy bar while the engine works, then the global row count of each
 * table before and after, or the error. One run per dialog; it cannot be closed while running.
 */
class ResyncDialog final : public QDialog
{
    Q_OBJECT

public:
    ResyncDialog(arbor::IndexingService *indexing, const arbor::ChainRecord &chain, QWidget *parent = nullptr);

    /// The cross-chain tables an operator can pick, in declaration order.
    static QStringList crossChainTables();
    /// A table as the dialog names it ("Token balances" for token_balances).
    static QString tableText(const QString &table);

    bool isRunning() const { return m_running; }

    void reject() override;

Q_SIGNALS:
    /// The resync ended: `ok`, or the error an operator reads in the dialog.
    void resyncFinished(bool ok, const QString &error);

private:
    void start();
    void finish(const arbor::Status &status);
    void readCounts(std::function<void(QHash<QString, qint64>)> done);
    void showCounts();

    arbor::IndexingService *m_indexing = nullptr;
    qint64 m_chainId = 0;
    QString m_chainName;
    QComboBox *m_tableCombo = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_counts = nullptr;
    bool m_running = false;
    bool m_started = false;
    QHash<QString, qint64> m_productionRows;
    QHash<QString, qint64> m_before;
    QHash<QString, qint64> m_after;
};

} // namespace arbor::ui
