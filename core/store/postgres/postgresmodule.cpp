#include "store/postgres/postgresmodule.h"

#include "arbor_buildid.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibrary>

namespace arbor::postgresmodule {
namespace {

constexpr const char *FileName = "arbor_postgres.so";

QString tr(const char *text)
{
    return QCoreApplication::translate("arbor::postgresmodule", text);
}

} // namespace

QStringList searchPath()
{
    QStringList folders;
    // An installed program (and one unpacked from the .deb anywhere) finds its own module first.
    if (QCoreApplication::instance())
        folders << QDir::cleanPath(QCoreApplication::applicationDirPath() + QLatin1String("/" ARBOR_MODULE_DIR_FROM_BINDIR));
    folders << QStringLiteral(ARBOR_BUILD_MODULE_DIR) << QStringLiteral(ARBOR_INSTALL_MODULE_DIR);
    folders.removeDuplicates();
    return folders;
}

Result<OpenFunction> load(const QStringList &folders)
{
    for (const QString &folder : folders) {
        const QString path = QDir(folder).filePath(QLatin1String(FileName));
        if (!QFileInfo::exists(path))
            continue;
        // Every symbol resolved now: a module that cannot work says so here, not mid-statement.
        // Never unloaded: stores opened through it live until the process ends.
        QLibrary library(path);
        library.setLoadHints(QLibrary::ResolveAllSymbolsHint);
        if (!library.load()) {
            return Error::unavailable(QStringLiteral("--db"), tr("PostgreSQL support (%1) cannot be loaded: %2. Reinstall Arbor, or install "
                                                                 "libpqxx-6.4 if it is missing.")
                                                                  .arg(path, library.errorString()));
        }
        const auto entry = reinterpret_cast<EntryFunction>(library.resolve(EntryPoint));
        const Module *module = entry ? entry() : nullptr;
        if (!module || !module->open || qstrcmp(module->buildId, ARBOR_POSTGRES_MODULE_ID) != 0) {
            return Error::unavailable(QStringLiteral("--db"), tr("%1 is PostgreSQL support from another build of Arbor (%2; this program is %3). "
                                                                 "Reinstall Arbor, or rebuild it.")
                                                                  .arg(path, module ? QString::fromLatin1(module->buildId) : tr("unknown"),
                                                                       QStringLiteral(ARBOR_POSTGRES_MODULE_ID)));
        }
        return module->open;
    }
    return Error::unavailable(QStringLiteral("--db"), tr("PostgreSQL support is not installed: no %1 in %2. Reinstall Arbor, or use an SQLite "
                                                         "database.")
                                                          .arg(QLatin1String(FileName), folders.join(QLatin1String(", "))));
}

Result<std::unique_ptr<Store>> open(const DatabaseUrl &url, const QString &password)
{
    // Loaded once, by whichever store thread opens PostgreSQL first (a static's initialisation
    // is thread-safe); the answer, success or not, holds for the life of the process.
    static const Result<OpenFunction> loaded = load();
    if (!loaded)
        return loaded.error();
    return (*loaded)(url, password);
}

} // namespace arbor::postgresmodule
