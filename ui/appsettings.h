#pragma once

#include "error.h"
#include "store/databaseurl.h"

#include <QCoreApplication>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace arbor::ui {

/**
 * The console's own settings, kept in QSettings (the organisation and application names set in
 * main.cpp decide the file). Never a secret: a PostgreSQL password lives in the OS keychain
 * (SecretStore) or PGPASSWORD, and DatabaseUrl refuses URLs that carry one.
 *
 * Every getter returns a valid value: a missing or out-of-range entry reads as its default.
 * Every setter validates and refuses, with a message naming the fix, instead of clamping.
 *
 * Thread: the GUI thread (QSettings itself is reentrant, not shared).
 */
class AppSettings final
{
    Q_DECLARE_TR_FUNCTIONS(arbor::ui::AppSettings)

public:
    static constexpr int MinRefreshIntervalMs = 200;
    static constexpr int MaxRefreshIntervalMs = 60 * 1000;
    static constexpr int DefaultRefreshIntervalMs = 1000;
    // The bounds ChainConfig::validate() accepts for a chain's poll interval.
    static constexpr int MinPollIntervalMs = 100;
    static constexpr int MaxPollIntervalMs = 3600 * 1000;
    static constexpr int DefaultPollIntervalMs = 2000;
    // Reorgs deeper than the reorg guard's window (256 blocks) cannot be seen at all.
    static constexpr int MinReorgDepth = 1;
    static constexpr int MaxReorgDepth = 256;
    static constexpr int DefaultReorgDepth = 3;

    /// The settings of the application (QSettings' default location).
    AppSettings();
    /// The settings in `fileName` (INI format); for tests and `--settings`-style overrides.
    explicit AppSettings(const QString &fileName);

    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    /// Where the settings are written.
    QString fileName() const { return m_settings.fileName(); }
    /// Writes pending changes to disk.
    Status sync();

    /// Whether a database was chosen in the settings (else DatabaseUrl::resolve() decides).
    bool hasDatabase() const;
    /// The chosen database; the default SQLite file when none (or an unreadable one) is stored.
    DatabaseUrl database() const;
    /// The stored URL text exactly as written (canonical form), empty when none.
    QString databaseText() const;
    /// Parses `urlText` (sqlite:PATH or postgresql://user@host:port/db, never a password) and
    /// stores its canonical form.
    Status setDatabase(const QString &urlText);
    void clearDatabase();

    /// "system", "en" or "de".
    static QStringList languages();
    QString language() const;
    Status setLanguage(const QString &language);

    int refreshIntervalMs() const;
    Status setRefreshIntervalMs(int ms);
    /// The poll interval proposed for newly added chains.
    int defaultPollIntervalMs() const;
    Status setDefaultPollIntervalMs(int ms);

    bool notificationsEnabled() const;
    void setNotificationsEnabled(bool enabled);
    /// Reorgs at least this deep raise a notification.
    int reorgNotifyDepth() const;
    Status setReorgNotifyDepth(int blocks);

    /// Whether the console serves Prometheus metrics (off unless the operator turns it on).
    bool metricsEnabled() const;
    void setMetricsEnabled(bool enabled);
    /// HOST:PORT the metrics are served on when enabled; DefaultMetricsAddress when none (or an
    /// invalid one) is stored.
    QString metricsAddress() const;
    Status setMetricsAddress(const QString &address);
    /// What the engine should serve: metricsAddress() when enabled, else empty.
    QString servedMetricsAddress() const { return metricsEnabled() ? metricsAddress() : QString(); }
    static QString defaultMetricsAddress() { return QStringLiteral("127.0.0.1:9464"); }

    static Status validateRefreshIntervalMs(int ms);
    static Status validatePollIntervalMs(int ms);
    static Status validateReorgDepth(int blocks);
    static Status validateLanguage(const QString &language);
    static Status validateMetricsAddress(const QString &address);

private:
    int boundedInt(const QString &key, int fallback, Status (*validate)(int)) const;
    Status checkWritten();

    QSettings m_settings;
};

} // namespace arbor::ui
