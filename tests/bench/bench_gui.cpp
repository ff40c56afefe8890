// GUI responsiveness and memory while the console indexes many chains at full speed.
//
// Starts N anvil devnets (chain ids 31337+i), deploys a token on each and pre-generates its
// traffic, then opens the console's MainWindow on an Engine with the console's options over a
// fresh SQLite file, adds every chain from block 0 and lets it index. Meanwhile:
//   - a 5 ms Qt::PreciseTimer on the GUI thread records how late each tick is (the event-loop
//     stall), and the window's pages ("pageTabs") switch every second so their rendering counts;
//   - VmRSS and VmHWM (/proc/self/status) are sampled every second;
//   - every event delivered on the GUI thread is timed (QApplication::notify), and the time the
//     window's slots spend in each Engine signal is measured between a connection made before
//     the window and one made after it, so a stall can be pinned to its receiver.
// It stops when every chain's checkpoint reached its devnet head, or at --limit seconds, and
// prints the figures. Goal (not asserted): longest stall < 50 ms, RSS < 400 MB.
//
//   bench_gui [--chains 10] [--blocks 1200] [--transfers 3000] [--holders 200]
//             [--empty-blocks 0] [--nice-workers 0] [--limit 300] [--slow-ms 16] [--chart-range 24h]
//
// --chart-range sets the chain page's charts to one of their ranges (5m, 15m, 1h, 6h, 24h; 24h by
// default, the longest and so the most points per redraw), as an operator would pick it.
//
// The traffic takes ~15 s per devnet to generate on a 2-core machine, and the engine indexes
// all 10 devnets in ~5 s. --empty-blocks N mines N empty blocks after the traffic (anvil_mine),
// but anvil needs ~7 ms per block there, so it lengthens the setup far more than the indexing.
// --nice-workers N renices every thread but the GUI thread (the fix proposed for the stalls it
// measured, which were CPU starvation of the GUI thread, not work on it).
//
// Runs under QT_QPA_PLATFORM=offscreen (the default here without a display) or xvfb-run.
#include "devnet.h"
#include "engine/balanceservice.h"
#include "engine/chainservice.h"
#include "engine/indexingservice.h"

#include "engine/engine.h"
#include "charts/chainchartpanel.h"
#include "mainwindow.h"
#include "store/databaseurl.h"
#include "util/continuation.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <fcntl.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
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

/// kB of a line ("VmRSS:    12345 kB") of /proc/self/status; -1 if absent.
qint64 procStatusKb(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(key) + ':';
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QString mb(qint64 kb)
{
    return QStringLiteral("%1 MB").arg(double(kb) / 1024.0, 0, 'f', 1);
}

QString ms(double v)
{
    return QStringLiteral("%1 ms").arg(v, 0, 'f', 1);
}

QString eventName(QEvent::Type type)
{
    switch (type) {
    case QEvent::Timer: return QStringLiteral("Timer");
    case QEvent::MetaCall: return QStringLiteral("MetaCall");
    case QEvent::Paint: return QStringLiteral("Paint");
    case QEvent::UpdateRequest: return QStringLiteral("UpdateRequest");
    case QEvent::LayoutRequest: return QStringLiteral("LayoutRequest");
    case QEvent::Resize: return QStringLiteral("Resize");
    case QEvent::Show: return QStringLiteral("Show");
    case QEvent::ShowToParent: return QStringLiteral("ShowToParent");
    case QEvent::Hide: return QStringLiteral("Hide");
    case QEvent::Polish: return QStringLiteral("Polish");
    case QEvent::PolishRequest: return QStringLiteral("PolishRequest");
    case QEvent::SockAct: return QStringLiteral("SockAct");
    case QEvent::DeferredDelete: return QStringLiteral("DeferredDelete");
    case QEvent::Expose: return QStringLiteral("Expose");
    case QEvent::ChildAdded: return QStringLiteral("ChildAdded");
    case QEvent::StyleChange: return QStringLiteral("StyleChange");
    case QEvent::FontChange: return QStringLiteral("FontChange");
    case QEvent::ZeroTimerEvent: return QStringLiteral("ZeroTimerEvent");
    default: return QStringLiteral("type %1").arg(int(type));
    }
}

/// "Class#objectName < Parent#name < ..." (three levels): where an event went.
QString describe(const QObject *o)
{
    QStringList parts;
    for (int level = 0; o && level < 3; ++level, o = o->parent()) {
        QString part = QString::fromLatin1(o->metaObject()->className());
        if (!o->objectName().isEmpty())
            part += u'#' + o->objectName();
        parts.append(part);
    }
    return parts.join(QStringLiteral(" < "));
}

/// The calling thread's scheduler figures (/proc/thread-self/schedstat): ns on a CPU and ns
/// runnable but waiting for one. Opened once, on the thread it describes.
class SchedStat
{
public:
    SchedStat()
        : m_fd(::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC))
    {
    }
    ~SchedStat()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool read(qint64 *onCpuNs, qint64 *waitingNs) const
    {
        char buffer[128];
        const ssize_t n = m_fd >= 0 ? ::pread(m_fd, buffer, sizeof buffer - 1, 0) : -1;
        if (n <= 0)
            return false;
        buffer[n] = 0;
        const QList<QByteArray> parts = QByteArray(buffer).trimmed().split(' ');
        if (parts.size() < 2)
            return false;
        *onCpuNs = parts[0].toLongLong();
        *waitingNs = parts[1].toLongLong();
        return true;
    }

private:
    int m_fd = -1;
};

/// A stall of the probe and where the GUI thread's time went during it.
struct Stall
{
    double atMs = 0;
    double ms = 0;           ///< lateness of the tick
    double onCpuMs = 0;      ///< the GUI thread ran (code on the GUI thread)
    double waitingMs = 0;    ///< runnable but no CPU free (starved by other threads/processes)
};

qint64 threadCpuNs()
{
    timespec t{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

struct SlowEvent
{
    double atMs = 0;       ///< since the measurement started
    double ms = 0;         ///< wall time, inclusive of nested events
    double cpuMs = 0;      ///< the GUI thread's CPU time in it (ms minus this: descheduled)
    int depth = 0;         ///< 0: delivered by the event loop itself
    QString what;          ///< event type and receiver
};

/// Times every event delivered on the GUI thread and keeps the slow ones.
class TimedApplication final : public QApplication
{
public:
    using QApplication::QApplication;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!m_recording || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        const QEvent::Type type = event->type();   // the event may be gone afterwards
        QElapsedTimer t;
        t.start();
        const qint64 cpu = threadCpuNs();
        ++m_depth;
        const bool result = QApplication::notify(receiver, event);
        --m_depth;
        const double elapsed = double(t.nsecsElapsed()) / 1e6;
        if (elapsed >= m_slowMs) {
            // The receiver may have been deleted by its own event (DeferredDelete).
            const QString what = type == QEvent::DeferredDelete ? QStringLiteral("DeferredDelete") : eventName(type) + u' ' + describe(receiver);
            m_slow.push_back({double(m_clock.nsecsElapsed()) / 1e6 - elapsed, elapsed, double(threadCpuNs() - cpu) / 1e6, m_depth, what});
        }
        return result;
    }

    void startRecording(double slowMs, const QElapsedTimer &clock)
    {
        m_slowMs = slowMs;
        m_clock = clock;
        m_recording = true;
    }
    void stopRecording() { m_recording = false; }
    const std::vector<SlowEvent> &slowEvents() const { return m_slow; }

private:
    bool m_recording = false;
    int m_depth = 0;
    double m_slowMs = 16;
    QElapsedTimer m_clock;
    std::vector<SlowEvent> m_slow;
};

/// Time spent on the GUI thread in the window's slots of one Engine signal.
struct SignalCost
{
    QElapsedTimer timer;
    qint64 calls = 0;
    double totalMs = 0;
    double maxMs = 0;
};

struct Chain
{
    std::unique_ptr<Devnet> devnet;
    quint64 chainId = 0;
    QString token;
    qint64 head = 0;
    qint64 transfers = 0;   ///< Transfer events the generator sent, mints included
    bool added = false;
    QString error;
};

double percentile(std::vector<double> sorted, double p)
{
    if (sorted.empty())
        return 0;
    std::sort(sorted.begin(), sorted.end());
    const size_t i = std::min(sorted.size() - 1, size_t(p * double(sorted.size() - 1) + 0.5));
    return sorted[i];
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY")
        && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Settings and data of this run stay in a throwaway home.
    QTemporaryDir home;
    if (!home.isValid()) {
        std::fprintf(stderr, "bench_gui: no temporary folder\n");
        return 1;
    }
    const QByteArray homePath = QFile::encodeName(home.path());
    qputenv("HOME", homePath);
    qputenv("XDG_CONFIG_HOME", homePath + "/config");
    qputenv("XDG_DATA_HOME", homePath + "/data");
    qputenv("XDG_CACHE_HOME", homePath + "/cache");

    TimedApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Arbor"));
    QCoreApplication::setApplicationName(QStringLiteral("arbor-bench"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption chainsOption(QStringLiteral("chains"), QStringLiteral("Devnets to index."), QStringLiteral("n"), QStringLiteral("10"));
    const QCommandLineOption blocksOption(QStringLiteral("blocks"), QStringLiteral("Blocks of traffic per devnet."), QStringLiteral("n"), QStringLiteral("1200"));
    const QCommandLineOption transfersOption(QStringLiteral("transfers"), QStringLiteral("Transfers per devnet."), QStringLiteral("n"), QStringLiteral("3000"));
    const QCommandLineOption holdersOption(QStringLiteral("holders"), QStringLiteral("Holders per devnet."), QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption emptyOption(QStringLiteral("empty-blocks"), QStringLiteral("Empty blocks mined after the traffic (anvil_mine), so indexing lasts."), QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption niceOption(QStringLiteral("nice-workers"),
                                        QStringLiteral("Experiment: renice every thread but the GUI thread to this nice value (Linux), as "
                                                       "a fix in core would do, to see whether the stalls are CPU starvation. 0: off."),
                                        QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption limitOption(QStringLiteral("limit"), QStringLiteral("Stop indexing after this many seconds."), QStringLiteral("s"), QStringLiteral("300"));
    const QCommandLineOption slowOption(QStringLiteral("slow-ms"), QStringLiteral("Log GUI-thread events at least this long."), QStringLiteral("ms"), QStringLiteral("16"));
    const QCommandLineOption chartRangeOption(QStringLiteral("chart-range"), QStringLiteral("The chain page's chart range: 5m, 15m, 1h, 6h or 24h."),
                                              QStringLiteral("range"), QStringLiteral("24h"));
    parser.addOptions({chainsOption, blocksOption, transfersOption, holdersOption, emptyOption, niceOption, limitOption, slowOption, chartRangeOption});
    parser.process(app);
    const int chainCount = std::max(1, parser.value(chainsOption).toInt());
    const int blocks = std::max(1, parser.value(blocksOption).toInt());
    const int transfers = std::max(0, parser.value(transfersOption).toInt());
    const int holders = std::max(2, parser.value(holdersOption).toInt());
    const int emptyBlocks = std::max(0, parser.value(emptyOption).toInt());
    const int niceWorkers = std::clamp(parser.value(niceOption).toInt(), 0, 19);
    const int limitS = std::max(1, parser.value(limitOption).toInt());
    const double slowMs = std::max(1.0, parser.value(slowOption).toDouble());

    if (const QString reason = Devnet::unavailableReason(); !reason.isEmpty()) {
        out() << "bench_gui: skipped: " << reason << Qt::endl;
        return 0;
    }

    // ---- the devnets -------------------------------------------------------------------------
    QElapsedTimer setup;
    setup.start();
    std::vector<Chain> chains(static_cast<size_t>(chainCount));
    qint64 expectedBlocks = 0, expectedTransfers = 0;
    for (int i = 0; i < chainCount; ++i) {
        Chain &c = chains[size_t(i)];
        c.devnet = std::make_unique<Devnet>();
        c.chainId = quint64(31337 + i);
        QString error;
        QElapsedTimer one;
        one.start();
        if (!c.devnet->start(&error, c.chainId)) {
            out() << "bench_gui: devnet " << c.chainId << ": " << error << Qt::endl;
            return 1;
        }
        const auto deployed = c.devnet->deployTokens(1, &error);
        if (!deployed) {
            out() << "bench_gui: devnet " << c.chainId << ": " << error << Qt::endl;
            return 1;
        }
        c.token = deployed->value(QLatin1String("tokens")).toArray().first().toObject().value(QLatin1String("address")).toString();
        const auto traffic = c.devnet->generateTraffic({c.token}, transfers, holders, blocks, quint64(i + 1), &error);
        if (!traffic) {
            out() << "bench_gui: devnet " << c.chainId << ": " << error << Qt::endl;
            return 1;
        }
        const QJsonObject byToken = traffic->value(QLatin1String("transfers")).toObject();
        for (auto it = byToken.begin(); it != byToken.end(); ++it)
            c.transfers += it.value().isArray() ? it.value().toArray().size() : it.value().toInteger();
        if (emptyBlocks > 0
            && !c.devnet->rpc(QStringLiteral("anvil_mine"), {QStringLiteral("0x%1").arg(emptyBlocks, 0, 16)}, &error, 120000)) {
            out() << "bench_gui: devnet " << c.chainId << ": anvil_mine: " << error << Qt::endl;
            return 1;
        }
        const auto head = c.devnet->rpc(QStringLiteral("eth_blockNumber"), {}, &error);
        if (!head) {
            out() << "bench_gui: devnet " << c.chainId << ": " << error << Qt::endl;
            return 1;
        }
        c.head = head->toString().toLongLong(nullptr, 16);
        expectedBlocks += c.head + 1;
        expectedTransfers += c.transfers;
        out() << "devnet " << c.chainId << ": head " << c.head << ", " << c.transfers << " Transfer events ("
              << QString::number(double(one.elapsed()) / 1000, 'f', 1) << " s)" << Qt::endl;
    }
    const double setupS = double(setup.elapsed()) / 1000;

    // ---- the console -------------------------------------------------------------------------
    const QString dbPath = home.filePath(QStringLiteral("arbor.db"));
    const auto url = DatabaseUrl::parse(QLatin1String("sqlite:") + dbPath);
    if (!url) {
        out() << "bench_gui: " << url.error().toString() << Qt::endl;
        return 1;
    }
    EngineOptions options;   // as app/arbor/main.cpp sets them for the console
    options.database = *url;
    options.app = QStringLiteral("arbor");
    options.lease = EngineOptions::Lease::Required;
    options.snapshotIntervalMs = 1000;
    options.indexing = true;
    options.processQueue = true;
    options.queueHealthIntervalMs = 2000;
    auto engine = std::make_unique<Engine>(options);

    // The window's share of each Engine signal: a connection before the window's and one after.
    QHash<QString, SignalCost> signalCosts;
    const auto timeBefore = [&](const QString &name) {
        return [&signalCosts, name](auto &&...) { signalCosts[name].timer.start(); };
    };
    const auto timeAfter = [&](const QString &name) {
        return [&signalCosts, name](auto &&...) {
            SignalCost &c = signalCosts[name];
            if (!c.timer.isValid())
                return;
            const double elapsed = double(c.timer.nsecsElapsed()) / 1e6;
            ++c.calls;
            c.totalMs += elapsed;
            c.maxMs = std::max(c.maxMs, elapsed);
            c.timer.invalidate();
        };
    };
    QObject before, after;
#define ARBOR_TIME_SIGNAL(sender, Class, signal, holder, make) QObject::connect(sender, &Class::signal, &holder, make(QStringLiteral(#signal)))
    ARBOR_TIME_SIGNAL(engine->chains(), ChainService, chainsChanged, before, timeBefore);
    ARBOR_TIME_SIGNAL(engine.get(), Engine, stateChanged, before, timeBefore);
    ARBOR_TIME_SIGNAL(engine->indexing(), IndexingService, chainStatusChanged, before, timeBefore);
    ARBOR_TIME_SIGNAL(engine->indexing(), IndexingService, chainPromoted, before, timeBefore);
    ARBOR_TIME_SIGNAL(engine->balances(), BalanceService, queueHealthChanged, before, timeBefore);
    auto window = std::make_unique<ui::MainWindow>(engine.get());
    ARBOR_TIME_SIGNAL(engine->chains(), ChainService, chainsChanged, after, timeAfter);
    ARBOR_TIME_SIGNAL(engine.get(), Engine, stateChanged, after, timeAfter);
    ARBOR_TIME_SIGNAL(engine->indexing(), IndexingService, chainStatusChanged, after, timeAfter);
    ARBOR_TIME_SIGNAL(engine->indexing(), IndexingService, chainPromoted, after, timeAfter);
    ARBOR_TIME_SIGNAL(engine->balances(), BalanceService, queueHealthChanged, after, timeAfter);
#undef ARBOR_TIME_SIGNAL
    window->resize(1280, 800);
    window->show();
    auto *pages = window->findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    if (auto *charts = window->findChild<ui::ChainChartPanel *>(QStringLiteral("chainCharts"))) {
        const QString range = parser.value(chartRangeOption);
        const qint64 minutes = range.endsWith(QLatin1Char('h')) ? range.chopped(1).toLongLong() * 60 : range.chopped(1).toLongLong();
        const int index = charts->rangePicker()->findData(minutes * 60000);
        if (index < 0) {
            out() << "bench_gui: --chart-range " << range << ": not one of 5m, 15m, 1h, 6h, 24h" << Qt::endl;
            return 2;
        }
        charts->rangePicker()->setCurrentIndex(index);   // as picked: the page reads that range's history
        out() << "chain page charts: " << charts->rangePicker()->currentText() << Qt::endl;
    }

    bool started = false, startFailed = false;
    then(engine->start(), &app, [&](Status s) {
        started = bool(s);
        startFailed = !s;
        if (!s)
            out() << "bench_gui: the engine did not start: " << s.error().toString() << Qt::endl;
    });
    QElapsedTimer wait;
    wait.start();
    while (!started && !startFailed && wait.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    if (!started)
        return 1;

    // ---- the measurement ---------------------------------------------------------------------
    QElapsedTimer clock;
    clock.start();
    app.startRecording(slowMs, clock);

    std::vector<double> lateness;   // ms per 5 ms tick
    lateness.reserve(size_t(limitS) * 220);
    std::vector<Stall> stalls;   // over 16 ms
    SchedStat sched;
    qint64 lastCpuNs = 0, lastWaitNs = 0;
    sched.read(&lastCpuNs, &lastWaitNs);
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    qint64 lastTick = clock.nsecsElapsed();
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.nsecsElapsed();
        const double late = std::max(0.0, double(now - lastTick) / 1e6 - 5.0);
        lastTick = now;
        lateness.push_back(late);
        qint64 cpuNs = lastCpuNs, waitNs = lastWaitNs;
        sched.read(&cpuNs, &waitNs);
        if (late > 16)
            stalls.push_back({double(now) / 1e6 - late, late, double(cpuNs - lastCpuNs) / 1e6, double(waitNs - lastWaitNs) / 1e6});
        lastCpuNs = cpuNs;
        lastWaitNs = waitNs;
    });
    probe.start();

    // --nice-workers: worker threads start with the chains, so renice them as they appear.
    QTimer renice;
    renice.setInterval(100);
    const pid_t guiTid = ::gettid();
    QObject::connect(&renice, &QTimer::timeout, &app, [&] {
        const QStringList tasks = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &task : tasks) {
            const pid_t tid = pid_t(task.toInt());
            if (tid > 0 && tid != guiTid)
                ::setpriority(PRIO_PROCESS, id_t(tid), niceWorkers);
        }
    });
    if (niceWorkers > 0)
        renice.start();

    for (Chain &c : chains) {
        ChainConfig config;
        config.chainId = qint64(c.chainId);
        config.name = QStringLiteral("devnet-%1").arg(c.chainId);
        config.rpcUrls = {c.devnet->rpcUrl()};
        config.startBlock = 0;
        config.tokens = {*Address::fromHex(c.token)};
        Chain *chain = &c;
        then(engine->chains()->addChain(config), &app, [chain](Result<ChainRecord> r) {
            chain->added = bool(r);
            if (!r) {
                chain->error = r.error().toString();
                out() << "bench_gui: addChain " << chain->chainId << ": " << chain->error << Qt::endl;
            }
        });
    }

    qint64 peakRssKb = 0, finalRssKb = 0;
    int ticks = 0;
    double doneAtS = -1;
    QTimer monitor;
    monitor.setInterval(1000);
    QObject::connect(&monitor, &QTimer::timeout, &app, [&] {
        ++ticks;
        finalRssKb = procStatusKb("VmRSS");
        peakRssKb = std::max(peakRssKb, finalRssKb);
        if (pages && pages->count() > 0)
            pages->setCurrentIndex((pages->currentIndex() + 1) % pages->count());
        if (auto *table = window->findChild<QTableView *>(QStringLiteral("chainTable")); table && table->model()
            && table->model()->rowCount() > 0 && !table->currentIndex().isValid())
            table->selectRow(0);

        QHash<qint64, qint64> indexed;
        for (const ChainStatus &s : engine->indexing()->chainStatuses())
            indexed[s.chainId] = s.indexed.value_or(-1);
        int done = 0;
        qint64 blocksNow = 0;
        for (const Chain &c : chains) {
            const qint64 at = indexed.value(qint64(c.chainId), -1);
            blocksNow += at + 1;
            if (at >= c.head || !c.error.isEmpty())
                ++done;
        }
        if (ticks % 5 == 0)
            out() << QStringLiteral("  %1 s: %2/%3 blocks, %4 chain(s) at head, RSS %5").arg(ticks).arg(blocksNow).arg(expectedBlocks).arg(done).arg(mb(finalRssKb))
                  << Qt::endl;
        if (done == int(chains.size())) {
            doneAtS = double(clock.elapsed()) / 1000;
            app.quit();
        } else if (clock.elapsed() >= qint64(limitS) * 1000) {
            app.quit();
        }
    });
    monitor.start();
    app.exec();
    const double wallS = double(clock.elapsed()) / 1000;
    probe.stop();
    monitor.stop();
    app.stopRecording();
    finalRssKb = procStatusKb("VmRSS");
    peakRssKb = std::max(peakRssKb, finalRssKb);
    const qint64 hwmKb = procStatusKb("VmHWM");
    const QueueRunStats queue = engine->balances()->queueTotals();
    Q_UNUSED(queue);

    qint64 blocksIndexed = 0;
    QHash<qint64, qint64> checkpoint;
    for (const ChainStatus &s : engine->indexing()->chainStatuses()) {
        checkpoint[s.chainId] = s.indexed.value_or(-1);
        blocksIndexed += s.indexed.value_or(-1) + 1;
    }
    window.reset();
    engine.reset();

    // Rows as stored, read after the engine closed the file.
    qint64 blockRows = 0, transferRows = 0, globalRows = 0;
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench_gui_count"));
        db.setDatabaseName(dbPath);
        if (db.open()) {
            const auto count = [&db](const QString &table) {
                QSqlQuery q(db);
                return q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table) && q.next() ? q.value(0).toLongLong() : 0;
            };
            for (const Chain &c : chains) {
                blockRows += count(QStringLiteral("c%1_blocks").arg(c.chainId));
                transferRows += count(QStringLiteral("c%1_token_transfers").arg(c.chainId));
            }
            globalRows = count(QStringLiteral("g_token_balances"));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bench_gui_count"));

    // ---- the figures -------------------------------------------------------------------------
    const double maxStall = lateness.empty() ? 0 : *std::max_element(lateness.begin(), lateness.end());
    const auto over = [&](double limit) { return std::count_if(lateness.begin(), lateness.end(), [limit](double l) { return l > limit; }); };
    const auto row = [](const QString &name, const QString &value, const QString &note = QString()) {
        out() << "  " << name.leftJustified(34) << value.rightJustified(14) << (note.isEmpty() ? QString() : QStringLiteral("  ") + note) << Qt::endl;
    };
    out() << Qt::endl << "bench_gui: " << chainCount << " devnets × (" << transfers << " transfers, " << holders << " holders, " << blocks
          << " blocks, then " << emptyBlocks << " empty); setup " << QString::number(setupS, 'f', 1) << " s; QPA " << QGuiApplication::platformName() << Qt::endl;
    if (niceWorkers > 0)
        row(QStringLiteral("worker threads reniced to"), QString::number(niceWorkers), QStringLiteral("(--nice-workers experiment)"));
    row(QStringLiteral("wall time"), QStringLiteral("%1 s").arg(wallS, 0, 'f', 1),
        doneAtS >= 0 ? QStringLiteral("every chain at its head") : QStringLiteral("stopped at the %1 s limit").arg(limitS));
    row(QStringLiteral("blocks indexed (checkpoints)"), QString::number(blocksIndexed), QStringLiteral("of %1").arg(expectedBlocks));
    row(QStringLiteral("block rows"), QString::number(blockRows));
    row(QStringLiteral("transfer rows"), QString::number(transferRows), QStringLiteral("of %1 sent").arg(expectedTransfers));
    row(QStringLiteral("global balance rows"), QString::number(globalRows));
    row(QStringLiteral("rows/s (blocks + transfers)"), QString::number(double(blockRows + transferRows) / wallS, 'f', 0));
    row(QStringLiteral("probe ticks (5 ms)"), QString::number(lateness.size()));
    row(QStringLiteral("GUI stall max"), ms(maxStall), maxStall < 50 ? QStringLiteral("goal < 50 ms: met") : QStringLiteral("goal < 50 ms: MISSED"));
    row(QStringLiteral("GUI stall p99"), ms(percentile(lateness, 0.99)));
    row(QStringLiteral("GUI stall p50"), ms(percentile(lateness, 0.50)));
    row(QStringLiteral("stalls > 16 ms"), QString::number(over(16)));
    row(QStringLiteral("stalls > 50 ms"), QString::number(over(50)));
    row(QStringLiteral("RSS peak (1 s samples)"), mb(peakRssKb), peakRssKb < 400 * 1024 ? QStringLiteral("goal < 400 MB: met") : QStringLiteral("goal < 400 MB: MISSED"));
    row(QStringLiteral("RSS final"), mb(finalRssKb));
    row(QStringLiteral("VmHWM"), mb(hwmKb));

    out() << Qt::endl << "  window slots per Engine signal (GUI thread)      calls     total       max" << Qt::endl;
    for (auto it = signalCosts.cbegin(); it != signalCosts.cend(); ++it)
        out() << "    " << it.key().leftJustified(44) << QString::number(it->calls).rightJustified(7) << ms(it->totalMs).rightJustified(10)
              << ms(it->maxMs).rightJustified(10) << Qt::endl;

    // Slow GUI-thread events: the outermost (what the event loop was stuck in) and, grouped by
    // receiver, the nested ones that explain it.
    const std::vector<SlowEvent> &slow = app.slowEvents();
    struct Group
    {
        int count = 0;
        double total = 0, max = 0, cpu = 0, maxCpu = 0;
        int depth = 0;
    };
    QHash<QString, Group> groups;
    for (const SlowEvent &e : slow) {
        Group &g = groups[QStringLiteral("d%1 ").arg(e.depth) + e.what];
        ++g.count;
        g.total += e.ms;
        g.max = std::max(g.max, e.ms);
        g.cpu += e.cpuMs;
        g.maxCpu = std::max(g.maxCpu, e.cpuMs);
        g.depth = e.depth;
    }
    QList<QPair<QString, Group>> sorted;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        sorted.append({it.key(), it.value()});
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.second.max > b.second.max; });
    out() << Qt::endl << "  GUI-thread events >= " << ms(slowMs) << " by receiver (d0: from the event loop, d1+: nested), slowest first"
          << Qt::endl << "    count  wall total    wall max   CPU total     CPU max  event" << Qt::endl;
    for (int i = 0; i < std::min<int>(25, int(sorted.size())); ++i)
        out() << "    " << QString::number(sorted[i].second.count).rightJustified(5) << ms(sorted[i].second.total).rightJustified(12)
              << ms(sorted[i].second.max).rightJustified(12) << ms(sorted[i].second.cpu).rightJustified(12)
              << ms(sorted[i].second.maxCpu).rightJustified(12) << "  " << sorted[i].first << Qt::endl;

    // Where the GUI thread was during the stalls: running (its own code), runnable but waiting
    // for a CPU (starved), or neither (asleep or blocked, e.g. on a lock).
    double stallMs = 0, stallCpuMs = 0, stallWaitMs = 0;
    for (const Stall &st : stalls) {
        stallMs += st.ms + 5;
        stallCpuMs += st.onCpuMs;
        stallWaitMs += st.waitingMs;
    }
    out() << Qt::endl << "  GUI thread during the " << stalls.size() << " ticks later than 16 ms (" << ms(stallMs) << " between them): on a CPU "
          << ms(stallCpuMs) << ", runnable but waiting for a CPU " << ms(stallWaitMs) << ", asleep/blocked "
          << ms(std::max(0.0, stallMs - stallCpuMs - stallWaitMs)) << Qt::endl;
    std::vector<Stall> worst = stalls;
    std::sort(worst.begin(), worst.end(), [](const Stall &a, const Stall &b) { return a.ms > b.ms; });
    out() << Qt::endl << "  the longest stalls, the GUI thread's time in them, and the outermost events running then" << Qt::endl;
    for (size_t i = 0; i < std::min<size_t>(12, worst.size()); ++i) {
        const Stall &st = worst[i];
        out() << "    at " << QString::number(st.atMs / 1000, 'f', 2) << " s: " << ms(st.ms) << " late; on CPU " << ms(st.onCpuMs) << ", waiting for a CPU "
              << ms(st.waitingMs) << Qt::endl;
        for (const SlowEvent &e : slow) {
            if (e.atMs + e.ms >= st.atMs && e.atMs <= st.atMs + st.ms + 5 && e.ms >= 0.3 * st.ms && e.depth <= 2)
                out() << "        d" << e.depth << ' ' << ms(e.ms) << " (CPU " << ms(e.cpuMs) << ") " << e.what << Qt::endl;
        }
    }
    return 0;
}
