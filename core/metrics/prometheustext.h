#pragma once

#include "error.h"
#include "metrics/metricssnapshot.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace arbor {

/**
 * The Prometheus text exposition format (version 0.0.4) of a MetricsSnapshot: pure functions,
 * no I/O, callable on any thread.
 *
 * Every series carries `chain` (the chain id as a decimal string); the arbor_chain_* gauges also
 * carry `name`, RPC series `endpoint` (endpointLabel()), the calls per method (arbor_rpc_calls_total,
 * arbor_rpc_failed_calls_total, arbor_rpc_compute_units_total) also `method`, state sets the
 * state as a label.
 * Every family is written with its HELP and TYPE lines even when it has no sample, so an
 * operator sees every name Arbor exports on the first scrape.
 */
namespace prometheus {

inline constexpr char ContentType[] = "text/plain; version=0.0.4; charset=utf-8";

/// A label value as the format needs it: backslash, double quote and line feed escaped.
QString escapeLabelValue(const QString &value);
/// A HELP text as the format needs it: backslash and line feed escaped.
QString escapeHelp(const QString &text);
/// A sample value: integers exactly, others in the shortest form that reads back the same,
/// NaN and ±Inf as the format spells them.
QByteArray formatValue(double value);

/**
 * How an RPC endpoint is named in the `endpoint` label: scheme, host, port and path of its
 * URL as stored, without user info, query or fragment (where providers put API keys), and with
 * a key written literally into the path (urlsecrets::findLikelyKey: Alchemy's /v2/KEY, Infura's
 * /v3/KEY, a long random-looking segment) shown as REDACTED. A `${keychain:NAME}` placeholder in
 * the path stays a placeholder: a resolved secret is never passed in here.
 */
QString endpointLabel(const QUrl &url);

/// The exposition of `snapshot`; lag in seconds is measured against `nowMs`.
QByteArray render(const MetricsSnapshot &snapshot, qint64 nowMs);

} // namespace prometheus

/// Where the metrics endpoint listens: a host (an IP address, "localhost", or a name resolved
/// when listening) and a port in 1–65535.
struct ListenAddress
{
    QString host;
    quint16 port = 0;

    /// "127.0.0.1:9464", "[::1]:9464".
    QString toString() const;
    friend bool operator==(const ListenAddress &, const ListenAddress &) = default;
};

/**
 * Parses "HOST:PORT" as an operator types it: "127.0.0.1:9464", "localhost:9464",
 * "[::1]:9464", "0.0.0.0:9464" (every interface). Invalid error naming `field` with an example
 * otherwise.
 */
Result<ListenAddress> parseListenAddress(const QString &text, const QString &field);

} // namespace arbor
