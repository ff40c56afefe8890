#pragma once

#include "error.h"
#include "secrets/secretresolver.h"
#include "triggers/triggerdef.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <utility>

namespace arbor {

/**
 * The secrets one action needs, read for one attempt (resolveActionSecrets).
 *
 * Held in memory only as long as the attempt: never stored, logged or shown. values() lists
 * them so that what a server echoes back can be redacted before it reaches a result.
 */
struct ActionSecrets
{
    QString signingSecret;   ///< rest: "whsec_<base64>"; empty when the action is not signed
    /// rest, during a rotation's overlap: the earlier secret, whose signature is sent too
    QString previousSigningSecret;
    QString botToken;        ///< telegram
    QString mcpToken;        ///< mcp: sent as "Authorization: Bearer …"; empty for none
    QList<std::pair<QString, QString>> headers;   ///< rest: name and value of each secret header

    /// Every non-empty secret above.
    QStringList values() const;
};

/// A `keychain:NAME` reference of an action, by the field that holds it ("actions[0].botToken").
struct KeychainReference
{
    QString field;
    QString name;
};

/// Every `keychain:` reference of `actions`, for checking that each names a stored secret
/// (NamedSecrets::names()) before the engine needs it.
QList<KeychainReference> keychainReferences(const QList<Action> &actions);

/**
 * Every secret `action` refers to, read through `resolver`: the signing secret (and, while a
 * rotation's overlap lasts at `nowMs`, the previous one), the bot token, the MCP token and the
 * secret headers. The first failure (in that order) is returned with its field set to the
 * action's field ("signingSecret", "previousSigningSecret", "botToken", "token",
 * "headers.Authorization"). `done` runs later, on the resolver's thread.
 */
void resolveActionSecrets(SecretResolver &resolver, const Action &action, qint64 nowMs, std::function<void(Result<ActionSecrets>)> done);

} // namespace arbor
