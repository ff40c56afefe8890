#include "appsettings.h"

#include "metrics/prometheustext.h"

namespace arbor::ui {
namespace {

const QString DatabaseKey = QStringLiteral("Storage/database");
const QString LanguageKey = QStringLiteral("General/language");
const QString RefreshKey = QStringLiteral("Indexing/refreshIntervalMs");
const QString PollKey = QStringLiteral("Indexing/defaultPollIntervalMs");
const QString NotificationsKey = QStringLiteral("Notifications/enabled");
const QString ReorgDepthKey = QStringLiteral("Notifications/reorgDepth");
const QString MetricsEnabledKey = QStringLiteral("Monitoring/metricsEnabled");
const QString MetricsAddressKey = QStringLiteral("Monitoring/metricsAddress");

} // namespace

AppSettings::AppSettings() = default;

AppSettings::AppSettings(const QString &fileName)
    : m_settings(fileName, QSettings::IniFormat)
{
}

Status AppSettings::checkWritten()
{
    switch (m_settings.status()) {
    case QSettings::NoError:
        return {};
    case QSettings::AccessError:
        return Error::unavailable(QStringLiteral("settings"),
                                  tr("The settings file %1 cannot be written; check its permissions.").arg(m_settings.fileName()));
    case QSettings::FormatError:
        return Error::invalid(QStringLiteral("settings"),
                              tr("The settings file %1 is damaged; move it away to start with defaults.").arg(m_settings.fileName()));
    }
    return {};
}

Status AppSettings::sync()
{
    m_settings.sync();
    return checkWritten();
}

bool AppSettings::hasDatabase() const
{
    return !databaseText().isEmpty();
}

QString AppSettings::databaseText() const
{
    return m_settings.value(DatabaseKey).toString();
}

DatabaseUrl AppSettings::database() const
{
    if (auto url = DatabaseUrl::parse(databaseText()); hasDatabase() && url)
        return *url;
    return *DatabaseUrl::parse(QStringLiteral("sqlite:"));
}

Status AppSettings::setDatabase(const QString &urlText)
{
    auto url = DatabaseUrl::parse(urlText);
    if (!url)
        return url.error();
    m_settings.setValue(DatabaseKey, url->toString());
    return {};
}

void AppSettings::clearDatabase()
{
    m_settings.remove(DatabaseKey);
}

QStringList AppSettings::languages()
{
    return {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("de")};
}

Status AppSettings::validateLanguage(const QString &language)
{
    if (languages().contains(language))
        return {};
    return Error::invalid(QStringLiteral("language"),
                          tr("“%1” is not a language Arbor offers; choose system, en or de.").arg(language));
}

QString AppSettings::language() const
{
    const QString value = m_settings.value(LanguageKey).toString();
    return validateLanguage(value) ? value : QStringLiteral("system");
}

Status AppSettings::setLanguage(const QString &language)
{
    if (Status s = validateLanguage(language); !s)
        return s;
    m_settings.setValue(LanguageKey, language);
    return {};
}

Status AppSettings::validateRefreshIntervalMs(int ms)
{
    if (ms >= MinRefreshIntervalMs && ms <= MaxRefreshIntervalMs)
        return {};
    return Error::invalid(QStringLiteral("refresh interval"),
                          tr("The refresh interval must be between %1 and %2 ms (got %3).")
                              .arg(MinRefreshIntervalMs).arg(MaxRefreshIntervalMs).arg(ms));
}

Status AppSettings::validatePollIntervalMs(int ms)
{
    if (ms >= MinPollIntervalMs && ms <= MaxPollIntervalMs)
        return {};
    return Error::invalid(QStringLiteral("poll interval"),
                          tr("The poll interval must be between %1 and %2 ms (got %3).")
                              .arg(MinPollIntervalMs).arg(MaxPollIntervalMs).arg(ms));
}

Status AppSettings::validateReorgDepth(int blocks)
{
    if (blocks >= MinReorgDepth && blocks <= MaxReorgDepth)
        return {};
    return Error::invalid(QStringLiteral("reorg depth"),
                          tr("The reorg depth must be between %1 and %2 blocks (got %3).")
                              .arg(MinReorgDepth).arg(MaxReorgDepth).arg(blocks));
}

int AppSettings::boundedInt(const QString &key, int fallback, Status (*validate)(int)) const
{
    bool ok = false;
    const int value = m_settings.value(key).toInt(&ok);
    return ok && validate(value) ? value : fallback;
}

int AppSettings::refreshIntervalMs() const
{
    return boundedInt(RefreshKey, DefaultRefreshIntervalMs, &validateRefreshIntervalMs);
}

Status AppSettings::setRefreshIntervalMs(int ms)
{
    if (Status s = validateRefreshIntervalMs(ms); !s)
        return s;
    m_settings.setValue(RefreshKey, ms);
    return {};
}

int AppSettings::defaultPollIntervalMs() const
{
    return boundedInt(PollKey, DefaultPollIntervalMs, &validatePollIntervalMs);
}

Status AppSettings::setDefaultPollIntervalMs(int ms)
{
    if (Status s = validatePollIntervalMs(ms); !s)
        return s;
    m_settings.setValue(PollKey, ms);
    return {};
}

bool AppSettings::notificationsEnabled() const
{
    return m_settings.value(NotificationsKey, true).toBool();
}

void AppSettings::setNotificationsEnabled(bool enabled)
{
    m_settings.setValue(NotificationsKey, enabled);
}

int AppSettings::reorgNotifyDepth() const
{
    return boundedInt(ReorgDepthKey, DefaultReorgDepth, &validateReorgDepth);
}

Status AppSettings::setReorgNotifyDepth(int blocks)
{
    if (Status s = validateReorgDepth(blocks); !s)
        return s;
    m_settings.setValue(ReorgDepthKey, blocks);
    return {};
}

Status AppSettings::validateMetricsAddress(const QString &address)
{
    if (auto parsed = parseListenAddress(address, tr("address")); !parsed)
        return parsed.error();
    return {};
}

bool AppSettings::metricsEnabled() const
{
    return m_settings.value(MetricsEnabledKey, false).toBool();
}

void AppSettings::setMetricsEnabled(bool enabled)
{
    m_settings.setValue(MetricsEnabledKey, enabled);
}

QString AppSettings::metricsAddress() const
{
    const QString value = m_settings.value(MetricsAddressKey).toString().trimmed();
    return validateMetricsAddress(value) ? value : defaultMetricsAddress();
}

Status AppSettings::setMetricsAddress(const QString &address)
{
    if (Status s = validateMetricsAddress(address); !s)
        return s;
    m_settings.setValue(MetricsAddressKey, address.trimmed());
    return {};
}

} // namespace arbor::ui
