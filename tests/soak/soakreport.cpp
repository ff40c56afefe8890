// SoakRun's end: the figures printed in one block, and the checks that decide the exit code.
#include "soakrun.h"
#include "store/store.h"

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace arbor::soak {
namespace {

void line(const QString &text)
{
    std::fprintf(stdout, "soak: %s\n", qPrintable(text));
}

QString firstFew(const QStringList &list)
{
    return list.mid(0, 5).join(u", "_s) + (list.size() > 5 ? u", …"_s : QString());
}

} // namespace

int SoakRun::report()
{
    m_probe->stop();
    m_rss->stop();
    m_rss->sample();
    const GuiStallProbe::Figures stalls = m_probe->figures();
    const RssSampler::Figures rss = m_rss->figures();
    const PageWalker::Figures walked = m_walker->figures();
    const DeliveryLedger::Check triggers = m_triggerHook->checkTriggers(m_expected);
    const DeliveryLedger::Counts hookCounts = m_triggerHook->counts();
    const DeliveryLedger::Counts alertCounts = m_alertHook->counts();

    QStringList failures;
    if (m_result > 0)
        failures << u"the run stopped early (see above)"_s;
    if (m_traffic->batches() == 0)
        failures << u"no traffic was generated: %1"_s.arg(m_traffic->lastError());
    if (triggers.expected == 0)
        failures << u"no delivery was expected: the generator sent no NewFeedback"_s;
    if (!triggers.missing.isEmpty())
        failures << u"%1 expected deliveries never accepted: %2"_s.arg(triggers.missing.size()).arg(firstFew(triggers.missing));
    if (!triggers.duplicated.isEmpty())
        failures << u"%1 deliveries accepted more than once: %2"_s.arg(triggers.duplicated.size()).arg(firstFew(triggers.duplicated));
    if (!triggers.unexpected.isEmpty())
        failures << u"%1 deliveries for no event the generator sent: %2"_s.arg(triggers.unexpected.size()).arg(firstFew(triggers.unexpected));
    for (const DeliveryLedger::Counts &c : {hookCounts, alertCounts}) {
        if (c.badSignatures > 0)
            failures << u"%1 requests with a bad signature: %2"_s.arg(c.badSignatures).arg(firstFew(c.signatureErrors));
        if (c.unreadable > 0)
            failures << u"%1 requests that were no delivery"_s.arg(c.unreadable);
    }
    QStringList alertFigures;
    for (const auto &chain : m_chains) {
        for (const QString &state : {u"raised"_s, u"resolved"_s}) {
            const DeliveryLedger::Check a = m_alertHook->checkAlerts(chain->chainId, state, chain->outages);
            alertFigures << u"%1 %2 %3/%4"_s.arg(chain->name, state).arg(a.exactlyOnce).arg(chain->outages);
            if (a.exactlyOnce != chain->outages || !a.duplicated.isEmpty())
                failures << u"%1: %2 rule deliveries \"%3\" accepted once for %4 outages%5"_s.arg(chain->name).arg(a.exactlyOnce)
                                .arg(state).arg(chain->outages)
                                .arg(a.duplicated.isEmpty() ? QString() : u", duplicated: "_s + firstFew(a.duplicated));
        }
        // One outage, one rpc_down alert in the console: the rule's and the built-in one are one.
        const int shown = m_rpcDownAlerts.value(chain->chainId);
        alertFigures << u"%1 rpc_down alerts in the console %2 for %3 outages"_s.arg(chain->name).arg(shown).arg(chain->outages);
        if (shown != chain->outages)
            failures << u"%1: the console raised %2 rpc_down alerts for %3 outages"_s.arg(chain->name).arg(shown).arg(chain->outages);
    }
    for (const QString &problem : m_outageLagProblems)
        failures << u"the lag did not grow through the outage: "_s + problem;
    const double growth = rss.endMiB - rss.warmMiB;
    if (growth > m_options.rssGrowthLimitMiB)
        failures << u"RSS grew %1 MiB after warm-up (limit %2 MiB)"_s.arg(growth, 0, 'f', 1).arg(m_options.rssGrowthLimitMiB);
    // What a user notices, not a speed: a window the desktop greys out as not responding, and a
    // GUI thread that waited on a database at all. How long its ordinary work took is a figure.
    if (stalls.maxMs >= GuiStallProbe::HangLimitMs)
        failures << u"the console did not respond for %1 s at %2 s during \"%3\""_s.arg(stalls.maxMs / 1000, 0, 'f', 1)
                        .arg(stalls.worstAtSeconds, 0, 'f', 0).arg(stalls.worstDuring);
    const quint64 guiDatabaseWaits = arbor::Store::forbiddenThreadUses();
    if (guiDatabaseWaits > 0)
        failures << u"the GUI thread waited on the database %1 times (each logged above by arbor.store)"_s.arg(guiDatabaseWaits);
    if (walked.settingsOpened == 0 || walked.triggerEditorsOpened == 0)
        failures << u"Settings (%1) or the trigger editor (%2) never opened"_s.arg(walked.settingsOpened).arg(walked.triggerEditorsOpened);
    if (m_switches < 2)
        failures << u"the database was switched %1 times (expected to B and back at least once)"_s.arg(m_switches);

    QStringList opened;
    for (auto it = walked.opened.cbegin(); it != walked.opened.cend(); ++it)
        opened << u"%1 %2"_s.arg(it.key()).arg(it.value());
    opened.sort();
    QStringList notOpened;
    for (auto it = walked.notOpened.cbegin(); it != walked.notOpened.cend(); ++it)
        notOpened << u"%1 %2"_s.arg(it.key()).arg(it.value());
    notOpened.sort();

    line(u"================================================================"_s);
    line(u"%1 min (run %2 s incl. drain), crashes 0"_s.arg(m_options.minutes).arg(elapsedSeconds(), 0, 'f', 0));
    line(u"deliveries %1/%2 exactly once (events generated %3 in %4 batches, %5 generator failures), retried after 503 under "
         "the same id %6, requests %7, refused with 503 %8, bad signatures %9"_s
             .arg(triggers.exactlyOnce).arg(triggers.expected).arg(m_eventsGenerated).arg(m_traffic->batches())
             .arg(m_traffic->failures()).arg(triggers.retriedAfterRefusal).arg(hookCounts.requests).arg(hookCounts.refused)
             .arg(hookCounts.badSignatures + alertCounts.badSignatures));
    line(u"alert rule deliveries: %1"_s.arg(alertFigures.join(u"; "_s)));
    line(u"RSS start %1 MiB, warm %2 MiB, end %3 MiB, max %4 MiB, growth after warm-up %5 MiB (limit %6), slope %7 MiB/h, "
         "%8 samples"_s.arg(rss.startMiB, 0, 'f', 1).arg(rss.warmMiB, 0, 'f', 1).arg(rss.endMiB, 0, 'f', 1).arg(rss.maxMiB, 0, 'f', 1)
             .arg(growth, 0, 'f', 1).arg(m_options.rssGrowthLimitMiB).arg(rss.slopeMiBPerHour, 0, 'f', 1).arg(rss.samples));
    line(u"RSS anonymous (heap, stacks; file-backed pages of the program and its libraries are the rest): warm %1 MiB, "
         "end %2 MiB, growth after warm-up %3 MiB, slope %4 MiB/h"_s.arg(rss.warmAnonymousMiB, 0, 'f', 1).arg(rss.endAnonymousMiB, 0, 'f', 1)
             .arg(rss.endAnonymousMiB - rss.warmAnonymousMiB, 0, 'f', 1).arg(rss.anonymousSlopeMiBPerHour, 0, 'f', 1));
    line(u"live heap (allocated and not freed; RSS above it is freed memory the allocator kept): warm %1 MiB, end %2 MiB, "
         "slope %3 MiB/h; of it SQLite's page caches and statements: warm %4 MiB, end %5 MiB, max %6 MiB"_s
             .arg(rss.warmLiveHeapMiB, 0, 'f', 1).arg(rss.endLiveHeapMiB, 0, 'f', 1).arg(rss.liveHeapSlopeMiBPerHour, 0, 'f', 1)
             .arg(rss.warmSqliteMiB, 0, 'f', 1).arg(rss.endSqliteMiB, 0, 'f', 1).arg(rss.maxSqliteMiB, 0, 'f', 1));
    line(u"GUI stall max %1 ms (at %2 s, during \"%3\"), p99 %4 ms, p99.9 %5 ms, %6 of %7 ticks ≥ %8 ms; as measured with the "
         "CPU run-queue wait: max %9 ms"_s.arg(stalls.maxMs, 0, 'f', 1).arg(stalls.worstAtSeconds, 0, 'f', 0).arg(stalls.worstDuring)
             .arg(stalls.p99Ms, 0, 'f', 1).arg(stalls.p999Ms, 0, 'f', 1).arg(stalls.overLimit).arg(stalls.ticks - stalls.excluded)
             .arg(GuiStallProbe::StallLimitMs).arg(stalls.rawMaxMs, 0, 'f', 1)
         + u", %1 ≥ %2 ms; %3 ticks excluded (the harness's own steps)"_s.arg(stalls.rawOverLimit).arg(GuiStallProbe::StallLimitMs)
               .arg(stalls.excluded));
    if (!stalls.worst.isEmpty())
        line(u"worst GUI stalls: "_s + stalls.worst.join(u", "_s));
    line(u"database statements on the GUI thread: %1"_s.arg(guiDatabaseWaits));
    line(u"outages injected %1, receiver outages %2, database switches %3 (slowest %4 s)"_s.arg(m_outages.size())
             .arg(m_receiverOutages).arg(m_switches).arg(m_switchMaxSeconds, 0, 'f', 1));
    line(u"walked %1 steps: %2 dialogs (Settings %3, trigger editor %4), pages %5"_s.arg(walked.steps).arg(walked.dialogsOpened)
             .arg(walked.settingsOpened).arg(walked.triggerEditorsOpened).arg(walked.pagesShown));
    line(u"opened: "_s + opened.join(u", "_s));
    if (!notOpened.isEmpty())
        line(u"verb disabled or nothing shown: "_s + notOpened.join(u", "_s));
    for (const QString &f : std::as_const(failures))
        line(u"FAILED: "_s + f);
    line(failures.isEmpty() ? u"PASSED"_s : u"FAILED (%1 checks)"_s.arg(failures.size()));
    line(u"================================================================"_s);
    std::fflush(stdout);
    return failures.isEmpty() ? 0 : 1;
}

} // namespace arbor::soak
