#include "engine/tokenaddition.h"

#include "engine/enginecontext.h"
#include "rpc/endpointprobe.h"
#include "rpc/tokenprobe.h"
#include "store/indexstore.h"
#include "util/continuation.h"

#include <QNetworkAccessManager>

namespace arbor {

TokenAddition::TokenAddition(EngineContext &context, ChainRef chain, Address token, QObject *parent)
    : QObject(parent)
    , m_context(context)
    , m_chain(std::move(chain))
    , m_token(token)
    , m_promise(futures::makePromise<Result<Added>>())
{
}

QFuture<Result<TokenAddition::Added>> TokenAddition::start()
{
    if (m_token.isZero()) {
        finish(Error::invalid(QStringLiteral("token"), tr("The zero address is not a token contract.")));
        return m_promise->future();
    }
    then(m_context.write([chain = m_chain](Store &s) { return EngineContext::resolveChain(s, chain); }), this, [this](Result<ChainRecord> chain) {
        if (!chain) {
            finish(chain.error());
            return;
        }
        if (chain->config.tokens.contains(m_token)) {
            finish(Error::conflict(QStringLiteral("token"), tr("Chain %1 already indexes the token %2.").arg(chain->config.name, m_token.toChecksumHex())));
            return;
        }
        probe(*chain);
    });
    return m_promise->future();
}

void TokenAddition::probe(const ChainRecord &chain)
{
    using Probed = Result<TokenInfo>;
    auto probed = futures::makePromise<Probed>();
    EndpointProbe *endpoints = m_context.probe();
    QNetworkAccessManager *network = m_context.network();
    const int timeoutMs = m_context.options().probeTimeoutMs;
    const QUrl url = chain.config.rpcUrls.first();
    const qint64 chainId = chain.config.chainId;
    const qint64 start = chain.config.startBlock.value_or(0);
    const Address token = m_token;
    // On the network thread: the head first (the upper end of the deployment search), then the token.
    const Status posted = m_context.onNetworkThread([=] {
        endpoints->probe({url}, chainId, [=](QList<ProbeResult> results) {
            if (results.isEmpty() || !results.first().ok()) {
                futures::fulfil(probed, Probed(results.isEmpty() ? Error::unavailable(QStringLiteral("rpc"), tr("No endpoint answered."))
                                                                 : *results.first().error));
                return;
            }
            auto *tokenProbe = new TokenProbe(network, network);
            tokenProbe->setTimeout(timeoutMs);
            tokenProbe->probe(url, token, results.first().head, start, [=](Result<TokenInfo> info) {
                tokenProbe->deleteLater();
                futures::fulfil(probed, std::move(info));
            });
        });
    });
    if (!posted)
        futures::fulfil(probed, Probed(posted.error()));
    then(probed->future(), this, [this, chain](Probed info) {
        if (!info) {
            finish(info.error());
            return;
        }
        write(chain, *info);
    });
}

void TokenAddition::write(const ChainRecord &chain, const TokenInfo &token)
{
    const qint64 chainId = chain.config.chainId;
    const qint64 start = chain.config.startBlock.value_or(0);
    const qint64 from = std::max(start, token.deployBlock.value_or(start));
    then(m_context.write([chainId, token, from](Store &s) { return IndexStore(s).addToken(chainId, token, from); }), this, [this, chainId, token](Result<Backfill> added) {
        if (!added) {
            finish(added.error());
            return;
        }
        finish(Added{chainId, token});
    });
}

void TokenAddition::finish(Result<Added> result)
{
    futures::fulfil(m_promise, std::move(result));
    deleteLater();
}

} // namespace arbor
