#pragma once

#include "error.h"
#include "model/secretref.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

/**
 * Secrets in RPC URLs. Providers put API keys in the URL's path or query
 * (https://eth-mainnet.g.alchemy.com/v2/KEY, https://mainnet.infura.io/v3/KEY, ?apikey=KEY); an
 * operator writes `${keychain:NAME}` (a secret stored with `arborctl secret set NAME`) or
 * `${env:VAR}` there instead, and Arbor stores, logs and shows the URL with the placeholder.
 * Only the HTTP layer fills it in, for the request it sends (rpchttp::resolveUrl).
 *
 * In a QUrl a placeholder is held percent-encoded ("$%7Bkeychain:NAME%7D"); every function here
 * reads both spellings, and displayText() shows the written one.
 *
 * Thread: pure functions.
 */
namespace arbor::urlsecrets {

/// One placeholder found in a text: what it refers to and where it is written.
struct Placeholder
{
    SecretRef ref;              ///< Keychain or Env; never File
    qsizetype position = 0;     ///< of the '$'
    qsizetype length = 0;       ///< through the closing '}' (or "%7D")
};

/// "${keychain:NAME}" or "${env:VAR}".
QString placeholderText(const SecretRef &ref);

/**
 * Every placeholder in `text`, in order. An Invalid error naming `field` for one that is not
 * closed, names a source other than keychain and env, or a name that is not valid (keychain
 * names as NamedSecrets::checkName, variables as the shell's). A '$' not followed by '{' is text.
 */
Result<QList<Placeholder>> find(const QString &text, const QString &field);

/// Whether `url` holds a placeholder.
bool hasPlaceholders(const QUrl &url);

/// The references of `url`'s placeholders, each once, in order.
QList<SecretRef> references(const QUrl &url);

/// How an RPC URL is shown, logged and exported: without user info, placeholders as written.
QString displayText(const QUrl &url);

/**
 * `url` with each placeholder replaced by its value (keyed by SecretRef::toString()),
 * percent-encoded so that a value never changes the URL's structure. Invalid when a value is
 * missing or the result is not a valid URL; the error never holds a value.
 */
Result<QUrl> substitute(const QUrl &url, const QHash<QString, QString> &values);

/// What looks like an API key written literally in an RPC URL (findLikelyKey).
struct LikelyKey
{
    QString provider;        ///< "Alchemy", "Infura", "QuickNode", or the URL's host
    QString value;           ///< the key as written (decoded)
    QString suggestedName;   ///< a keychain name for it: "alchemy", "infura", "ankr"
    QUrl url;                ///< the URL it was found in

    /// `url` with the key replaced by the placeholder of `ref`.
    QUrl withReference(const SecretRef &ref) const;

    /// Path segment or query item holding the key.
    bool inQuery = false;
    int index = 0;
};

/**
 * A literal API key in `url`, if one is recognised: Alchemy's /v2/KEY, Infura's /v3/<32 hex>,
 * a QuickNode path token, a query parameter named key, apikey, api_key, api-key, token or
 * access_token, or a long random-looking path segment. Placeholders are never keys.
 */
std::optional<LikelyKey> findLikelyKey(const QUrl &url);

} // namespace arbor::urlsecrets
