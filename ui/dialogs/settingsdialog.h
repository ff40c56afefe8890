#pragma once

#include "error.h"
#include "store/databaseurl.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTabWidget;
class QToolButton;

namespace arbor {
class AgentService;
class DatabaseService;
class StatsService;
}

namespace arbor::ui {

class MessageLabel;
class OutboundRequestsEditor;
class RetentionEditor;

class AppSettings;

/**
 * The console's settings: storage (embedded SQLite file or a PostgreSQL server, its password in
 * the OS keychain), indexing intervals, notifications, the Prometheus metrics endpoint,
 * language, retention, and the requests made from chain data (OutboundRequestsEditor).
 *
 * Every field is checked as it is edited; a problem is shown under the field with the fix, and
 * OK stays disabled until there is none. OK stores the password in the keychain first (never in
 * the settings file), then writes the settings. When no keychain is available the Storage page
 * says so and how to give the password instead (PGPASSWORD); the password field is disabled.
 *
 * A different database (or a new password) is reported by databaseChanged() after OK, so the
 * caller can restart the engine on it; a different language takes effect after a restart.
 *
 * The metrics endpoint applies at OK without a restart when the engine's services are given
 * (setServices()): OK asks the engine to serve on the address (or to stop), and when the port cannot be bound
 * the Monitoring page shows why and nothing is saved.
 */
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Page { StoragePage, IndexingPage, NotificationsPage, MonitoringPage, LanguagePage, RetentionPage, OutboundPage };
    enum class Keychain { Checking, Available, Unavailable };

    SettingsDialog(AppSettings &settings, QWidget *parent = nullptr);

    /// The engine's services OK applies the metrics setting to (`stats`), whose retention
    /// policies the Retention page edits (`database`, saved through it at OK), and whose
    /// outbound allow-list and IPFS gateway the Requests page edits (`agents`, written at once);
    /// none: the setting is only saved, no policies or hosts shown.
    void setServices(arbor::StatsService *stats, arbor::DatabaseService *database, arbor::AgentService *agents = nullptr);
    RetentionEditor *retentionEditor() const { return m_retention; }
    OutboundRequestsEditor *outboundEditor() const { return m_outbound; }

    Keychain keychain() const { return m_keychain; }
    /// After OK: whether the database (URL or password) changed.
    bool isDatabaseChanged() const { return m_databaseChanged; }
    /// After OK: whether the language changed (it applies at the next start).
    bool isLanguageChanged() const { return m_languageChanged; }
    /// The database the Storage page describes now, or why it is not valid.
    arbor::Result<arbor::DatabaseUrl> chosenDatabase() const;

    void accept() override;

Q_SIGNALS:
    /// OK changed the database or its password: the engine must be restarted on it.
    void databaseChanged();
    void languageChanged(const QString &language);

private:
    QWidget *createStoragePage();
    QWidget *createIndexingPage();
    QWidget *createNotificationsPage();
    QWidget *createMonitoringPage();
    QWidget *createLanguagePage();
    /// What is wrong with the metrics address typed, empty when nothing (or when it is off).
    QString metricsProblem() const;
    void showMetricsState();
    /// OK's steps after the metrics endpoint is applied: the keychain, then save().
    void acceptStorage();
    void probeKeychain();
    void setKeychainUnavailable(const QString &reason);
    void chooseSqliteFile();
    void validate();
    void save();
    void setBusy(bool busy, const QString &status = QString());

    AppSettings &m_settings;
    QString m_initialDatabase;
    QString m_initialLanguage;
    Keychain m_keychain = Keychain::Checking;
    bool m_passwordStored = false;
    bool m_databaseChanged = false;
    bool m_languageChanged = false;
    bool m_busy = false;

    QTabWidget *m_tabs = nullptr;
    QRadioButton *m_sqliteRadio = nullptr;
    QRadioButton *m_postgresRadio = nullptr;
    QLineEdit *m_sqlitePathEdit = nullptr;
    QToolButton *m_browseButton = nullptr;
    MessageLabel *m_sqliteError = nullptr;
    QLineEdit *m_postgresUrlEdit = nullptr;
    MessageLabel *m_postgresError = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QLabel *m_passwordHint = nullptr;
    QLabel *m_keychainNotice = nullptr;
    QWidget *m_keychainNoticeFrame = nullptr;
    QSpinBox *m_pollSpin = nullptr;
    QSpinBox *m_refreshSpin = nullptr;
    QCheckBox *m_notificationsCheck = nullptr;
    QSpinBox *m_reorgDepthSpin = nullptr;
    QCheckBox *m_metricsCheck = nullptr;
    QLineEdit *m_metricsEdit = nullptr;
    MessageLabel *m_metricsError = nullptr;
    QLabel *m_metricsState = nullptr;
    arbor::StatsService *m_stats = nullptr;
    QString m_metricsBindError;   ///< why the engine could not serve the address last tried
    QComboBox *m_languageCombo = nullptr;
    QLabel *m_languageNote = nullptr;
    RetentionEditor *m_retention = nullptr;
    OutboundRequestsEditor *m_outbound = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_okButton = nullptr;
};

} // namespace arbor::ui
