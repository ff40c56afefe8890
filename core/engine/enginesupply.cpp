// Engine: a token's total supply, read from the chain (the top holders' share of it).

#include "engine/engine.h"

#include "engine/futures.h"
#include "model/hex.h"
#include "rpc/endpointprobe.h"
#include "rpc/jsonrpcclient.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>
#include <memory>

namespace arbor {

using futures::fulfil;
using futures::makePromise;
using futures::ready;

QFuture<Result<U256>> Engine::tokenSupply(qint64 chainId, const Address &token)
{
    using R = Result<U256>;
    QList<QUrl> urls;
    for (const ChainRecord &chain : std::as_const(m_snapshot)) {
        if (chain.config.chainId != chainId)
            continue;
        for (const EndpointRecord &e : chain.endpoints)
            urls.append(e.url);   // in priority order
        if (urls.isEmpty())
            urls = chain.config.rpcUrls;
    }
    if (urls.isEmpty())
        return ready<R>(Error::notFound(QStringLiteral("chain"), tr("Chain %1 has no RPC endpoint to read the token's supply from.").arg(chainId)));

    auto promise = makePromise<R>();
    const int timeoutMs = m_options.probeTimeoutMs;
    QMetaObject::invokeMethod(m_probe, [=, this] {
        // On the network thread: each endpoint in turn until one answers.
        auto next = std::make_shared<std::function<void(int, Error)>>();
        *next = [=, this](int at, Error last) {
            if (at >= urls.size()) {
                const auto keepAlive = std::move(*next);
                fulfil(promise, R(last));
                return;
            }
            auto *client = new JsonRpcClient(m_network, urls.at(at));
            client->setTimeout(timeoutMs);
            const QJsonObject call{{QStringLiteral("to"), token.toHex()}, {QStringLiteral("data"), QStringLiteral("0x18160ddd")}};
            client->call(QStringLiteral("eth_call"), QJsonArray{call, QStringLiteral("latest")}, [=](Result<QJsonValue> answer) {
                client->deleteLater();
                if (!answer) {
                    (*next)(at + 1, answer.error());
                    return;
                }
                auto data = hex::decode(answer->toString(), QStringLiteral("totalSupply"));
                if (!data || data->size() != 32) {
                    const auto keepAlive = std::move(*next);
                    fulfil(promise, R(Error::invalid(QStringLiteral("totalSupply"),
                                                     tr("The token %1 does not answer totalSupply() with a number.").arg(token.toChecksumHex()))));
                    return;
                }
                const auto keepAlive = std::move(*next);
                fulfil(promise, R(u256::fromBigEndian(*data, QStringLiteral("totalSupply"))));
            });
        };
        (*next)(0, Error::unavailable(QStringLiteral("rpc"), tr("No endpoint answered.")));
    });
    return promise->future();
}

} // namespace arbor
