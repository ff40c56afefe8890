#include "balancecommands.h"
#include "translation.h"

#include "engine/balanceservice.h"
#include "output.h"
#include "util/continuation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTextStream>

namespace arbor::cli {
namespace {

QString amount(const TokenBalance &b)
{
    return b.symbol.isEmpty() ? b.formatted() : b.formatted() + u' ' + b.symbol;
}

QString asOf(const TokenBalance &b)
{
    if (b.lastBlock <= 0 && b.updatedAt <= 0)
        return Arborctl::tr("never computed");
    return Arborctl::tr("block %1, %2").arg(b.lastBlock).arg(timestampToJson(b.updatedAt).toString());
}

} // namespace

int queryBalance(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption chain = chainIdOption();
    const QCommandLineOption token = tokenAddressOption();
    const QCommandLineOption holder(QStringLiteral("holder"), Arborctl::tr("The holder's address."), QStringLiteral("ADDRESS"));
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("A holder's balance of one token, as the balance queue last computed it."),
                                                     {chain, token, holder, json}}))
        return *exit;
    auto ref = chainOption(parser, chain);
    if (!ref)
        return fail(ref.error());
    auto tokenAddress = addressOption(parser, token);
    if (!tokenAddress)
        return fail(tokenAddress.error());
    auto holderAddress = addressOption(parser, holder);
    if (!holderAddress)
        return fail(holderAddress.error());

    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [ref = *ref, t = *tokenAddress, h = *holderAddress, asJson](Engine &engine, std::function<void(int)> finish) {
        then(findChain(engine, ref, t), &engine, [&engine, t, h, asJson, finish](Result<ChainRecord> c) {
            if (!c) {
                finish(fail(c.error()));
                return;
            }
            then(engine.balances()->tokenBalance(ChainRef{c->config.chainId, {}}, t, h), &engine, [asJson, finish](Result<TokenBalance> b) {
                if (!b) {
                    finish(fail(optionError(b.error())));
                    return;
                }
                if (asJson) {
                    printJson(tokenBalanceToJson(*b));
                } else {
                    QTextStream out(stdout);
                    out << Arborctl::tr("%1 of %2 on %3 (%4)").arg(b->holder.toChecksumHex(), b->symbol.isEmpty() ? b->token.toChecksumHex() : b->symbol,
                                                                 b->chainName)
                                   .arg(b->chainId)
                        << Qt::endl;
                    out << "  " << Arborctl::tr("balance  %1").arg(amount(*b)) << Qt::endl;
                    out << "  " << Arborctl::tr("raw      %1 (%2 decimals)").arg(u256::toDecimal(b->balance), b->decimals ? QString::number(*b->decimals) : QStringLiteral("?"))
                        << Qt::endl;
                    out << "  " << Arborctl::tr("as of    %1").arg(asOf(*b)) << Qt::endl;
                }
                finish(ExitOk);
            });
        });
    });
}

int queryPortfolio(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption holder(QStringLiteral("holder"), Arborctl::tr("The holder's address."), QStringLiteral("ADDRESS"));
    const QCommandLineOption minBalance(QStringLiteral("min-balance"), Arborctl::tr("Only balances of at least X, in the token's raw units (a whole number ≥ 0)."),
                                       QStringLiteral("X"));
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Every non-zero balance of a holder, on every chain and token."),
                                                     {holder, minBalance, json}}))
        return *exit;
    auto holderAddress = addressOption(parser, holder);
    if (!holderAddress)
        return fail(holderAddress.error());
    U256 minimum = 0;
    if (parser.isSet(minBalance)) {
        auto v = u256::fromDecimal(parser.value(minBalance).trimmed(), QStringLiteral("--min-balance"));
        if (!v) {
            Error e = v.error();
            e.message += u' ' + Arborctl::tr("Give the amount in raw units, e.g. --min-balance 1000000 for 1 unit of a 6-decimal token.");
            return fail(e);
        }
        minimum = *v;
    }

    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [h = *holderAddress, minimum, asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.balances()->portfolio(h, minimum), &engine, [h, minimum, asJson, finish](Result<QList<TokenBalance>> balances) {
            if (!balances) {
                finish(fail(optionError(balances.error())));
                return;
            }
            if (asJson) {
                QJsonArray list;
                for (const TokenBalance &b : *balances)
                    list.append(tokenBalanceToJson(b));
                printJson(QJsonObject{{QStringLiteral("holder"), h.toHex()},
                                      {QStringLiteral("minBalance"), u256::toDecimal(minimum)},
                                      {QStringLiteral("balances"), list}});
            } else if (balances->isEmpty()) {
                QTextStream(stdout) << Arborctl::tr("%1 holds none of the tracked tokens%2.")
                                           .arg(h.toChecksumHex(), minimum > 0 ? Arborctl::tr(" (at least %1 raw units)").arg(u256::toDecimal(minimum)) : QString())
                                    << Qt::endl;
            } else {
                QList<QStringList> rows;
                for (const TokenBalance &b : *balances) {
                    rows.append({QString::number(b.chainId), b.chainName, b.symbol, b.token.toHex(), b.formatted(), u256::toDecimal(b.balance),
                                 QString::number(b.lastBlock)});
                }
                printTable({Arborctl::tr("ID"), Arborctl::tr("CHAIN"), Arborctl::tr("SYMBOL"), Arborctl::tr("TOKEN"), Arborctl::tr("BALANCE"),
                            Arborctl::tr("RAW"), Arborctl::tr("BLOCK")},
                           rows);
            }
            finish(ExitOk);
        });
    });
}

int queryTopHolders(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption chain = chainIdOption();
    const QCommandLineOption token = tokenAddressOption();
    const QCommandLineOption limit(QStringLiteral("limit"), Arborctl::tr("How many holders, 1 to 10000 (default 10)."), QStringLiteral("N"));
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("A token's largest holders, largest first."),
                                                     {chain, token, limit, json}}))
        return *exit;
    auto ref = chainOption(parser, chain);
    if (!ref)
        return fail(ref.error());
    auto tokenAddress = addressOption(parser, token);
    if (!tokenAddress)
        return fail(tokenAddress.error());
    int count = 10;
    if (parser.isSet(limit)) {
        auto v = parseInteger(parser.value(limit), QStringLiteral("--limit"), 1, 10000);
        if (!v)
            return fail(v.error());
        count = int(*v);
    }

    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [ref = *ref, t = *tokenAddress, count, asJson](Engine &engine, std::function<void(int)> finish) {
        then(findChain(engine, ref, t), &engine, [&engine, t, count, asJson, finish](Result<ChainRecord> c) {
            if (!c) {
                finish(fail(c.error()));
                return;
            }
            TokenInfo info;
            for (const TokenInfo &i : c->tokens) {
                if (i.address == t)
                    info = i;
            }
            const ChainConfig config = c->config;
            then(engine.balances()->topHolders(ChainRef{config.chainId, {}}, t, count), &engine, [config, info, t, count, asJson, finish](Result<QList<TokenBalance>> top) {
                if (!top) {
                    finish(fail(optionError(top.error())));
                    return;
                }
                if (asJson) {
                    QJsonArray list;
                    int rank = 0;
                    for (const TokenBalance &b : *top) {
                        QJsonObject o = tokenBalanceToJson(b);
                        o.insert(QStringLiteral("rank"), ++rank);
                        list.append(o);
                    }
                    printJson(QJsonObject{{QStringLiteral("chainId"), config.chainId},
                                          {QStringLiteral("chain"), config.name},
                                          {QStringLiteral("token"), t.toHex()},
                                          {QStringLiteral("symbol"), info.symbol},
                                          {QStringLiteral("decimals"), info.decimals ? QJsonValue(*info.decimals) : QJsonValue()},
                                          {QStringLiteral("limit"), count},
                                          {QStringLiteral("holders"), list}});
                } else if (top->isEmpty()) {
                    QTextStream(stdout) << Arborctl::tr("No balances of %1 on %2 yet: the balance queue has not computed any (see “arborctl queue health”).")
                                               .arg(info.symbol.isEmpty() ? t.toHex() : info.symbol, config.name)
                                        << Qt::endl;
                } else {
                    QList<QStringList> rows;
                    int rank = 0;
                    for (const TokenBalance &b : *top)
                        rows.append({QString::number(++rank), b.holder.toHex(), amount(b), u256::toDecimal(b.balance), QString::number(b.lastBlock)});
                    printTable({Arborctl::tr("#"), Arborctl::tr("HOLDER"), Arborctl::tr("BALANCE"), Arborctl::tr("RAW"), Arborctl::tr("BLOCK")}, rows);
                }
                finish(ExitOk);
            });
        });
    });
}

} // namespace arbor::cli
