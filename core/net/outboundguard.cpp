#include "net/outboundguard.h"

#include <QCoreApplication>
#include <QNetworkRequest>
#include <QRegularExpression>

#include <algorithm>
#include <array>

namespace arbor {
namespace {

// The translation context of every text of the guard.
class OutboundText
{
    Q_DECLARE_TR_FUNCTIONS(arbor::OutboundPolicy)
};

// Names that lead to a cloud's instance metadata service from inside that cloud.
const std::array<QLatin1String, 5> MetadataNames = {
    QLatin1String("metadata.google.internal"), QLatin1String("metadata.goog"), QLatin1String("metadata"),
    QLatin1String("instance-data"), QLatin1String("instance-data.ec2.internal"),
};

// Quoted URLs are shortened: chain data may hold a URL of any length.
constexpr qsizetype MaxQuotedChars = 200;

constexpr bool inRange(quint32 address, quint32 network, int prefix)
{
    const quint32 mask = prefix == 0 ? 0 : ~quint32(0) << (32 - prefix);
    return (address & mask) == network;
}

constexpr quint32 v4(quint32 a, quint32 b, quint32 c, quint32 d)
{
    return a << 24 | b << 16 | c << 8 | d;
}

AddressClass classifyIpv4(quint32 a)
{
    if (a == v4(169, 254, 169, 254) || a == v4(169, 254, 170, 2) || a == v4(100, 100, 100, 200))
        return AddressClass::Metadata;   // AWS, GCP, Azure, Oracle; AWS ECS tasks; Alibaba
    if (inRange(a, v4(0, 0, 0, 0), 8))
        return AddressClass::Unspecified;
    if (inRange(a, v4(127, 0, 0, 0), 8))
        return AddressClass::Loopback;
    if (inRange(a, v4(10, 0, 0, 0), 8) || inRange(a, v4(172, 16, 0, 0), 12) || inRange(a, v4(192, 168, 0, 0), 16))
        return AddressClass::Private;
    if (inRange(a, v4(100, 64, 0, 0), 10))
        return AddressClass::SharedCgnat;
    if (inRange(a, v4(169, 254, 0, 0), 16))
        return AddressClass::LinkLocal;
    if (inRange(a, v4(224, 0, 0, 0), 4))
        return AddressClass::Multicast;
    if (inRange(a, v4(192, 0, 0, 0), 24) || inRange(a, v4(192, 0, 2, 0), 24) || inRange(a, v4(192, 88, 99, 0), 24)
        || inRange(a, v4(198, 18, 0, 0), 15) || inRange(a, v4(198, 51, 100, 0), 24) || inRange(a, v4(203, 0, 113, 0), 24)
        || inRange(a, v4(240, 0, 0, 0), 4))
        return AddressClass::Reserved;   // 240/4 holds the broadcast address too
    return AddressClass::Public;
}

quint32 ipv4At(const Q_IPV6ADDR &a, int offset)
{
    return quint32(a[offset]) << 24 | quint32(a[offset + 1]) << 16 | quint32(a[offset + 2]) << 8 | quint32(a[offset + 3]);
}

bool startsWith(const Q_IPV6ADDR &a, std::initializer_list<quint8> prefix)
{
    int i = 0;
    for (const quint8 byte : prefix) {
        if (a[i++] != byte)
            return false;
    }
    return true;
}

AddressClass classifyIpv6(const Q_IPV6ADDR &a)
{
    bool zeroPrefix = true;   // the first 96 bits
    for (int i = 0; i < 12; ++i)
        zeroPrefix = zeroPrefix && a[i] == 0;
    if (zeroPrefix && ipv4At(a, 12) == 0)
        return AddressClass::Unspecified;
    if (zeroPrefix && ipv4At(a, 12) == 1)
        return AddressClass::Loopback;
    if (startsWith(a, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}) || startsWith(a, {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0}))
        return classifyIpv4(ipv4At(a, 12));   // IPv4-mapped, NAT64
    if (startsWith(a, {0x20, 0x02}))
        return classifyIpv4(ipv4At(a, 2));    // 6to4
    if (startsWith(a, {0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54}))
        return AddressClass::Metadata;        // fd00:ec2::254, AWS
    if ((a[0] & 0xfe) == 0xfc || (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0))
        return AddressClass::Private;         // unique local fc00::/7, the old site-local fec0::/10
    if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80)
        return AddressClass::LinkLocal;
    if (a[0] == 0xff)
        return AddressClass::Multicast;
    // Global unicast is 2000::/3, less the IETF protocol assignments (Teredo and others),
    // documentation and 3fff::/20.
    if ((a[0] & 0xe0) != 0x20 || (a[0] == 0x20 && a[1] == 0x01 && a[2] <= 0x01) || startsWith(a, {0x20, 0x01, 0x0d, 0xb8})
        || (a[0] == 0x3f && a[1] == 0xff && (a[2] & 0xf0) == 0))
        return AddressClass::Reserved;
    return AddressClass::Public;
}

/// "a loopback address": the class as the object of "points at" and "resolves to".
QString classPhrase(AddressClass addressClass)
{
    switch (addressClass) {
    case AddressClass::Public: return OutboundText::tr("a public address");
    case AddressClass::Loopback: return OutboundText::tr("a loopback address");
    case AddressClass::Private: return OutboundText::tr("a private network address");
    case AddressClass::LinkLocal: return OutboundText::tr("a link-local address");
    case AddressClass::Metadata: return OutboundText::tr("a cloud metadata service");
    case AddressClass::SharedCgnat: return OutboundText::tr("an address of the shared (carrier-grade NAT) space");
    case AddressClass::Unspecified: return OutboundText::tr("an unspecified address");
    case AddressClass::Multicast: return OutboundText::tr("a multicast address");
    case AddressClass::Reserved: return OutboundText::tr("a reserved address");
    }
    return {};
}

/// An address as the allow-list writes it: IPv6 canonical, an IPv4-mapped one as its IPv4 address.
QString canonicalAddress(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR a = address.toIPv6Address();
        if (startsWith(a, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}))
            return QHostAddress(ipv4At(a, 12)).toString();
    }
    return address.toString();
}

/// A host as the allow-list compares it; never fails (see normalizeOutboundHost for the checks).
QString canonicalHost(QString host)
{
    host = host.trimmed();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    while (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    if (QHostAddress address; !host.isEmpty() && address.setAddress(host))
        return canonicalAddress(address);
    const QByteArray ace = QUrl::toAce(host);
    return ace.isEmpty() ? host.toLower() : QString::fromLatin1(ace).toLower();
}

bool isHostName(const QString &ace)
{
    static const QRegularExpression label(QStringLiteral("^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$"));
    if (ace.isEmpty() || ace.size() > 253)
        return false;
    const QStringList labels = ace.split(QLatin1Char('.'));
    return std::all_of(labels.cbegin(), labels.cend(), [](const QString &l) { return label.match(l).hasMatch(); });
}

Error refusal(const QString &field, const QString &message)
{
    return Error{Error::Kind::Refused, field, message};
}

} // namespace

AddressClass classifyAddress(const QHostAddress &address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        return classifyIpv4(address.toIPv4Address());
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return classifyIpv6(address.toIPv6Address());
    return AddressClass::Unspecified;   // a null QHostAddress
}

QString displayOutboundUrl(const QUrl &url)
{
    QString text = url.toString(QUrl::RemoveUserInfo);
    if (text.size() > MaxQuotedChars)
        text = text.left(MaxQuotedChars) + QChar(0x2026);
    return text;
}

QString addressClassName(AddressClass addressClass)
{
    switch (addressClass) {
    case AddressClass::Public: return OutboundText::tr("public");
    case AddressClass::Loopback: return OutboundText::tr("loopback");
    case AddressClass::Private: return OutboundText::tr("private network");
    case AddressClass::LinkLocal: return OutboundText::tr("link-local");
    case AddressClass::Metadata: return OutboundText::tr("cloud metadata");
    case AddressClass::SharedCgnat: return OutboundText::tr("shared address space (carrier-grade NAT)");
    case AddressClass::Unspecified: return OutboundText::tr("unspecified");
    case AddressClass::Multicast: return OutboundText::tr("multicast");
    case AddressClass::Reserved: return OutboundText::tr("reserved");
    }
    return {};
}

Result<QString> normalizeOutboundHost(const QString &text, const QString &field)
{
    const QString input = text.trimmed();
    if (input.isEmpty())
        return Error::invalid(field, OutboundText::tr("Name a host: a name such as “example.org” or an IP address such as "
                                                      "“192.168.1.20”."));
    if (std::any_of(input.cbegin(), input.cend(), [](QChar c) { return c.isSpace(); }))
        return Error::invalid(field, OutboundText::tr("“%1” contains a space. Name one host at a time, such as “example.org”.")
                                         .arg(input));

    QString host;
    bool hasPort = false;
    if (input.contains(QLatin1String("://"))) {
        const QUrl url(input, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty())
            return Error::invalid(field, OutboundText::tr("“%1” is not a URL with a host. Name the host alone, such as “example.org”.")
                                             .arg(input));
        host = url.host(QUrl::FullyEncoded);
        if (url.hasQuery() || url.hasFragment() || !url.userInfo().isEmpty() || (!url.path().isEmpty() && url.path() != QLatin1String("/"))) {
            return Error::invalid(field, OutboundText::tr("“%1” is a URL with a path; the allow-list names hosts only. Write “%2”.")
                                             .arg(input, canonicalHost(host)));
        }
        hasPort = url.port() != -1;
    } else if (input.contains(QLatin1Char('/')) || input.contains(QLatin1Char('?')) || input.contains(QLatin1Char('#'))
               || input.contains(QLatin1Char('@'))) {
        return Error::invalid(field, OutboundText::tr("“%1” is not a host name. The allow-list names hosts only, such as "
                                                      "“example.org” or “192.168.1.20”.")
                                         .arg(input));
    } else if (input.startsWith(QLatin1Char('['))) {
        const qsizetype close = input.indexOf(QLatin1Char(']'));
        if (close < 0)
            return Error::invalid(field, OutboundText::tr("“%1” opens a bracket it does not close. Write an IPv6 address as “::1” "
                                                          "or “[::1]”.")
                                             .arg(input));
        host = input.mid(1, close - 1);
        hasPort = close + 1 < input.size();
    } else if (input.count(QLatin1Char(':')) == 1) {
        host = input.section(QLatin1Char(':'), 0, 0);
        hasPort = true;
    } else {
        host = input;
    }
    if (hasPort) {
        return Error::invalid(field, OutboundText::tr("“%1” names a port; the allow-list names hosts, each with all its ports. "
                                                      "Write “%2”.")
                                         .arg(input, canonicalHost(host)));
    }

    if (QHostAddress address; address.setAddress(host))
        return canonicalAddress(address);
    if (host.contains(QLatin1Char(':')))
        return Error::invalid(field, OutboundText::tr("“%1” is not a valid IPv6 address.").arg(input));
    const QString name = canonicalHost(host);
    if (!isHostName(name)) {
        return Error::invalid(field, OutboundText::tr("“%1” is not a host name: use letters, digits, “-” and dots, without wildcards, "
                                                      "such as “example.org”.")
                                         .arg(input));
    }
    return name;
}

OutboundPolicy::OutboundPolicy(QStringList allowedHosts)
{
    for (const QString &host : allowedHosts) {
        const QString canonical = canonicalHost(host);
        if (canonical.isEmpty() || m_allowed.contains(canonical))
            continue;
        m_allowed.insert(canonical);
        m_allowedHosts.append(canonical);
    }
}

bool OutboundPolicy::allowsHost(const QString &host) const
{
    return !m_allowed.isEmpty() && m_allowed.contains(canonicalHost(host));
}

Status OutboundPolicy::checkUrl(const QUrl &url, const QString &field) const
{
    if (!url.isValid())
        return Error::invalid(field, OutboundText::tr("“%1” is not a valid URL.").arg(displayOutboundUrl(url)));
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https")) {
        return Error::invalid(field, OutboundText::tr("“%1” is not an http or https URL; Arbor sends requests named by chain "
                                                      "data only over http and https.")
                                         .arg(displayOutboundUrl(url)));
    }
    if (url.host().isEmpty())
        return Error::invalid(field, OutboundText::tr("“%1” names no host.").arg(displayOutboundUrl(url)));
    if (!url.userInfo().isEmpty()) {
        return refusal(field, OutboundText::tr("“%1” carries a user name or password; Arbor does not send credentials taken "
                                               "from chain data.")
                                  .arg(displayOutboundUrl(url)));
    }

    // The decoded host: an IPv6 zone ("%eth0") as QHostAddress reads it; a name goes to ASCII.
    const QString host = canonicalHost(url.host());
    if (allowsHost(host))
        return {};
    AddressClass addressClass = AddressClass::Public;
    if (QHostAddress address; address.setAddress(host))
        addressClass = classifyAddress(address);
    else if (host == QLatin1String("localhost") || host.endsWith(QLatin1String(".localhost")))
        addressClass = AddressClass::Loopback;
    else if (std::find(MetadataNames.cbegin(), MetadataNames.cend(), host) != MetadataNames.cend())
        addressClass = AddressClass::Metadata;
    if (addressClass == AddressClass::Public)
        return {};
    return refusal(field, OutboundText::tr("“%1” points at %2; Arbor does not send requests from chain data there. Allow the host with "
                                           "“arborctl outbound allow %3” (or in Settings) if it is yours.")
                              .arg(displayOutboundUrl(url), classPhrase(addressClass), host));
}

Status OutboundPolicy::checkAddresses(const QString &host, const QList<QHostAddress> &addresses, const QString &field) const
{
    const QString name = canonicalHost(host);
    if (allowsHost(name))
        return {};
    if (addresses.isEmpty())
        return Error::unavailable(field, OutboundText::tr("“%1” has no address.").arg(name));
    for (const QHostAddress &address : addresses) {
        const QString literal = canonicalAddress(address);
        if (allowsHost(literal))
            continue;
        const AddressClass addressClass = classifyAddress(address);
        if (addressClass == AddressClass::Public)
            continue;
        return refusal(field, OutboundText::tr("“%1” resolves to %2 (%3); Arbor does not send requests from chain data there. Allow the "
                                               "host with “arborctl outbound allow %1” (or in Settings) if it is yours.")
                                  .arg(name, classPhrase(addressClass), literal));
    }
    return {};
}

QList<QHostAddress> connectionOrder(QList<QHostAddress> addresses)
{
    std::stable_partition(addresses.begin(), addresses.end(), [](const QHostAddress &a) { return a.protocol() == QAbstractSocket::IPv4Protocol; });
    return addresses;
}

void pinToCheckedAddress(QNetworkRequest &request, const QUrl &url, const QHostAddress &address)
{
    if (address.isNull() || url.scheme() != QLatin1String("http")) {
        request.setUrl(url);
        return;
    }
    QUrl target = url;
    target.setHost(address.toString());
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (url.port() != -1)
        host += ':' + QByteArray::number(url.port());
    request.setUrl(target);
    request.setRawHeader("Host", host);
}

} // namespace arbor
