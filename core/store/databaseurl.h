#pragma once

#include "error.h"

#include <QCoreApplication>
#include <QString>

namespace arbor {

enum class Backend {
    Sqlite,
    Postgres,
};

/**
 * Where Arbor's database lives, as given by `--db`, ARBOR_DB or the settings.
 *
 * Forms: `sqlite:` (the default file in the user's data directory), `sqlite:PATH`,
 * `postgresql://user@host:port/dbname` (also `postgres://`). A password inside the URL is
 * refused: it would end up in shell history and settings files. It comes from the keychain or
 * PGPASSWORD instead.
 */
struct DatabaseUrl
{
    Backend backend = Backend::Sqlite;
    QString path;       ///< SQLite: absolute file path
    QString host;       ///< PostgreSQL
    int port = 5432;
    QString user;
    QString database;

    static Result<DatabaseUrl> parse(const QString &text);
    /// `--db` if given, else ARBOR_DB, else the default SQLite file.
    static Result<DatabaseUrl> resolve(const QString &commandLineValue);
    static QString defaultSqlitePath();

    /// The canonical URL, never with a password.
    QString toString() const;
    /// "SQLite …/arbor.db" or "PostgreSQL user@host:port/db": for status bars and logs.
    QString displayName() const;
    /// The keychain entry that holds this database's password.
    QString keychainKey() const;

    // Last: the macro leaves the access at private.
    Q_DECLARE_TR_FUNCTIONS(arbor::DatabaseUrl)
};

} // namespace arbor
