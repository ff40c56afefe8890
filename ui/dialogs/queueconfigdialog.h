#pragma once

#include "model/balancequeue.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QSpinBox;

namespace arbor {
class BalanceService;
}

namespace arbor::ui {

/**
 * Edits one chain's balance-queue settings (every QueueConfig field) and saves them through
 * BalanceService::setQueueConfig.
 *
 * Every change is checked with QueueConfig::validate(): a problem is shown inline, naming the
 * field, and Save waits until it is fixed. A refusal from the engine (read-only, chain gone, a
 * rule only the store knows) is shown the same way and the dialog stays open; it closes,
 * accepted, only once the settings are saved. Meant to be opened window-modal with open().
 */
class QueueConfigDialog final : public QDialog
{
    Q_OBJECT

public:
    QueueConfigDialog(arbor::BalanceService *balances, const arbor::QueueConfig &config, const QString &chainName,
                      QWidget *parent = nullptr);

    /// The settings as currently entered.
    arbor::QueueConfig config() const;

private:
    QSpinBox *createSpinBox(const char *objectName, int value, const QString &suffix, const QString &toolTip);
    /// For the qint64 millisecond fields: a double holds them exactly up to 2^53.
    QDoubleSpinBox *createMsSpinBox(const char *objectName, qint64 value, const QString &toolTip);
    QWidget *withHint(QDoubleSpinBox *spinBox);
    /// A form row for the QueueConfig field `field` (as Error::field names it).
    void addRow(QFormLayout *form, const QString &label, QWidget *editor, const char *field);
    void revalidate();
    void save();
    void showError(const QString &message);
    /// The error with its field named as this dialog labels it ("Batch size: …").
    QString describe(const arbor::Error &error) const;

    arbor::BalanceService *m_balances = nullptr;
    qint64 m_chainId = 0;
    bool m_saving = false;

    QCheckBox *m_enabled = nullptr;
    QSpinBox *m_batchSize = nullptr;
    QSpinBox *m_interval = nullptr;
    QSpinBox *m_maxRetries = nullptr;
    QDoubleSpinBox *m_retryBackoff = nullptr;
    QDoubleSpinBox *m_boostAfter = nullptr;
    QSpinBox *m_boostBy = nullptr;
    QSpinBox *m_highLoadPending = nullptr;
    QDoubleSpinBox *m_delayedAfter = nullptr;
    QSpinBox *m_errorsPerHour = nullptr;
    QHash<QString, QString> m_fieldLabels;   ///< QueueConfig::validate() field name → label shown
    QLabel *m_error = nullptr;
    QPushButton *m_saveButton = nullptr;
};

} // namespace arbor::ui
