#include "soakrun.h"

#include "appsettings.h"
#include "consolesession.h"
#include "dialogs/settingsdialog.h"
#include "engine/alertservice.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "engine/indexingservice.h"
#include "engine/triggerservice.h"
#include "logging/logsink.h"
#include "store/store.h"
#include "mainwindow.h"
#include "models/chainlistmodel.h"
#include "testdatabase.h"
#include "testresults.h"
#include "triggers/alertrule.h"
#include "triggers/triggerdef.h"
#include "webhookreceiver.h"

#include <QAbstractButton>
#include <QAction>
#include <QCoreApplication>
#include <QJsonArray>
#include <QLineEdit>
#include <QProcess>
#include <QThread>
#include <QRadioButton>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;
using arbor::test::waitFor;

namespace arbor::soak {
namespace {

// The keychain is the session's: the soaks on SQLite and on PostgreSQL share it when ctest runs
// them side by side, and a name they both used would end with the other run's secret.
const QString HookSecretName = u"soak-hook-%1"_s.arg(QCoreApplication::applicationPid());
const QString AlertSecretName = u"soak-alert-%1"_s.arg(QCoreApplication::applicationPid());

void say(const QString &line)
{
    std::fprintf(stdout, "soak: %s\n", qPrintable(line));
    std::fflush(stdout);
}

bool storeSecret(const QString &arborctl, const QString &name, const QString &value, QString *error)
{
    // As an operator stores it: `arborctl secret set NAME`, in another process, so the console's
    // first keychain user is its own (the delivery thread, or Settings).
    QProcess process;
    process.start(arborctl, {u"secret"_s, u"set"_s, name});
    process.write(value.toUtf8() + '\n');
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = u"arborctl secret set %1 failed: %2%3"_s.arg(name, QString::fromUtf8(process.readAllStandardError()),
                                                            process.errorString());
        return false;
    }
    return true;
}

QJsonObject restAction(const QUrl &url, const QString &secretName)
{
    return {{u"type"_s, u"rest"_s}, {u"url"_s, url.toString()}, {u"signingSecret"_s, QString(u"keychain:"_s + secretName)},
            {u"timeoutMs"_s, 10000}, {u"maxRetries"_s, 30}};
}

/// The error of a failed Result, for the set-up's message.
template<typename R>
QString why(const R &result)
{
    return QString::fromUtf8(arbor::test::why(result));
}

qint64 integer(const QJsonValue &v)
{
    return v.isString() ? v.toString().toLongLong() : v.toInteger();
}

} // namespace

SoakRun::SoakRun(SoakOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

SoakRun::~SoakRun()
{
    m_traffic.reset();
    m_session.reset();   // the engine's threads end before the nodes and receivers go
    // Dropping PostgreSQL's databases A and B is the harness's work, after the report.
    Store::forbidThread(nullptr);
    m_serverA.reset();
    m_serverB.reset();
}

arbor::Engine *SoakRun::engine() const
{
    return m_session ? m_session->engine() : nullptr;
}

bool SoakRun::setUp(QString *error)
{
    if (!m_dir.isValid()) {
        *error = u"no temporary folder"_s;
        return false;
    }
    if (arbor::test::TestDatabase::backend() == Backend::Postgres) {
        m_serverA = std::make_unique<arbor::test::TestDatabase>();
        m_serverB = std::make_unique<arbor::test::TestDatabase>();
        for (const auto *db : {m_serverA.get(), m_serverB.get()}) {
            if (!db->isValid()) {
                *error = u"cannot create a PostgreSQL database for the soak: "_s + db->error();
                return false;
            }
        }
        m_databaseA = m_serverA->urlString();
        m_databaseB = m_serverB->urlString();
    } else {
        m_databaseA = u"sqlite:"_s + m_dir.filePath(u"soak-a.db"_s);
        m_databaseB = u"sqlite:"_s + m_dir.filePath(u"soak-b.db"_s);
    }
    say(u"setting up in %1: database A %2, database B %3"_s.arg(m_dir.path(), m_databaseA, m_databaseB));

    for (int i = 0; i < 2; ++i) {
        auto chain = std::make_unique<SoakChain>();
        chain->name = u"soak-%1"_s.arg(QChar(u'a' + i));
        if (!chain->start(31337 + i, 11 + i, error))
            return false;
        m_chains.push_back(std::move(chain));
    }
    m_triggerHook = std::make_unique<DeliveryLedger>(arbor::test::WebhookReceiver::makeSecret());
    m_alertHook = std::make_unique<DeliveryLedger>(arbor::test::WebhookReceiver::makeSecret());
    if (!m_triggerHook->start(error) || !m_alertHook->start(error))
        return false;
    if (!storeSecret(m_options.arborctl, HookSecretName, m_triggerHook->secret(), error)
        || !storeSecret(m_options.arborctl, AlertSecretName, m_alertHook->secret(), error))
        return false;

    m_settings = std::make_unique<arbor::ui::AppSettings>(m_dir.filePath(u"settings.ini"_s));
    if (Status s = m_settings->setDatabase(m_databaseA); !s) {
        *error = why(s);
        return false;
    }
    m_logSink = std::make_unique<LogSink>();
    m_logSink->install();
    // As app/arbor/main.cpp configures the console's engine.
    EngineOptions options;
    options.app = u"arbor"_s;
    options.lease = EngineOptions::Lease::ReadOnlyIfHeld;
    options.snapshotIntervalMs = 1000;
    options.indexing = true;
    options.processQueue = true;
    options.queueHealthIntervalMs = 2000;
    m_session = std::make_unique<arbor::ui::ConsoleSession>(options, m_logSink.get(), m_settings.get());
    connect(m_session.get(), &arbor::ui::ConsoleSession::windowOpened, this, &SoakRun::onWindowOpened);
    // As the console does: from here on every statement on this (the GUI) thread is counted.
    Store::forbidThread(QThread::currentThread());
    m_session->open(*DatabaseUrl::parse(m_databaseA));
    if (!QTest::qWaitFor([this] { return engine() && engine()->state().started; }, 60000)) {
        *error = u"the console's engine did not start on database A"_s;
        return false;
    }
    if (!addChains({0, 1}, error))
        return false;

    for (auto &chain : m_chains) {
        const QJsonObject file{{u"name"_s, QString(u"feedback on "_s + chain->name)}, {u"chain"_s, chain->chainId},
                               {u"registry"_s, u"reputation"_s},
                               {u"conditions"_s, QJsonArray{QJsonObject{{u"type"_s, u"event_type_equals"_s}, {u"event"_s, u"NewFeedback"_s}}}},
                               {u"actions"_s, QJsonArray{restAction(m_triggerHook->url(), HookSecretName)}}};
        const Result<TriggerDef> def = parseTrigger(file);
        if (!def) {
            *error = why(def);
            return false;
        }
        const Result<TriggerRecord> added = waitFor(engine()->triggers()->addTrigger(*def));
        if (!added) {
            *error = why(added);
            return false;
        }
        chain->triggerId = added->def.id;
    }
    const Result<AlertRule> rule = parseAlertRule(
        {{u"name"_s, u"soak: endpoint down"_s}, {u"chain"_s, u"all"_s}, {u"kind"_s, u"rpc_down"_s}, {u"forSeconds"_s, 5},
         {u"sendResolved"_s, true}, {u"actions"_s, QJsonArray{restAction(m_alertHook->url(), AlertSecretName)}}});
    if (!rule) {
        *error = why(rule);
        return false;
    }
    if (const Result<AlertRule> added = waitFor(engine()->alerts()->addAlertRule(*rule)); !added) {
        *error = why(added);
        return false;
    }
    const bool live = QTest::qWaitFor([this] {
        int n = 0;
        for (const ChainStatus &s : engine()->indexing()->chainStatuses())
            n += s.phase == IndexPhase::Live ? 1 : 0;
        return n == int(m_chains.size());
    }, 120000);
    if (!live) {
        *error = u"the chains did not go live within 120 s"_s;
        return false;
    }
    say(u"set up: 2 chains live on %1, triggers %2 and %3 signing with keychain:%4, rpc_down rule signing with keychain:%5"_s
            .arg(m_databaseA).arg(m_chains[0]->triggerId).arg(m_chains[1]->triggerId).arg(HookSecretName, AlertSecretName));
    return true;
}

bool SoakRun::addChains(const QList<int> &which, QString *error)
{
    for (int i : which) {
        const SoakChain &chain = *m_chains[std::size_t(i)];
        ChainConfig config;
        config.chainId = chain.chainId;
        config.name = chain.name;
        config.rpcUrls = {chain.proxy->url()};
        config.startBlock = chain.registries.value(u"deployBlock"_s).toInteger();
        config.confirmations = 0;
        config.pollIntervalMs = 500;
        const auto registries = parseRegistries(u"identity=%1,reputation=%2,validation=%3"_s.arg(
                                                    chain.registries[u"identity"_s].toString(), chain.registries[u"reputation"_s].toString(),
                                                    chain.registries[u"validation"_s].toString()),
                                                u"registries"_s);
        if (!registries) {
            *error = why(registries);
            return false;
        }
        config.registries = *registries;
        const Result<ChainRecord> added = waitFor(engine()->chains()->addChain(config), 60000);
        if (!added) {
            *error = u"adding %1: %2"_s.arg(chain.name, why(added));
            return false;
        }
    }
    return true;
}

void SoakRun::onWindowOpened(arbor::ui::MainWindow *window)
{
    Engine *e = engine();
    connect(e->alerts()->monitor(), &AlertMonitor::alertRaised, window, [this](const Alert &alert) {
        if (alert.kind == AlertKind::RpcDown)
            ++m_rpcDownAlerts[alert.chainId];
        say(u"%1 s: alert raised on chain %2: %3%4"_s.arg(elapsedSeconds(), 0, 'f', 0).arg(alert.chainId)
                .arg(alert.title, alert.ruleId ? u" (rule %1)"_s.arg(alert.ruleId) : u" (built-in)"_s));
    });
    if (!m_switching)
        return;
    say(u"%1 s: new window shown %2 ms after the old one was destroyed"_s.arg(elapsedSeconds(), 0, 'f', 0)
            .arg(double(m_clock.nsecsElapsed() - m_oldWindowGoneNs) / 1e6, 0, 'f', 1));
    // The switch is done once the new engine has started.
    auto *poll = new QTimer(this);
    poll->setInterval(100);
    connect(poll, &QTimer::timeout, this, [this, poll] {
        if (!engine() || !engine()->state().started)
            return;
        poll->deleteLater();
        const double seconds = double(m_switchClock.elapsed()) / 1000.0;
        m_switchMaxSeconds = std::max(m_switchMaxSeconds, seconds);
        ++m_switches;
        say(u"%1 s: switched to %2 in %3 s"_s.arg(elapsedSeconds(), 0, 'f', 0).arg(m_onB ? u"database B"_s : u"database A"_s)
                .arg(seconds, 0, 'f', 1));
        m_switching = false;
        if (m_onB && !m_bPrepared) {
            // Database B indexes the first chain too (its own tables, no triggers).
            m_bPrepared = true;
            auto config = engine()->chains()->snapshot();
            QString error;
            if (config.isEmpty() && !addChains({0}, &error)) {
                say(u"FAILED: adding a chain on database B: "_s + error);
                m_result = 1;
            }
        }
        m_walker->setPaused(false);
        if (auto then = std::exchange(m_afterSwitch, {}))
            then();
    });
    poll->start();
}

void SoakRun::switchDatabase(const QString &url, std::function<void()> then, int postponedSeconds)
{
    if (m_switching) {
        QTimer::singleShot(1000, this, [this, url, then, postponedSeconds] { switchDatabase(url, then, postponedSeconds); });
        return;
    }
    if ((url == m_databaseB) == m_onB) {
        if (then)
            then();
        return;
    }
    // An alert still active (an outage not over) is the outage's business: switch after it.
    if (engine() && !engine()->alerts()->monitor()->activeAlerts().isEmpty() && postponedSeconds < 180) {
        QTimer::singleShot(5000, this, [this, url, then, postponedSeconds] { switchDatabase(url, then, postponedSeconds + 5); });
        return;
    }
    arbor::ui::MainWindow *window = m_session->window();
    m_walker->setPaused(true);
    PageWalker::closeDialogs(window);
    m_probe->setActivity(u"database switch"_s);
    window->findChild<QAction *>(u"settingsAction"_s)->trigger();
    arbor::ui::SettingsDialog *dialog = nullptr;
    for (auto *d : window->findChildren<arbor::ui::SettingsDialog *>()) {
        if (d->isVisible())
            dialog = d;
    }
    // As an operator switches: the file's path, or the server's URL (trust: no password).
    const DatabaseUrl target = *DatabaseUrl::parse(url);
    const bool postgres = target.backend == Backend::Postgres;
    auto *radio = dialog ? dialog->findChild<QRadioButton *>(postgres ? u"postgresRadio"_s : u"sqliteRadio"_s) : nullptr;
    auto *edit = dialog ? dialog->findChild<QLineEdit *>(postgres ? u"postgresUrlEdit"_s : u"sqlitePathEdit"_s) : nullptr;
    auto *ok = dialog ? dialog->findChild<QAbstractButton *>(u"settingsOkButton"_s) : nullptr;
    if (!radio || !edit || !ok) {
        say(u"FAILED: Settings did not open with its storage page for the database switch"_s);
        m_result = 1;
        QCoreApplication::exit(1);
        return;
    }
    radio->setChecked(true);
    edit->setText(postgres ? url : target.path);
    if (!ok->isEnabled()) {
        say(u"FAILED: Settings refused %1 as the database"_s.arg(url));
        m_result = 1;
        QCoreApplication::exit(1);
        return;
    }
    m_switching = true;
    // Where a switch's GUI time goes: the old window's teardown, then the new one built and shown.
    connect(window, &QObject::destroyed, this, [this] { m_oldWindowGoneNs = m_clock.nsecsElapsed(); });
    m_onB = url == m_databaseB;
    m_afterSwitch = std::move(then);
    m_switchClock.start();
    say(u"%1 s: Settings › Storage: switching to %2"_s.arg(elapsedSeconds(), 0, 'f', 0).arg(url));
    ok->click();
}

void SoakRun::onGenerated(qint64 chainId, const QJsonArray &events)
{
    qint64 triggerId = 0;
    for (const auto &chain : m_chains) {
        if (chain->chainId == chainId)
            triggerId = chain->triggerId;
    }
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        ++m_eventsGenerated;
        if (e.value(u"kind"_s).toString() != u"reputation" || e.value(u"event"_s).toString() != u"NewFeedback")
            continue;
        m_expected.insert(u"t%1|%2|%3:%4"_s.arg(triggerId).arg(chainId).arg(e.value(u"txHash"_s).toString().toLower())
                              .arg(integer(e.value(u"logIndex"_s))));
    }
}

void SoakRun::startOutage(int chain, double seconds)
{
    SoakChain &c = *m_chains[std::size_t(chain)];
    {
        const HarnessStep step;
        c.proxy->setDead(true);
    }
    ++c.outages;
    m_outages.append({chain, elapsedSeconds(), seconds});
    say(u"%1 s: node outage on %2 for %3 s"_s.arg(elapsedSeconds(), 0, 'f', 0).arg(c.name).arg(seconds));
    QTimer::singleShot(int(seconds * 1000), this, [this, chain, seconds] {
        SoakChain &c = *m_chains[std::size_t(chain)];
        recordOutageLag(c, seconds);
        const HarnessStep step;
        if (!c.proxy->setDead(false))
            say(u"FAILED: the proxy of %1 could not listen again"_s.arg(c.name));
        say(u"%1 s: node of %2 back"_s.arg(elapsedSeconds(), 0, 'f', 0).arg(c.name));
    });
}

void SoakRun::recordOutageLag(const SoakChain &chain, double seconds)
{
    // What the chain table says as the outage ends: the last indexed block is as old as the
    // outage (traffic went on), and the table should say so rather than "0 s".
    const auto *view = m_session->window()->findChild<QTableView *>(u"chainTable"_s);
    const QAbstractItemModel *model = view ? view->model() : nullptr;
    for (int row = 0; model && row < model->rowCount(); ++row) {
        const QModelIndex name = model->index(row, arbor::ui::ChainListModel::NameColumn);
        if (name.data(arbor::ui::ChainListModel::ChainIdRole).toLongLong() != chain.chainId)
            continue;
        const auto cell = [&](int column, int role) { return model->index(row, column).data(role); };
        const qint64 lag = cell(arbor::ui::ChainListModel::LagSecondsColumn, arbor::ui::ChainListModel::SortRole).toLongLong();
        const QString shown = u"status \"%1\", lag %2 blocks / %3"_s.arg(
            cell(arbor::ui::ChainListModel::StatusColumn, Qt::DisplayRole).toString(),
            cell(arbor::ui::ChainListModel::LagBlocksColumn, Qt::DisplayRole).toString(),
            cell(arbor::ui::ChainListModel::LagSecondsColumn, Qt::DisplayRole).toString());
        say(u"%1 s: %2 after %3 s without its node: %4"_s.arg(elapsedSeconds(), 0, 'f', 0).arg(chain.name).arg(seconds).arg(shown));
        if (lag < qint64(seconds / 2))
            m_outageLagProblems << u"%1 after a %2 s outage showed %3"_s.arg(chain.name).arg(seconds).arg(shown);
        return;
    }
    m_outageLagProblems << u"%1 is not in the chain table at the end of its outage"_s.arg(chain.name);
}

void SoakRun::failReceiver(double seconds)
{
    ++m_receiverOutages;
    m_triggerHook->setFailing(true);
    m_alertHook->setFailing(true);
    say(u"%1 s: receivers answer 503 for %2 s"_s.arg(elapsedSeconds(), 0, 'f', 0).arg(seconds));
    QTimer::singleShot(int(seconds * 1000), this, [this] {
        m_triggerHook->setFailing(false);
        m_alertHook->setFailing(false);
        say(u"%1 s: receivers accept again"_s.arg(elapsedSeconds(), 0, 'f', 0));
    });
}

void SoakRun::schedule()
{
    // One cycle per 10 minutes (the whole run when it is shorter): the database switched to B
    // and back, a node outage (the chains in turn), the receivers failing.
    const double total = m_options.minutes * 60;
    const double cycle = std::min(total, 600.0);
    const bool shortRun = total < 600;
    const double switchAt = shortRun ? 0.08 * total : 30;
    const double stayOnB = shortRun ? std::max(20.0, 0.12 * total) : 60;
    const double outageAt = shortRun ? 0.3 * total : 150;
    const double outageSeconds = shortRun ? std::max(30.0, 0.15 * total) : 60;
    const double receiverAt = shortRun ? 0.5 * total : 400;
    const double receiverSeconds = shortRun ? 20 : 30;
    int n = 0;
    for (double start = 0; start + cycle <= total + 1; start += cycle, ++n) {
        const int chain = n % int(m_chains.size());
        QTimer::singleShot(int((start + switchAt) * 1000), this, [this, stayOnB] {
            if (m_finishing)
                return;
            switchDatabase(m_databaseB, [this, stayOnB] {
                QTimer::singleShot(int(stayOnB * 1000), this, [this] { switchDatabase(m_databaseA, {}); });
            });
        });
        QTimer::singleShot(int((start + outageAt) * 1000), this, [this, chain, outageSeconds] {
            if (!m_finishing)
                startOutage(chain, outageSeconds);
        });
        QTimer::singleShot(int((start + receiverAt) * 1000), this, [this, receiverSeconds] {
            if (!m_finishing)
                failReceiver(receiverSeconds);
        });
    }
}

int SoakRun::run()
{
    const double total = m_options.minutes * 60;
    m_probe = new GuiStallProbe(this);
    m_rss = new RssSampler(2000, std::min(std::max(60.0, 0.25 * total), 600.0), this);
    m_walker = new PageWalker([this]() -> QMainWindow * { return m_session ? m_session->window() : nullptr; }, m_probe, 700, this);
    QList<TrafficGenerator::Target> targets;
    for (const auto &chain : m_chains)
        targets.append({chain->chainId, chain->devnet->rpcUrl().toString(), chain->registries});
    m_traffic = std::make_unique<TrafficGenerator>(targets, 2000, 8);
    connect(m_traffic.get(), &TrafficGenerator::generated, this, &SoakRun::onGenerated);

    m_clock.start();
    m_probe->start();
    m_rss->start();
    if (m_options.settingsFirst)
        m_walker->start();
    else
        m_traffic->start();
    // As the operator met it: deliveries signing with a keychain secret are under way
    // (the delivery thread has used the keychain first) when Settings is first opened.
    auto *firstDelivery = new QTimer(this);
    connect(firstDelivery, &QTimer::timeout, this, [this, firstDelivery] {
        if (!m_options.settingsFirst && m_triggerHook->acceptedKeys() == 0 && elapsedSeconds() < 30)
            return;
        firstDelivery->deleteLater();
        if (m_options.settingsFirst) {
            say(u"Settings opened before any delivery (ARBOR_SOAK_SETTINGS_FIRST): traffic starts now"_s);
            m_traffic->start();
            return;
        }
        say(u"%1 s: %2 delivery accepted; pages and dialogs from now on, Settings first"_s.arg(elapsedSeconds(), 0, 'f', 0)
                .arg(m_triggerHook->acceptedKeys() > 0 ? u"first"_s : u"no"_s));
        m_walker->start();
    });
    firstDelivery->start(100);
    schedule();
    auto *beat = new QTimer(this);
    connect(beat, &QTimer::timeout, this, &SoakRun::heartbeat);
    beat->start(30000);
    QTimer::singleShot(int(total * 1000), this, &SoakRun::finish);
    say(u"running for %1 min"_s.arg(m_options.minutes));
    const int code = QCoreApplication::exec();
    return m_result >= 0 ? std::max(m_result, code) : code;
}

void SoakRun::heartbeat()
{
    const HarnessStep step;
    const auto stalls = m_probe->figures();
    say(u"%1 s: events %2, deliveries expected %3, accepted %4, RSS %5 MiB (live heap %6 MiB, SQLite %7 MiB), "
        "GUI stall max %8 ms, outages %9, switches %10, dialogs opened %11"_s.arg(elapsedSeconds(), 0, 'f', 0).arg(m_eventsGenerated)
            .arg(m_expected.size()).arg(m_triggerHook->acceptedKeys()).arg(residentMiB(), 0, 'f', 0).arg(liveHeapMiB(), 0, 'f', 1)
            .arg(sqliteMiB(), 0, 'f', 1).arg(stalls.maxMs, 0, 'f', 1).arg(m_outages.size()).arg(m_switches)
            .arg(m_walker->figures().dialogsOpened));
}

void SoakRun::finish()
{
    if (m_finishing)
        return;
    m_finishing = true;
    say(u"%1 s: run over: traffic stops, waiting for what is still owed"_s.arg(elapsedSeconds(), 0, 'f', 0));
    m_walker->stop();
    {
        const HarnessStep step;
        m_traffic->stop();
    }
    const QDeadlineTimer deadline(std::chrono::seconds(m_options.drainTimeoutSeconds));
    auto drain = [this, deadline] {
        auto *poll = new QTimer(this);
        connect(poll, &QTimer::timeout, this, [this, poll, deadline] {
            // Back on database A (a switch under way finishes first): its triggers owe the rest.
            if (m_switching)
                return;
            if (m_onB) {
                switchDatabase(m_databaseA, {});
                return;
            }
            bool done = false;
            {
                const HarnessStep step;
                done = drained();
            }
            if (!done && !deadline.hasExpired())
                return;
            poll->stop();
            poll->deleteLater();
            // A late duplicate would come now.
            QTimer::singleShot(5000, this, [this] { QCoreApplication::exit(report()); });
        });
        poll->start(1000);
    };
    drain();
}

bool SoakRun::drained() const
{
    if (!m_triggerHook->checkTriggers(m_expected).missing.isEmpty())
        return false;
    for (const auto &chain : m_chains) {
        if (m_alertHook->checkAlerts(chain->chainId, u"raised"_s, chain->outages).exactlyOnce < chain->outages
            || m_alertHook->checkAlerts(chain->chainId, u"resolved"_s, chain->outages).exactlyOnce < chain->outages)
            return false;
    }
    return true;
}

} // namespace arbor::soak
