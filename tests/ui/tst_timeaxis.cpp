// The charts' axes: the time axis ticks on round moments of local time whatever the range, as
// many as fit, labelled in the locale's words (times, days at midnight, days and months for long
// ranges), and a live range that moves by a second keeps its labels; value axes show their
// numbers with the locale's separators and as many decimals as their ticks need.

#include "charts/chartstyle.h"
#include "charts/timeaxis.h"
#include "testmain.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QGraphicsTextItem>
#include <QLineSeries>
#include <QValueAxis>
#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using arbor::ui::charts::roundTimeTicks;
using arbor::ui::charts::TimeAxis;
using arbor::ui::charts::TimeTick;

namespace tst_timeaxis {

namespace {

qint64 at(int year, int month, int day, int hour, int minute, int second = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second)).toMSecsSinceEpoch();
}

QStringList labels(const QList<TimeTick> &ticks)
{
    QStringList out;
    for (const TimeTick &tick : ticks)
        out.append(tick.label);
    return out;
}

QList<qint64> moments(const QList<TimeTick> &ticks)
{
    QList<qint64> out;
    for (const TimeTick &tick : ticks)
        out.append(tick.ms);
    return out;
}

/// A chart view of the given size with a TimeAxis along its bottom, shown.
struct AxisView
{
    QChart *chart = new QChart;
    QChartView view{chart};
    TimeAxis *axis = new TimeAxis(chart);

    AxisView(int width, int height)
    {
        view.resize(width, height);
        chart->addAxis(axis, Qt::AlignBottom);
        view.show();
    }
};

/// The texts `view` draws: visible, not empty.
QStringList drawnTexts(const QChartView &view)
{
    QStringList texts;
    for (QGraphicsItem *item : view.scene()->items()) {
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible() && !text->toPlainText().isEmpty())
            texts.append(text->toPlainText());
    }
    return texts;
}

} // namespace

class TstTimeAxis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany)); }
    void cleanup() { QLocale::setDefault(QLocale::c()); }

    void fifteenMinutesTickEveryFiveWhereverTheRangeStarts();
    void aDayAcrossMidnightNamesTheDay();
    void englishTimesAndDays();
    void longRangesTickOnDaysAndMonths();
    void everyRangeHasRoundTicksWithinItAndNoMoreThanAsked();
    void axisShowsTheTicksAndKeepsThemWhileTheRangeMoves();
    void repeatedLabelsAreAllShown();
    void labelsWithSecondsAreNotCut();
    void valueLabelsAreDrawnInTheLocalesNumbers();
    void rangeStartsWhereTheDataDoes_data();
    void rangeStartsWhereTheDataDoes();
};

void TstTimeAxis::fifteenMinutesTickEveryFiveWhereverTheRangeStarts()
{
    // The live chain chart's default window, at a moment QDateTimeAxis labelled 20:16:07, 20:19:52….
    const qint64 from = at(2026, 11, 25, 20, 16, 7);
    const QList<TimeTick> ticks = roundTimeTicks(from, from + 15 * 60000, 6);
    QCOMPARE(labels(ticks), (QStringList{u"20:20"_s, u"20:25"_s, u"20:30"_s}));
    QCOMPARE(moments(ticks), (QList<qint64>{at(2026, 11, 25, 20, 20), at(2026, 11, 25, 20, 25), at(2026, 11, 25, 20, 30)}));

    // The last hour, ten minutes apart; with room for only three ticks, every twenty-odd: 30.
    const qint64 hourFrom = at(2026, 11, 25, 22, 7, 41);
    QCOMPARE(labels(roundTimeTicks(hourFrom, hourFrom + 3600000, 6)),
             (QStringList{u"22:10"_s, u"22:20"_s, u"22:30"_s, u"22:40"_s, u"22:50"_s, u"23:00"_s}));
    QCOMPARE(labels(roundTimeTicks(hourFrom, hourFrom + 3600000, 3)), (QStringList{u"22:30"_s, u"23:00"_s}));

    // Five minutes: a tick a minute; one minute: every ten seconds, with seconds.
    QCOMPARE(labels(roundTimeTicks(from, from + 5 * 60000, 6)),
             (QStringList{u"20:17"_s, u"20:18"_s, u"20:19"_s, u"20:20"_s, u"20:21"_s}));
    QCOMPARE(labels(roundTimeTicks(from, from + 60000, 6)),
             (QStringList{u"20:16:10"_s, u"20:16:20"_s, u"20:16:30"_s, u"20:16:40"_s, u"20:16:50"_s, u"20:17:00"_s}));
}

void TstTimeAxis::aDayAcrossMidnightNamesTheDay()
{
    const qint64 from = at(2026, 11, 25, 13, 30);
    const QList<TimeTick> ticks = roundTimeTicks(from, from + 24 * 3600000LL, 6);
    QCOMPARE(labels(ticks), (QStringList{u"18:00"_s, u"26. Nov."_s, u"06:00"_s, u"12:00"_s}));
    QCOMPARE(ticks[1].ms, at(2026, 11, 26, 0, 0));
}

void TstTimeAxis::englishTimesAndDays()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const QLocale english;
    auto time = [&](int hour) { return english.toString(QTime(hour, 0), QLocale::ShortFormat); };
    QVERIFY2(time(18).endsWith(u"PM"_s), qPrintable(time(18)));
    const qint64 from = at(2026, 11, 25, 13, 30);
    QCOMPARE(labels(roundTimeTicks(from, from + 24 * 3600000LL, 6)), (QStringList{time(18), u"Nov 26"_s, time(6), time(12)}));
}

void TstTimeAxis::longRangesTickOnDaysAndMonths()
{
    // A week: one tick a day, each named by its day.
    const qint64 weekFrom = at(2026, 11, 19, 9, 12);
    const QList<TimeTick> week = roundTimeTicks(weekFrom, weekFrom + 7 * 86400000LL, 8);
    QCOMPARE(labels(week), (QStringList{u"20. Nov."_s, u"21. Nov."_s, u"22. Nov."_s, u"23. Nov."_s, u"24. Nov."_s, u"25. Nov."_s,
                                        u"26. Nov."_s}));
    // Thirty days in five ticks: Mondays.
    const qint64 monthFrom = at(2026, 10, 27, 9, 12);
    const QList<TimeTick> month = roundTimeTicks(monthFrom, monthFrom + 30 * 86400000LL, 5);
    QCOMPARE(labels(month), (QStringList{u"2. Nov."_s, u"9. Nov."_s, u"16. Nov."_s, u"23. Nov."_s}));
    for (const TimeTick &tick : month)
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(tick.ms).date().dayOfWeek(), int(Qt::Monday));
    // A year: the first of every other or third month.
    const qint64 yearFrom = at(2025, 11, 26, 0, 0);
    const QList<TimeTick> year = roundTimeTicks(yearFrom, at(2026, 11, 26, 0, 0), 6);
    QVERIFY2(year.size() >= 4 && year.size() <= 6, qPrintable(labels(year).join(u", ")));
    for (const TimeTick &tick : year)
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(tick.ms).date().day(), 1);
    QCOMPARE(year.first().label, u"Jan. 2026"_s);
}

void TstTimeAxis::everyRangeHasRoundTicksWithinItAndNoMoreThanAsked()
{
    const qint64 start = at(2026, 11, 25, 20, 16, 7) + 431;
    const QList<qint64> spans = {10 * 1000LL,    45 * 1000LL,         5 * 60000LL,          15 * 60000LL,        3600000LL,
                                 6 * 3600000LL,  24 * 3600000LL,      7 * 86400000LL,       15 * 86400000LL,     30 * 86400000LL,
                                 90 * 86400000LL, 365 * 86400000LL};
    for (const qint64 span : spans) {
        for (int maxTicks = 2; maxTicks <= 10; ++maxTicks) {
            const QList<TimeTick> ticks = roundTimeTicks(start, start + span, maxTicks);
            const QString where = u"span %1 s, at most %2 ticks: %3"_s.arg(span / 1000).arg(maxTicks).arg(labels(ticks).join(u", "));
            QVERIFY2(!ticks.isEmpty() && ticks.size() <= maxTicks, qPrintable(where));
            for (qsizetype i = 0; i < ticks.size(); ++i) {
                QVERIFY2(ticks[i].ms >= start && ticks[i].ms <= start + span, qPrintable(where));
                QVERIFY2(i == 0 || ticks[i].ms > ticks[i - 1].ms, qPrintable(where));
                QVERIFY2(!ticks[i].label.isEmpty(), qPrintable(where));
                const QTime time = QDateTime::fromMSecsSinceEpoch(ticks[i].ms).time();
                QVERIFY2(time.msec() == 0, qPrintable(where));
                if (span >= 15 * 60000)
                    QVERIFY2(time.second() == 0, qPrintable(where));
                if (span >= 3600000)
                    QVERIFY2(time.minute() % 5 == 0, qPrintable(where));
                if (span >= 7 * 86400000LL)
                    QVERIFY2(time == QTime(0, 0), qPrintable(where));
            }
        }
    }
    QVERIFY(roundTimeTicks(start, start, 6).isEmpty());
}

void TstTimeAxis::axisShowsTheTicksAndKeepsThemWhileTheRangeMoves()
{
    AxisView shown(700, 300);
    QVERIFY(QTest::qWaitForWindowExposed(&shown.view));
    TimeAxis *axis = shown.axis;

    const qint64 from = at(2026, 11, 25, 20, 16, 7);
    axis->setTimeRange(from, from + 15 * 60000);
    QCOMPARE(axis->fromMs(), from);
    QCOMPARE(axis->toMs(), from + 15 * 60000);
    QCOMPARE(axis->min(), double(from));
    QCOMPARE(axis->max(), double(from + 15 * 60000));
    const QStringList labelled = axis->tickLabels();
    QVERIFY2(labelled.contains(u"20:20"_s) && labelled.contains(u"20:30"_s), qPrintable(labelled.join(u", ")));
    QCOMPARE(axis->categoriesLabels().size(), labelled.size());
    for (const QString &label : axis->categoriesLabels()) {
        const double end = axis->endValue(label);
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(qint64(end)).time().second(), 0);
        QVERIFY(end > axis->min() && end <= axis->max());
    }

    // A second later: the same ticks; a minute later past 20:35, one more.
    axis->setTimeRange(from + 1000, from + 15 * 60000 + 1000);
    QCOMPARE(axis->tickLabels(), labelled);
    axis->setTimeRange(from + 4 * 60000, from + 19 * 60000);
    QVERIFY2(axis->tickLabels().last() != labelled.last(), qPrintable(axis->tickLabels().join(u", ")));
    QVERIFY2(!axis->tickLabels().contains(u"20:18"_s), qPrintable(axis->tickLabels().join(u", ")));

    // A narrow chart shows fewer.
    const qsizetype wide = axis->tickLabels().size();
    shown.view.resize(260, 300);
    QTRY_VERIFY2(axis->tickLabels().size() < wide, qPrintable(axis->tickLabels().join(u", ")));
}

void TstTimeAxis::repeatedLabelsAreAllShown()
{
    // Two days by six hours: "06:00" and "12:00" twice each; a category's label is its key.
    AxisView shown(1200, 300);
    QVERIFY(QTest::qWaitForWindowExposed(&shown.view));
    TimeAxis *axis = shown.axis;
    const qint64 from = at(2026, 11, 24, 1, 0);
    axis->setTimeRange(from, from + 47 * 3600000LL);
    const QList<TimeTick> expected = roundTimeTicks(from, from + 47 * 3600000LL, 10);
    // The last tick is at the range's very end: its label would stick out of the plot, so it goes.
    QTRY_COMPARE(axis->tickLabels(), labels(expected).mid(0, expected.size() - 1));
    QCOMPARE(axis->tickLabels().count(u"06:00"_s), 2);
    QCOMPARE(axis->categoriesLabels().size(), expected.size() - 1);
}

void TstTimeAxis::labelsWithSecondsAreNotCut()
{
    // A console up for two minutes, in English: ticks every 30 s read "3:19:30 AM", wider than
    // the room Qt Charts gives a label when four share a chart of the console's size; it cut
    // them to "3:19:30 ...". Fewer ticks, each drawn whole.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    AxisView shown(440, 180);
    QVERIFY(QTest::qWaitForWindowExposed(&shown.view));
    TimeAxis *axis = shown.axis;
    const qint64 from = at(2026, 11, 27, 3, 18, 50);
    axis->setTimeRange(from, from + 120000);
    auto drawn = [&] { return drawnTexts(shown.view); };
    QTRY_VERIFY2(!drawn().isEmpty(), "no label drawn");
    QTRY_VERIFY2(drawn().size() == axis->tickLabels().size(), qPrintable(drawn().join(u" | ") + u" against "_s + axis->tickLabels().join(u" | ")));
    QVERIFY2(axis->tickLabels().size() >= 2, qPrintable(axis->tickLabels().join(u" | ")));
    for (const QString &label : axis->tickLabels())
        QVERIFY2(drawn().contains(label), qPrintable(label + u" is drawn as: "_s + drawn().join(u" | ")));
}

void TstTimeAxis::valueLabelsAreDrawnInTheLocalesNumbers()
{
    // As the console's charts are made: numbers localized ("0,5" in German).
    auto *chart = new QChart;
    chart->setLocalizeNumbers(true);
    QChartView view(chart);
    view.resize(500, 400);
    auto *y = new QValueAxis;
    chart->addAxis(y, Qt::AlignLeft);
    auto *series = new QLineSeries;
    series->append(0, 0);
    series->append(1, 2);
    chart->addSeries(series);
    series->attachAxis(y);
    y->setRange(0, 2);
    y->setTickCount(5);
    arbor::ui::charts::setTickLabelFormat(y);
    QCOMPARE(y->labelFormat(), u"%.1f"_s);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto drawn = [&] { return drawnTexts(view); };
    QTRY_VERIFY2(drawn().contains(u"0,5"_s) && drawn().contains(u"2,0"_s), qPrintable(drawn().join(u" | ")));

    // Whole steps: no decimals.
    y->setRange(0, 4);
    arbor::ui::charts::setTickLabelFormat(y);
    QCOMPARE(y->labelFormat(), u"%.0f"_s);
    QTRY_VERIFY2(drawn().contains(u"3"_s) && drawn().contains(u"4"_s), qPrintable(drawn().join(u" | ")));
}

void TstTimeAxis::rangeStartsWhereTheDataDoes_data()
{
    QTest::addColumn<qint64>("firstDataMinutesAgo");   // -1: no data
    QTest::addColumn<qint64>("startMinutesAgo");
    // A 60-minute window ending now, spanning at least 10 minutes.
    QTest::newRow("no data: the whole window") << qint64(-1) << qint64(60);
    QTest::newRow("data before the window") << qint64(90) << qint64(60);
    QTest::newRow("data all through") << qint64(60) << qint64(60);
    QTest::newRow("the last half hour") << qint64(30) << qint64(30);
    QTest::newRow("two minutes: the shortest span") << qint64(2) << qint64(10);
}

void TstTimeAxis::rangeStartsWhereTheDataDoes()
{
    QFETCH(qint64, firstDataMinutesAgo);
    QFETCH(qint64, startMinutesAgo);
    const qint64 now = 1'800'000'000'000;
    const qint64 minute = 60000;
    const std::optional<qint64> first = firstDataMinutesAgo < 0 ? std::nullopt : std::optional(now - firstDataMinutesAgo * minute);
    QCOMPARE(arbor::ui::charts::fittedStart(now - 60 * minute, now, first, 10 * minute), now - startMinutesAgo * minute);
}

} // namespace tst_timeaxis

ARBOR_TEST_MAIN(timeaxis, tst_timeaxis::TstTimeAxis)
#include "tst_timeaxis.moc"
