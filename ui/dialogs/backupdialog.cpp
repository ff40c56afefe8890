#include "dialogs/backupdialog.h"

#include "engine/databaseservice.h"
#include "util/continuation.h"
#include "widgets/messagelabel.h"
#include "widgets/screenfit.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace arbor::ui {

QString describeCopy(qint64 bytes, qint64 durationMs)
{
    return QCoreApplication::translate("arbor::ui::BackupDialog", "%1 in %2 s")
        .arg(QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat))
        .arg(QLocale().toString(double(durationMs) / 1000.0, 'f', 1));
}

BackupDialog::BackupDialog(DatabaseService *database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("backupDialog"));
    setWindowTitle(tr("Back Up Database"));
    const DatabaseUrl url = m_database->url();
    const bool postgres = url.backend == Backend::Postgres;

    auto *intro = new QLabel(postgres ? tr("Write a backup of %1 with pg_dump (custom format) while Arbor goes on indexing. "
                                           "Restore it with File › Restore Database… or “arborctl db restore”.").arg(url.displayName())
                                      : tr("Copy %1 into a backup file while Arbor goes on indexing. Restore it with "
                                           "File › Restore Database… or “arborctl db restore”.").arg(url.displayName()),
                             this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);

    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QLatin1String("arbor-backup-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))
        + (postgres ? QLatin1String(".dump") : QLatin1String(".db"));
    m_fileEdit = new QLineEdit(QDir::toNativeSeparators(QDir(folder.isEmpty() ? QDir::homePath() : folder).filePath(name)), this);
    m_fileEdit->setObjectName(QStringLiteral("backupFileEdit"));
    auto *browse = new QToolButton(this);
    browse->setObjectName(QStringLiteral("backupBrowseButton"));
    browse->setText(tr("Choose…"));
    m_fileError = new MessageLabel(QStringLiteral("backupFileError"), this);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileEdit, 1);
    fileRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("Backup &file:"), fileRow);
    form->addRow(QString(), m_fileError);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("backupStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    m_startButton = buttons->addButton(tr("&Back Up"), QDialogButtonBox::AcceptRole);
    m_startButton->setObjectName(QStringLiteral("backupStartButton"));
    m_startButton->setDefault(true);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("backupCloseButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resizeOnScreen(this, QSize(std::max(560, sizeHint().width()), sizeHint().height()));

    connect(browse, &QToolButton::clicked, this, &BackupDialog::chooseFile);
    connect(m_fileEdit, &QLineEdit::textChanged, m_fileError, &MessageLabel::clearMessage);
    connect(m_startButton, &QPushButton::clicked, this, &BackupDialog::confirmAndStart);
    connect(m_closeButton, &QPushButton::clicked, this, &BackupDialog::reject);
}

BackupDialog::~BackupDialog()
{
    // A backup nobody waits for any more stops between two steps and leaves nothing written.
    if (m_running)
        m_future.cancel();
}

void BackupDialog::reject()
{
    if (m_running)
        return;
    QDialog::reject();
}

void BackupDialog::chooseFile()
{
    auto *dialog = new QFileDialog(this, tr("Backup File"), QFileInfo(m_fileEdit->text()).absolutePath());
    dialog->setObjectName(QStringLiteral("backupFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->selectFile(m_fileEdit->text());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) {
        m_fileEdit->setText(QDir::toNativeSeparators(file));
        // The file dialog asked about an existing file already.
        start(ExistingBackup::Replace);
    });
    dialog->open();
}

void BackupDialog::confirmAndStart()
{
    const QString file = QDir::fromNativeSeparators(m_fileEdit->text().trimmed());
    if (file.isEmpty()) {
        m_fileError->showMessage(tr("Enter the file to write the backup to."));
        return;
    }
    if (!QFileInfo::exists(file)) {
        start(ExistingBackup::Refuse);
        return;
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Back Up Database"), tr("%1 exists already. Replace it with the new backup?").arg(file),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("backupReplaceBox"));
    QPushButton *replace = box->addButton(tr("&Replace"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, replace](QAbstractButton *clicked) {
        if (clicked == replace)
            start(ExistingBackup::Replace);
    });
    box->open();
}

void BackupDialog::start(ExistingBackup existing)
{
    if (m_running)
        return;
    const QString file = QDir::fromNativeSeparators(m_fileEdit->text().trimmed());
    if (file.isEmpty()) {
        m_fileError->showMessage(tr("Enter the file to write the backup to."));
        return;
    }
    m_running = true;
    m_startButton->setEnabled(false);
    m_closeButton->setEnabled(false);
    m_fileEdit->setEnabled(false);
    m_status->setText(tr("Backing up to %1…").arg(file));

    m_progress = new QProgressDialog(tr("Backing up to %1…").arg(QFileInfo(file).fileName()), tr("Cancel"), 0, 1000, this);
    m_progress->setObjectName(QStringLiteral("backupProgressDialog"));
    m_progress->setWindowTitle(tr("Back Up Database"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(0);
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, this, &BackupDialog::cancel);

    QPointer<BackupDialog> self(this);
    m_future = m_database->backupDatabase(file, existing, [self](qint64 done, qint64 total) {
        if (self)
            self->showProgress(done, total);
    });
    then(m_future, this, [this](Result<BackupResult> result) { finish(result); });
}

void BackupDialog::showProgress(qint64 done, qint64 total)
{
    if (m_progress && total > 0)
        m_progress->setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
}

void BackupDialog::cancel()
{
    if (!m_running)
        return;
    m_future.cancel();
    m_running = false;
    if (m_progress)
        m_progress->deleteLater();
    m_status->setText(tr("Canceled: no backup was written."));
    m_startButton->setEnabled(true);
    m_closeButton->setEnabled(true);
    m_fileEdit->setEnabled(true);
    Q_EMIT backupFinished(false, m_status->text());
}

void BackupDialog::finish(const Result<BackupResult> &result)
{
    m_running = false;
    if (m_progress) {
        m_progress->blockSignals(true);   // closing it is not a cancel
        m_progress->deleteLater();
    }
    m_closeButton->setEnabled(true);
    m_fileEdit->setEnabled(true);
    if (result) {
        m_status->setText(tr("Backed up %1 to %2: %3.").arg(result->source, QDir::toNativeSeparators(result->file),
                                                            describeCopy(result->bytes, result->durationMs)));
        m_closeButton->setDefault(true);
        m_closeButton->setFocus();
        Q_EMIT backupFinished(true, result->file);
        return;
    }
    m_startButton->setEnabled(true);
    const QString error = result.error().toString();
    m_status->setText(tr("The backup failed: %1").arg(error));
    m_box = new QMessageBox(QMessageBox::Critical, tr("Back Up Database"), tr("The backup failed; nothing was written."), QMessageBox::Ok, this);
    m_box->setObjectName(QStringLiteral("backupErrorBox"));
    m_box->setInformativeText(error);
    m_box->setAttribute(Qt::WA_DeleteOnClose);
    m_box->open();
    Q_EMIT backupFinished(false, error);
}

} // namespace arbor::ui
