#include "rpc/tokenprobe.h"

#include "model/abi.h"
#include "model/evmevents.h"
#include "model/hex.h"
#include "rpc/evmjson.h"
#include "rpc/jsonrpcclient.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <array>
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
    std::optional<qint64> startBlock;
    // The backwards search for Transfers before the start block.
    qint64 scanLo = 0;
    qint64 scanHi = 0;
    qint64 window = 0;
    qint64 maxWindow = 0;
    int logCalls = 0;
};

constexpr qint64 FirstLogWindow = 10000;
constexpr qint64 MaxLogWindow = 5000000;
/// The search gives up (and picks balance_of, exact either way) after this many eth_getLogs.
constexpr int MaxLogCalls = 200;

/// Whether a node's refusal of eth_getLogs means "ask for less", as the indexer reads it.
bool rangeTooLarge(const Error &e)
{
    return evmjson::isRangeTooLarge(Error{Error::Kind::Refused, e.field, e.message});
}

/// Whether the refusal says the range holds more logs than the node returns (so some).
bool tooManyResults(const Error &e)
{
    static constexpr std::array<const char *, 4> phrases = {"query returned more than", "too many results", "returned too many logs",
                                                             "more than 10000 results"};
    return std::any_of(phrases.begin(), phrases.end(), [&](const char *p) { return e.message.contains(QLatin1String(p), Qt::CaseInsensitive); });
}

QByteArray hexData(const QJsonValue &value)
{
    // A malformed answer reads as no data, which decodeText and the callers already treat as "none".
    return hex::decode(value.toString(), QStringLiteral("eth_call result")).value_or(QByteArray());
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

void TokenProbe::probe(const QUrl &rpc, const Address &token, qint64 head, std::optional<qint64> startBlock,
                       std::function<void(Result<TokenInfo>)> done)
{
    auto state = std::make_shared<TokenState>();
    state->info.address = token;
    state->done = std::move(done);
    state->client = new JsonRpcClient(m_network, rpc, this);
    state->client->setTimeout(m_timeoutMs);
    state->hi = head;
    state->startBlock = startBlock;
    const QString at = int64ToQuantity(head);

    auto finish = [state](Result<TokenInfo> result) {
        state->client->deleteLater();
        auto done = std::move(state->done);
        state->done = nullptr;
        if (done)
            done(std::move(result));
    };

    // The balance mode, from logs: is there any Transfer of the token before the start block?
    auto scan = std::make_shared<std::function<void()>>();
    *scan = [state, finish, scan, token]() {
        TokenInfo &info = state->info;
        if (state->scanHi < state->scanLo) {
            info.balanceMode = BalanceMode::Transfers;
            info.balanceModeReason = tr("No Transfer of the token before the start block %1 (eth_getLogs over blocks %2–%3).")
                                         .arg(*state->startBlock).arg(state->scanLo).arg(*state->startBlock - 1);
            const auto keepAlive = std::move(*scan);
            finish(info);
            return;
        }
        const qint64 from = std::max(state->scanLo, state->scanHi - state->window + 1);
        const QJsonObject filter{{QStringLiteral("fromBlock"), int64ToQuantity(from)},
                                 {QStringLiteral("toBlock"), int64ToQuantity(state->scanHi)},
                                 {QStringLiteral("address"), token.toHex()},
                                 {QStringLiteral("topics"), QJsonArray{evmevents::transferTopic().toHex()}}};
        state->client->call(QStringLiteral("eth_getLogs"), QJsonArray{filter}, [state, finish, scan, from](Result<QJsonValue> logs) {
            TokenInfo &info = state->info;
            ++state->logCalls;
            if (!logs && tooManyResults(logs.error())) {
                // The node found more Transfers in the window than it will return: there are some.
                info.balanceMode = BalanceMode::BalanceOf;
                info.balanceModeReason = tr("The token has Transfers before the start block %1 (more in blocks %2–%3 than the node "
                                            "returns at once): sums of the indexed Transfers would miss them, so balances are read with balanceOf.")
                                             .arg(*state->startBlock).arg(from).arg(state->scanHi);
                const auto keepAlive = std::move(*scan);
                finish(info);
                return;
            }
            if (!logs && rangeTooLarge(logs.error()) && state->window > 1 && state->logCalls < MaxLogCalls) {
                state->window = std::max<qint64>(1, state->window / 2);
                state->maxWindow = state->window;
                return (*scan)();
            }
            if (!logs || !logs->isArray()) {
                // balanceOf is exact whatever the history: the safe choice when the node would not say.
                info.balanceMode = BalanceMode::BalanceOf;
                info.balanceModeReason = tr("Whether the token has Transfers before the start block %1 could not be read (%2); "
                                            "balanceOf is exact either way.")
                                             .arg(*state->startBlock)
                                             .arg(logs ? tr("eth_getLogs did not answer with a list") : logs.error().message);
                const auto keepAlive = std::move(*scan);
                finish(info);
                return;
            }
            const QJsonArray found = logs->toArray();
            if (!found.isEmpty()) {
                qint64 latest = from;
                for (const QJsonValue &log : found) {
                    if (auto n = quantityToInt64(log.toObject().value(QLatin1String("blockNumber")), QStringLiteral("blockNumber")))
                        latest = std::max(latest, *n);
                }
                info.balanceMode = BalanceMode::BalanceOf;
                info.balanceModeReason = tr("The token has Transfers before the start block %1 (%2 in blocks %3–%4, the latest at block %5): "
                                            "sums of the indexed Transfers would miss them, so balances are read with balanceOf.")
                                             .arg(*state->startBlock).arg(found.size()).arg(from).arg(state->scanHi).arg(latest);
                const auto keepAlive = std::move(*scan);
                finish(info);
                return;
            }
            state->scanHi = from - 1;
            state->window = std::min(state->window * 2, state->maxWindow);
            if (state->scanHi >= state->scanLo && state->logCalls >= MaxLogCalls) {
                // A node that answers only narrow ranges over a long history: stop asking.
                info.balanceMode = BalanceMode::BalanceOf;
                info.balanceModeReason = tr("No Transfer of the token in blocks %1–%2; blocks %3–%4 were not searched (the node answers "
                                            "%5 blocks per eth_getLogs at most). balanceOf is exact either way.")
                                             .arg(state->scanHi + 1).arg(*state->startBlock - 1).arg(state->scanLo).arg(state->scanHi)
                                             .arg(state->maxWindow);
                const auto keepAlive = std::move(*scan);
                finish(info);
                return;
            }
            (*scan)();
        });
    };

    auto decide = [state, finish, scan]() {
        TokenInfo &info = state->info;
        if (!state->startBlock) {
            *scan = nullptr;
            return finish(info);
        }
        const qint64 start = *state->startBlock;
        if (start <= 0) {
            info.balanceMode = BalanceMode::Transfers;
            info.balanceModeReason = tr("The chain is indexed from its first block.");
            *scan = nullptr;
            return finish(info);
        }
        if (info.deployBlock && *info.deployBlock >= start) {
            info.balanceMode = BalanceMode::Transfers;
            info.balanceModeReason = tr("Deployed at block %1, at or after the start block %2.").arg(*info.deployBlock).arg(start);
            *scan = nullptr;
            return finish(info);
        }
        // A known deployment block (the node serves history) narrows the search; logs decide.
        state->scanLo = info.deployBlock.value_or(0);
        state->scanHi = start - 1;
        state->window = FirstLogWindow;
        state->maxWindow = MaxLogWindow;
        (*scan)();
    };

    // Binary search for the first block with code: O(log head) sequential calls.
    auto search = std::make_shared<std::function<void()>>();
    *search = [state, decide, search, token]() {
        if (state->lo >= state->hi) {
            state->info.deployBlock = state->lo;
            const auto keepAlive = std::move(*search);   // this closure ends the cycle it is part of
            decide();
            return;
        }
        const qint64 mid = state->lo + (state->hi - state->lo) / 2;
        state->client->call(QStringLiteral("eth_getCode"), QJsonArray{token.toHex(), int64ToQuantity(mid)},
                            [state, decide, search, mid](Result<QJsonValue> code) {
                                if (!code) {
                                    state->info.deployBlockNote = tr("The node cannot serve contract code at block %1 (%2); "
                                                                     "it is probably not an archive node.")
                                                                      .arg(mid).arg(code.error().message);
                                    const auto keepAlive = std::move(*search);
                                    decide();
                                    return;
                                }
                                if (!code->isString()) {
                                    // null is no answer about the code: the search cannot go on.
                                    state->info.deployBlockNote = tr("The node gave no contract code at block %1; "
                                                                     "it is probably not an archive node.")
                                                                      .arg(mid);
                                    const auto keepAlive = std::move(*search);
                                    decide();
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
            *search = nullptr;
            *scan = nullptr;
            finish(code.error());
            return;
        }
        if (hexData(*code).isEmpty()) {
            *search = nullptr;
            *scan = nullptr;
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
