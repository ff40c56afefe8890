#pragma once

#include "error.h"

#include <QString>

namespace arbor {

/**
 * A reference to a secret: `keychain:NAME` (stored with `arborctl secret set NAME`), `env:VAR`
 * or `file:PATH`. Only references are stored; the secret itself is read where it is used
 * (SecretResolver) and never reaches the database, settings, logs or results.
 *
 * Triggers write references as "keychain:NAME"; RPC URLs embed them as `${keychain:NAME}` or
 * `${env:VAR}` (urlsecrets.h). A plain value; thread-safe.
 */
struct SecretRef
{
    enum class Source { Keychain, Env, File };
    Source source = Source::Keychain;
    QString name;   ///< keychain entry, variable or path

    QString toString() const;   ///< "keychain:ops-hook"
    /// A reference, or an Invalid error naming `field` that says literal secrets are refused
    /// and how to store one (`arborctl secret set NAME`, then "keychain:NAME").
    static Result<SecretRef> parse(const QString &text, const QString &field);

    friend bool operator==(const SecretRef &, const SecretRef &) = default;
};

} // namespace arbor
