#pragma once

#include "error.h"
#include "store/databasebackup.h"

#include <QDialog>
#include <QFuture>
#include <QPointer>

class QLineEdit;
class QLabel;
class QMessageBox;
class QProgressDialog;
class QPushButton;
class QRadioButton;
class QToolButton;

namespace arbor {
class DatabaseService;
}

namespace arbor::ui {

class MessageLabel;

/**
 * File › Restore Database…: a backup file and a new database to restore it into — a new SQLite
 * file or an empty PostgreSQL database, never the one the console runs on — then the restore
 * with its progress (DatabaseService::restoreDatabase). The console goes on with its own database; once
 * done, a message offers to switch to the restored one now (or later, Settings › Storage). Refusals (a target
 * that holds tables, a file that is no backup) and the tools' errors are shown in a message box.
 */
class RestoreDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit RestoreDialog(arbor::DatabaseService *database, QWidget *parent = nullptr);
    ~RestoreDialog() override;

    bool isRunning() const { return m_running; }
    void reject() override;

Q_SIGNALS:
    /// The restore ended: the restored database's URL, or the error shown.
    void restoreFinished(bool ok, const QString &urlOrError);
    /// The operator chose to work on the restored database now.
    void switchRequested(const QString &url);

private:
    void chooseBackup();
    void chooseTarget();
    void updateTargetFields();
    arbor::Result<arbor::DatabaseUrl> chosenTarget() const;
    void start();
    void run(const arbor::DatabaseUrl &target, const QString &file, const QString &password);
    void finish(const arbor::Result<arbor::RestoreResult> &result);
    void cancel();
    void setRunning(bool running);

    arbor::DatabaseService *m_database = nullptr;
    QLineEdit *m_backupEdit = nullptr;
    MessageLabel *m_backupError = nullptr;
    QRadioButton *m_sqliteRadio = nullptr;
    QRadioButton *m_postgresRadio = nullptr;
    QLineEdit *m_sqlitePathEdit = nullptr;
    QToolButton *m_sqliteBrowse = nullptr;
    QLineEdit *m_postgresUrlEdit = nullptr;
    MessageLabel *m_targetError = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QPointer<QProgressDialog> m_progress;
    QPointer<QMessageBox> m_box;
    QFuture<arbor::Result<arbor::RestoreResult>> m_future;
    bool m_running = false;
};

} // namespace arbor::ui
