#include "dialogs/restoredialog.h"

#include "dialogs/backupdialog.h"
#include "engine/databaseservice.h"
#include "secrets/secretstore.h"
#include "util/continuation.h"
#include "widgets/messagelabel.h"
#include "widgets/screenfit.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace arbor::ui {

RestoreDialog::RestoreDialog(DatabaseService *database, QWidget *parent)
    : QDialog(parent)
    , m_database(database)
{
    setObjectName(QStringLiteral("restoreDialog"));
    setWindowTitle(tr("Restore Database"));

    auto *intro = new QLabel(tr("Restore a backup into a new database. The database Arbor runs on now (%1) is not touched; "
                                "open the restored one afterwards in Settings.").arg(m_database->url().displayName()),
                             this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);

    m_backupEdit = new QLineEdit(this);
    m_backupEdit->setObjectName(QStringLiteral("restoreBackupEdit"));
    m_backupEdit->setPlaceholderText(tr("A file from Back Up Database… or “arborctl db backup”"));
    auto *browseBackup = new QToolButton(this);
    browseBackup->setObjectName(QStringLiteral("restoreBackupBrowseButton"));
    browseBackup->setText(tr("Choose…"));
    m_backupError = new MessageLabel(QStringLiteral("restoreBackupError"), this);
    auto *backupRow = new QHBoxLayout;
    backupRow->addWidget(m_backupEdit, 1);
    backupRow->addWidget(browseBackup);

    m_sqliteRadio = new QRadioButton(tr("A new &SQLite file"), this);
    m_sqliteRadio->setObjectName(QStringLiteral("restoreSqliteRadio"));
    m_sqlitePathEdit = new QLineEdit(this);
    m_sqlitePathEdit->setObjectName(QStringLiteral("restoreSqlitePathEdit"));
    // A real proposal, not a grey placeholder: Restore works without typing a path, and never
    // onto a file that is there already.
    const QDir folder = QFileInfo(DatabaseUrl::defaultSqlitePath()).absoluteDir();
    QString proposal = folder.filePath(QStringLiteral("restored.db"));
    for (int n = 2; QFileInfo::exists(proposal); ++n)
        proposal = folder.filePath(QStringLiteral("restored-%1.db").arg(n));
    m_sqlitePathEdit->setText(QDir::toNativeSeparators(proposal));
    m_sqliteBrowse = new QToolButton(this);
    m_sqliteBrowse->setText(tr("Choose…"));
    m_postgresRadio = new QRadioButton(tr("An empty &PostgreSQL database"), this);
    m_postgresRadio->setObjectName(QStringLiteral("restorePostgresRadio"));
    m_postgresUrlEdit = new QLineEdit(this);
    m_postgresUrlEdit->setObjectName(QStringLiteral("restorePostgresUrlEdit"));
    m_postgresUrlEdit->setPlaceholderText(QStringLiteral("postgresql://arbor@db.example.org:5432/arbor_restored"));
    auto *postgresNote = new QLabel(tr("Create it first (createdb NAME). The password comes from the OS keychain or PGPASSWORD."), this);
    postgresNote->setWordWrap(true);
    postgresNote->setEnabled(false);
    m_targetError = new MessageLabel(QStringLiteral("restoreTargetError"), this);
    auto *group = new QButtonGroup(this);
    group->addButton(m_sqliteRadio);
    group->addButton(m_postgresRadio);
    (m_database->url().backend == Backend::Postgres ? m_postgresRadio : m_sqliteRadio)->setChecked(true);

    auto *sqliteRow = new QHBoxLayout;
    sqliteRow->addWidget(m_sqlitePathEdit, 1);
    sqliteRow->addWidget(m_sqliteBrowse);
    auto *form = new QFormLayout;
    // A label with a buddy, so "&B" is a shortcut and not a literal "&" (a row of a layout has none).
    auto *backupLabel = new QLabel(tr("&Backup file:"), this);
    backupLabel->setBuddy(m_backupEdit);
    form->addRow(backupLabel, backupRow);
    form->addRow(QString(), m_backupError);
    form->addRow(tr("Restore into:"), m_sqliteRadio);
    form->addRow(QString(), sqliteRow);
    form->addRow(QString(), m_postgresRadio);
    form->addRow(QString(), m_postgresUrlEdit);
    form->addRow(QString(), postgresNote);
    form->addRow(QString(), m_targetError);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("restoreStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    m_startButton = buttons->addButton(tr("&Restore"), QDialogButtonBox::AcceptRole);
    m_startButton->setObjectName(QStringLiteral("restoreStartButton"));
    m_startButton->setDefault(true);
    m_closeButton = buttons->addButton(QDialogButtonBox::Close);
    m_closeButton->setObjectName(QStringLiteral("restoreCloseButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);
    resizeOnScreen(this, QSize(std::max(600, sizeHint().width()), sizeHint().height()));
    updateTargetFields();

    connect(browseBackup, &QToolButton::clicked, this, &RestoreDialog::chooseBackup);
    connect(m_sqliteBrowse, &QToolButton::clicked, this, &RestoreDialog::chooseTarget);
    connect(m_sqliteRadio, &QRadioButton::toggled, this, &RestoreDialog::updateTargetFields);
    connect(m_backupEdit, &QLineEdit::textChanged, m_backupError, &MessageLabel::clearMessage);
    connect(m_sqlitePathEdit, &QLineEdit::textChanged, m_targetError, &MessageLabel::clearMessage);
    connect(m_postgresUrlEdit, &QLineEdit::textChanged, m_targetError, &MessageLabel::clearMessage);
    connect(m_startButton, &QPushButton::clicked, this, &RestoreDialog::start);
    connect(m_closeButton, &QPushButton::clicked, this, &RestoreDialog::reject);
}

RestoreDialog::~RestoreDialog()
{
    // Stopped between two steps, the restore leaves nothing behind.
    if (m_running)
        m_future.cancel();
}

void RestoreDialog::reject()
{
    if (m_running)
        return;
    QDialog::reject();
}

void RestoreDialog::updateTargetFields()
{
    const bool sqlite = m_sqliteRadio->isChecked();
    m_sqlitePathEdit->setEnabled(sqlite && !m_running);
    m_sqliteBrowse->setEnabled(sqlite && !m_running);
    m_postgresUrlEdit->setEnabled(!sqlite && !m_running);
    m_targetError->clearMessage();
}

void RestoreDialog::chooseBackup()
{
    auto *dialog = new QFileDialog(this, tr("Backup File"), QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                   tr("Arbor backups (*.db *.dump *.backup);;All files (*)"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) { m_backupEdit->setText(QDir::toNativeSeparators(file)); });
    dialog->open();
}

void RestoreDialog::chooseTarget()
{
    const QString start = m_sqlitePathEdit->text().isEmpty() ? m_sqlitePathEdit->placeholderText() : m_sqlitePathEdit->text();
    auto *dialog = new QFileDialog(this, tr("New Database File"), QFileInfo(start).absolutePath(), tr("SQLite databases (*.db *.sqlite)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("db"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) { m_sqlitePathEdit->setText(QDir::toNativeSeparators(file)); });
    dialog->open();
}

Result<DatabaseUrl> RestoreDialog::chosenTarget() const
{
    if (m_sqliteRadio->isChecked()) {
        const QString path = QDir::fromNativeSeparators(m_sqlitePathEdit->text().trimmed());
        if (path.isEmpty())
            return Error::invalid(tr("file"), tr("Enter the new database file."));
        auto url = DatabaseUrl::parse(QLatin1String("sqlite:") + path);
        if (!url)
            return Error::invalid(tr("file"), url.error().message);
        return url;
    }
    const QString text = m_postgresUrlEdit->text().trimmed();
    if (!text.startsWith(QLatin1String("postgresql://")) && !text.startsWith(QLatin1String("postgres://")))
        return Error::invalid(tr("URL"), tr("Enter the empty database's URL: postgresql://user@host:port/dbname."));
    auto url = DatabaseUrl::parse(text);
    if (!url)
        return Error::invalid(tr("URL"), url.error().message);
    return url;
}

void RestoreDialog::start()
{
    if (m_running)
        return;
    const QString file = QDir::fromNativeSeparators(m_backupEdit->text().trimmed());
    if (file.isEmpty()) {
        m_backupError->showMessage(tr("Choose the backup file to restore."));
        return;
    }
    auto target = chosenTarget();
    if (!target) {
        m_targetError->showMessage(target.error().message);
        return;
    }
    setRunning(true);
    m_status->setText(tr("Restoring %1 into %2…").arg(QDir::toNativeSeparators(file), target->displayName()));
    if (target->backend == Backend::Postgres) {
        QPointer<RestoreDialog> self(this);
        const DatabaseUrl url = *target;
        resolveDatabasePassword(url.keychainKey(), this, [self, url, file](const QString &password, const QString &notice) {
            if (!notice.isEmpty())
                qWarning().noquote() << notice;   // in the console's log: a refused login then says why
            if (self && self->m_running)
                self->run(url, file, password);
        });
    } else {
        run(*target, file, QString());
    }
}

void RestoreDialog::run(const DatabaseUrl &target, const QString &file, const QString &password)
{
    m_progress = new QProgressDialog(tr("Restoring %1…").arg(QFileInfo(file).fileName()), tr("Cancel"), 0, 1000, this);
    m_progress->setObjectName(QStringLiteral("restoreProgressDialog"));
    m_progress->setWindowTitle(tr("Restore Database"));
    m_progress->setWindowModality(Qt::WindowModal);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    m_progress->setMinimumDuration(0);
    m_progress->setValue(0);
    connect(m_progress, &QProgressDialog::canceled, this, &RestoreDialog::cancel);

    QPointer<QProgressDialog> progress = m_progress;
    m_future = m_database->restoreDatabase(target, password, file, [progress](qint64 done, qint64 total) {
        if (progress && total > 0)
            progress->setValue(int(std::clamp<qint64>(done * 1000 / total, 0, 1000)));
    });
    then(m_future, this, [this](Result<RestoreResult> result) { finish(result); });
}

void RestoreDialog::setRunning(bool running)
{
    m_running = running;
    m_startButton->setEnabled(!running);
    m_closeButton->setEnabled(!running);
    m_backupEdit->setEnabled(!running);
    m_sqliteRadio->setEnabled(!running);
    m_postgresRadio->setEnabled(!running);
    updateTargetFields();
}

void RestoreDialog::cancel()
{
    if (!m_running)
        return;
    m_future.cancel();
    if (m_progress)
        m_progress->deleteLater();
    setRunning(false);
    m_status->setText(tr("Canceled: nothing was restored."));
    Q_EMIT restoreFinished(false, m_status->text());
}

void RestoreDialog::finish(const Result<RestoreResult> &result)
{
    if (m_progress) {
        m_progress->blockSignals(true);   // closing it is not a cancel
        m_progress->deleteLater();
    }
    setRunning(false);
    if (result) {
        const QString url = result->target.toString();
        QString text = tr("Restored %1 into %2: %3, schema version %4.")
                           .arg(QDir::toNativeSeparators(result->file), result->target.displayName(), describeCopy(result->bytes, result->durationMs))
                           .arg(result->databaseVersion);
        if (result->pendingMigrations > 0)
            text += u' ' + tr("%n migration(s) will be applied when Arbor opens it.", nullptr, result->pendingMigrations);
        m_status->setText(text);
        m_startButton->setEnabled(false);
        m_box = new QMessageBox(QMessageBox::Information, tr("Restore Database"), tr("The backup was restored into %1.").arg(result->target.displayName()),
                                QMessageBox::Close, this);
        m_box->setObjectName(QStringLiteral("restoreDoneBox"));
        m_box->setInformativeText(tr("Arbor goes on with its current database until you switch: now, or later under File › Settings… › "
                                     "Storage (%1).").arg(url));
        QPushButton *switchNow = m_box->addButton(tr("&Switch to It Now"), QMessageBox::AcceptRole);
        switchNow->setObjectName(QStringLiteral("restoreSwitchButton"));
        m_box->setDefaultButton(switchNow);
        connect(m_box, &QMessageBox::buttonClicked, this, [this, switchNow, url](QAbstractButton *clicked) {
            if (clicked == switchNow)
                Q_EMIT switchRequested(url);
        });
        m_box->setAttribute(Qt::WA_DeleteOnClose);
        m_box->open();
        Q_EMIT restoreFinished(true, url);
        return;
    }
    const QString error = result.error().toString();
    m_status->setText(tr("The restore failed: %1").arg(error));
    m_box = new QMessageBox(QMessageBox::Critical, tr("Restore Database"),
                            result.error().kind == Error::Kind::Conflict ? tr("The restore was refused; nothing was changed.")
                                                                         : tr("The restore failed."),
                            QMessageBox::Ok, this);
    m_box->setObjectName(QStringLiteral("restoreErrorBox"));
    m_box->setInformativeText(error);
    m_box->setAttribute(Qt::WA_DeleteOnClose);
    m_box->open();
    Q_EMIT restoreFinished(false, error);
}

} // namespace arbor::ui
