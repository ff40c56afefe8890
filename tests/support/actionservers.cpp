// arbor_action_servers: the receivers of trigger actions as a standalone process, for trying
// arborctl or the console by hand and for tests that drive another process.
//
//   arbor_action_servers [--webhook-secret whsec_…] [--telegram-token 123:abc] [--fail-first N]
//
// Prints one JSON line with the URLs and credentials, then serves until killed.

#include "mcptestserver.h"
#include "telegramstandin.h"
#include "webhookreceiver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

using namespace arbor::test;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Local receivers of Arbor's trigger actions: a Standard Webhooks receiver, "
                                     "a Telegram Bot API stand-in and MCP servers of both revisions."_s);
    parser.addHelpOption();
    const QCommandLineOption secretOption(u"webhook-secret"_s, u"The receiver's signing secret (default: a new one)."_s,
                                          u"whsec"_s);
    const QCommandLineOption tokenOption(u"telegram-token"_s, u"The bot token the stand-in accepts."_s, u"token"_s,
                                         u"123456:arbor-test-token"_s);
    const QCommandLineOption failOption(u"fail-first"_s, u"Answer the first N attempts of each webhook-id with 503."_s,
                                        u"N"_s, u"0"_s);
    parser.addOptions({secretOption, tokenOption, failOption});
    parser.process(app);

    const QString secret = parser.isSet(secretOption) ? parser.value(secretOption) : WebhookReceiver::makeSecret();
    WebhookReceiver webhook(secret);
    TelegramStandIn telegram(parser.value(tokenOption));
    McpTestServer stateless(McpTestServer::Revision::Stateless2026);
    McpTestServer legacy(McpTestServer::Revision::Legacy2025, McpTestServer::Answer::Sse);
    webhook.setFailFirst(parser.value(failOption).toInt());
    QString error;
    if (!webhook.start(&error) || !telegram.start(&error) || !stateless.start(&error) || !legacy.start(&error)) {
        QTextStream(stderr) << error << Qt::endl;
        return 1;
    }
    const QJsonObject info{
        {u"webhookUrl"_s, webhook.url().toString()},
        {u"webhookSecret"_s, secret},
        {u"telegramApiBaseUrl"_s, telegram.apiBaseUrl()},
        {u"telegramToken"_s, telegram.token()},
        {u"mcpStatelessUrl"_s, stateless.url().toString()},
        {u"mcpLegacyUrl"_s, legacy.url().toString()},
    };
    QTextStream(stdout) << QJsonDocument(info).toJson(QJsonDocument::Compact) << Qt::endl;
    return app.exec();
}
