#include "uifixture.h"

#include "testresults.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>

namespace arbor::test {

void UiFixture::setUp(const Setup &setup) const
{
    if (setup.temporaryHome) {
        const QByteArray home = QFile::encodeName(m_home.path());
        qputenv("HOME", home);
        qputenv("XDG_CONFIG_HOME", home + "/config");
        qputenv("XDG_DATA_HOME", home + "/data");
        qputenv("XDG_CACHE_HOME", home + "/cache");
    }
    QCoreApplication::setOrganizationName(QStringLiteral("Arbor"));
    QCoreApplication::setApplicationName(setup.applicationName);
    if (setup.englishLocale)
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

Result<DatabaseUrl> UiFixture::databaseUrl(const QString &file) const
{
    return DatabaseUrl::parse(QLatin1String("sqlite:") + m_home.filePath(file));
}

EngineOptions UiFixture::engineOptions(const DatabaseUrl &database)
{
    EngineOptions options;
    options.database = database;
    options.app = QStringLiteral("arbor-test");
    options.snapshotIntervalMs = 200;
    return options;
}

std::pair<std::unique_ptr<Engine>, Status> UiFixture::startEngine(const EngineOptions &options)
{
    auto engine = std::make_unique<Engine>(options);
    Status started = waitFor(engine->start());
    return {std::move(engine), std::move(started)};
}

} // namespace arbor::test
