// The PostgreSQL backend as a module (store/postgres/postgresmodule.h): found where the build puts
// it, loaded with every symbol resolved against this program, and refused with an error naming
// the file and the fix when it is missing, broken or from another build.

#include "store/postgres/postgresmodule.h"
#include "testmain.h"

#include <QFile>
#include <QFileInfo>
#include <QLibrary>
#include <QTemporaryDir>
#include <QtTest>

using namespace arbor;
using namespace Qt::StringLiterals;

namespace tst_postgresmodule {

class TestPostgresModule final : public QObject
{
    Q_OBJECT

private slots:
    void loadsFromTheBuildAndOpensARealStore();
    void missingModuleNamesEveryFolder();
    void brokenFileIsRefused();
    void moduleFromAnotherBuildIsRefused();

private:
    /// The module the build made: the first folder of the search path that holds it.
    QString builtModule() const;
};

QString TestPostgresModule::builtModule() const
{
    for (const QString &folder : postgresmodule::searchPath()) {
        const QString path = folder + u"/arbor_postgres.so"_s;
        if (QFile::exists(path))
            return path;
    }
    return {};
}

void TestPostgresModule::loadsFromTheBuildAndOpensARealStore()
{
    QVERIFY2(!builtModule().isEmpty(), qPrintable(postgresmodule::searchPath().join(u", "_s)));
    const auto open = postgresmodule::load();
    QVERIFY2(open, qPrintable(open ? QString() : open.error().message));
    // Nothing listens on port 1: the store the module made tried libpq and says why it failed.
    const auto url = DatabaseUrl::parse(u"postgresql://arbor@127.0.0.1:1/arbor"_s);
    QVERIFY(url);
    const auto store = (*open)(*url, QString());
    QVERIFY(!store);
    QCOMPARE(store.error().field, u"--db"_s);
    QVERIFY2(store.error().message.contains(u"Cannot connect to"_s), qPrintable(store.error().message));
    QVERIFY2(store.error().message.contains(u"127.0.0.1"_s), qPrintable(store.error().message));

    // Store::open() goes through the module too.
    const auto opened = Store::open(*url, QString());
    QVERIFY(!opened);
    QVERIFY2(opened.error().message.contains(u"Cannot connect to"_s), qPrintable(opened.error().message));
}

void TestPostgresModule::missingModuleNamesEveryFolder()
{
    QTemporaryDir a, b;
    QVERIFY(a.isValid() && b.isValid());
    const auto open = postgresmodule::load({a.path(), b.path()});
    QVERIFY(!open);
    QCOMPARE(open.error().field, u"--db"_s);
    const QString message = open.error().message;
    QVERIFY2(message.contains(u"PostgreSQL support is not installed"_s), qPrintable(message));
    QVERIFY2(message.contains(a.path()) && message.contains(b.path()), qPrintable(message));
    QVERIFY2(message.contains(u"SQLite"_s), qPrintable(message));
}

void TestPostgresModule::brokenFileIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"arbor_postgres.so"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a shared object\n");
    file.close();
    // A broken module in the first folder is an error, not a reason to try the next one.
    const auto open = postgresmodule::load({dir.path(), QFileInfo(builtModule()).path()});
    QVERIFY(!open);
    QVERIFY2(open.error().message.contains(u"cannot be loaded"_s), qPrintable(open.error().message));
    QVERIFY2(open.error().message.contains(file.fileName()), qPrintable(open.error().message));
}

void TestPostgresModule::moduleFromAnotherBuildIsRefused()
{
    const QString built = builtModule();
    QVERIFY(!built.isEmpty());
    QLibrary library(built);
    const auto entry = reinterpret_cast<postgresmodule::EntryFunction>(library.resolve(postgresmodule::EntryPoint));
    QVERIFY2(entry, qPrintable(library.errorString()));
    const QByteArray id = entry()->buildId;
    QVERIFY(id.size() > 6);

    // The same module, its build id changed in its last character: another build's.
    QFile in(built);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray bytes = in.readAll();
    const qsizetype at = bytes.indexOf(QByteArray(id).append('\0'));
    QVERIFY(at >= 0);
    QByteArray other = id;
    other.back() = other.back() == '0' ? '1' : '0';
    bytes.replace(at, id.size(), other);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile out(dir.filePath(u"arbor_postgres.so"_s));
    QVERIFY(out.open(QIODevice::WriteOnly));
    QCOMPARE(out.write(bytes), bytes.size());
    out.close();

    const auto open = postgresmodule::load({dir.path()});
    QVERIFY(!open);
    const QString message = open.error().message;
    QVERIFY2(message.contains(u"another build of Arbor"_s), qPrintable(message));
    QVERIFY2(message.contains(QString::fromLatin1(other)) && message.contains(QString::fromLatin1(id)), qPrintable(message));
}

} // namespace tst_postgresmodule

ARBOR_GUILESS_TEST_MAIN(postgresmodule, tst_postgresmodule::TestPostgresModule)
#include "tst_postgresmodule.moc"
