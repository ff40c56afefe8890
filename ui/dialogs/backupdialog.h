#pragma once

#include "error.h"
#include "store/databasebackup.h"

#include <QDialog>
#include <QFuture>
#include <QPointer>

class QLabel;
class QLineEdit;
class QMessageBox;
class QProgressDialog;
class QPushButton;

namespace arbor {
class DatabaseService;
}

namespace arbor::ui {

class MessageLabel;

/**
 * File › Back Up Database…: the file to write (a name with today's date is offered), then the
 * copy with its progress while the engine goes on indexing (DatabaseService::backupDatabase: SQLite's
 * online backup, or pg_dump). An existing file is replaced only once the operator agreed.
 * Success is shown in the dialog; a failure also in a message box holding the tool's text.
 * Canceling stops the copy and leaves nothing written.
 */
class BackupDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit BackupDialog(arbor::DatabaseService *database, QWidget *parent = nullptr);
    ~BackupDialog() override;

    bool isRunning() const { return m_running; }
    void reject() override;

Q_SIGNALS:
    /// The backup ended: the file written, or the error shown.
    void backupFinished(bool ok, const QString &fileOrError);

private:
    void chooseFile();
    void confirmAndStart();
    void start(arbor::ExistingBackup existing);
    void showProgress(qint64 done, qint64 total);
    void finish(const arbor::Result<arbor::BackupResult> &result);
    void cancel();

    arbor::DatabaseService *m_database = nullptr;
    QLineEdit *m_fileEdit = nullptr;
    MessageLabel *m_fileError = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QLabel *m_status = nullptr;
    QPointer<QProgressDialog> m_progress;
    QPointer<QMessageBox> m_box;
    QFuture<arbor::Result<arbor::BackupResult>> m_future;
    bool m_running = false;
};

/// "1.5 MB in 2.3 s": what a backup or restore wrote and how long it took.
QString describeCopy(qint64 bytes, qint64 durationMs);

} // namespace arbor::ui
