// evmjson: what nodes' and providers' error messages mean (declared in evmjson.h).

#include "rpc/evmjson.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <array>
#include <optional>

namespace arbor::evmjson {

bool isUnknownBlock(const Error &error)
{
    if (error.kind != Error::Kind::Refused || error.message.contains(QLatin1String("-32601"))
        || error.message.contains(QLatin1String("method not found"), Qt::CaseInsensitive))
        return false;
    return error.message.contains(QLatin1String("unknown block"), Qt::CaseInsensitive)
        || error.message.contains(QLatin1String("not found"), Qt::CaseInsensitive);
}

bool isRangeTooLarge(const Error &error)
{
    if (error.kind != Error::Kind::Refused)
        return false;
    const QString &m = error.message;
    static constexpr std::array<const char *, 21> phrases = {
        "query returned more than", "too many results", "response size exceeded", "log response size", "response size is larger",
        "exceed maximum block range", "exceeds maximum block range", "exceeds the maximum block range", "maximum block range",
        "max block range", "block range too large", "block range is too large", "range is too large", "range too large",
        "block range is too wide", "range too wide", "too many blocks", "block range limit", "this block range should work",
        "returned too many logs", "is limited to a",
    };
    for (const char *phrase : phrases) {
        if (m.contains(QLatin1String(phrase), Qt::CaseInsensitive))
            return true;
    }
    // "limit exceeded" and code -32005 (EIP-1474 "limit exceeded") also mean rate limiting on
    // some providers: that is the endpoint's problem, not the range's.
    static const QRegularExpression rateLimit(QStringLiteral("rate.?limit|request rate|too many requests|requests per|daily request|credits"),
                                              QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression limitExceeded(QStringLiteral("limit exceeded|(^|[^0-9])-32005($|[^0-9])"),
                                                  QRegularExpression::CaseInsensitiveOption);
    if (statedLogRangeLimit(m) || statedLogResultLimit(m))
        return true;
    return m.contains(limitExceeded) && !m.contains(rateLimit);
}

Error blockNotServed(qint64 number)
{
    return Error::unavailable(QStringLiteral("eth_getBlockByNumber"),
                              QCoreApplication::translate("arbor::evmjson", "The node does not serve block %1 yet: it is behind the "
                                                                            "chain's head or still importing the block. Asked again shortly.")
                                  .arg(number))
        .withCode(QStringLiteral("block_not_served"), {QString::number(number)});
}

bool isBlockNotServed(const Error &error)
{
    return error.kind == Error::Kind::Unavailable && error.field == u"eth_getBlockByNumber";
}

bool isMissingState(const QString &message)
{
    // What geth, erigon, nethermind, besu, reth, anvil and hosted providers say.
    static constexpr std::array<const char *, 13> phrases = {
        "missing trie node", "header not found", "block out of range", "blockoutofrange", "historical state", "state not available",
        "state is not available", "state unavailable", "pruned", "no state", "state histories", "requested block is too old",
        "not an archive",
    };
    for (const char *phrase : phrases) {
        if (message.contains(QLatin1String(phrase), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool isBatchTooLarge(const QString &message)
{
    static const QRegularExpression batch(QStringLiteral("batch.{0,20}(too large|too big|too long|exceed|limit|size|maximum)|"
                                                         "(too many|maximum).{0,20}(requests|calls) in (a |the )?batch"),
                                          QRegularExpression::CaseInsensitiveOption);
    return message.contains(batch);
}

bool isRateLimited(const QString &message)
{
    static const QRegularExpression rate(QStringLiteral("rate.?limit|request rate|too many requests(?! in (a |the )?batch)|requests per second|"
                                                        "exceeded .{0,20}(capacity|throughput|compute units)|\\b429\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    return message.contains(rate);
}

namespace {

std::optional<qint64> statedNumber(const QString &message, const QRegularExpression &pattern)
{
    const QRegularExpressionMatch m = pattern.match(message);
    if (!m.hasMatch())
        return std::nullopt;
    QString digits = m.captured(1);
    digits.remove(u',');
    bool ok = false;
    qint64 n = digits.toLongLong(&ok);
    if (!ok || n <= 0)
        return std::nullopt;
    if (m.captured(2).compare(u"k", Qt::CaseInsensitive) == 0)
        n *= 1000;
    return n;
}

} // namespace

std::optional<qint64> statedLogRangeLimit(const QString &message)
{
    static const QRegularExpression range(QStringLiteral("(?:block range|range limit|range of|range is|range:|range to|limited to a|up to a)"
                                                         "[^0-9]{0,12}([0-9][0-9,]*)\\s*(k?)\\b(?!\\s*(?:results|logs))"),
                                          QRegularExpression::CaseInsensitiveOption);
    return statedNumber(message, range);
}

std::optional<qint64> statedLogResultLimit(const QString &message)
{
    static const QRegularExpression results(QStringLiteral("(?:more than|max(?:imum)?(?: of)?|cap of|limit of)\\s*([0-9][0-9,]*)\\s*(k?)\\s*"
                                                           "(?:results|logs)"),
                                            QRegularExpression::CaseInsensitiveOption);
    return statedNumber(message, results);
}

} // namespace arbor::evmjson
