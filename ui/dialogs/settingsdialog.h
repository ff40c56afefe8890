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

namespace arbor::ui {

class MessageLabel;

class AppSettings;

/**
 * The console's settings: storage (embedded SQLite file or a PostgreSQL server, its password in
 * the OS keychain), indexing intervals, notifications and language.
 *
 * Every field is checked as it is edited; a problem is shown under the field with the fix, and
 * OK stays disabled until there is none. OK stores the password in the keychain first (never in
 * the settings file), then writes the settings. When no keychain is available the Storage page
 * says so and how to give the password instead (PGPASSWORD); the password field is disabled.
 *
 * A different database (or a new password) is reported by databaseChanged() after OK, so the
 * caller can restart the engine on it; a different language takes effect after a restart.
 */
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Page { StoragePage, IndexingPage, NotificationsPage, LanguagePage };
    enum class Keychain { Checking, Available, Unavailable };

    SettingsDialog(AppSettings &settings, QWidget *parent = nullptr);

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
    QWidget *createLanguagePage();
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
    QComboBox *m_languageCombo = nullptr;
    QLabel *m_languageNote = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_okButton = nullptr;
};

} // namespace arbor::ui
