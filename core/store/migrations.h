#pragma once

#include "store/databaseurl.h"

#include <QList>
#include <QString>

namespace arbor {

/**
 * One versioned change to Arbor's admin schema.
 *
 * Migrations are applied in version order, each in its own transaction, and recorded in
 * schema_migrations with the SHA-256 of the SQL that ran. A released migration is never edited:
 * Store refuses a database whose recorded checksum differs from the binary's.
 * Per-chain and global entity tables are not migrations; they are generated from the entity
 * registry and reconciled at start-up (see Store::reconcileEntityTables()).
 */
struct Migration
{
    int version = 0;
    QString name;
    QString sql;  ///< for one backend; statements separated by ";\n"

    QString checksum() const;
};

/// The migrations this binary knows for a backend, in version order.
const QList<Migration> &migrations(Backend backend);

/// One row of `arborctl db status`.
struct MigrationState
{
    int version = 0;
    QString name;
    bool applied = false;
    QString appliedAt;      ///< ISO 8601, empty when pending
    QString problem;        ///< "edited after it was applied", "unknown to this binary", …
};

struct MigrationStatus
{
    QList<MigrationState> migrations;
    int databaseVersion = 0;
    int binaryVersion = 0;
    bool ok() const;
    int pendingCount() const;
};

} // namespace arbor
