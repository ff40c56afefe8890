#include "store/statementtimings.h"

#include <QMutexLocker>
#include <QRegularExpression>

#include <algorithm>

namespace arbor {
namespace {

constexpr qsizetype MaxRememberedNormalisations = 2000;

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isIdentifierPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

// c7_blocks → c?_blocks, chain_7 → chain_?, chain_7_x → chain_?_x; anything else unchanged.
QString withoutChainId(const QString &word)
{
    auto digitsFrom = [&](qsizetype at) {
        qsizetype end = at;
        while (end < word.size() && word[end].isDigit())
            ++end;
        return end;
    };
    if (word.size() > 2 && (word[0] == u'c' || word[0] == u'C') && word[1].isDigit()) {
        const qsizetype end = digitsFrom(1);
        if (end < word.size() && word[end] == u'_')
            return QLatin1String("c?") + QStringView(word).mid(end);
    }
    if (word.size() > 6 && word.startsWith(QLatin1String("chain_"), Qt::CaseInsensitive) && word[6].isDigit()) {
        const qsizetype end = digitsFrom(6);
        if (end == word.size() || word[end] == u'_')
            return QLatin1String("chain_?") + QStringView(word).mid(end);
    }
    return word;
}

// Literals, whitespace and chain ids; the lists are collapsed afterwards.
QString tokenise(const QString &sql)
{
    QString out;
    out.reserve(sql.size());
    bool space = false;
    auto put = [&](QStringView text) {
        if (space && !out.isEmpty())
            out += u' ';
        space = false;
        out += text;
    };
    const qsizetype n = sql.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = sql[i];
        if (c.isSpace()) {
            space = true;
            ++i;
        } else if (c == u'\'') {
            // A string literal; '' inside it is a quote.
            ++i;
            while (i < n) {
                if (sql[i] == u'\'') {
                    if (i + 1 < n && sql[i + 1] == u'\'') {
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                ++i;
            }
            put(u"?");
        } else if (c == u'"') {
            const qsizetype start = i++;
            while (i < n && sql[i] != u'"')
                ++i;
            i = std::min(n, i + 1);
            put(QStringView(sql).mid(start, i - start));
        } else if ((c == u'x' || c == u'X') && i + 1 < n && sql[i + 1] == u'\'') {
            ++i;   // a blob literal X'…': the quote is read as a string next
        } else if (isIdentifierStart(c)) {
            const qsizetype start = i;
            while (i < n && isIdentifierPart(sql[i]))
                ++i;
            put(withoutChainId(sql.mid(start, i - start)));
        } else if (c.isDigit() || (c == u'.' && i + 1 < n && sql[i + 1].isDigit())) {
            while (i < n && (sql[i].isLetterOrNumber() || sql[i] == u'.'
                             || ((sql[i] == u'+' || sql[i] == u'-') && (sql[i - 1] == u'e' || sql[i - 1] == u'E'))))
                ++i;
            put(u"?");
        } else if (c == u'$' && i + 1 < n && sql[i + 1].isDigit()) {
            ++i;
            while (i < n && sql[i].isDigit())
                ++i;
            put(u"?");
        } else {
            put(QStringView(&c, 1));
            ++i;
        }
    }
    return out;
}

} // namespace

QString normaliseStatement(const QString &sql)
{
    QString out = tokenise(sql);
    // Matching one pattern from several threads is not documented as safe: one copy per thread.
    thread_local const QRegularExpression inList(QStringLiteral("\\b(IN) ?\\( ?\\?(?: ?, ?\\?)* ?\\)"),
                                                 QRegularExpression::CaseInsensitiveOption);
    thread_local const QRegularExpression tuples(QStringLiteral("(\\( ?\\?(?: ?, ?\\?)* ?\\))(?: ?, ?\\( ?\\?(?: ?, ?\\?)* ?\\))+"));
    out.replace(inList, QStringLiteral("\\1 (...)"));
    out.replace(tuples, QStringLiteral("\\1, ..."));
    return out;
}

void StatementTiming::add(const StatementTiming &other)
{
    calls += other.calls;
    totalMs += other.totalMs;
    maxMs = std::max(maxMs, other.maxMs);
}

StatementCollector &StatementCollector::instance()
{
    static StatementCollector collector;
    return collector;
}

void StatementCollector::add(const QString &database, const StatementTimings &timings)
{
    if (timings.isEmpty())
        return;
    QMutexLocker lock(&m_mutex);
    StatementTimings &pending = m_pending[database];
    for (auto it = timings.constBegin(); it != timings.constEnd(); ++it)
        pending[it.key()].add(it.value());
}

StatementTimings StatementCollector::take(const QString &database)
{
    QMutexLocker lock(&m_mutex);
    return m_pending.take(database);
}

StatementTimer::StatementTimer(QString database)
    : m_database(std::move(database))
{
    m_sinceMerge.start();
}

StatementTimer::~StatementTimer()
{
    merge();
}

void StatementTimer::record(const QString &sql, qint64 nsecs)
{
    StatementTiming &t = m_raw[sql];
    const double ms = double(nsecs) / 1e6;
    ++t.calls;
    t.totalMs += ms;
    t.maxMs = std::max(t.maxMs, ms);
    if (m_sinceMerge.elapsed() >= MergeIntervalMs)
        merge();
}

void StatementTimer::merge()
{
    m_sinceMerge.restart();
    if (m_raw.isEmpty())
        return;
    // The same few hundred statements run all day: remember their normal form.
    thread_local QHash<QString, QString> normalised;
    if (normalised.size() > MaxRememberedNormalisations)
        normalised.clear();
    StatementTimings timings;
    for (auto it = m_raw.constBegin(); it != m_raw.constEnd(); ++it) {
        auto known = normalised.constFind(it.key());
        if (known == normalised.constEnd())
            known = normalised.insert(it.key(), normaliseStatement(it.key()));
        timings[*known].add(it.value());
    }
    m_raw.clear();
    StatementCollector::instance().add(m_database, timings);
}

} // namespace arbor
