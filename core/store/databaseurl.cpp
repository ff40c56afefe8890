#include "store/databaseurl.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

namespace arbor {
namespace {

const QString DbField = QStringLiteral("--db");

/// `text` as an error may quote it: a URL's user information (user:password@) and the values of
/// its query (?password=…) are left out, since either may hold a secret.
QString redacted(const QString &text)
{
    QString out = text;
    const qsizetype query = out.indexOf(u'?');
    if (query >= 0) {
        QStringList names;
        for (const QString &pair : out.mid(query + 1).split(u'&', Qt::SkipEmptyParts))
            names.append(pair.section(u'=', 0, 0) + QStringLiteral("=…"));
        out = out.left(query) + u'?' + names.join(u'&');
    }
    const qsizetype scheme = out.indexOf(QLatin1String("://"));
    const qsizetype at = out.lastIndexOf(u'@', query >= 0 ? query : -1);
    if (at >= 0)
        out = (scheme >= 0 && scheme < at ? out.left(scheme + 3) : QString()) + QStringLiteral("…@") + out.mid(at + 1);
    return out;
}

} // namespace

QString DatabaseUrl::defaultSqlitePath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath() + QLatin1String("/.local/share/arbor");
    return QDir(dir).filePath(QStringLiteral("arbor.db"));
}

Result<DatabaseUrl> DatabaseUrl::parse(const QString &text)
{
    const QString t = text.trimmed();
    DatabaseUrl url;
    if (t.startsWith(QLatin1String("sqlite:"))) {
        url.backend = Backend::Sqlite;
        QString path = t.mid(7);
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2);
        if (path.isEmpty())
            path = defaultSqlitePath();
        if (path.startsWith(QLatin1String("~/")))
            path = QDir::homePath() + path.mid(1);
        url.path = QFileInfo(path).absoluteFilePath();
        if (QFileInfo(url.path).isDir())
            return Error::invalid(DbField, tr("%1 is a directory; give the path of the database file, e.g. sqlite:%1/arbor.db.").arg(url.path));
        return url;
    }
    if (t.startsWith(QLatin1String("postgresql://")) || t.startsWith(QLatin1String("postgres://"))) {
        const QUrl u(t, QUrl::StrictMode);
        if (!u.isValid()) {
            // QUrl's error string quotes the whole input: never echo one that may hold a password.
            if (t.contains(u'@'))
                return Error::invalid(DbField, tr("The URL is not valid and may contain a password. Remove any password and store it in the keychain "
                                                  "(arborctl db set-password) or set PGPASSWORD."));
            // QUrl's error string quotes the input too: the redacted input alone.
            return Error::invalid(DbField, tr("“%1” is not a valid PostgreSQL URL: use postgresql://user@host:port/dbname.").arg(redacted(t)));
        }
        if (!u.password().isEmpty())
            return Error::invalid(DbField, tr("The URL contains a password. Remove it and store the password in the keychain "
                                              "(arborctl db set-password) or set PGPASSWORD."));
        url.backend = Backend::Postgres;
        url.host = u.host();
        url.port = u.port(5432);
        url.user = u.userName();
        url.database = u.path().mid(1);
        if (url.host.isEmpty())
            return Error::invalid(DbField, tr("The PostgreSQL URL has no host: use postgresql://user@host:port/dbname."));
        if (url.user.isEmpty())
            return Error::invalid(DbField, tr("The PostgreSQL URL has no user: use postgresql://user@host:port/dbname."));
        if (url.database.isEmpty() || url.database.contains(u'/'))
            return Error::invalid(DbField, tr("The PostgreSQL URL must name one database: postgresql://user@host:port/dbname."));
        if (u.hasQuery())
            return Error::invalid(DbField, tr("Connection options in the URL query are not supported; remove “?%1”.")
                                               .arg(redacted(QLatin1Char('?') + u.query()).mid(1)));
        return url;
    }
    return Error::invalid(DbField, tr("“%1” is not a database URL. Use sqlite:PATH or postgresql://user@host:port/dbname.").arg(redacted(t)));
}

Result<DatabaseUrl> DatabaseUrl::resolve(const QString &commandLineValue)
{
    if (!commandLineValue.isEmpty())
        return parse(commandLineValue);
    const QString env = qEnvironmentVariable("ARBOR_DB");
    if (!env.isEmpty()) {
        auto url = parse(env);
        if (!url)
            return Error::invalid(QStringLiteral("ARBOR_DB"), url.error().message);
        return url;
    }
    return parse(QStringLiteral("sqlite:"));
}

QString DatabaseUrl::toString() const
{
    if (backend == Backend::Sqlite)
        return QLatin1String("sqlite:") + path;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString DatabaseUrl::displayName() const
{
    if (backend == Backend::Sqlite)
        return tr("SQLite %1").arg(QDir::toNativeSeparators(path));
    return tr("PostgreSQL %1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

QString DatabaseUrl::keychainKey() const
{
    return toString();
}

} // namespace arbor
