#include "triggers/alerttext.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace arbor {
namespace {

constexpr const char *Context = "arbor::AlertText";

// Every source text below is marked for lupdate (QT_TRANSLATE_NOOP / _N_NOOP, context
// arbor::AlertText); English renders the source itself, with its plural resolved here.
QString say(AlertLanguage language, const char *source, int n = -1)
{
    if (language == AlertLanguage::Reader)
        return QCoreApplication::translate(Context, source, nullptr, n);
    QString s = QString::fromUtf8(source);
    if (n >= 0) {
        s.replace(QLatin1String("%n"), QString::number(n));
        s.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
    }
    return s;
}

int count(const QJsonObject &params, const char *key)
{
    return int(std::clamp<qint64>(params.value(QLatin1String(key)).toInteger(), 0, 1000000000));
}

QString number(const QJsonObject &params, const char *key)
{
    const QJsonValue v = params.value(QLatin1String(key));
    return v.isDouble() && v.toDouble() != double(v.toInteger()) ? QString::number(v.toDouble(), 'g', 4) : QString::number(v.toInteger());
}

QString string(const QJsonObject &params, const char *key)
{
    return params.value(QLatin1String(key)).toString();
}

QString chainOf(qint64 chainId, const QJsonObject &params, AlertLanguage language)
{
    const QString name = string(params, "chain");
    return name.isEmpty() ? say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "chain %1")).arg(chainId) : name;
}

/// What the network said (the "network" parameter of rpc_down and delivery_failing) in
/// `language`; empty for a token this version does not know.
QString networkFailure(const QString &token, AlertLanguage language)
{
    static const std::pair<const char *, const char *> Words[] = {
        {"refused", QT_TRANSLATE_NOOP("arbor::AlertText", "connection refused")},
        {"timeout", QT_TRANSLATE_NOOP("arbor::AlertText", "no answer in time")},
        {"tls", QT_TRANSLATE_NOOP("arbor::AlertText", "TLS handshake failed")},
        {"host_not_found", QT_TRANSLATE_NOOP("arbor::AlertText", "host not found")},
        {"closed", QT_TRANSLATE_NOOP("arbor::AlertText", "connection closed by the host")},
        {"network", QT_TRANSLATE_NOOP("arbor::AlertText", "network error")},
        {"too_large", QT_TRANSLATE_NOOP("arbor::AlertText", "answer too large")},
        {"unsupported_url", QT_TRANSLATE_NOOP("arbor::AlertText", "URL not supported")},
    };
    for (const auto &[known, words] : Words) {
        if (token == QLatin1String(known))
            return say(language, words);
    }
    static const QRegularExpression http(QStringLiteral("^http_(\\d{3})$"));
    if (const QRegularExpressionMatch m = http.match(token); m.hasMatch())
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "HTTP status %1")).arg(m.captured(1));
    return QString();
}

/// A delivery's last failure (delivery_failing's "network" and "detail") in `language`: the
/// words of networkFailure(), with what the receiver said where it said something, and
/// Telegram's refusals with Telegram's own description; empty for a code this version does not
/// know.
QString deliveryFailure(const QJsonObject &params, AlertLanguage language)
{
    const QString code = string(params, "network");
    const QString detail = string(params, "detail");
    if (code == u"telegram_rate_limited") {
        return detail.isEmpty() ? say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "Telegram is rate limiting the bot"))
                                : say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "Telegram is rate limiting the bot and asks for a pause of %1 s")).arg(detail);
    }
    if (code == u"telegram_token_refused")
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "Telegram refused the bot token (401 Unauthorized)"));
    if (code == u"telegram_migrated")
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "the group became a supergroup; set the action's chat id to %1")).arg(detail);
    if (code == u"telegram_refused")
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "Telegram refused the message: %1")).arg(detail);
    const QString words = networkFailure(code, language);
    return words.isEmpty() || detail.isEmpty() ? words : words + QLatin1String(": ") + detail;
}

/// A stall's error or last problem (its "problem" code and "problemArgs") in `language`; empty
/// for a code this version does not know, whose reader shows the raiser's words instead.
QString problemOf(const QJsonObject &params, AlertLanguage language)
{
    const QString code = string(params, "problem");
    const QJsonArray args = params.value(QLatin1String("problemArgs")).toArray();
    const QString named = args.isEmpty() ? QString() : args.first().toString();
    const QString second = args.size() < 2 ? QString() : args.at(1).toString();
    if (code == u"reorg_too_deep") {
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "the chain reorganised deeper than %1 blocks, with no common ancestor since block %2: "
                                                                   "reindex it from an earlier block, or delete and re-add it"))
            .arg(named, second);
    }
    if (code == u"block_not_fetched")
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "block %1 was not fetched")).arg(named);
    if (code == u"block_not_linked")
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "block %1 does not build on block %2 as fetched: the chain changed while it was read"))
            .arg(named, second);
    if (code == u"logs_from_other_fork")
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "the logs of block %1 come from another fork than its header")).arg(named);
    if (code == u"block_not_served")
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "the node does not serve block %1 yet")).arg(named);
    if (code == u"database")
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "database error: %1")).arg(named);
    if (code == u"database_locked")
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "the database is locked by another process: %1")).arg(named);
    if (code == u"database_connection_lost")
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "lost the connection to PostgreSQL: %1")).arg(named);
    return QString();
}

/// "rpc.example.org: connection refused", the host or the error alone when one is missing.
QString detailOf(const QJsonObject &params, AlertLanguage language)
{
    const QString host = string(params, "host");
    QString error = string(params, "error");
    if (error.isEmpty())
        error = networkFailure(string(params, "network"), language);
    if (host.isEmpty() || error.isEmpty())
        return host.isEmpty() ? error : host;
    return host + QLatin1String(": ") + error;
}

/// A delivery condition's receiver: its host, "Telegram", or the agent's own MCP endpoint, as
/// the object of a sentence or, `asSubject`, as the subject that begins one.
QString receiverOf(const QJsonObject &params, AlertLanguage language, bool asSubject = false)
{
    if (!params.value(QLatin1String("agentEndpoint")).toBool())
        return string(params, "receiver");
    return asSubject ? say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "The agent's MCP endpoint"))
                     : say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "the agent's MCP endpoint"));
}

QString withDetail(const QString &sentence, const QString &detail)
{
    return detail.isEmpty() ? sentence : sentence + QLatin1String(" (") + detail + u')';
}

/// A translated wrapper ("JSON-RPC error %1 from the node: %2") as a pattern capturing its
/// arguments: %1 a number, %2 (or the only argument) the rest.
QRegularExpression wrapperPattern(const QString &wrapper)
{
    static const QRegularExpression placeholder(QStringLiteral("%[12]"));
    QString pattern = QStringLiteral("^");
    qsizetype at = 0;
    for (const QRegularExpressionMatch &m : placeholder.globalMatch(wrapper)) {
        pattern += QRegularExpression::escape(wrapper.mid(at, m.capturedStart() - at));
        pattern += m.captured() == u"%1" ? QLatin1String("(-?\\d+)") : QLatin1String("(.*)");
        at = m.capturedEnd();
    }
    pattern += QRegularExpression::escape(wrapper.mid(at)) + u'$';
    return QRegularExpression(pattern, QRegularExpression::DotMatchesEverythingOption);
}

/// The node's own text when `message` is a node's error object as evmjson words it.
std::optional<QString> unwrapNodeError(const QString &message)
{
    static const char *const codeWrapper = "JSON-RPC error %1 from the node: %2";
    static const char *const plainWrapper = "Error from the node: %1";
    for (const QString &wrapper : {QString::fromLatin1(codeWrapper), QCoreApplication::translate("arbor::evmjson", codeWrapper)}) {
        const QRegularExpressionMatch m = wrapperPattern(wrapper).match(message);
        if (m.hasMatch())
            return m.captured(2);
    }
    for (QString wrapper : {QString::fromLatin1(plainWrapper), QCoreApplication::translate("arbor::evmjson", plainWrapper)}) {
        wrapper.replace(QLatin1String("%1"), QLatin1String("%2"));
        const QRegularExpressionMatch m = wrapperPattern(wrapper).match(message);
        if (m.hasMatch())
            return m.captured(1);
    }
    return std::nullopt;
}

} // namespace

QString AlertText::duration(qint64 ms, AlertLanguage language)
{
    const qint64 seconds = std::max<qint64>(0, ms / 1000);
    if (seconds < 120)
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "%1 s")).arg(seconds);
    if (seconds < 120 * 60)
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "%1 min")).arg(seconds / 60);
    return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "%1 h")).arg(seconds / 3600);
}

QString AlertText::nodeMessage(const QString &message, const QString &shownUrl, bool *answered)
{
    // A JSON path in front of a message ("[0].error: ", "result[3].hash: "): where in the answer,
    // which says nothing to an operator.
    static const QRegularExpression jsonPath(
        QStringLiteral("(?:^|(?<=: ))(?:\\[\\d+\\]|(?:result|error|response|jsonrpc|id)(?=[.\\[:]))(?:\\.\\w+|\\[\\d+\\])*: "));
    QString m = message.trimmed();
    m.remove(jsonPath);
    // The pool's summary ("No RPC endpoint answered after 4 attempts: a; b"): the first line.
    const QString summary = QCoreApplication::translate("arbor::EndpointPool", "No RPC endpoint answered after %1 attempts: %2");
    for (const QString &wrapper : {QStringLiteral("No RPC endpoint answered after %1 attempts: %2"), summary}) {
        const QRegularExpressionMatch w = wrapperPattern(wrapper).match(m);
        if (w.hasMatch()) {
            m = w.captured(2).section(QLatin1String("; "), 0, 0);
            break;
        }
    }
    static const QRegularExpression urlPrefix(QStringLiteral("^\\S+://\\S+?: "));
    if (!shownUrl.isEmpty() && m.startsWith(shownUrl + QLatin1String(": ")))
        m = m.mid(shownUrl.size() + 2);
    else
        m.remove(urlPrefix);
    m.remove(jsonPath);
    const std::optional<QString> node = unwrapNodeError(m);
    if (answered)
        *answered = node.has_value();
    return (node ? *node : m).trimmed();
}

QString AlertText::title(AlertKind kind, qint64 chainId, const QJsonObject &params, const QString &ruleName, AlertLanguage language)
{
    const QString chain = chainOf(chainId, params, language);
    QString t;
    switch (kind) {
    case AlertKind::RpcDown:
        t = params.value(QLatin1String("answered")).toBool()
                ? say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "%1: the node answers with errors")).arg(chain)
                : say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "No node of %1 answers")).arg(chain);
        break;
    case AlertKind::Stalled:
        t = say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "%1 has stalled")).arg(chain);
        break;
    case AlertKind::DeepReorg:
        t = say(language, QT_TRANSLATE_N_NOOP("arbor::AlertText", "Reorg of %n block(s) on %1"), count(params, "depth")).arg(chain);
        break;
    case AlertKind::QueueErrors:
        t = say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "Balance queue of %1 has errors")).arg(chain);
        break;
    case AlertKind::QueueDelayed:
        t = say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "Balance queue of %1 is behind")).arg(chain);
        break;
    case AlertKind::LagBlocks:
        t = say(language, QT_TRANSLATE_N_NOOP("arbor::AlertText", "%1 is %n block(s) behind"), count(params, "blocks")).arg(chain);
        break;
    case AlertKind::LagSeconds:
        t = say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "%1 is %2 behind"))
                .arg(chain, duration(params.value(QLatin1String("seconds")).toInteger() * 1000, language));
        break;
    case AlertKind::RpcErrorRate:
        t = say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "Nodes of %1 fail calls")).arg(chain);
        break;
    case AlertKind::DeliveryFailing:
        t = say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "Deliveries of “%1” to %2 fail")).arg(string(params, "subject"), receiverOf(params, language));
        break;
    case AlertKind::DeliveryDisabled:
        t = say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "Deliveries of “%1” to %2 are held")).arg(string(params, "subject"), receiverOf(params, language));
        break;
    }
    return ruleName.isEmpty() ? t : ruleName + QLatin1String(": ") + t;
}

QString AlertText::text(AlertKind kind, qint64 chainId, const QJsonObject &params, qint64 heldMs, AlertLanguage language)
{
    const QString chain = chainOf(chainId, params, language);
    switch (kind) {
    case AlertKind::RpcDown: {
        const QString waits = say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "Indexing waits and resumes by itself when a node answers again."));
        const QString said = params.value(QLatin1String("answered")).toBool()
                                 ? say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "%1: the node answers with errors")).arg(chain)
                                 : say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "No node of %1 answered for %2")).arg(chain, duration(heldMs, language));
        return withDetail(said, detailOf(params, language)) + QLatin1String(". ") + waits;
    }
    case AlertKind::Stalled: {
        const QString coded = problemOf(params, language);
        const QString error = string(params, "error");
        if (!error.isEmpty())
            return withDetail(say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "The indexer of %1 stopped on an error and retries by itself")).arg(chain),
                              coded.isEmpty() ? error : coded);
        const QString stalledFor = duration(params.value(QLatin1String("stalledSeconds")).toInteger() * 1000, language);
        QString said = params.contains(QLatin1String("blocks"))
            ? say(language, QT_TRANSLATE_N_NOOP("arbor::AlertText", "%1 is %n block(s) behind the head and indexed no new block for %2."),
                  count(params, "blocks"))
                  .arg(chain, stalledFor)
            : say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "%1 has indexed no new block for %2.")).arg(chain, stalledFor);
        if (const QString problem = string(params, "lastProblem"); !problem.isEmpty())
            said += QLatin1Char(' ') + say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "Last problem: %1")).arg(coded.isEmpty() ? problem : coded);
        return said;
    }
    case AlertKind::DeepReorg:
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "Rolled back to block %1 (the common ancestor) and indexing again from there."))
            .arg(number(params, "ancestor"));
    case AlertKind::QueueErrors:
        return say(language, QT_TRANSLATE_N_NOOP("arbor::AlertText",
                                                 "%n failed attempt(s) in the last hour; failed items can be retried on the Balance Queue page."),
                   count(params, "errors"));
    case AlertKind::QueueDelayed:
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "The oldest pending item has waited %1."))
            .arg(duration(params.value(QLatin1String("waitSeconds")).toInteger() * 1000, language));
    case AlertKind::LagBlocks:
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "Indexed to block %1 of %2; the rule allows %3 blocks."))
            .arg(number(params, "indexed"), number(params, "head"), number(params, "threshold"));
    case AlertKind::LagSeconds:
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "The newest indexed block is %1 old; the rule allows %2."))
            .arg(duration(params.value(QLatin1String("seconds")).toInteger() * 1000, language),
                 duration(params.value(QLatin1String("threshold")).toInteger() * 1000, language));
    case AlertKind::RpcErrorRate:
        return say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "The node %1 fails %2 % of its recent calls; the rule allows %3 %."))
            .arg(string(params, "host"), number(params, "percent"), number(params, "threshold"));
    case AlertKind::DeliveryFailing:
    case AlertKind::DeliveryDisabled: {
        const QString receiver = receiverOf(params, language, true);
        QString said = kind == AlertKind::DeliveryFailing
            ? say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "%1 has accepted no delivery for %2. Arbor keeps retrying on the action's schedule; nothing is lost."))
                  .arg(receiver, duration(params.value(QLatin1String("failingSeconds")).toInteger() * 1000, language))
            : say(language, QT_TRANSLATE_N_NOOP("arbor::AlertText",
                                                "%1 asked not to be sent anything more (HTTP 410 Gone), so the action is disabled and its deliveries "
                                                "are held (%n now), not dropped. Enable the action on the Triggers page once the receiver takes "
                                                "deliveries again."),
                  count(params, "held"))
                  .arg(receiver);
        QString error = string(params, "error");
        if (error.isEmpty())
            error = deliveryFailure(params, language);
        if (!error.isEmpty() && error.back().isLetterOrNumber())
            error += QLatin1Char('.');   // a token's words end a sentence too
        if (!error.isEmpty() && kind == AlertKind::DeliveryFailing)
            said += QLatin1Char(' ') + say(language, QT_TRANSLATE_NOOP("arbor::AlertText", "Last error: %1")).arg(error);
        if (const int others = count(params, "others"); others > 0)
            said += QLatin1Char(' ') + say(language, QT_TRANSLATE_N_NOOP("arbor::AlertText", "Other actions of %1 in the same state: %n."), others).arg(chain);
        return said;
    }
    }
    return QString();
}

QString AlertText::title(const AlertRecord &alert, AlertLanguage language)
{
    if (alert.params.isEmpty())
        return alert.title;
    return title(alert.kind, alert.chainId, alert.params, alert.ruleId ? alert.ruleName : QString(), language);
}

QString AlertText::text(const AlertRecord &alert, qint64 nowMs, AlertLanguage language)
{
    if (alert.params.isEmpty())
        return alert.text;
    return text(alert.kind, alert.chainId, alert.params, alert.clearedAt.value_or(nowMs) - alert.raisedAt, language);
}

} // namespace arbor
