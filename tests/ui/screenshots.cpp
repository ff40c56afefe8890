// Screenshots of the console for review: starts devnets with traffic (the first one with ERC-8004
// registries and agent events too), opens the MainWindow on an Engine over a fresh SQLite file,
// adds the chains and, once indexing is under way, adds two triggers whose replayed deliveries go
// to a local webhook receiver (failing each first attempt) and a Telegram stand-in; then writes a
// PNG of every page and of the dialogs the window's main actions open.
//
//   arbor_screenshots DIR [--chains 2] [--transfers 1500] [--blocks 800]
//
// Meant for a real X server (tests/ui/screenshots.sh runs it under Xvfb); works offscreen too.
#include "devnet.h"
#include "engine/agentservice.h"
#include "engine/alertservice.h"
#include "engine/chainservice.h"
#include "engine/indexingservice.h"
#include "engine/triggerservice.h"
#include "telegramstandin.h"
#include "webhookreceiver.h"

#include "engine/engine.h"
#include "appsettings.h"
#include "consolesession.h"
#include "mainwindow.h"
#include "store/databaseurl.h"
#include "triggers/alertrule.h"
#include "triggers/triggerdef.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

#include <functional>
#include <memory>
#include <vector>

using namespace arbor;
using namespace arbor::test;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

/// "Balance Queue" → "balance-queue".
QString slug(const QString &text)
{
    QString s;
    for (const QChar c : text.toLower()) {
        if (c.isLetterOrNumber())
            s += c;
        else if (!s.isEmpty() && !s.endsWith(u'-'))
            s += u'-';
    }
    while (s.endsWith(u'-'))
        s.chop(1);
    return s.isEmpty() ? QStringLiteral("page") : s;
}

class Shooter
{
public:
    explicit Shooter(const QString &dir)
        : m_dir(dir)
    {
    }

    bool save(QWidget *w, const QString &name)
    {
        const QString file = m_dir.filePath(QStringLiteral("%1-%2.png").arg(++m_count, 2, 10, QLatin1Char('0')).arg(name));
        const bool ok = w->grab().save(file);
        out() << (ok ? "wrote " : "FAILED to write ") << file << " (" << w->metaObject()->className() << ' ' << w->width() << 'x' << w->height()
              << ')' << Qt::endl;
        if (ok)
            m_written.append(file);
        return ok;
    }

    QStringList written() const { return m_written; }

private:
    QDir m_dir;
    int m_count = 0;
    QStringList m_written;
};

QSet<QWidget *> visibleDialogs()
{
    QSet<QWidget *> dialogs;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->isVisible() && qobject_cast<QDialog *>(w))
            dialogs.insert(w);
    }
    return dialogs;
}

/// Triggers `action` and grabs the dialog it opens, modal (exec) or not (after `prepare`, e.g.
/// choosing a tab), then closes it.
/// False when no dialog appeared within the time limit.
bool shootDialog(QAction *action, const QString &name, Shooter &shooter, const std::function<void(QWidget *)> &prepare = {})
{
    const QSet<QWidget *> before = visibleDialogs();
    bool done = false;
    QElapsedTimer since;
    QPointer<QWidget> found;
    // A timer, because an exec()'d dialog runs its own event loop until it is closed.
    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        if (!found) {
            QWidget *dialog = QApplication::activeModalWidget();
            if (!dialog || before.contains(dialog)) {
                dialog = nullptr;
                for (QWidget *w : visibleDialogs()) {
                    if (!before.contains(w))
                        dialog = w;
                }
            }
            if (!dialog)
                return;
            found = dialog;
            if (prepare)
                prepare(dialog);
            since.start();
            return;
        }
        if (since.elapsed() < 1500)   // let it lay out, fetch and paint
            return;
        shooter.save(found, name);
        if (auto *d = qobject_cast<QDialog *>(found.data()))
            d->reject();
        else
            found->close();
        poll.stop();
        done = true;
    });
    poll.start();
    QTimer::singleShot(0, action, &QAction::trigger);
    const bool ok = QTest::qWaitFor([&] { return done; }, 15000);
    poll.stop();
    QTest::qWait(300);
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    const QByteArray homePath = QFile::encodeName(home.path());
    qputenv("HOME", homePath);
    qputenv("XDG_CONFIG_HOME", homePath + "/config");
    qputenv("XDG_DATA_HOME", homePath + "/data");
    qputenv("XDG_CACHE_HOME", homePath + "/cache");

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Arbor"));
    QCoreApplication::setApplicationName(QStringLiteral("arbor"));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Arbor"));
    QCommandLineParser parser;
    const QCommandLineOption languageOption(QStringLiteral("language"), QStringLiteral("en (default) or de."), QStringLiteral("code"),
                                            QStringLiteral("en"));
    parser.addOption(languageOption);
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("Folder for the PNGs."));
    const QCommandLineOption chainsOption(QStringLiteral("chains"), QStringLiteral("Devnets."), QStringLiteral("n"), QStringLiteral("2"));
    const QCommandLineOption transfersOption(QStringLiteral("transfers"), QStringLiteral("Transfers per devnet."), QStringLiteral("n"), QStringLiteral("1500"));
    const QCommandLineOption blocksOption(QStringLiteral("blocks"), QStringLiteral("Blocks of traffic per devnet."), QStringLiteral("n"), QStringLiteral("800"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Window size, WIDTHxHEIGHT."), QStringLiteral("size"),
                                        QStringLiteral("1280x800"));
    parser.addOptions({chainsOption, transfersOption, blocksOption, sizeOption});
    parser.process(app);
    // English carries the plural forms the console loads ("1 chain", "2 chains"); German all.
    const bool german = parser.value(languageOption) == u"de";
    QLocale::setDefault(german ? QLocale(QLocale::German, QLocale::Germany) : QLocale(QLocale::English, QLocale::UnitedStates));
    // As the console loads them: Arbor's and Qt's own (the wizard's and the dialogs' buttons).
    arbor::ui::ConsoleSession::installTranslators(app, QLocale());
    if (parser.positionalArguments().size() != 1) {
        out() << "usage: arbor_screenshots DIR" << Qt::endl;
        return 2;
    }
    const QString dir = parser.positionalArguments().first();
    if (!QDir().mkpath(dir)) {
        out() << "arbor_screenshots: cannot create " << dir << Qt::endl;
        return 1;
    }
    if (const QString reason = Devnet::unavailableReason(); !reason.isEmpty()) {
        out() << "arbor_screenshots: " << reason << Qt::endl;
        return 1;
    }

    // ---- devnets -----------------------------------------------------------------------------
    struct Chain
    {
        std::unique_ptr<Devnet> devnet;
        qint64 chainId = 0;
        QString token;
        QJsonObject registries;     ///< the first devnet's ERC-8004 registries
        qint64 agentEventsTo = 0;   ///< the last block with agent events
    };
    std::vector<Chain> chains;
    for (int i = 0; i < std::max(1, parser.value(chainsOption).toInt()); ++i) {
        Chain c;
        c.devnet = std::make_unique<Devnet>();
        c.chainId = 31337 + i;
        QString error;
        if (!c.devnet->start(&error, quint64(c.chainId))) {
            out() << "arbor_screenshots: " << error << Qt::endl;
            return 1;
        }
        const auto deployed = c.devnet->deployTokens(1, &error);
        if (!deployed) {
            out() << "arbor_screenshots: " << error << Qt::endl;
            return 1;
        }
        c.token = deployed->value(QLatin1String("tokens")).toArray().first().toObject().value(QLatin1String("address")).toString();
        if (i == 0) {
            const auto registries = c.devnet->deployRegistries(&error);
            const auto agents = registries ? c.devnet->generateAgentTraffic(*registries, 6, 60, 7, &error) : std::nullopt;
            if (!agents) {
                out() << "arbor_screenshots: " << error << Qt::endl;
                return 1;
            }
            c.registries = *registries;
            c.agentEventsTo = agents->value(QLatin1String("toBlock")).toInteger();
        }
        if (!c.devnet->generateTraffic({c.token}, parser.value(transfersOption).toInt(), 100, parser.value(blocksOption).toInt(),
                                       quint64(i + 1), &error)) {
            out() << "arbor_screenshots: " << error << Qt::endl;
            return 1;
        }
        out() << "devnet " << c.chainId << " ready at " << c.devnet->rpcUrl().toString() << Qt::endl;
        chains.push_back(std::move(c));
    }

    // ---- the console -------------------------------------------------------------------------
    const auto url = DatabaseUrl::parse(QLatin1String("sqlite:") + home.filePath(QStringLiteral("arbor.db")));
    if (!url)
        return 1;
    EngineOptions options;   // as app/arbor/main.cpp sets them
    options.database = *url;
    options.app = QStringLiteral("arbor");
    options.lease = EngineOptions::Lease::Required;
    options.snapshotIntervalMs = 1000;
    options.indexing = true;
    options.processQueue = true;
    options.queueHealthIntervalMs = 2000;
    auto engine = std::make_unique<Engine>(options);
    auto window = std::make_unique<ui::MainWindow>(engine.get());
    ui::AppSettings settings;   // in the temporary HOME: Settings… opens
    window->setSettings(&settings);
    const QStringList size = parser.value(sizeOption).split(u'x');
    const int width = size.value(0).toInt();
    const int height = size.value(1).toInt();
    if (size.size() != 2 || width < 640 || height < 480) {
        out() << "arbor_screenshots: --size must be WIDTHxHEIGHT, at least 640x480" << Qt::endl;
        return 2;
    }
    window->resize(width, height);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        out() << "arbor_screenshots: the window was not exposed" << Qt::endl;

    auto started = engine->start();
    if (!QTest::qWaitFor([&] { return started.isFinished(); }, 60000) || !started.result()) {
        out() << "arbor_screenshots: the engine did not start" << Qt::endl;
        return 1;
    }
    Shooter shooter(dir);
    auto *pages = window->findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    auto *chainTable = window->findChild<QTableView *>(QStringLiteral("chainTable"));
    if (!pages) {
        out() << "arbor_screenshots: no QTabWidget pageTabs" << Qt::endl;
        return 1;
    }

    for (const Chain &c : chains) {
        ChainConfig config;
        config.chainId = c.chainId;
        config.name = QStringLiteral("devnet-%1").arg(c.chainId);
        config.rpcUrls = {c.devnet->rpcUrl()};
        config.startBlock = 0;
        config.tokens = {*Address::fromHex(c.token)};
        if (!c.registries.isEmpty()) {
            const auto registries = parseRegistries(QStringLiteral("identity=%1,reputation=%2,validation=%3")
                                                        .arg(c.registries.value(QLatin1String("identity")).toString(),
                                                             c.registries.value(QLatin1String("reputation")).toString(),
                                                             c.registries.value(QLatin1String("validation")).toString()),
                                                    QStringLiteral("registries"));
            if (registries)
                config.registries = *registries;
        }
        auto added = engine->chains()->addChain(config);
        if (!QTest::qWaitFor([&] { return added.isFinished(); }, 30000) || !added.result()) {
            out() << "arbor_screenshots: addChain " << c.chainId << " failed: "
                  << (added.isFinished() ? added.result().error().toString() : QStringLiteral("timeout")) << Qt::endl;
            return 1;
        }
    }
    // Under way: every chain has promoted some blocks; then a few health samples for the charts.
    const bool underWay = QTest::qWaitFor([&] {
        const QList<ChainStatus> statuses = engine->indexing()->chainStatuses();
        if (statuses.size() < qsizetype(chains.size()))
            return false;
        return std::all_of(statuses.begin(), statuses.end(), [](const ChainStatus &s) { return s.indexed.value_or(-1) > 0; });
    }, 60000);
    out() << (underWay ? "indexing under way" : "indexing not yet under way after 60 s; shooting anyway") << Qt::endl;
    QTest::qWait(2500);   // a queue health sample for the charts

    // ---- triggers: replayed history sent to local receivers ---------------------------------
    WebhookReceiver receiver;
    receiver.setFailFirst(1, 503);   // every delivery retries once: the log shows both
    const QString botToken = QStringLiteral("123456:screenshots-bot-token-for-the-stand-in");
    TelegramStandIn telegram(botToken);
    QString serverError;
    if (!receiver.start(&serverError) || !telegram.start(&serverError)) {
        out() << "arbor_screenshots: " << serverError << Qt::endl;
        return 1;
    }
    qputenv("ARBOR_SCREENSHOTS_BOT", botToken.toUtf8());
    const qint64 triggerChain = chains.front().chainId;
    const bool agentsIndexed = QTest::qWaitFor([&] {
        for (const ChainStatus &s : engine->indexing()->chainStatuses()) {
            if (s.chainId == triggerChain)
                return s.indexed.value_or(-1) >= chains.front().agentEventsTo;
        }
        return false;
    }, 120000);
    if (!agentsIndexed)
        out() << "the agent events are not indexed yet; the triggers may show nothing" << Qt::endl;
    const QList<QByteArray> triggerFiles{
        QStringLiteral(R"json({"name": "Feedback to the ops hook", "description": "Every new feedback, to the ops webhook and the on-call chat",
            "chain": %1, "registry": "reputation",
            "conditions": [{"type": "event_type_equals", "event": "NewFeedback"}],
            "actions": [{"type": "rest", "url": "%2", "maxRetries": 3},
                        {"type": "telegram", "botToken": "env:ARBOR_SCREENSHOTS_BOT", "chatId": "-100123", "apiBaseUrl": "%3",
                         "text": "Agent {{event.agentId}}: {{event.value | decimals}} ({{event.tag1}})"}]})json")
            .arg(triggerChain).arg(receiver.url().toString(), telegram.apiBaseUrl()).toUtf8(),
        QStringLiteral(R"json({"name": "Validator answered", "chain": %1, "registry": "validation", "enabled": false,
            "conditions": [{"type": "event_type_equals", "event": "ValidationResponse"}, {"type": "rate_limit", "max": 3, "window": "1h"}],
            "actions": [{"type": "rest", "url": "%2"}]})json")
            .arg(triggerChain).arg(receiver.url().toString()).toUtf8(),
    };
    for (const QByteArray &file : triggerFiles) {
        auto def = parseTrigger(QJsonDocument::fromJson(file).object());
        if (!def) {
            out() << "arbor_screenshots: trigger file: " << def.error().toString() << Qt::endl;
            return 1;
        }
        auto added = engine->triggers()->addTrigger(*def);
        if (!QTest::qWaitFor([&] { return added.isFinished(); }, 30000) || !added.result()) {
            out() << "arbor_screenshots: addTrigger failed" << Qt::endl;
            return 1;
        }
        if (def->enabled) {
            auto replayed = engine->triggers()->replayTrigger(added.result()->def.id, 0, chains.front().agentEventsTo);
            if (QTest::qWaitFor([&] { return replayed.isFinished(); }, 30000) && replayed.result())
                out() << "replayed " << replayed.result()->created << " deliveries" << Qt::endl;
        }
    }
    // Agents with registration files the engine can read without a network (data: URIs): one
    // good file with services, one invalid; feedback for the first; a token for it.
    QString weatherAgent;
    {
        const QJsonObject weather{{QStringLiteral("type"), QStringLiteral("https://eips.ethereum.org/EIPS/eip-8004#registration-v1")},
                                  {QStringLiteral("name"), QStringLiteral("Weather Bot")},
                                  {QStringLiteral("description"), QStringLiteral("Hourly forecasts for any city, with the sources it used.")},
                                  {QStringLiteral("image"), QStringLiteral("https://weather.example/avatar.png")},
                                  {QStringLiteral("services"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("MCP")},
                                                                                      {QStringLiteral("endpoint"), QStringLiteral("https://weather.example/mcp")},
                                                                                      {QStringLiteral("version"), QStringLiteral("2025-06-18")}},
                                                                          QJsonObject{{QStringLiteral("name"), QStringLiteral("A2A")},
                                                                                      {QStringLiteral("endpoint"), QStringLiteral("https://weather.example/.well-known/agent-card.json")},
                                                                                      {QStringLiteral("version"), QStringLiteral("0.3.0")}}}},
                                  {QStringLiteral("active"), true},
                                  {QStringLiteral("supportedTrust"), QJsonArray{QStringLiteral("reputation"), QStringLiteral("validation")}}};
        const QString weatherUri = QStringLiteral("data:application/json;base64,")
            + QString::fromLatin1(QJsonDocument(weather).toJson(QJsonDocument::Compact).toBase64());
        QString error;
        const auto registeredAgents = chains.front().devnet->runAgentScript(
            chains.front().registries,
            QJsonArray{QJsonObject{{QStringLiteral("register"), QJsonObject{{QStringLiteral("uri"), weatherUri}}}},
                       QJsonObject{{QStringLiteral("register"), QJsonObject{{QStringLiteral("uri"), QStringLiteral("data:application/json,{\"name\": ")}}}}},
            &error);
        if (registeredAgents) {
            weatherAgent = registeredAgents->value(QLatin1String("results")).toArray().first().toObject().value(QLatin1String("agentId")).toString();
            QJsonArray feedback;
            for (const char *value : {"42", "47", "-10"})
                feedback.append(QJsonObject{{QStringLiteral("feedback"), QJsonObject{{QStringLiteral("agentId"), weatherAgent},
                                                                                     {QStringLiteral("value"), QLatin1String(value)},
                                                                                     {QStringLiteral("decimals"), 1},
                                                                                     {QStringLiteral("tag1"), QStringLiteral("accuracy")}}}});
            const auto given = chains.front().devnet->runAgentScript(chains.front().registries, feedback, &error);
            const qint64 lastBlock = given ? given->value(QLatin1String("results")).toArray().last().toObject().value(QLatin1String("blockNumber")).toInteger() : 0;
            if (!QTest::qWaitFor([&] {
                    for (const ChainStatus &s : engine->indexing()->chainStatuses()) {
                        if (s.chainId == triggerChain)
                            return s.indexed.value_or(-1) >= lastBlock;
                    }
                    return false;
                }, 60000))
                out() << "the scripted agents are not indexed yet" << Qt::endl;
            const auto weatherId = u256::fromDecimal(weatherAgent, QStringLiteral("agentId"));
            auto token = engine->agents()->setMcpToken(ChainRef{triggerChain, {}}, *weatherId, SecretRef{SecretRef::Source::Keychain, QStringLiteral("weather-mcp")});
            if (!QTest::qWaitFor([&] { return token.isFinished(); }, 30000) || !token.result())
                out() << "could not set the agent's MCP token" << Qt::endl;
            // Fetched within the engine's registration poll (5 s).
            const bool resolved = QTest::qWaitFor([&] {
                auto listed = engine->agents()->agents(ChainRef{triggerChain, {}});
                if (!QTest::qWaitFor([&] { return listed.isFinished(); }, 5000) || !listed.result())
                    return false;
                for (const AgentRecord &a : *listed.result()) {
                    if (a.agentId == *weatherId)
                        return a.resolvedCurrent();
                }
                return false;
            }, 30000);
            out() << "agent " << weatherAgent << (resolved ? " registration read" : " registration not read yet") << Qt::endl;
        } else {
            out() << "arbor_screenshots: agent script: " << error << Qt::endl;
        }
    }
    // Alert rules, so the Alert Rules dialog and the alerts panel have something to show.
    const QList<QByteArray> ruleFiles{
        QStringLiteral(R"json({"name": "Behind the head", "chain": "all", "kind": "lag_blocks", "threshold": 5, "forSeconds": 0,
            "actions": [{"type": "rest", "url": "%1"}]})json").arg(receiver.url().toString()).toUtf8(),
        QByteArrayLiteral(R"json({"name": "RPC errors", "chain": "all", "kind": "rpc_error_rate", "threshold": 20, "forSeconds": 120})json"),
    };
    for (const QByteArray &file : ruleFiles) {
        auto rule = parseAlertRule(QJsonDocument::fromJson(file).object());
        if (!rule) {
            out() << "arbor_screenshots: alert rule file: " << rule.error().toString() << Qt::endl;
            return 1;
        }
        auto added = engine->alerts()->addAlertRule(*rule);
        if (!QTest::qWaitFor([&] { return added.isFinished(); }, 30000) || !added.result()) {
            out() << "arbor_screenshots: addAlertRule failed" << Qt::endl;
            return 1;
        }
    }
    QTest::qWait(6000);   // first attempts fail, retries succeed a second or two later
    out() << "webhook receiver: " << receiver.received().size() << " request(s); telegram: " << telegram.accepted().size()
          << " message(s)" << Qt::endl;
    for (const ChainStatus &s : engine->indexing()->chainStatuses())
        out() << "  chain " << s.chainId << ": indexed " << s.indexed.value_or(-1) << " of head " << s.head.value_or(-1) << Qt::endl;

    // ---- pages -------------------------------------------------------------------------------
    for (int page = 0; page < pages->count(); ++page) {
        pages->setCurrentIndex(page);
        QWidget *current = pages->currentWidget();
        if (chainTable && (current == chainTable || current->isAncestorOf(chainTable)) && chainTable->model()
            && chainTable->model()->rowCount() > 0)
            chainTable->selectRow(0);
        // The Agents page: the agent with a registration file, in detail.
        if (auto *agentTable = current->findChild<QTableView *>(QStringLiteral("agentTable")); agentTable && !weatherAgent.isEmpty()) {
            if (!QTest::qWaitFor([&] { return agentTable->model()->rowCount() > 0; }, 5000))
                out() << "the Agents page lists no agents" << Qt::endl;
            for (int row = 0; row < agentTable->model()->rowCount(); ++row) {
                if (agentTable->model()->index(row, 0).data(Qt::UserRole).toString() == weatherAgent)
                    agentTable->selectRow(row);
            }
        }
        QTest::qWait(2000);
        shooter.save(window.get(), slug(pages->tabText(page)));
        // A page with tabs of its own (Balances: Portfolio, Top Holders): each further one too,
        // with its query run once when it has a button for it.
        for (auto *inner : current->findChildren<QTabWidget *>()) {
            for (int tab = 1; tab < inner->count(); ++tab) {
                inner->setCurrentIndex(tab);
                QTest::qWait(1000);
                for (auto *button : inner->currentWidget()->findChildren<QPushButton *>()) {
                    if (button->isVisible() && button->isEnabled() && button->objectName() == QLatin1String("holdersButton")) {
                        button->click();
                        QTest::qWait(1500);
                    }
                }
                shooter.save(window.get(), slug(pages->tabText(page)) + u'-' + slug(inner->tabText(tab)));
            }
            inner->setCurrentIndex(0);
        }
    }

    // ---- dialogs of the main actions ---------------------------------------------------------
    pages->setCurrentIndex(0);
    if (chainTable && chainTable->model() && chainTable->model()->rowCount() > 0)
        chainTable->selectRow(0);
    QTest::qWait(500);
    for (const char *name : {"addChainAction", "settingsAction", "editChainAction", "resyncChainAction", "reindexChainAction", "alertRulesAction"}) {
        auto *action = window->findChild<QAction *>(QString::fromLatin1(name));
        if (!action) {
            out() << "skipped " << name << ": no such action in this window" << Qt::endl;
            continue;
        }
        if (!action->isEnabled()) {
            out() << "skipped " << name << ": disabled" << Qt::endl;
            continue;
        }
        if (!shootDialog(action, QString::fromLatin1(name).remove(QStringLiteral("Action")), shooter))
            out() << "no dialog opened for " << name << Qt::endl;
    }

    // ---- dialogs of the Triggers page ---------------------------------------------------------
    if (auto *triggers = window->findChild<QWidget *>(QStringLiteral("triggersPage"))) {
        for (int tab = 0; tab < pages->count(); ++tab) {
            if (pages->widget(tab)->isAncestorOf(triggers))
                pages->setCurrentIndex(tab);
        }
        if (auto *table = triggers->findChild<QTableView *>(QStringLiteral("triggerTable")); table && table->model()->rowCount() > 0)
            table->selectRow(0);
        QTest::qWait(500);
        for (const char *name : {"newTriggerAction", "editTriggerAction", "dryRunTriggerAction"}) {
            auto *action = triggers->findChild<QAction *>(QString::fromLatin1(name));
            if (!action || !action->isEnabled()) {
                out() << "skipped " << name << ": " << (action ? "disabled" : "no such action") << Qt::endl;
                continue;
            }
            if (!shootDialog(action, QString::fromLatin1(name).remove(QStringLiteral("Action")), shooter))
                out() << "no dialog opened for " << name << Qt::endl;
        }
    }

    // ---- dialogs of the Agents page and Settings › Requests ---------------
    if (auto *agents = window->findChild<QWidget *>(QStringLiteral("agentsPage"))) {
        for (int tab = 0; tab < pages->count(); ++tab) {
            if (pages->widget(tab)->isAncestorOf(agents))
                pages->setCurrentIndex(tab);
        }
        QTest::qWait(1000);
        for (const char *name : {"setAgentTokenAction", "showRawRegistrationAction"}) {
            auto *action = agents->findChild<QAction *>(QString::fromLatin1(name));
            if (!action || !action->isEnabled()) {
                out() << "skipped " << name << ": " << (action ? "disabled" : "no such action") << Qt::endl;
                continue;
            }
            if (!shootDialog(action, QString::fromLatin1(name).remove(QStringLiteral("Action")), shooter))
                out() << "no dialog opened for " << name << Qt::endl;
        }
    }
    if (auto *settings = window->findChild<QAction *>(QStringLiteral("settingsAction")); settings && settings->isEnabled()) {
        const bool shot = shootDialog(settings, QStringLiteral("settings-requests"), shooter, [](QWidget *dialog) {
            if (auto *tabs = dialog->findChild<QTabWidget *>(QStringLiteral("settingsTabs")))
                tabs->setCurrentIndex(tabs->count() - 1);
        });
        if (!shot)
            out() << "no dialog opened for the Requests page of the settings" << Qt::endl;
        // The retention policies: eight rows of a policy, its days and its default, at the dialog's size.
        const bool retention = shootDialog(settings, QStringLiteral("settings-retention"), shooter, [](QWidget *dialog) {
            if (auto *tabs = dialog->findChild<QTabWidget *>(QStringLiteral("settingsTabs")))
                tabs->setCurrentIndex(tabs->count() - 2);
        });
        if (!retention)
            out() << "no dialog opened for the Retention page of the settings" << Qt::endl;
    }

    out() << shooter.written().size() << " screenshot(s) in " << dir << Qt::endl;
    window.reset();
    engine.reset();
    return shooter.written().isEmpty() ? 1 : 0;
}
