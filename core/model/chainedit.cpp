#include "model/chainedit.h"

#include "model/urlsecrets.h"

#include <QSet>

namespace arbor {

QString rpcUrlKey(const QUrl &url)
{
    // "http://host:8545" and "http://host:8545/" are one endpoint.
    QUrl key = url.adjusted(QUrl::NormalizePathSegments | QUrl::StripTrailingSlash);
    if (key.path() == u"/")
        key.setPath(QString());
    return key.toString();
}

double chainRpcRate(const ChainRecord &chain)
{
    return chain.endpoints.isEmpty() ? 0.0 : chain.endpoints.first().maxRequestsPerSecond;
}

bool ChainEdit::isEmpty() const
{
    return !name && addRpcUrls.isEmpty() && removeRpcUrls.isEmpty() && rpcUrlOrder.isEmpty() && !pollIntervalMs && !confirmations && !rpcRateLimit
        && addRegistries.isEmpty() && !blockStats;
}

Result<ChainConfig> ChainEdit::apply(const ChainRecord &chain) const
{
    const QString chainName = chain.config.name;
    if (chain.state == ChainState::Deleting)
        return Error::conflict(QStringLiteral("chain"), tr("Chain “%1” is being deleted and cannot be edited.").arg(chainName));
    if (isEmpty())
        return Error::invalid(QStringLiteral("chain"), tr("Nothing to change: give a new name, RPC URLs to add or remove, a poll interval, "
                                                          "confirmations, an RPC rate or a registry to add."));
    ChainConfig config = chain.config;
    config.rpcRateLimit = chainRpcRate(chain);
    if (name)
        config.name = *name;
    if (pollIntervalMs)
        config.pollIntervalMs = *pollIntervalMs;
    if (confirmations)
        config.confirmations = *confirmations;
    if (blockStats)
        config.blockStats = *blockStats;
    if (rpcRateLimit) {
        if (!(*rpcRateLimit >= 0 && *rpcRateLimit <= MaxRpcRate))
            return Error::invalid(QStringLiteral("rpc rate"), tr("The RPC rate must be between 1 and %1 requests per second, or 0 for no limit.")
                                                                  .arg(MaxRpcRate, 0, 'f', 0));
        config.rpcRateLimit = *rpcRateLimit;
    }

    QSet<QString> removed;
    for (const QUrl &url : removeRpcUrls) {
        const QString key = rpcUrlKey(url);
        if (removed.contains(key))
            return Error::invalid(QStringLiteral("remove rpc"), tr("The RPC URL %1 is given twice.").arg(urlsecrets::displayText(url)));
        const auto at = std::find_if(config.rpcUrls.cbegin(), config.rpcUrls.cend(), [&](const QUrl &u) { return rpcUrlKey(u) == key; });
        if (at == config.rpcUrls.cend()) {
            QStringList known;
            for (const QUrl &u : std::as_const(chain.config.rpcUrls))
                known.append(u.toDisplayString());
            return Error::notFound(QStringLiteral("remove rpc"), tr("%1 is not an RPC URL of chain “%2”; its URLs are: %3.")
                                                                     .arg(urlsecrets::displayText(url), chainName, known.join(QStringLiteral(", "))));
        }
        removed.insert(key);
    }
    QSet<QString> added;
    for (const QUrl &url : addRpcUrls) {
        if (added.contains(rpcUrlKey(url)))
            return Error::invalid(QStringLiteral("add rpc"), tr("The RPC URL %1 is given twice.").arg(urlsecrets::displayText(url)));
        added.insert(rpcUrlKey(url));
        if (removed.contains(rpcUrlKey(url)))
            return Error::invalid(QStringLiteral("add rpc"), tr("%1 is both added and removed; give it once.").arg(urlsecrets::displayText(url)));
        for (const QUrl &u : std::as_const(config.rpcUrls)) {
            if (rpcUrlKey(u) == rpcUrlKey(url))
                return Error::conflict(QStringLiteral("add rpc"), tr("%1 is already an RPC URL of chain “%2”.").arg(urlsecrets::displayText(url), chainName));
        }
    }
    config.rpcUrls.removeIf([&](const QUrl &u) { return removed.contains(rpcUrlKey(u)); });
    config.rpcUrls.append(addRpcUrls);
    if (config.rpcUrls.isEmpty())
        return Error::invalid(QStringLiteral("remove rpc"), tr("Chain “%1” would have no RPC URL left; add another URL before removing the last one.")
                                                                .arg(chainName));
    if (!rpcUrlOrder.isEmpty()) {
        QList<QUrl> first;
        for (const QUrl &url : rpcUrlOrder) {
            const QString key = rpcUrlKey(url);
            const auto at = std::find_if(config.rpcUrls.cbegin(), config.rpcUrls.cend(), [&](const QUrl &u) { return rpcUrlKey(u) == key; });
            if (at == config.rpcUrls.cend()) {
                QStringList known;
                for (const QUrl &u : std::as_const(config.rpcUrls))
                    known.append(urlsecrets::displayText(u));
                return Error::notFound(QStringLiteral("prefer rpc"), tr("%1 is not an RPC URL of chain “%2”; its URLs are: %3.")
                                                                         .arg(urlsecrets::displayText(url), chainName, known.join(QStringLiteral(", "))));
            }
            if (std::any_of(first.cbegin(), first.cend(), [&](const QUrl &u) { return rpcUrlKey(u) == key; }))
                return Error::invalid(QStringLiteral("prefer rpc"), tr("The RPC URL %1 is given twice.").arg(urlsecrets::displayText(url)));
            first.append(*at);
        }
        QList<QUrl> rest = config.rpcUrls;
        rest.removeIf([&](const QUrl &u) { return std::any_of(first.cbegin(), first.cend(), [&](const QUrl &f) { return rpcUrlKey(f) == rpcUrlKey(u); }); });
        config.rpcUrls = first + rest;
    }

    for (const RegistryRef &r : addRegistries) {
        for (const RegistryRef &existing : std::as_const(config.registries)) {
            if (existing.kind == r.kind)
                return Error::conflict(QStringLiteral("add registry"), tr("Chain “%1” already indexes the %2 registry at %3; a registry cannot be replaced.")
                                                                           .arg(chainName, registryKindName(r.kind), existing.address.toChecksumHex()));
        }
        config.registries.append(r);
    }

    if (Status valid = config.validate(); !valid) {
        Error e = valid.error();
        // The checks are the ones adding a chain makes; their fields become the edit's.
        if (e.field == u"rpc")
            e.field = QStringLiteral("add rpc");
        else if (e.field == u"erc8004")
            e.field = QStringLiteral("add registry");
        return e;
    }
    return config;
}

} // namespace arbor
