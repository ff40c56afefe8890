#pragma once

#include "error.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;

namespace arbor {
class ChainService;
}

namespace arbor::ui {

/**
 * Runs the journaled delete of a chain the operator has confirmed (DeleteChainDialog) and shows
 * each cleanup step as it starts and completes: unchecked while pending, partly checked while
 * running, checked when done. Ends with "Chain … deleted" or the error; Close is enabled only
 * then, since the delete cannot be stopped half-way (an interrupted one resumes at start-up).
 *
 * The delete starts with the dialog: construct it, then open() it.
 */
class DeleteProgressDialog final : public QDialog
{
    Q_OBJECT

public:
    DeleteProgressDialog(arbor::ChainService *chains, qint64 chainId, const QString &name, QWidget *parent = nullptr);

    bool isRunning() const { return m_running; }
    /// Set once the delete ended: whether it succeeded.
    bool succeeded() const { return m_succeeded; }

    void reject() override;

Q_SIGNALS:
    /// The delete ended: `ok`, or the error shown in the dialog.
    void deletionFinished(bool ok, const QString &error);

private:
    void stepChanged(qint64 chainId, int step, const QString &name, bool done);
    void finish(const arbor::Status &status);

    qint64 m_chainId;
    QString m_name;
    QListWidget *m_steps = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_closeButton = nullptr;
    bool m_running = true;
    bool m_succeeded = false;
};

} // namespace arbor::ui
