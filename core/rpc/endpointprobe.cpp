#include "rpc/endpointprobe.h"

#include "rpc/evmjson.h"
#include "rpc/jsonrpcclient.h"
#include "rpc/rpchttp.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>

#include <memory>

namespace arbor {
namespace {

struct ProbeState
{
    QList<ProbeResult> results;
    int pending = 0;
    std::function<void(QList<ProbeResult>)> done;
};

} // namespace

EndpointProbe::EndpointProbe(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

void EndpointProbe::probe(const QList<QUrl> &urls, qint64 expectedChainId, std::function<void(QList<ProbeResult>)> done)
{
    auto state = std::make_shared<ProbeState>();
    state->done = std::move(done);
    state->pending = int(urls.size()) * 4;
    for (const QUrl &url : urls) {
        ProbeResult r;
        r.url = url;
        state->results.append(r);
    }
    if (urls.isEmpty()) {
        state->done({});
        return;
    }

    auto finishOne = [state, expectedChainId]() {
        if (--state->pending > 0)
            return;
        for (ProbeResult &r : state->results) {
            // State at block 1 says nothing on a chain that young: every block is recent.
            if (r.head < 2) {
                r.servesHistory.reset();
                r.historyNote.clear();
            }
            if (!r.error && expectedChainId != 0 && r.chainId != expectedChainId) {
                r.error = Error::invalid(QStringLiteral("chain id"),
                                         tr("%1 serves chain id %2, not %3. Check the URL, or use chain id %2.")
                                             .arg(rpchttp::displayUrl(r.url)).arg(r.chainId).arg(expectedChainId));
            }
        }
        state->done(state->results);
    };

    for (qsizetype i = 0; i < urls.size(); ++i) {
        auto *client = new JsonRpcClient(m_network, urls[i], this);
        client->setTimeout(m_timeoutMs);
        auto calls = std::make_shared<int>(4);
        auto release = [client, calls]() {
            if (--*calls == 0)
                client->deleteLater();
        };
        auto fail = [state, i](const Error &e) {
            // Keep the first failure: later ones usually repeat it.
            if (!state->results[i].error)
                state->results[i].error = e;
        };

        client->call(QStringLiteral("eth_chainId"), {}, [=](Result<QJsonValue> r) {
            if (!r) {
                fail(r.error());
            } else if (auto id = quantityToInt64(*r, QStringLiteral("eth_chainId")); !id) {
                fail(id.error());
            } else {
                state->results[i].chainId = *id;
            }
            release();
            finishOne();
        });

        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        client->call(QStringLiteral("eth_blockNumber"), {}, [=](Result<QJsonValue> r) {
            state->results[i].latencyMs = double(timer->nsecsElapsed()) / 1e6;
            if (!r) {
                fail(r.error());
            } else if (auto head = quantityToInt64(*r, QStringLiteral("eth_blockNumber")); !head) {
                fail(head.error());
            } else {
                state->results[i].head = *head;
            }
            release();
            finishOne();
        });

        // Whether the node serves state at an old block: archive nodes do; full nodes (pruned),
        // nodes started from a state dump and most public endpoints do not. Not the endpoint's
        // failure either way.
        client->call(QStringLiteral("eth_getBalance"), QJsonArray{QStringLiteral("0x0000000000000000000000000000000000000000"), QStringLiteral("0x1")},
                     [=](Result<QJsonValue> r) {
                         // A refusal that says so means no; no answer (a timeout, a 429) says nothing.
                         if (r) {
                             state->results[i].servesHistory = true;
                         } else if (evmjson::isMissingState(r.error().message)) {
                             state->results[i].servesHistory = false;
                             state->results[i].historyNote = r.error().message;
                         }
                         release();
                         finishOne();
                     });

        // Optional: many providers disable web3_clientVersion; its failure is not the endpoint's.
        client->call(QStringLiteral("web3_clientVersion"), {}, [=](Result<QJsonValue> r) {
            if (r && r->isString())
                state->results[i].clientVersion = r->toString().left(200);
            release();
            finishOne();
        });
    }
}

} // namespace arbor
