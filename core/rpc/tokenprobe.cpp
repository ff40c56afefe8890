#include "rpc/tokenprobe.h"

#include "model/abi.h"
#include "rpc/jsonrpcclient.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace arbor {
namespace {

struct TokenState
{
    TokenInfo info;
    JsonRpcClient *client = nullptr;
    std::function<void(Result<TokenInfo>)> done;
    int pending = 0;
    qint64 lo = 0;
    qint64 hi = 0;
};

QByteArray hexData(const QJsonValue &value)
{
    const QString text = value.toString();
    if (!text.startsWith(QLatin1String("0x")))
        return {};
    return QByteArray::fromHex(QStringView(text).mid(2).toLatin1());
}

/// A name() or symbol() answer: ABI `string`, or `bytes32` padded with zeros.
QString decodeText(const QByteArray &data)
{
    if (data.size() == abi::WordSize) {
        const QByteArray trimmed = data.left(data.indexOf('\0') < 0 ? data.size() : data.indexOf('\0'));
        return abi::isValidUtf8(trimmed) ? QString::fromUtf8(trimmed) : QString();
    }
    auto reader = abi::Reader::open(data, 1, "token");
    if (!reader)
        return {};
    auto text = reader->string(0, "token");
    return text ? *text : QString();
}

QJsonObject callObject(const Address &to, const char *selector)
{
    return QJsonObject{{QStringLiteral("to"), to.toHex()}, {QStringLiteral("data"), QLatin1String(selector)}};
}

} // namespace

TokenProbe::TokenProbe(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
}

void TokenProbe::probe(const QUrl &rpc, const Address &token, qint64 head, std::function<void(Result<TokenInfo>)> done)
{
    auto state = std::make_shared<TokenState>();
    state->info.address = token;
    state->done = std::move(done);
    state->client = new JsonRpcClient(m_network, rpc, this);
    state->client->setTimeout(m_timeoutMs);
    state->hi = head;
    const QString at = QStringLiteral("0x") + QString::number(head, 16);

    auto finish = [state](Result<TokenInfo> result) {
        state->client->deleteLater();
        auto done = std::move(state->done);
        state->done = nullptr;
        if (done)
            done(std::move(result));
    };

    // Binary search for the first block with code: O(log head) sequential calls.
    auto search = std::make_shared<std::function<void()>>();
    *search = [state, finish, search, token]() {
        if (state->lo >= state->hi) {
            state->info.deployBlock = state->lo;
            const auto keepAlive = std::move(*search);   // this closure ends the cycle it is part of
            finish(state->info);
            return;
        }
        const qint64 mid = state->lo + (state->hi - state->lo) / 2;
        state->client->call(QStringLiteral("eth_getCode"), QJsonArray{token.toHex(), QString(QStringLiteral("0x") + QString::number(mid, 16))},
                            [state, finish, search, mid](Result<QJsonValue> code) {
                                if (!code) {
                                    state->info.deployBlockNote = tr("The node cannot serve contract code at block %1 (%2); "
                                                                     "it is probably not an archive node.")
                                                                      .arg(mid).arg(code.error().message);
                                    const auto keepAlive = std::move(*search);
                                    finish(state->info);
                                    return;
                                }
                                if (hexData(*code).isEmpty())
                                    state->lo = mid + 1;
                                else
                                    state->hi = mid;
                                (*search)();
                            });
    };

    auto metadataDone = [state, search, finish]() {
        if (--state->pending == 0)
            (*search)();
    };

    state->client->call(QStringLiteral("eth_getCode"), QJsonArray{token.toHex(), at}, [=](Result<QJsonValue> code) {
        if (!code) {
            finish(code.error());
            return;
        }
        if (hexData(*code).isEmpty()) {
            *search = nullptr;
            finish(Error::invalid(QStringLiteral("token"), tr("There is no contract at %1 on this chain (block %2). Check the address and the chain.")
                                                                .arg(token.toChecksumHex()).arg(state->hi)));
            return;
        }
        state->pending = 3;
        state->client->call(QStringLiteral("eth_call"), QJsonArray{callObject(token, "0x06fdde03"), at}, [state, metadataDone](Result<QJsonValue> r) {
            if (r)
                state->info.name = decodeText(hexData(*r));
            metadataDone();
        });
        state->client->call(QStringLiteral("eth_call"), QJsonArray{callObject(token, "0x95d89b41"), at}, [state, metadataDone](Result<QJsonValue> r) {
            if (r)
                state->info.symbol = decodeText(hexData(*r));
            metadataDone();
        });
        state->client->call(QStringLiteral("eth_call"), QJsonArray{callObject(token, "0x313ce567"), at}, [state, metadataDone](Result<QJsonValue> r) {
            const QByteArray data = r ? hexData(*r) : QByteArray();
            if (data.size() >= abi::WordSize) {
                if (auto decimals = abi::uint8(QByteArrayView(data).first(abi::WordSize), "decimals"))
                    state->info.decimals = *decimals;
            }
            metadataDone();
        });
    });
}

} // namespace arbor
