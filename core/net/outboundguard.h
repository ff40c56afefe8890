#pragma once

#include "error.h"

#include <QHostAddress>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

class QNetworkRequest;

namespace arbor {

/**
 * The guard every URL taken from chain data passes before Arbor sends a request to it (ERC-8004
 * registration and feedback files, the MCP endpoints they name): an on-chain actor must not be
 * able to make Arbor reach loopback, private networks or a cloud's metadata service. Only the
 * operator widens it, host by host (`arborctl outbound allow HOST`, Settings).
 *
 * Thread: pure functions and an immutable value type; any thread.
 */

/// Where an IP address leads, in the terms of the IANA special-purpose registries.
enum class AddressClass {
    Public,       ///< anything not below: the Internet
    Loopback,     ///< 127.0.0.0/8, ::1
    Private,      ///< 10/8, 172.16/12, 192.168/16, fc00::/7 (unique local), fec0::/10
    LinkLocal,    ///< 169.254/16, fe80::/10
    Metadata,     ///< a cloud's instance metadata service: 169.254.169.254, 169.254.170.2, 100.100.100.200, fd00:ec2::254
    SharedCgnat,  ///< 100.64/10, the carrier-grade NAT's shared address space
    Unspecified,  ///< 0.0.0.0/8, :: (Linux connects 0.0.0.0 to the local host)
    Multicast,    ///< 224/4, ff00::/8
    Reserved,     ///< 192.0.0/24, documentation, 198.18/15 (benchmarking), 240/4, broadcast, IPv6 outside 2000::/3
};

/**
 * The class of `address`. An IPv4-mapped IPv6 address (::ffff:127.0.0.1), a NAT64 one
 * (64:ff9b::/96) and a 6to4 one (2002::/16) are classed by the IPv4 address they carry.
 */
AddressClass classifyAddress(const QHostAddress &address);

/// The class in an operator's words, translated: "loopback", "private network", "cloud metadata", ...
QString addressClassName(AddressClass addressClass);

/// How errors quote a URL from chain data: without user name or password, cut at 200 characters.
QString displayOutboundUrl(const QUrl &url);

/**
 * The host an operator typed for `arborctl outbound allow HOST` (or in Settings), normalised
 * the way OutboundPolicy compares hosts: a name in lower case, in its ASCII (punycode) form,
 * without a trailing dot; an IP address in its canonical form (IPv6 without brackets, an
 * IPv4-mapped IPv6 address as its IPv4 address). "https://example.org" and "[::1]" are read
 * too. An error naming `field` and the fix: empty, spaces, a path, a port, a user name, or not a
 * host name at all.
 */
Result<QString> normalizeOutboundHost(const QString &text, const QString &field);

/// The addresses a checked host resolved to, in the order to connect to them: IPv4 first (a
/// server that listens on one family only is far more often IPv4-only), else as resolved.
QList<QHostAddress> connectionOrder(QList<QHostAddress> addresses);

/**
 * Sets `request`'s URL to `url` on the checked `address`: an http request connects to that
 * address and names the host in its Host header, so a name that resolves elsewhere by the time
 * it is sent (DNS rebinding) is never connected to. An https request keeps the name: its
 * certificate is checked against the name, which a rebound address cannot present. So does a
 * null `address`.
 */
void pinToCheckedAddress(QNetworkRequest &request, const QUrl &url, const QHostAddress &address);

/**
 * A snapshot of the operator's outbound allow-list, and the checks made with it.
 *
 * Immutable value type: copy it to whichever thread fetches. An allowed host is reached whatever
 * its addresses are (the operator's own server on a private network); every other host must be
 * named by a public address or resolve only to public ones.
 *
 * Refusals are Error::Kind::Refused errors whose `field` is the caller's (`agentURI`, ...) and
 * whose message says what was refused and how to allow it.
 */
class OutboundPolicy
{
public:
    OutboundPolicy() = default;
    /// `allowedHosts` as normalizeOutboundHost() returns them; they are normalised again here
    /// (case, brackets, a trailing dot), so a list read from an older file still matches.
    explicit OutboundPolicy(QStringList allowedHosts);

    /// The allowed hosts, normalised, without duplicates, in the order given.
    const QStringList &allowedHosts() const { return m_allowedHosts; }

    /// Whether the operator allowed `host` (a name or an IP address, as in a URL or as
    /// normalizeOutboundHost() reads it): an exact match after normalisation, no wildcards.
    bool allowsHost(const QString &host) const;

    /**
     * The check of `url` before anything is looked up: an http or https URL with a host and no
     * user name or password; unless its host is allowed, a host that is an IP address must be
     * public, and "localhost", "*.localhost" and the names of cloud metadata services
     * ("metadata.google.internal", "metadata.goog", "metadata", "instance-data", ...) are refused.
     * A name that passes still has to pass checkAddresses() once it is resolved.
     */
    Status checkUrl(const QUrl &url, const QString &field) const;

    /**
     * The check after DNS: every address `host` resolved to must be public, unless `host` or that
     * address is allowed. One address that is not refuses the host; no address at all is an
     * Unavailable error.
     */
    Status checkAddresses(const QString &host, const QList<QHostAddress> &addresses, const QString &field) const;

private:
    QStringList m_allowedHosts;
    QSet<QString> m_allowed;
};

} // namespace arbor
