// The bill of a hosted provider: the operator's price per JSON-RPC call, by method and endpoint.

#include "rpcpricecommands.h"
#include "translation.h"

#include "engine/chainservice.h"
#include "model/urlsecrets.h"
#include "output.h"
#include "util/continuation.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTextStream>

namespace arbor::cli {
namespace {

// Every arborctl message is in the translation context "arborctl".
} // namespace

int chainSetRpcPrice(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption chain = chainIdOption();
    const QCommandLineOption endpoint(QStringLiteral("endpoint"), Arborctl::tr("The chain's RPC URL, as “arborctl chain list” shows it."),
                                      QStringLiteral("URL"));
    const QCommandLineOption method(QStringLiteral("method"), Arborctl::tr("The JSON-RPC method, e.g. eth_getLogs."), QStringLiteral("METHOD"));
    const QCommandLineOption units(QStringLiteral("units"),
                                   Arborctl::tr("What one call costs in the provider's unit (compute units, credits), e.g. 75."),
                                   QStringLiteral("N"));
    const QCommandLineOption clear(QStringLiteral("clear"), Arborctl::tr("Remove the method's price instead."));
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Set what one call of a JSON-RPC method costs on an endpoint; calls are "
                                                                  "then shown with their compute units (calls × price)."),
                                                     {chain, endpoint, method, units, clear, json}}))
        return *exit;
    auto ref = chainOption(parser, chain);
    if (!ref)
        return fail(ref.error());
    if (!parser.isSet(endpoint))
        return fail(Error::invalid(QStringLiteral("--endpoint"), Arborctl::tr("Required: the endpoint's URL, as “arborctl chain list” shows it.")));
    const QUrl url(parser.value(endpoint).trimmed());
    if (!url.isValid() || parser.value(endpoint).trimmed().isEmpty())
        return fail(Error::invalid(QStringLiteral("--endpoint"), Arborctl::tr("“%1” is not a URL; give it as “arborctl chain list” shows it.")
                                                                     .arg(parser.value(endpoint))));
    if (!parser.isSet(method))
        return fail(Error::invalid(QStringLiteral("--method"), Arborctl::tr("Required: the JSON-RPC method, e.g. --method eth_getLogs.")));
    const QString name = parser.value(method).trimmed();
    if (parser.isSet(units) == parser.isSet(clear))
        return fail(Error::invalid(QStringLiteral("--units"), Arborctl::tr("Give either --units N (the price of one call) or --clear.")));
    std::optional<qint64> price;
    if (parser.isSet(units)) {
        auto v = parseInteger(parser.value(units), QStringLiteral("--units"), 0, RpcPrices::MaxUnits);
        if (!v)
            return fail(v.error());
        price = *v;
    }

    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [ref = *ref, url, name, price, asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.chains()->setRpcPrice(ref, url, name, price), &engine, [url, name, price, asJson, finish](Result<ChainRecord> chain) {
            if (!chain) {
                Error e = chain.error();
                if (e.field == u"endpoint" || e.field == u"method" || e.field == u"units")
                    e.field.prepend(QLatin1String("--"));
                finish(fail(e));
                return;
            }
            const QString key = rpcUrlKey(url);
            for (const EndpointRecord &e : std::as_const(chain->endpoints)) {
                if (rpcUrlKey(e.url) != key)
                    continue;
                if (asJson) {
                    printJson(endpointToJson(e));
                } else {
                    QTextStream out(stdout);
                    out << (price ? Arborctl::tr("%1 on %2 costs %3 units per call.").arg(name, urlsecrets::displayText(e.url)).arg(*price)
                                  : Arborctl::tr("%1 on %2 has no price now.").arg(name, urlsecrets::displayText(e.url)))
                        << Qt::endl;
                    if (const QString calls = callsText(e); !calls.isEmpty())
                        out << "  " << calls << Qt::endl;
                }
            }
            finish(ExitOk);
        });
    });
}

} // namespace arbor::cli
