#include "arborctlrun.h"

#include <QDeadlineTimer>
#include <QDebug>
#include <QProcess>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace arbor::test {

QString describe(const ArborctlRun &r)
{
    return u"exit %1\nstdout: %2\nstderr: %3"_s.arg(r.exitCode).arg(r.out.left(4000), r.err.right(4000));
}

QProcessEnvironment arborctlEnvironment(const QProcessEnvironment &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"ARBOR_DB"_s);
    env.remove(u"ARBOR_RPC_TIMEOUT_MS"_s);
    env.remove(u"ARBOR_INDEX_RANGE_BLOCKS"_s);
    env.remove(u"ARBOR_INDEX_TIP_BLOCKS"_s);
    env.insert(extra);
    return env;
}

namespace {

QStringList withDatabase(const TestDatabase &db, const QStringList &args)
{
    return QStringList{u"--db"_s, db.urlString()} + args;
}

} // namespace

bool waitForArborctl(const std::function<bool()> &done, int timeoutMs, int intervalMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(int(std::min<qint64>(intervalMs, deadline.remainingTime())));
    }
    return true;
}

ArborctlRun runArborctl(const QString &program, const TestDatabase &db, const QStringList &args, int timeoutMs,
                        const QProcessEnvironment &extra)
{
    return runArborctlRaw(program, withDatabase(db, args), timeoutMs, extra);
}

void startArborctl(QProcess &process, const QString &program, const TestDatabase &db, const QStringList &args, const QProcessEnvironment &extra)
{
    process.setProcessEnvironment(arborctlEnvironment(extra));
    process.start(program, withDatabase(db, args));
}

ArborctlRun runArborctlRaw(const QString &program, const QStringList &args, int timeoutMs, const QProcessEnvironment &extra)
{
    QProcess p;
    p.setProcessEnvironment(arborctlEnvironment(extra));
    p.start(program, args);
    ArborctlRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError()) + u"\n(arborctl timed out after %1 ms and was killed)"_s.arg(timeoutMs);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

U256 decimal(const QString &text)
{
    auto v = u256::fromDecimal(text);
    return v ? *v : U256(0);
}

QString text(const U256 &v)
{
    return u256::toDecimal(v);
}

QJsonObject chainRow(const QString &program, const TestDatabase &db, qint64 chainId)
{
    const ArborctlRun r = runArborctl(program, db, {u"chain"_s, u"list"_s, u"--json"_s});
    for (const QJsonValue &row : r.array()) {
        if (row.toObject().value(u"chainId"_s).toInteger() == chainId)
            return row.toObject();
    }
    qWarning().noquote() << "chain list has no chain" << chainId << describe(r);
    return {};
}

QJsonObject healthRow(const QString &program, const TestDatabase &db, qint64 chainId)
{
    const ArborctlRun r = runArborctl(program, db, {u"queue"_s, u"health"_s, u"--json"_s});
    for (const QJsonValue &row : r.array()) {
        if (row.toObject().value(u"chainId"_s).toInteger() == chainId)
            return row.toObject();
    }
    qWarning().noquote() << "queue health has no chain" << chainId << describe(r);
    return {};
}

QString topHoldersMismatch(const QString &program, const TestDatabase &db, qint64 chainId, const QString &token, const QHash<QString, U256> &expected,
                           qint64 minBlock, qint64 maxBlock)
{
    const ArborctlRun top = runArborctl(program, db, {u"query"_s, u"top-holders"_s, u"--chain"_s, QString::number(chainId), u"--token"_s, token,
                                  u"--limit"_s, u"10000"_s, u"--json"_s});
    if (top.exitCode != 0)
        return describe(top);
    QHash<QString, U256> want;
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        if (it.value() > 0)
            want.insert(it.key(), it.value());
    }
    const QJsonArray list = top.object().value(u"holders"_s).toArray();
    QHash<QString, U256> listed;
    U256 previous = 0;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject b = list[i].toObject();
        const QString holder = b.value(u"holder"_s).toString();
        const U256 balance = decimal(b.value(u"balance"_s).toString());
        const qint64 at = b.value(u"lastBlock"_s).toInteger();
        if (listed.contains(holder))
            return u"%1 is listed twice"_s.arg(holder);
        if (!want.contains(holder))
            return u"%1 is listed with %2 but holds nothing"_s.arg(holder, text(balance));
        if (balance != want.value(holder))
            return u"holder %1: arborctl shows %2, expected %3"_s.arg(holder, text(balance), text(want.value(holder)));
        if (i > 0 && balance > previous)
            return u"rank %1 (%2) is larger than rank %3"_s.arg(i + 1).arg(text(balance)).arg(i);
        if (at < minBlock || at > maxBlock)
            return u"holder %1: computed at block %2, expected a block in %3..%4"_s.arg(holder).arg(at).arg(minBlock).arg(maxBlock);
        previous = balance;
        listed.insert(holder, balance);
    }
    if (listed.size() != want.size()) {
        for (auto it = want.begin(); it != want.end(); ++it) {
            if (!listed.contains(it.key()))
                return u"%1 of %2 holders listed; missing e.g. %3 with %4"_s.arg(listed.size()).arg(want.size()).arg(it.key(), text(it.value()));
        }
    }
    return {};
}

QString balanceMismatch(const QString &program, const TestDatabase &db, qint64 chainId, const QString &token, const QHash<QString, U256> &expected,
                        const QStringList &holders, qint64 minBlock, qint64 maxBlock)
{
    for (const QString &holder : holders) {
        const ArborctlRun r = runArborctl(program, db, {u"query"_s, u"balance"_s, u"--chain"_s, QString::number(chainId), u"--token"_s, token,
                                    u"--holder"_s, holder, u"--json"_s});
        if (r.exitCode != 0)
            return describe(r);
        const QJsonObject b = r.object();
        if (b.value(u"balance"_s).toString() != text(expected.value(holder)))
            return u"holder %1: query balance shows %2, expected %3"_s.arg(holder, b.value(u"balance"_s).toString(), text(expected.value(holder)));
        const qint64 at = b.value(u"lastBlock"_s).toInteger();
        if (at < minBlock || at > maxBlock)
            return u"holder %1: query balance says block %2, expected a block in %3..%4: %5"_s.arg(holder).arg(at).arg(minBlock).arg(maxBlock).arg(r.out);
    }
    return {};
}

} // namespace arbor::test
