#pragma once

#include "testdatabase.h"

#include "model/u256.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <functional>

class QProcess;

namespace arbor::test {

/// What one arborctl process did, as the integration tests read it.
struct ArborctlRun
{
    int exitCode = -1;      ///< -1 when it crashed or was killed
    QString out;
    QString err;

    QJsonObject object() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(out.toUtf8()).array(); }
};

/// Exit code, the start of stdout and the end of stderr: for failure messages.
QString describe(const ArborctlRun &run);

/// The environment arborctl runs in: the test's, without ARBOR_DB and the indexer's tuning
/// variables (ARBOR_RPC_TIMEOUT_MS, ARBOR_INDEX_RANGE_BLOCKS, ARBOR_INDEX_TIP_BLOCKS), plus `extra`.
QProcessEnvironment arborctlEnvironment(const QProcessEnvironment &extra = {});

/// Runs `program --db DB args…` and waits for it; killed (and said so in `err`) after `timeoutMs`.
ArborctlRun runArborctl(const QString &program, const TestDatabase &db, const QStringList &args, int timeoutMs = 120000,
                        const QProcessEnvironment &extra = {});
/// runArborctl() with `args` exactly as given: no --db in front (the database named elsewhere on
/// the command line, by ARBOR_DB in `extra`, or not at all).
ArborctlRun runArborctlRaw(const QString &program, const QStringList &args, int timeoutMs = 120000, const QProcessEnvironment &extra = {});
/// Starts `program --db DB args…` in arborctlEnvironment(`extra`) without waiting, for a run the
/// test watches, stops or kills while it goes.
void startArborctl(QProcess &process, const QString &program, const TestDatabase &db, const QStringList &args,
                   const QProcessEnvironment &extra = {});

/**
 * Waits until `done` holds, asking it every `intervalMs` and processing events between, for at
 * most `timeoutMs`; true when it held. For conditions that start an arborctl process each time
 * they are asked: QTRY_* and QTest::qWaitFor ask again 10 to 50 ms after each answer, and under
 * ThreadSanitizer each process takes 0.2 to 0.5 s of CPU, so such a wait kept a core busy
 * starting processes while the engines it waited for shared the other.
 */
bool waitForArborctl(const std::function<bool()> &done, int timeoutMs, int intervalMs = 500);

/// A decimal string as U256 (0 when it is not one), and back.
U256 decimal(const QString &text);
QString text(const U256 &value);

/// The chain's row of `chain list --json`; empty (with a warning) when there is none.
QJsonObject chainRow(const QString &program, const TestDatabase &db, qint64 chainId);
/// The chain's row of `queue health --json`; empty (with a warning) when there is none.
QJsonObject healthRow(const QString &program, const TestDatabase &db, qint64 chainId);

/**
 * Every balance of `token` as `query top-holders --json` lists it, against `expected` (holder →
 * balance): exactly the holders with a non-zero balance, each exact, largest first, each
 * computed at a block in [minBlock, maxBlock]. Returns the first difference, or nothing.
 */
QString topHoldersMismatch(const QString &program, const TestDatabase &db, qint64 chainId, const QString &token,
                           const QHash<QString, U256> &expected, qint64 minBlock, qint64 maxBlock);

/// `query balance --json` of `holders` of `token`: balance and block. The first difference, or nothing.
QString balanceMismatch(const QString &program, const TestDatabase &db, qint64 chainId, const QString &token,
                        const QHash<QString, U256> &expected, const QStringList &holders, qint64 minBlock, qint64 maxBlock);

} // namespace arbor::test
