#include "metrics/prometheustext.h"

#include "model/urlsecrets.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QLocale>
#include <QMap>

#include <algorithm>

#include <cmath>

namespace arbor {
namespace prometheus {
namespace {

using Labels = QList<std::pair<const char *, QString>>;

/// Writes families one after another; a family's samples follow its HELP and TYPE lines.
class Writer
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_name = name;
        m_out += "# HELP ";
        m_out += name;
        m_out += ' ';
        m_out += escapeHelp(QString::fromUtf8(help)).toUtf8();
        m_out += "\n# TYPE ";
        m_out += name;
        m_out += ' ';
        m_out += type;
        m_out += '\n';
    }

    void sample(const Labels &labels, double value)
    {
        m_out += m_name;
        if (!labels.isEmpty()) {
            m_out += '{';
            bool first = true;
            for (const auto &[key, text] : labels) {
                if (!first)
                    m_out += ',';
                first = false;
                m_out += key;
                m_out += "=\"";
                m_out += escapeLabelValue(text).toUtf8();
                m_out += '"';
            }
            m_out += '}';
        }
        m_out += ' ';
        m_out += formatValue(value);
        m_out += '\n';
    }

    QByteArray take() { return std::move(m_out); }

private:
    QByteArray m_name;
    QByteArray m_out;
};

/// One chain as the endpoint shows it, merged from its record, its live status and the store's figures.
struct ChainView
{
    qint64 id = 0;
    QString name;
    std::optional<ChainState> state;
    const ChainStatus *status = nullptr;
    const ChainRecord *record = nullptr;
    std::optional<qint64> head;
    std::optional<qint64> indexed;
};

const char *stateLabel(ChainState state)
{
    switch (state) {
    case ChainState::Active:
        return "active";
    case ChainState::Paused:
        return "paused";
    case ChainState::Deleting:
        return "deleting";
    }
    return "active";
}

const char *phaseLabel(IndexPhase phase)
{
    switch (phase) {
    case IndexPhase::Starting:
        return "starting";
    case IndexPhase::CatchingUp:
        return "catching_up";
    case IndexPhase::Live:
        return "live";
    case IndexPhase::RpcDown:
        return "rpc_down";
    case IndexPhase::Stalled:
        return "stalled";
    case IndexPhase::Stopped:
        return "stopped";
    }
    return "starting";
}

/// Endpoint statuses as label values: their machine tokens (model/endpointstatus.h).
const QList<EndpointStatus> &endpointStatuses()
{
    static const QList<EndpointStatus> statuses{EndpointStatus::Ok, EndpointStatus::AnsweringWithErrors, EndpointStatus::RateLimited,
                                                EndpointStatus::Unreachable, EndpointStatus::Unknown};
    return statuses;
}

QList<ChainView> chainViews(const MetricsSnapshot &snapshot)
{
    QMap<qint64, ChainView> views;   // ordered by chain id: stable output
    for (const ChainRecord &record : snapshot.chains) {
        ChainView &v = views[record.config.chainId];
        v.id = record.config.chainId;
        v.name = record.config.name;
        v.state = record.state;
        v.record = &record;
        v.indexed = record.checkpointBlock;
        for (const EndpointRecord &e : record.endpoints) {
            if (e.lastHead)
                v.head = std::max(v.head.value_or(*e.lastHead), *e.lastHead);
        }
    }
    for (const ChainStatus &status : snapshot.statuses) {
        ChainView &v = views[status.chainId];
        v.id = status.chainId;
        v.status = &status;
        // Measured by this engine's indexer: newer than what the store holds.
        if (status.head)
            v.head = status.head;
        if (status.indexed)
            v.indexed = status.indexed;
    }
    QList<ChainView> list;
    for (const ChainView &v : std::as_const(views)) {
        if (v.state != ChainState::Deleting)
            list.append(v);
    }
    return list;
}

Labels chainLabels(const ChainView &chain)
{
    Labels labels{{"chain", QString::number(chain.id)}};
    if (!chain.name.isEmpty())
        labels.append({"name", chain.name});
    return labels;
}

/// The chain's endpoints with the URL each is labelled by: the stored URL of the record with the
/// same id when there is one, so a URL resolved for sending never reaches the output.
QList<std::pair<QString, EndpointRecord>> endpointsOf(const ChainView &chain)
{
    QList<std::pair<QString, EndpointRecord>> list;
    const QList<EndpointRecord> stored = chain.record ? chain.record->endpoints : QList<EndpointRecord>();
    // Until the indexer's first health report its endpoints are known from the store only.
    const QList<EndpointRecord> measured = chain.status && !chain.status->endpoints.isEmpty() ? chain.status->endpoints : stored;
    for (const EndpointRecord &e : measured) {
        QUrl url = e.url;
        for (const EndpointRecord &s : stored) {
            if (s.id == e.id && e.id != 0) {
                url = s.url;
                break;
            }
        }
        list.append({endpointLabel(url), e});
    }
    return list;
}

} // namespace

QString escapeLabelValue(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (QChar c : value) {
        if (c == u'\\')
            out += QLatin1String("\\\\");
        else if (c == u'"')
            out += QLatin1String("\\\"");
        else if (c == u'\n')
            out += QLatin1String("\\n");
        else
            out += c;
    }
    return out;
}

QString escapeHelp(const QString &text)
{
    QString out = text;
    out.replace(u'\\', QLatin1String("\\\\"));
    out.replace(u'\n', QLatin1String("\\n"));
    return out;
}

QByteArray formatValue(double value)
{
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("+Inf") : QByteArrayLiteral("-Inf");
    if (std::abs(value) < 9007199254740992.0 && value == std::trunc(value))
        return QByteArray::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest).toLatin1();
}

QString endpointLabel(const QUrl &url)
{
    QUrl shown = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    // An API key written into the path (Alchemy's /v2/KEY, Infura's /v3/KEY, a QuickNode token).
    for (int guard = 0; guard < 8; ++guard) {
        const auto key = urlsecrets::findLikelyKey(shown);
        if (!key || key->inQuery)
            break;
        QStringList segments = shown.path(QUrl::FullyEncoded).split(u'/');
        if (key->index <= 0 || key->index >= segments.size())
            break;
        segments[key->index] = QStringLiteral("REDACTED");
        shown.setPath(segments.join(u'/'), QUrl::TolerantMode);
    }
    QString label = shown.toDisplayString();
    // A ${keychain:NAME} placeholder as written, not as QUrl encodes its braces.
    label.replace(QLatin1String("%7B"), QLatin1String("{"), Qt::CaseInsensitive);
    label.replace(QLatin1String("%7D"), QLatin1String("}"), Qt::CaseInsensitive);
    return label;
}

QByteArray render(const MetricsSnapshot &snapshot, qint64 nowMs)
{
    const QList<ChainView> chains = chainViews(snapshot);
    Writer w;

    w.family("arbor_engine_read_only", "gauge",
             "1 when this engine only reads (another engine holds the database lease and indexes), else 0.");
    w.sample({}, snapshot.readOnly ? 1 : 0);

    if (snapshot.shared) {
        w.family("arbor_engine_info", "gauge", "1, naming this engine among the engines that share the database.");
        w.sample({{"engine", snapshot.shared->name}}, 1);
        w.family("arbor_engine_coordinator", "gauge",
                 "1 when this engine runs the once-only chores (triggers, alerts, balance refreshes, maintenance) for all "
                 "engines on the database, else 0.");
        w.sample({}, snapshot.shared->coordinator ? 1 : 0);
        w.family("arbor_engine_chains_held", "gauge", "How many chains this engine holds the lease on and indexes.");
        w.sample({}, double(snapshot.shared->held.size()));
        w.family("arbor_chain_lease_held", "gauge",
                 "1 when this engine holds the chain's lease (it indexes the chain), 0 when another engine or none does.");
        for (const ChainView &c : chains)
            w.sample(chainLabels(c), snapshot.shared->held.contains(c.id) ? 1 : 0);
        w.family("arbor_chain_indexed_by", "gauge", "1 for each chain with a live lease, naming the engine that holds it.");
        for (const ChainView &c : chains) {
            if (c.record && !c.record->indexedBy.isEmpty()) {
                Labels labels = chainLabels(c);
                labels.append({"engine", c.record->indexedBy});
                w.sample(labels, 1);
            }
        }
        w.family("arbor_chain_lease_epoch", "gauge",
                 "The epoch of the chain lease this engine holds: raised at every takeover, what fences a stale writer.");
        for (const ChainView &c : chains) {
            if (const auto epoch = snapshot.shared->held.constFind(c.id); epoch != snapshot.shared->held.cend())
                w.sample(chainLabels(c), double(*epoch));
        }
    }

    w.family("arbor_chain_info", "gauge", "Every registered chain, 1, with its name and state (active or paused).");
    for (const ChainView &c : chains) {
        Labels labels = chainLabels(c);
        labels.append({"state", QString::fromLatin1(stateLabel(c.state.value_or(ChainState::Active)))});
        w.sample(labels, 1);
    }

    w.family("arbor_chain_phase", "gauge",
             "What the chain's indexer in this engine is doing: 1 for the current phase, 0 for the others.");
    for (const ChainView &c : chains) {
        if (!c.status)
            continue;
        for (IndexPhase phase : {IndexPhase::Starting, IndexPhase::CatchingUp, IndexPhase::Live, IndexPhase::RpcDown,
                                 IndexPhase::Stalled, IndexPhase::Stopped})
            w.sample({{"chain", QString::number(c.id)}, {"phase", QString::fromLatin1(phaseLabel(phase))}}, c.status->phase == phase ? 1 : 0);
    }

    w.family("arbor_chain_head_block", "gauge", "Highest block number an RPC endpoint of the chain reported.");
    for (const ChainView &c : chains) {
        if (c.head)
            w.sample(chainLabels(c), double(*c.head));
    }
    w.family("arbor_chain_indexed_block", "gauge", "Block number the chain is indexed and promoted through (its checkpoint).");
    for (const ChainView &c : chains) {
        if (c.indexed)
            w.sample(chainLabels(c), double(*c.indexed));
    }
    w.family("arbor_chain_lag_blocks", "gauge", "Blocks between the chain's head and its checkpoint.");
    for (const ChainView &c : chains) {
        if (c.head && c.indexed)
            w.sample(chainLabels(c), double(std::max<qint64>(0, *c.head - *c.indexed)));
    }
    w.family("arbor_chain_lag_seconds", "gauge",
             "Seconds the checkpoint block is behind now; 0 at the head. Only for chains this engine indexes.");
    for (const ChainView &c : chains) {
        if (!c.status)
            continue;
        ChainStatus merged = *c.status;
        merged.head = c.head;
        merged.indexed = c.indexed;
        if (const auto seconds = merged.lagSeconds(nowMs / 1000))
            w.sample(chainLabels(c), double(*seconds));
    }
    w.family("arbor_chain_blocks_per_second", "gauge", "Recent promotion rate of the chain in blocks per second; 0 when none was promoted lately.");
    for (const ChainView &c : chains) {
        if (c.status)
            w.sample(chainLabels(c), c.status->blocksPerSecond);
    }
    w.family("arbor_chain_reorgs_total", "counter", "Reorgs handled on the chain since this engine started indexing it.");
    for (const ChainView &c : chains) {
        if (c.status)
            w.sample(chainLabels(c), double(c.status->reorgs));
    }

    struct EndpointRow
    {
        QString chain;
        QString endpoint;
        EndpointRecord record;
    };
    QList<EndpointRow> endpoints;
    for (const ChainView &c : chains) {
        for (const auto &[label, record] : endpointsOf(c))
            endpoints.append({QString::number(c.id), label, record});
    }
    w.family("arbor_rpc_requests_total", "counter",
             "JSON-RPC HTTP requests sent to the endpoint since the chain's indexer started (answered, failed or rate limited).");
    for (const EndpointRow &e : std::as_const(endpoints))
        w.sample({{"chain", e.chain}, {"endpoint", e.endpoint}}, double(e.record.requests));
    w.family("arbor_rpc_errors_total", "counter",
             "Requests to the endpoint that failed (unreachable, timeout, HTTP or node error, malformed answer) since the chain's indexer started.");
    for (const EndpointRow &e : std::as_const(endpoints))
        w.sample({{"chain", e.chain}, {"endpoint", e.endpoint}}, double(e.record.failures));
    w.family("arbor_rpc_latency_seconds", "gauge", "Moving average of the endpoint's answer time.");
    for (const EndpointRow &e : std::as_const(endpoints)) {
        if (e.record.latencyMs)
            w.sample({{"chain", e.chain}, {"endpoint", e.endpoint}}, *e.record.latencyMs / 1000.0);
    }
    w.family("arbor_rpc_endpoint_status", "gauge",
             "The endpoint's health as the console shows it: 1 for the current status, 0 for the others.");
    for (const EndpointRow &e : std::as_const(endpoints)) {
        for (const EndpointStatus status : endpointStatuses())
            w.sample({{"chain", e.chain}, {"endpoint", e.endpoint}, {"status", endpointStatusToken(status)}}, e.record.status == status ? 1 : 0);
    }

    // The bill: calls per method as every process on the database recorded them (rpc_call_counts),
    // from the stored records, which the indexer adds to at each health save.
    struct CallRow
    {
        Labels labels;
        MethodCalls calls;
        std::optional<qint64> units;
    };
    QList<CallRow> calls;
    for (const ChainView &c : chains) {
        if (!c.record)
            continue;
        for (const EndpointRecord &e : c.record->endpoints) {
            const QString endpoint = endpointLabel(e.url);
            for (auto it = e.calls.byMethod.cbegin(); it != e.calls.byMethod.cend(); ++it)
                calls.append({{{"chain", QString::number(c.id)}, {"endpoint", endpoint}, {"method", it.key()}}, *it, e.prices.units(it.key(), it->calls)});
        }
    }
    w.family("arbor_rpc_calls_total", "counter",
             "JSON-RPC calls sent to the endpoint by method, as providers bill them: every call of a batch and every retry counts. "
             "Every Arbor process on the database added up.");
    for (const CallRow &row : std::as_const(calls))
        w.sample(row.labels, double(row.calls.calls));
    w.family("arbor_rpc_failed_calls_total", "counter",
             "Of arbor_rpc_calls_total, the calls whose request failed (no answer, HTTP error or 429, JSON-RPC error, malformed answer).");
    for (const CallRow &row : std::as_const(calls))
        w.sample(row.labels, double(row.calls.failed));
    w.family("arbor_rpc_compute_units_total", "counter",
             "Calls times the price per call the operator set for the method on the endpoint (arborctl chain set-rpc-price); "
             "only methods with a price. A changed price applies to every call counted.");
    for (const CallRow &row : std::as_const(calls)) {
        if (row.units)
            w.sample(row.labels, double(*row.units));
    }

    w.family("arbor_queue_pending", "gauge", "Balance-queue items of the chain waiting to be processed.");
    for (const QueueHealth &q : snapshot.queues)
        w.sample({{"chain", QString::number(q.chainId)}}, double(q.pending));
    w.family("arbor_queue_processing", "gauge", "Balance-queue items of the chain claimed by a worker now.");
    for (const QueueHealth &q : snapshot.queues)
        w.sample({{"chain", QString::number(q.chainId)}}, double(q.processing));
    w.family("arbor_queue_failed", "gauge", "Balance-queue items of the chain given up on after their retries (until retried).");
    for (const QueueHealth &q : snapshot.queues)
        w.sample({{"chain", QString::number(q.chainId)}}, double(q.failed));
    w.family("arbor_queue_oldest_pending_seconds", "gauge", "Age of the chain's oldest pending balance-queue item; 0 with none pending.");
    for (const QueueHealth &q : snapshot.queues)
        w.sample({{"chain", QString::number(q.chainId)}}, double(q.oldestPendingAgeMs) / 1000.0);

    w.family("arbor_trigger_deliveries", "gauge",
             "Trigger deliveries in the outbox by status (pending, retrying, success, failed, cancelled).");
    // Every chain, zeros included: a series that exists from the start makes rate() and alerts simple.
    QList<qint64> deliveryChains = snapshot.deliveries.keys();
    for (const ChainView &c : chains) {
        if (!deliveryChains.contains(c.id))
            deliveryChains.append(c.id);
    }
    std::sort(deliveryChains.begin(), deliveryChains.end());
    for (qint64 chainId : std::as_const(deliveryChains)) {
        const DeliveryCounts &d = snapshot.deliveries.value(chainId);
        const QString chain = QString::number(chainId);
        const std::pair<const char *, qint64> rows[] = {
            {"pending", d.pending}, {"retrying", d.retrying}, {"success", d.success}, {"failed", d.failed}, {"cancelled", d.cancelled}};
        for (const auto &[status, count] : rows)
            w.sample({{"chain", chain}, {"status", QString::fromLatin1(status)}}, double(count));
    }

    // Per action of a trigger or an alert rule: how its receiver is doing.
    const auto actionLabels = [](const ActionHealth &a) {
        return Labels{{"source", deliverySourceName(a.source)},
                      {"subject", a.subjectName},
                      {"subject_id", QString::number(a.subjectId)},
                      {"action", QString::number(a.actionId)},
                      {"type", actionTypeName(a.action.type)}};
    };
    w.family("arbor_action_state", "gauge",
             "1 for the state each trigger or alert rule action is in: ok, failing (nothing delivered for its failingAfter) "
             "or disabled (its receiver answered 410 Gone; deliveries held).");
    for (const ActionHealth &a : snapshot.actions) {
        for (const ActionState state : {ActionState::Ok, ActionState::Failing, ActionState::Disabled}) {
            Labels labels = actionLabels(a);
            labels.append({"state", actionStateName(state)});
            w.sample(labels, a.state == state ? 1 : 0);
        }
    }
    w.family("arbor_action_deliveries", "gauge",
             "Deliveries of the action by where they stand: pending (due or waiting for a retry), held (the action is disabled) "
             "and dead (given up; resend with arborctl trigger resend --dead).");
    for (const ActionHealth &a : snapshot.actions) {
        const std::pair<const char *, qint64> rows[] = {{"pending", a.pending}, {"held", a.held}, {"dead", a.dead}};
        for (const auto &[status, count] : rows) {
            Labels labels = actionLabels(a);
            labels.append({"status", QString::fromLatin1(status)});
            w.sample(labels, double(count));
        }
    }
    w.family("arbor_action_success_ratio", "gauge", "Share of the action's attempts in the last 24 hours that were delivered; absent without attempts.");
    for (const ActionHealth &a : snapshot.actions) {
        if (const auto rate = a.successRate())
            w.sample(actionLabels(a), *rate);
    }
    w.family("arbor_action_next_attempt_timestamp_seconds", "gauge", "When the action's next due delivery is tried (unix seconds); absent when none is due.");
    for (const ActionHealth &a : snapshot.actions) {
        if (a.nextAttemptAt)
            w.sample(actionLabels(a), double(*a.nextAttemptAt) / 1000.0);
    }
    w.family("arbor_action_last_success_timestamp_seconds", "gauge", "When the action last delivered (unix seconds); absent before its first delivery.");
    for (const ActionHealth &a : snapshot.actions) {
        if (a.lastSuccessAt > 0)
            w.sample(actionLabels(a), double(a.lastSuccessAt) / 1000.0);
    }
    return w.take();
}

} // namespace prometheus

QString ListenAddress::toString() const
{
    const QString shown = host.contains(u':') ? u'[' + host + u']' : host;
    return shown + u':' + QString::number(port);
}

Result<ListenAddress> parseListenAddress(const QString &text, const QString &field)
{
    const QString trimmed = text.trimmed();
    const auto invalid = [&](const QString &why) {
        return Error::invalid(field, QCoreApplication::translate("arbor::PrometheusExporter", "“%1” %2 Give HOST:PORT, e.g. 127.0.0.1:9464.")
                                         .arg(text, why));
    };
    const qsizetype colon = trimmed.lastIndexOf(u':');
    if (trimmed.isEmpty() || colon < 0)
        return invalid(QCoreApplication::translate("arbor::PrometheusExporter", "has no port."));
    QString host = trimmed.left(colon);
    const QString portText = trimmed.mid(colon + 1);
    if (host.startsWith(u'[') && host.endsWith(u']')) {
        host = host.mid(1, host.size() - 2);
        if (QHostAddress(host).protocol() != QAbstractSocket::IPv6Protocol)
            return invalid(QCoreApplication::translate("arbor::PrometheusExporter", "has no IPv6 address in its brackets."));
    } else if (host.contains(u':')) {
        return invalid(QCoreApplication::translate("arbor::PrometheusExporter", "is ambiguous: put an IPv6 address in brackets, as in [::1]:9464."));
    }
    if (host.isEmpty())
        return invalid(QCoreApplication::translate("arbor::PrometheusExporter", "has no host; use 0.0.0.0 for every interface."));
    if (QHostAddress(host).isNull()) {
        // A name: letters, digits, '-' and '.', as DNS allows.
        for (QChar c : std::as_const(host)) {
            if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'-' && c != u'.')
                return invalid(QCoreApplication::translate("arbor::PrometheusExporter", "has a host that is neither an IP address nor a host name."));
        }
    }
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return invalid(QCoreApplication::translate("arbor::PrometheusExporter", "has no port between 1 and 65535."));
    return ListenAddress{host, quint16(port)};
}

} // namespace arbor
