#include "model/chainconfig.h"

#include "model/urlsecrets.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace arbor {

Result<QUrl> parseRpcUrl(const QString &text, const QString &field)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return Error::invalid(field, ChainConfig::tr("An RPC URL is required, for example http://127.0.0.1:8545."));
    if (!trimmed.contains(QLatin1String("://")) && !trimmed.contains(u'@'))
        return Error::invalid(field, ChainConfig::tr("“%1” has no scheme: write http://%1 or https://%1.").arg(trimmed));
    const auto placeholders = urlsecrets::find(trimmed, field);
    if (!placeholders)
        return placeholders.error();
    // A URL with placeholders is checked as it will be sent: with a value in each.
    QString checked = trimmed;
    if (!placeholders->isEmpty()) {
        const qsizetype authority = trimmed.indexOf(QLatin1String("://")) + 3;
        static const QRegularExpression pathOrQuery(QStringLiteral("[/?#]"));
        const qsizetype pathStart = trimmed.indexOf(pathOrQuery, authority);
        if (authority < 3 || pathStart < 0 || placeholders->first().position < pathStart) {
            return Error::invalid(field, ChainConfig::tr("A placeholder belongs in the URL's path or query, such as "
                                                         "https://eth-mainnet.g.alchemy.com/v2/${keychain:alchemy}; not in its "
                                                         "scheme, host or port."));
        }
        for (auto it = placeholders->crbegin(); it != placeholders->crend(); ++it)
            checked.replace(it->position, it->length, QStringLiteral("k3y"));
    }
    const QUrl url(checked, QUrl::StrictMode);
    if (!url.isValid()) {
        // QUrl's error string quotes the whole input: never echo one that may hold a password.
        if (trimmed.contains(u'@'))
            return Error::invalid(field, ChainConfig::tr("The URL is not valid and seems to contain a user name or password; Arbor does not store credentials in URLs. Remove them from the URL."));
        return Error::invalid(field, ChainConfig::tr("“%1” is not a valid URL: %2.").arg(trimmed, url.errorString()));
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != u"http" && scheme != u"https")
        return Error::invalid(field, ChainConfig::tr("“%1” must start with http:// or https:// (WebSocket endpoints are not supported).").arg(trimmed));
    if (url.host().isEmpty())
        return Error::invalid(field, ChainConfig::tr("“%1” has no host name.").arg(trimmed));
    if (!url.userInfo().isEmpty())
        return Error::invalid(field, ChainConfig::tr("“%1” contains a user name or password; Arbor does not store credentials in URLs. Remove them from the URL.").arg(url.toDisplayString(QUrl::RemoveUserInfo)));
    if (url.hasFragment())
        return Error::invalid(field, ChainConfig::tr("“%1” has a #fragment, which an RPC URL does not use; remove it.").arg(trimmed));
    if (!placeholders->isEmpty())
        return QUrl(trimmed).adjusted(QUrl::NormalizePathSegments);
    return url.adjusted(QUrl::NormalizePathSegments);
}

Status ChainConfig::validate() const
{
    const QString trimmedName = name.trimmed();
    if (trimmedName.isEmpty())
        return Error::invalid(QStringLiteral("name"), tr("A chain needs a name, for example “mainnet” or “base-sepolia”."));
    if (trimmedName != name)
        return Error::invalid(QStringLiteral("name"), tr("The name must not start or end with spaces."));
    if (name.size() > MaxNameLength)
        return Error::invalid(QStringLiteral("name"), tr("The name is %1 characters long; use at most %2.").arg(name.size()).arg(MaxNameLength));
    for (QChar c : name) {
        if (!c.isPrint())
            return Error::invalid(QStringLiteral("name"), tr("The name contains a control character; use letters, digits, spaces, “-” or “_”."));
    }
    bool allDigits = true;
    for (QChar c : name)
        allDigits &= c.isDigit();
    if (allDigits)
        return Error::invalid(QStringLiteral("name"), tr("The name “%1” is all digits and would be mistaken for a chain id; add a letter.").arg(name));
    if (chainId < 1 || chainId > MaxChainId)
        return Error::invalid(QStringLiteral("chain id"), tr("The chain id must be between 1 and %1.").arg(MaxChainId));
    if (rpcUrls.isEmpty())
        return Error::invalid(QStringLiteral("rpc"), tr("At least one RPC URL is required."));
    QSet<QString> seenUrls;
    for (const QUrl &url : rpcUrls) {
        if (const auto placeholders = urlsecrets::find(url.toString(QUrl::FullyEncoded), QStringLiteral("rpc")); !placeholders)
            return placeholders.error();
        const QString key = url.toString(QUrl::NormalizePathSegments | QUrl::StripTrailingSlash);
        if (seenUrls.contains(key))
            return Error::invalid(QStringLiteral("rpc"), tr("The RPC URL %1 is given twice.").arg(urlsecrets::displayText(url)));
        seenUrls.insert(key);
    }
    if (startBlock && *startBlock < 0)
        return Error::invalid(QStringLiteral("start block"), tr("The start block cannot be negative."));
    if (confirmations < 0 || confirmations > MaxConfirmations)
        return Error::invalid(QStringLiteral("confirmations"), tr("Confirmations must be between 0 and %1.").arg(MaxConfirmations));
    if (pollIntervalMs < 100 || pollIntervalMs > 3600 * 1000)
        return Error::invalid(QStringLiteral("poll interval"), tr("The poll interval must be between 100 ms and one hour."));
    QSet<QString> seenTokens;
    for (const Address &token : tokens) {
        if (token.isZero())
            return Error::invalid(QStringLiteral("token"), tr("The zero address is not a token contract."));
        if (seenTokens.contains(token.toHex()))
            return Error::invalid(QStringLiteral("token"), tr("The token %1 is given twice.").arg(token.toChecksumHex()));
        seenTokens.insert(token.toHex());
    }
    QSet<RegistryKind> seenKinds;
    for (const RegistryRef &registry : registries) {
        if (registry.address.isZero())
            return Error::invalid(QStringLiteral("erc8004"), tr("The zero address is not a registry contract."));
        if (seenKinds.contains(registry.kind))
            return Error::invalid(QStringLiteral("erc8004"), tr("The %1 registry is given twice.").arg(registryKindName(registry.kind)));
        seenKinds.insert(registry.kind);
    }
    return {};
}

Result<QList<RegistryRef>> parseRegistries(const QString &text, const QString &field)
{
    QList<RegistryRef> out;
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return Error::invalid(field, ChainConfig::tr("Give registries as identity=ADDRESS,reputation=ADDRESS,validation=ADDRESS (any subset)."));
    for (const QString &part : parts) {
        const qsizetype eq = part.indexOf(u'=');
        const auto kind = eq > 0 ? registryKindFromName(QStringView(part).left(eq).trimmed()) : std::nullopt;
        if (!kind)
            return Error::invalid(field, ChainConfig::tr("\"%1\" is not KIND=ADDRESS with KIND one of identity, reputation, validation.").arg(part));
        auto address = Address::fromHex(QStringView(part).mid(eq + 1).trimmed(), field);
        if (!address)
            return address.error();
        for (const RegistryRef &r : out) {
            if (r.kind == *kind)
                return Error::invalid(field, ChainConfig::tr("The %1 registry is given twice.").arg(registryKindName(*kind)));
        }
        out.append({*kind, *address});
    }
    return out;
}

ChainRef ChainRef::parse(const QString &text)
{
    ChainRef ref;
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (ok && id > 0)
        ref.id = id;
    else
        ref.name = text;
    return ref;
}

QString balanceModeName(BalanceMode mode)
{
    return mode == BalanceMode::BalanceOf ? QStringLiteral("balance_of") : QStringLiteral("transfers");
}

Result<BalanceMode> parseBalanceMode(const QString &text, const QString &field)
{
    if (text == u"transfers")
        return BalanceMode::Transfers;
    if (text == u"balance_of" || text == u"balanceOf")
        return BalanceMode::BalanceOf;
    return Error::invalid(field, ChainConfig::tr("“%1” is not a balance mode; use “transfers” (sum of indexed transfers) or "
                                                 "“balance_of” (balanceOf by eth_call).").arg(text));
}

QString blockStatsName(BlockStats stats)
{
    return stats == BlockStats::Every ? QStringLiteral("every") : QStringLiteral("events");
}

Result<BlockStats> parseBlockStats(const QString &text, const QString &field)
{
    if (text == u"events")
        return BlockStats::Events;
    if (text == u"every")
        return BlockStats::Every;
    return Error::invalid(field, ChainConfig::tr("“%1” is not a choice of block statistics; use “events” (headers of the blocks with "
                                                 "events only: fewest calls) or “every” (one header per block: daily blocks, "
                                                 "transactions and gas exact).").arg(text));
}

QString chainStateName(ChainState state)
{
    switch (state) {
    case ChainState::Active:
        return QStringLiteral("active");
    case ChainState::Paused:
        return QStringLiteral("paused");
    case ChainState::Deleting:
        return QStringLiteral("deleting");
    }
    return {};
}

} // namespace arbor
