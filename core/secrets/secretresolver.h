#pragma once

#include "error.h"
#include "model/secretref.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace arbor {

/**
 * Reads the secret a SecretRef names: `keychain:NAME` through SecretStore, `env:VAR` from the
 * process environment, `file:PATH` from a file (its contents trimmed; a leading "~/" is the
 * home folder). Used by trigger actions (their secrets) and by the RPC layer (the
 * `${keychain:NAME}` / `${env:VAR}` placeholders of an RPC URL, rpchttp::resolveUrl).
 *
 * Always asynchronous: `done` is called later on the resolver's thread, never from inside
 * resolve(). A failure is an Error whose field is the reference ("env:MCP_TOKEN") and whose
 * message says what is wrong and how to fix it; the secret itself never appears in an error or
 * a log. Values read are kept for `cacheTtlMs` so a burst of requests does not ask the
 * keychain once each; failures are not kept, so a fixed reference works on the next attempt.
 * Reads of one reference that overlap share one keychain request.
 *
 * Thread: lives on one thread with an event loop and is used only there; if it is destroyed
 * first, pending callbacks are dropped. forCurrentThread() gives each thread its own.
 */
class SecretResolver final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultCacheTtlMs = 30000;

    explicit SecretResolver(QObject *parent = nullptr, int cacheTtlMs = DefaultCacheTtlMs);
    ~SecretResolver() override;

    /// The calling thread's resolver (created on first use, deleted when the thread ends).
    static SecretResolver *forCurrentThread();

    void resolve(const SecretRef &ref, std::function<void(Result<QString>)> done);

    /// The value of `ref` while it is cached, without waiting; nothing otherwise.
    std::optional<QString> cachedValue(const SecretRef &ref) const;

    /// Drops cached values: all, or the one of `ref` (after `arborctl secret set` changed it).
    void clearCache();
    void forget(const SecretRef &ref);

private:
    struct Cached
    {
        QString value;
        qint64 expiresAtMs = 0;
    };

    void finish(const QString &key, const Result<QString> &result);
    Result<QString> readEnv(const SecretRef &ref) const;
    Result<QString> readFile(const SecretRef &ref) const;
    void readKeychain(const SecretRef &ref, const QString &key);

    int m_cacheTtlMs;
    QElapsedTimer m_clock;
    QHash<QString, Cached> m_cache;
    QHash<QString, QList<std::function<void(Result<QString>)>>> m_waiting;
};

} // namespace arbor
