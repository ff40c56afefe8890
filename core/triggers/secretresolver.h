#pragma once

#include "error.h"
#include "triggers/triggerdef.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <utility>

namespace arbor {

/**
 * The secrets one action needs, read for one attempt (SecretResolver::resolveAction).
 *
 * Held in memory only as long as the attempt: never stored, logged or shown. values() lists
 * them so that what a server echoes back can be redacted before it reaches a result.
 */
struct ActionSecrets
{
    QString signingSecret;   ///< rest: "whsec_<base64>"; empty when the action is not signed
    QString botToken;        ///< telegram
    QString mcpToken;        ///< mcp: sent as "Authorization: Bearer …"; empty for none
    QList<std::pair<QString, QString>> headers;   ///< rest: name and value of each secret header

    /// Every non-empty secret above.
    QStringList values() const;
};

/**
 * Reads the secret a SecretRef names: `keychain:NAME` through SecretStore, `env:VAR` from the
 * process environment, `file:PATH` from a file (its contents trimmed; a leading "~/" is the
 * home folder).
 *
 * Always asynchronous: `done` is called later on the resolver's thread, never from inside
 * resolve(). A failure is an Error whose field is the reference ("env:MCP_TOKEN") and whose
 * message says what is wrong and how to fix it; the secret itself never appears in an error or
 * a log. Values read are kept for `cacheTtlMs` so a burst of deliveries does not ask the
 * keychain once each; failures are not kept, so a fixed reference works on the next attempt.
 * Reads of one reference that overlap share one keychain request.
 *
 * Thread: lives on one thread with an event loop and is used only there; if it is destroyed
 * first, pending callbacks are dropped.
 */
class SecretResolver final : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultCacheTtlMs = 30000;

    explicit SecretResolver(QObject *parent = nullptr, int cacheTtlMs = DefaultCacheTtlMs);
    ~SecretResolver() override;

    void resolve(const SecretRef &ref, std::function<void(Result<QString>)> done);

    /**
     * Every secret `action` refers to: the signing secret, the bot token, the MCP token and
     * the secret headers. The first failure (in that order) is returned with its field set to
     * the action's field ("signingSecret", "botToken", "token", "headers.Authorization").
     */
    void resolveAction(const Action &action, std::function<void(Result<ActionSecrets>)> done);

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
