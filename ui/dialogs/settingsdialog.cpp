#include "dialogs/settingsdialog.h"

#include "appsettings.h"
#include "engine/statsservice.h"
#include "metrics/prometheustext.h"
#include "secrets/secretstore.h"
#include "util/continuation.h"
#include "widgets/messagelabel.h"
#include "widgets/outboundrequestseditor.h"
#include "widgets/retentioneditor.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace arbor::ui {
namespace {

// Asked once to learn whether a keychain answers at all; never written.
const QString KeychainProbeKey = QStringLiteral("arbor-keychain-probe");

QLabel *noteLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_initialDatabase(settings.hasDatabase() ? settings.database().toString() : QString())
    , m_initialLanguage(settings.language())
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));
    m_tabs->addTab(createStoragePage(), tr("&Storage"));
    m_tabs->addTab(createIndexingPage(), tr("&Indexing"));
    m_tabs->addTab(createNotificationsPage(), tr("&Notifications"));
    m_tabs->addTab(createMonitoringPage(), tr("&Monitoring"));
    m_tabs->addTab(createLanguagePage(), tr("&Language"));
    m_retention = new RetentionEditor(this);
    m_tabs->addTab(m_retention, tr("&Retention"));
    m_outbound = new OutboundRequestsEditor(this);
    m_tabs->addTab(m_outbound, tr("Re&quests"));
    m_tabs->setTabToolTip(OutboundPage, tr("Requests from chain data: the hosts they may reach, the IPFS gateway"));
    m_tabs->setUsesScrollButtons(false);   // every page in sight, in either language

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("settingsStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = m_buttons->button(QDialogButtonBox::Ok);
    m_okButton->setObjectName(QStringLiteral("settingsOkButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    // Outside the tabs: a tab page does not grow for a notice that appears after it is shown.
    m_keychainNoticeFrame->setParent(this);
    layout->addWidget(m_keychainNoticeFrame);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    setMinimumWidth(560);

    validate();
    probeKeychain();
}

QWidget *SettingsDialog::createStoragePage()
{
    auto *page = new QWidget(this);
    const DatabaseUrl current = m_settings.database();

    m_sqliteRadio = new QRadioButton(tr("&Embedded SQLite file (one machine, no set-up)"), page);
    m_sqliteRadio->setObjectName(QStringLiteral("sqliteRadio"));
    m_sqlitePathEdit = new QLineEdit(current.backend == Backend::Sqlite ? current.path : DatabaseUrl::defaultSqlitePath(), page);
    m_sqlitePathEdit->setObjectName(QStringLiteral("sqlitePathEdit"));
    m_sqlitePathEdit->setPlaceholderText(DatabaseUrl::defaultSqlitePath());
    m_browseButton = new QToolButton(page);
    m_browseButton->setText(tr("Choose…"));
    m_browseButton->setToolTip(tr("Choose the database file"));
    m_sqliteError = new MessageLabel(QStringLiteral("sqlitePathError"), page);

    m_postgresRadio = new QRadioButton(tr("&PostgreSQL server (shared, larger deployments)"), page);
    m_postgresRadio->setObjectName(QStringLiteral("postgresRadio"));
    m_postgresUrlEdit = new QLineEdit(current.backend == Backend::Postgres ? current.toString() : QString(), page);
    m_postgresUrlEdit->setObjectName(QStringLiteral("postgresUrlEdit"));
    m_postgresUrlEdit->setPlaceholderText(QStringLiteral("postgresql://arbor@db.example.org:5432/arbor"));
    m_postgresError = new MessageLabel(QStringLiteral("postgresUrlError"), page);
    m_passwordEdit = new QLineEdit(page);
    m_passwordEdit->setObjectName(QStringLiteral("postgresPasswordEdit"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    m_passwordEdit->setPlaceholderText(tr("Checking the keychain…"));
    m_passwordHint = noteLabel(tr("Stored in the OS keychain, never in the settings file. Leave empty to keep the stored "
                                  "password, or to let PostgreSQL use PGPASSWORD or ~/.pgpass."),
                               page);
    m_keychainNotice = new QLabel(page);
    m_keychainNotice->setObjectName(QStringLiteral("keychainNotice"));
    m_keychainNotice->setTextFormat(Qt::PlainText);
    auto *noticeFrame = new QFrame(page);
    noticeFrame->setFrameShape(QFrame::StyledPanel);
    auto *noticeLayout = new QVBoxLayout(noticeFrame);
    noticeLayout->addWidget(m_keychainNotice);
    noticeFrame->hide();
    m_keychainNoticeFrame = noticeFrame;

    auto *group = new QButtonGroup(page);
    group->addButton(m_sqliteRadio);
    group->addButton(m_postgresRadio);
    (current.backend == Backend::Postgres ? m_postgresRadio : m_sqliteRadio)->setChecked(true);

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_sqlitePathEdit, 1);
    pathRow->addWidget(m_browseButton);
    auto *sqliteForm = new QFormLayout;
    sqliteForm->addRow(tr("File:"), pathRow);
    sqliteForm->addRow(QString(), m_sqliteError);

    auto *postgresForm = new QFormLayout;
    postgresForm->addRow(tr("&URL:"), m_postgresUrlEdit);
    postgresForm->addRow(QString(), m_postgresError);
    postgresForm->addRow(tr("Pass&word:"), m_passwordEdit);
    postgresForm->addRow(QString(), m_passwordHint);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_sqliteRadio);
    layout->addLayout(sqliteForm);
    layout->addSpacing(8);
    layout->addWidget(m_postgresRadio);
    layout->addLayout(postgresForm);
    layout->addWidget(noteLabel(tr("Changing the database restarts the engine on it; nothing is copied between databases."), page));
    layout->addStretch(1);

    connect(m_sqliteRadio, &QRadioButton::toggled, this, &SettingsDialog::validate);
    connect(m_sqlitePathEdit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_postgresUrlEdit, &QLineEdit::textChanged, this, &SettingsDialog::validate);
    connect(m_browseButton, &QToolButton::clicked, this, &SettingsDialog::chooseSqliteFile);
    return page;
}

QWidget *SettingsDialog::createIndexingPage()
{
    auto *page = new QWidget(this);
    m_pollSpin = new QSpinBox(page);
    m_pollSpin->setObjectName(QStringLiteral("pollIntervalSpin"));
    m_pollSpin->setRange(AppSettings::MinPollIntervalMs, AppSettings::MaxPollIntervalMs);
    m_pollSpin->setSingleStep(500);
    m_pollSpin->setSuffix(tr(" ms"));
    m_pollSpin->setValue(m_settings.defaultPollIntervalMs());
    m_refreshSpin = new QSpinBox(page);
    m_refreshSpin->setObjectName(QStringLiteral("refreshIntervalSpin"));
    m_refreshSpin->setRange(AppSettings::MinRefreshIntervalMs, AppSettings::MaxRefreshIntervalMs);
    m_refreshSpin->setSingleStep(100);
    m_refreshSpin->setSuffix(tr(" ms"));
    m_refreshSpin->setValue(m_settings.refreshIntervalMs());

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Poll interval for new chains:"), m_pollSpin);
    form->addRow(QString(), noteLabel(tr("How often a new chain asks its RPC endpoints for the head (%1–%2 ms). "
                                         "Each chain keeps its own setting once added.")
                                          .arg(AppSettings::MinPollIntervalMs).arg(AppSettings::MaxPollIntervalMs), page));
    form->addRow(tr("&Refresh interval of the console:"), m_refreshSpin);
    form->addRow(QString(), noteLabel(tr("How often tables and charts update (%1–%2 ms).")
                                          .arg(AppSettings::MinRefreshIntervalMs).arg(AppSettings::MaxRefreshIntervalMs), page));
    return page;
}

QWidget *SettingsDialog::createNotificationsPage()
{
    auto *page = new QWidget(this);
    m_notificationsCheck = new QCheckBox(tr("Show &desktop notifications"), page);
    m_notificationsCheck->setObjectName(QStringLiteral("notificationsCheck"));
    m_notificationsCheck->setChecked(m_settings.notificationsEnabled());
    m_reorgDepthSpin = new QSpinBox(page);
    m_reorgDepthSpin->setObjectName(QStringLiteral("reorgDepthSpin"));
    m_reorgDepthSpin->setRange(AppSettings::MinReorgDepth, AppSettings::MaxReorgDepth);
    m_reorgDepthSpin->setSuffix(tr(" blocks"));
    m_reorgDepthSpin->setValue(m_settings.reorgNotifyDepth());
    m_reorgDepthSpin->setEnabled(m_notificationsCheck->isChecked());

    auto *form = new QFormLayout(page);
    form->addRow(m_notificationsCheck);
    form->addRow(tr("Notify of reorgs at least this &deep:"), m_reorgDepthSpin);
    form->addRow(QString(), noteLabel(tr("Shallower reorgs are still handled and logged, without a notification."), page));
    connect(m_notificationsCheck, &QCheckBox::toggled, m_reorgDepthSpin, &QWidget::setEnabled);
    return page;
}

QWidget *SettingsDialog::createMonitoringPage()
{
    auto *page = new QWidget(this);
    m_metricsCheck = new QCheckBox(tr("Serve &Prometheus metrics on"), page);
    m_metricsCheck->setObjectName(QStringLiteral("metricsCheck"));
    m_metricsCheck->setChecked(m_settings.metricsEnabled());
    m_metricsEdit = new QLineEdit(m_settings.metricsAddress(), page);
    m_metricsEdit->setObjectName(QStringLiteral("metricsAddressEdit"));
    m_metricsEdit->setPlaceholderText(AppSettings::defaultMetricsAddress());
    m_metricsEdit->setToolTip(tr("HOST:PORT, e.g. 127.0.0.1:9464 (this machine only) or 0.0.0.0:9464 (every interface)"));
    m_metricsError = new MessageLabel(QStringLiteral("metricsAddressError"), page);
    m_metricsState = noteLabel(QString(), page);
    m_metricsState->setObjectName(QStringLiteral("metricsState"));
    m_metricsState->hide();

    auto *row = new QHBoxLayout;
    row->addWidget(m_metricsCheck);
    row->addWidget(m_metricsEdit, 1);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(m_metricsError);
    layout->addWidget(noteLabel(tr("Prometheus scrapes http://HOST:PORT/metrics: head, indexed block and lag per chain, RPC "
                                   "requests and errors per endpoint, balance-queue and trigger delivery figures, all labelled "
                                   "by chain id. The endpoint has no authentication: keep 127.0.0.1 unless Prometheus runs "
                                   "on another machine. Applies at OK, without a restart."),
                                page));
    layout->addWidget(m_metricsState);
    layout->addStretch(1);

    const auto edited = [this] {
        m_metricsBindError.clear();
        validate();
    };
    connect(m_metricsCheck, &QCheckBox::toggled, this, edited);
    connect(m_metricsEdit, &QLineEdit::textChanged, this, edited);
    return page;
}

void SettingsDialog::setServices(StatsService *stats, DatabaseService *database, AgentService *agents)
{
    m_stats = stats;
    showMetricsState();
    m_retention->setDatabase(database);
    m_outbound->setAgentService(agents);
}

void SettingsDialog::showMetricsState()
{
    if (!m_stats) {
        m_metricsState->hide();
        return;
    }
    const QString address = m_stats->metricsAddress();
    m_metricsState->setText(address.isEmpty() ? tr("Not serving metrics now.") : tr("Serving metrics now at http://%1/metrics").arg(address));
    m_metricsState->show();
}

QString SettingsDialog::metricsProblem() const
{
    if (!m_metricsCheck->isChecked())
        return {};
    if (Status s = AppSettings::validateMetricsAddress(m_metricsEdit->text()); !s)
        return s.error().message;
    return {};
}

QWidget *SettingsDialog::createLanguagePage()
{
    auto *page = new QWidget(this);
    m_languageCombo = new QComboBox(page);
    m_languageCombo->setObjectName(QStringLiteral("languageCombo"));
    m_languageCombo->addItem(tr("System language"), QStringLiteral("system"));
    // Each language by its own name, so it can be found whatever the current one is.
    m_languageCombo->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_languageCombo->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_languageCombo->setCurrentIndex(std::max(0, m_languageCombo->findData(m_settings.language())));
    m_languageNote = noteLabel(tr("Takes effect after Arbor restarts."), page);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));

    auto *form = new QFormLayout(page);
    form->addRow(tr("&Language:"), m_languageCombo);
    form->addRow(QString(), m_languageNote);
    return page;
}

void SettingsDialog::probeKeychain()
{
    // An unavailable keychain says so on any read; NotFound means it answers.
    const auto current = chosenDatabase();
    const bool postgres = current && current->backend == Backend::Postgres;
    const QString key = postgres ? current->keychainKey() : KeychainProbeKey;
    SecretStore::read(key, this, [this, postgres](Result<QString> secret) {
        if (!secret && secret.error().kind != Error::Kind::NotFound) {
            setKeychainUnavailable(secret.error().message);
            return;
        }
        m_keychain = Keychain::Available;
        m_passwordStored = postgres && secret && !secret->isEmpty();
        m_passwordEdit->setPlaceholderText(m_passwordStored ? tr("A password is stored in the keychain") : tr("Not stored"));
    });
}

void SettingsDialog::setKeychainUnavailable(const QString &reason)
{
    m_keychain = Keychain::Unavailable;
    m_passwordEdit->clear();
    m_passwordEdit->setEnabled(false);
    m_passwordEdit->setPlaceholderText(tr("No keychain available"));
    m_passwordHint->hide();
    // Broken by hand rather than word-wrapped: a wrapped label in a tab page is given too little height.
    m_keychainNotice->setText(tr("The PostgreSQL password cannot be stored: no OS keychain is available,\n"
                                 "and Arbor never writes passwords to its settings file.\n"
                                 "Instead, set the PGPASSWORD environment variable for Arbor,\n"
                                 "or put the password in ~/.pgpass."));
    m_keychainNotice->setToolTip(reason);
    m_keychainNoticeFrame->show();
    // The notice arrives after the dialog is laid out: make room for it.
    QTimer::singleShot(0, this, [this] {
        // After the layouts took the notice in (their requests are posted events).
        const QSize hint = sizeHint();
        if (isVisible() && (hint.height() > height() || hint.width() > width()))
            resize(std::max(width(), hint.width()), std::max(height(), hint.height()));
    });
}

void SettingsDialog::chooseSqliteFile()
{
    auto *dialog = new QFileDialog(this, tr("Database File"), QFileInfo(m_sqlitePathEdit->text()).absolutePath(),
                                   tr("SQLite databases (*.db *.sqlite);;All files (*)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setOption(QFileDialog::DontConfirmOverwrite);   // an existing database is opened, not replaced
    dialog->setDefaultSuffix(QStringLiteral("db"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &file) { m_sqlitePathEdit->setText(QDir::toNativeSeparators(file)); });
    dialog->open();
}

Result<DatabaseUrl> SettingsDialog::chosenDatabase() const
{
    if (m_sqliteRadio->isChecked()) {
        const QString path = m_sqlitePathEdit->text().trimmed();
        if (path.isEmpty())
            return Error::invalid(tr("file"), tr("Enter the database file, e.g. %1.").arg(DatabaseUrl::defaultSqlitePath()));
        auto url = DatabaseUrl::parse(QLatin1String("sqlite:") + QDir::fromNativeSeparators(path));
        if (!url)
            return Error::invalid(tr("file"), url.error().message);
        const QFileInfo dir(QFileInfo(url->path).absolutePath());
        if (dir.exists() && !dir.isDir())
            return Error::invalid(tr("file"), tr("%1 is a file, not a folder; choose a path inside a folder.").arg(dir.filePath()));
        return url;
    }
    const QString text = m_postgresUrlEdit->text().trimmed();
    if (text.isEmpty())
        return Error::invalid(tr("URL"), tr("Enter the server's URL: postgresql://user@host:port/dbname."));
    if (!text.startsWith(QLatin1String("postgresql://")) && !text.startsWith(QLatin1String("postgres://")))
        return Error::invalid(tr("URL"), tr("The URL must start with postgresql://, as in postgresql://user@host:port/dbname."));
    auto url = DatabaseUrl::parse(text);
    if (!url)
        return Error::invalid(tr("URL"), url.error().message);
    return url;
}

void SettingsDialog::validate()
{
    const bool sqlite = m_sqliteRadio->isChecked();
    m_sqlitePathEdit->setEnabled(sqlite);
    m_browseButton->setEnabled(sqlite);
    m_postgresUrlEdit->setEnabled(!sqlite);
    m_passwordEdit->setEnabled(!sqlite && m_keychain != Keychain::Unavailable);

    const auto url = chosenDatabase();
    m_sqliteError->showMessage(sqlite && !url ? url.error().message : QString());
    m_postgresError->showMessage(!sqlite && !url ? url.error().message : QString());
    m_metricsEdit->setEnabled(m_metricsCheck->isChecked());
    const QString metrics = metricsProblem();
    m_metricsError->showMessage(metrics.isEmpty() ? m_metricsBindError : metrics);
    m_okButton->setEnabled(url.ok() && metrics.isEmpty() && !m_busy);
}

void SettingsDialog::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    m_tabs->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
    m_status->setText(status);
    validate();
}

void SettingsDialog::accept()
{
    if (m_busy)
        return;
    const auto url = chosenDatabase();
    if (!url) {
        m_tabs->setCurrentIndex(StoragePage);
        validate();
        return;
    }
    if (!metricsProblem().isEmpty()) {
        m_tabs->setCurrentIndex(MonitoringPage);
        validate();
        return;
    }
    // The retention policies first: once they are saved, OK goes on with the rest.
    if (m_retention->hasChanges()) {
        setBusy(true, tr("Saving the retention policies…"));
        m_retention->save([this](Status saved) {
            setBusy(false);
            if (!saved) {
                m_tabs->setCurrentIndex(RetentionPage);
                m_status->setText(tr("Settings not saved: %1").arg(saved.error().message));
                return;
            }
            accept();
        });
        return;
    }
    const auto address = parseListenAddress(m_metricsEdit->text(), QString());
    const QString wanted = m_metricsCheck->isChecked() && address ? address->toString() : QString();
    if (!m_stats || wanted == m_stats->metricsAddress()) {
        acceptStorage();
        return;
    }
    setBusy(true, wanted.isEmpty() ? tr("Stopping the metrics endpoint…") : tr("Starting the metrics endpoint on %1…").arg(wanted));
    then(m_stats->serveMetrics(wanted), this, [this](Status served) {
        setBusy(false);
        showMetricsState();
        if (!served) {
            m_metricsBindError = served.error().message;
            m_tabs->setCurrentIndex(MonitoringPage);
            validate();
            m_status->setText(tr("Settings not saved: the metrics endpoint could not start."));
            return;
        }
        acceptStorage();
    });
}

void SettingsDialog::acceptStorage()
{
    const auto url = chosenDatabase();
    if (!url)
        return;
    const QString password = m_passwordEdit->text();
    if (url->backend != Backend::Postgres || password.isEmpty()) {
        save();
        return;
    }
    if (m_keychain == Keychain::Unavailable) {
        m_tabs->setCurrentIndex(StoragePage);
        return;
    }
    setBusy(true, tr("Storing the password in the keychain…"));
    SecretStore::write(url->keychainKey(), password, this, [this](Status s) {
        setBusy(false);
        if (!s) {
            // Nothing is saved: the operator decides whether to go on without the password.
            m_tabs->setCurrentIndex(StoragePage);
            if (s.error().kind == Error::Kind::Unavailable)
                setKeychainUnavailable(s.error().message);
            m_status->setText(tr("Settings not saved: %1").arg(s.error().message));
            return;
        }
        m_passwordStored = true;
        m_passwordEdit->clear();
        m_databaseChanged = true;   // the engine has to connect with the new password
        save();
    });
}

void SettingsDialog::save()
{
    const auto url = chosenDatabase();
    const QString chosen = url->toString();
    const bool isDefault = url->backend == Backend::Sqlite && url->path == DatabaseUrl::defaultSqlitePath();
    // Keeping the default without having chosen one leaves ARBOR_DB and --db in charge.
    if (!(m_initialDatabase.isEmpty() && isDefault)) {
        if (Status s = m_settings.setDatabase(chosen); !s) {
            m_status->setText(s.error().message);
            return;
        }
    }
    const QString effectiveBefore = m_initialDatabase.isEmpty() ? DatabaseUrl::parse(QStringLiteral("sqlite:"))->toString() : m_initialDatabase;
    if (chosen != effectiveBefore)
        m_databaseChanged = true;

    const QString language = m_languageCombo->currentData().toString();
    Status s = m_settings.setLanguage(language);
    if (s)
        s = m_settings.setDefaultPollIntervalMs(m_pollSpin->value());
    if (s)
        s = m_settings.setRefreshIntervalMs(m_refreshSpin->value());
    if (s)
        s = m_settings.setReorgNotifyDepth(m_reorgDepthSpin->value());
    m_settings.setNotificationsEnabled(m_notificationsCheck->isChecked());
    m_settings.setMetricsEnabled(m_metricsCheck->isChecked());
    if (s && AppSettings::validateMetricsAddress(m_metricsEdit->text()))
        s = m_settings.setMetricsAddress(m_metricsEdit->text());
    if (s)
        s = m_settings.sync();
    if (!s) {
        m_status->setText(tr("Settings not saved: %1").arg(s.error().message));
        return;
    }
    m_languageChanged = language != m_initialLanguage;
    QDialog::accept();
    if (m_databaseChanged)
        Q_EMIT databaseChanged();
    if (m_languageChanged)
        Q_EMIT languageChanged(language);
}

} // namespace arbor::ui
