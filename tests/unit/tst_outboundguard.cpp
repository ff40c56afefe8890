// The outbound guard every URL from chain data passes: which addresses are public, how the
// operator's allow-list reads hosts, and what is refused before and after DNS, with errors that
// name the field and say how to allow the host.

#include "net/outboundguard.h"

#include "testmain.h"

#include <QtTest>

using namespace arbor;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(arbor::AddressClass)

namespace tst_outboundguard {

namespace {

const QString Field = u"agentURI"_s;

QList<QHostAddress> addresses(const QStringList &texts)
{
    QList<QHostAddress> list;
    for (const QString &text : texts)
        list.append(QHostAddress(text));
    return list;
}

} // namespace

class TestOutboundGuard final : public QObject
{
    Q_OBJECT

private slots:
    void classifiesAddresses_data();
    void classifiesAddresses();
    void namesClasses();

    void normalizesHosts_data();
    void normalizesHosts();
    void refusesWhatIsNotAHost_data();
    void refusesWhatIsNotAHost();
    void policyNormalizesItsList();

    void checksUrls_data();
    void checksUrls();
    void refusalSaysWhatAndHowToAllow();
    void refusesWhatIsNotHttp_data();
    void refusesWhatIsNotHttp();

    void checksResolvedAddresses_data();
    void checksResolvedAddresses();
    void hostWithoutAddressIsUnavailable();
};

void TestOutboundGuard::classifiesAddresses_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<AddressClass>("expected");

    const auto row = [](const char *address, AddressClass expected) { QTest::newRow(address) << QString::fromLatin1(address) << expected; };
    using C = AddressClass;
    row("8.8.8.8", C::Public);
    row("1.1.1.1", C::Public);
    row("0.0.0.0", C::Unspecified);
    row("0.1.2.3", C::Unspecified);
    row("10.0.0.1", C::Private);
    row("10.255.255.255", C::Private);
    row("100.63.255.255", C::Public);
    row("100.64.0.1", C::SharedCgnat);
    row("100.127.255.255", C::SharedCgnat);
    row("100.128.0.0", C::Public);
    row("100.100.100.200", C::Metadata);
    row("127.0.0.1", C::Loopback);
    row("127.255.255.254", C::Loopback);
    row("169.254.1.1", C::LinkLocal);
    row("169.254.169.254", C::Metadata);
    row("169.254.170.2", C::Metadata);
    row("172.15.255.255", C::Public);
    row("172.16.0.1", C::Private);
    row("172.31.255.255", C::Private);
    row("172.32.0.0", C::Public);
    row("192.0.0.8", C::Reserved);
    row("192.0.2.1", C::Reserved);
    row("192.168.1.1", C::Private);
    row("198.18.0.1", C::Reserved);
    row("198.19.255.255", C::Reserved);
    row("198.20.0.0", C::Public);
    row("224.0.0.1", C::Multicast);
    row("239.255.255.250", C::Multicast);
    row("240.0.0.1", C::Reserved);
    row("255.255.255.255", C::Reserved);

    row("::", C::Unspecified);
    row("::1", C::Loopback);
    row("::ffff:127.0.0.1", C::Loopback);
    row("::ffff:10.1.2.3", C::Private);
    row("::ffff:169.254.169.254", C::Metadata);
    row("::ffff:8.8.8.8", C::Public);
    row("fc00::1", C::Private);
    row("fd12:3456::1", C::Private);
    row("fd00:ec2::254", C::Metadata);
    row("fe80::1", C::LinkLocal);
    row("febf::1", C::LinkLocal);
    row("fec0::1", C::Private);
    row("ff02::1", C::Multicast);
    row("2001:4860:4860::8888", C::Public);
    row("2606:4700:4700::1111", C::Public);
    row("2001:db8::1", C::Reserved);
    row("2001::1", C::Reserved);
    row("::2", C::Reserved);
    row("100::1", C::Reserved);
    row("64:ff9b::7f00:1", C::Loopback);
    row("64:ff9b::808:808", C::Public);
    row("2002:7f00:1::1", C::Loopback);
    row("2002:808:808::1", C::Public);
}

void TestOutboundGuard::classifiesAddresses()
{
    QFETCH(QString, address);
    QFETCH(AddressClass, expected);
    const QHostAddress parsed(address);
    QVERIFY2(!parsed.isNull(), qPrintable(address));
    QCOMPARE(classifyAddress(parsed), expected);
}

void TestOutboundGuard::namesClasses()
{
    QCOMPARE(addressClassName(AddressClass::Loopback), u"loopback"_s);
    QCOMPARE(addressClassName(AddressClass::Private), u"private network"_s);
    QCOMPARE(addressClassName(AddressClass::LinkLocal), u"link-local"_s);
    QCOMPARE(addressClassName(AddressClass::Metadata), u"cloud metadata"_s);
    for (const AddressClass c : {AddressClass::Public, AddressClass::SharedCgnat, AddressClass::Unspecified, AddressClass::Multicast,
                                 AddressClass::Reserved})
        QVERIFY(!addressClassName(c).isEmpty());
}

void TestOutboundGuard::normalizesHosts_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("name") << u"Example.ORG"_s << u"example.org"_s;
    QTest::newRow("spaces around, trailing dot") << u"  example.org.  "_s << u"example.org"_s;
    QTest::newRow("single label") << u"localhost"_s << u"localhost"_s;
    QTest::newRow("international") << u"münchen.de"_s << u"xn--mnchen-3ya.de"_s;
    QTest::newRow("IPv4") << u"127.0.0.1"_s << u"127.0.0.1"_s;
    QTest::newRow("IPv6") << u"2001:DB8:0:0:0:0:0:1"_s << u"2001:db8::1"_s;
    QTest::newRow("IPv6 in brackets") << u"[::1]"_s << u"::1"_s;
    QTest::newRow("IPv4-mapped") << u"::ffff:127.0.0.1"_s << u"127.0.0.1"_s;
    QTest::newRow("URL without path") << u"https://Example.org"_s << u"example.org"_s;
    QTest::newRow("URL with slash") << u"http://192.168.1.20/"_s << u"192.168.1.20"_s;
    QTest::newRow("URL with IPv6") << u"http://[fd00::5]/"_s << u"fd00::5"_s;
}

void TestOutboundGuard::normalizesHosts()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const Result<QString> host = normalizeOutboundHost(input, u"HOST"_s);
    QVERIFY2(host.ok(), qPrintable(host ? QString() : host.error().toString()));
    QCOMPARE(*host, expected);
}

void TestOutboundGuard::refusesWhatIsNotAHost_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("says");

    QTest::newRow("empty") << u"  "_s << u"Name a host"_s;
    QTest::newRow("space") << u"exa mple.org"_s << u"space"_s;
    QTest::newRow("URL with path") << u"https://example.org/agent.json"_s << u"Write “example.org”"_s;
    QTest::newRow("URL with query") << u"https://example.org/?a=1"_s << u"path"_s;
    QTest::newRow("path without scheme") << u"example.org/agent.json"_s << u"hosts only"_s;
    QTest::newRow("port") << u"example.org:8080"_s << u"Write “example.org”"_s;
    QTest::newRow("IPv6 with port") << u"[::1]:8080"_s << u"Write “::1”"_s;
    QTest::newRow("URL with port") << u"http://127.0.0.1:8080"_s << u"Write “127.0.0.1”"_s;
    QTest::newRow("user") << u"user@example.org"_s << u"hosts only"_s;
    QTest::newRow("wildcard") << u"*.example.org"_s << u"without wildcards"_s;
    QTest::newRow("bad IPv6") << u"fd00::1::2"_s << u"IPv6"_s;
    QTest::newRow("scheme only") << u"http://"_s << u"not a URL with a host"_s;
}

void TestOutboundGuard::refusesWhatIsNotAHost()
{
    QFETCH(QString, input);
    QFETCH(QString, says);
    const Result<QString> host = normalizeOutboundHost(input, u"HOST"_s);
    QVERIFY2(!host.ok(), qPrintable(input + u" gave "_s + (host ? *host : QString())));
    QCOMPARE(host.error().kind, Error::Kind::Invalid);
    QCOMPARE(host.error().field, u"HOST"_s);
    QVERIFY2(host.error().message.contains(says), qPrintable(host.error().message));
}

void TestOutboundGuard::policyNormalizesItsList()
{
    const OutboundPolicy none;
    QVERIFY(none.allowedHosts().isEmpty());
    QVERIFY(!none.allowsHost(u"example.org"_s));

    const OutboundPolicy policy({u"Example.org"_s, u"example.org."_s, u"[::1]"_s, u"0:0:0:0:0:0:0:1"_s, u"10.0.0.5"_s});
    QCOMPARE(policy.allowedHosts(), (QStringList{u"example.org"_s, u"::1"_s, u"10.0.0.5"_s}));
    QVERIFY(policy.allowsHost(u"EXAMPLE.org"_s));
    QVERIFY(policy.allowsHost(u"[::1]"_s));
    QVERIFY(policy.allowsHost(u"::ffff:10.0.0.5"_s));
    QVERIFY(!policy.allowsHost(u"api.example.org"_s));   // exact names, no wildcards
    QVERIFY(!policy.allowsHost(u"10.0.0.6"_s));
}

void TestOutboundGuard::checksUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<QString>("refusedAs");   // empty: passes

    const QStringList none;
    QTest::newRow("public name") << u"https://example.org/agent.json"_s << none << QString();
    QTest::newRow("public IPv4") << u"http://8.8.8.8/a"_s << none << QString();
    QTest::newRow("public IPv6") << u"http://[2606:4700:4700::1111]/a"_s << none << QString();
    QTest::newRow("name with trailing dot") << u"https://example.org./a"_s << none << QString();
    QTest::newRow("loopback") << u"http://127.0.0.1:8080/a.json"_s << none << u"a loopback address"_s;
    QTest::newRow("loopback allowed") << u"http://127.0.0.1:8080/a.json"_s << QStringList{u"127.0.0.1"_s} << QString();
    QTest::newRow("loopback in decimal") << u"http://2130706433/"_s << none << u"a loopback address"_s;
    QTest::newRow("loopback in hex") << u"http://0x7f.1/"_s << none << u"a loopback address"_s;
    QTest::newRow("IPv6 loopback") << u"http://[::1]:8545/"_s << none << u"a loopback address"_s;
    QTest::newRow("mapped loopback") << u"http://[::ffff:127.0.0.1]/"_s << none << u"a loopback address"_s;
    QTest::newRow("mapped loopback allowed as IPv4") << u"http://[::ffff:127.0.0.1]/"_s << QStringList{u"127.0.0.1"_s} << QString();
    QTest::newRow("private") << u"http://10.0.0.5/"_s << none << u"a private network address"_s;
    QTest::newRow("private allowed") << u"http://10.0.0.5/"_s << QStringList{u"10.0.0.5"_s} << QString();
    QTest::newRow("other private host") << u"http://10.0.0.6/"_s << QStringList{u"10.0.0.5"_s} << u"a private network address"_s;
    QTest::newRow("link-local") << u"http://169.254.10.1/"_s << none << u"a link-local address"_s;
    QTest::newRow("shared") << u"http://100.64.0.1/"_s << none << u"shared"_s;
    QTest::newRow("unspecified") << u"http://0.0.0.0:8080/"_s << none << u"an unspecified address"_s;
    QTest::newRow("metadata address") << u"http://169.254.169.254/latest/meta-data/"_s << none << u"a cloud metadata service"_s;
    QTest::newRow("metadata IPv6") << u"http://[fd00:ec2::254]/"_s << none << u"a cloud metadata service"_s;
    QTest::newRow("metadata name") << u"http://metadata.google.internal/computeMetadata/v1/"_s << none << u"a cloud metadata service"_s;
    QTest::newRow("metadata short name") << u"http://METADATA/"_s << none << u"a cloud metadata service"_s;
    QTest::newRow("metadata name allowed") << u"http://metadata.google.internal/"_s << QStringList{u"metadata.google.internal"_s} << QString();
    QTest::newRow("localhost") << u"http://localhost:8545/"_s << none << u"a loopback address"_s;
    QTest::newRow("localhost subdomain") << u"http://api.localhost/"_s << none << u"a loopback address"_s;
    QTest::newRow("localhost allowed") << u"http://LocalHost/"_s << QStringList{u"localhost"_s} << QString();
    QTest::newRow("localhost allowed, not its subdomain") << u"http://api.localhost/"_s << QStringList{u"localhost"_s}
                                                          << u"a loopback address"_s;
}

void TestOutboundGuard::checksUrls()
{
    QFETCH(QString, url);
    QFETCH(QStringList, allowed);
    QFETCH(QString, refusedAs);
    const Status status = OutboundPolicy(allowed).checkUrl(QUrl(url), Field);
    if (refusedAs.isEmpty()) {
        QVERIFY2(status.ok(), qPrintable(status ? QString() : status.error().toString()));
        return;
    }
    QVERIFY2(!status.ok(), qPrintable(url));
    QCOMPARE(status.error().kind, Error::Kind::Refused);
    QCOMPARE(status.error().field, Field);
    QVERIFY2(status.error().message.contains(refusedAs), qPrintable(status.error().message));
    QVERIFY2(status.error().message.contains(u"arborctl outbound allow "_s), qPrintable(status.error().message));
}

void TestOutboundGuard::refusalSaysWhatAndHowToAllow()
{
    const Status status = OutboundPolicy().checkUrl(QUrl(u"http://127.0.0.1:8080/a.json"_s), Field);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().toString(),
             u"agentURI: “http://127.0.0.1:8080/a.json” points at a loopback address; Arbor does not send requests from chain data "
             "there. Allow the host with “arborctl outbound allow 127.0.0.1” (or in Settings) if it is yours."_s);

    // The command names the host as the allow-list writes it, whatever the URL's spelling.
    const Status mapped = OutboundPolicy().checkUrl(QUrl(u"http://[::FFFF:7f00:1]/"_s), u"feedbackURI"_s);
    QVERIFY(!mapped.ok());
    QCOMPARE(mapped.error().field, u"feedbackURI"_s);
    QVERIFY2(mapped.error().message.contains(u"“arborctl outbound allow 127.0.0.1”"_s), qPrintable(mapped.error().message));

    // A URL of any length is quoted short.
    const QString longUrl = u"http://10.0.0.1/"_s + QString(5000, u'a');
    const Status cut = OutboundPolicy().checkUrl(QUrl(longUrl), Field);
    QVERIFY(!cut.ok());
    QVERIFY(cut.error().message.size() < 600);
}

void TestOutboundGuard::refusesWhatIsNotHttp_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("says");

    QTest::newRow("ftp") << u"ftp://example.org/a.json"_s << u"http or https"_s;
    QTest::newRow("file") << u"file:///etc/passwd"_s << u"http or https"_s;
    QTest::newRow("gopher") << u"gopher://127.0.0.1:6379/_INFO"_s << u"http or https"_s;
    QTest::newRow("no host") << u"http:///a.json"_s << u"names no host"_s;
    QTest::newRow("credentials") << u"https://user:secret@example.org/a.json"_s << u"user name or password"_s;
}

void TestOutboundGuard::refusesWhatIsNotHttp()
{
    QFETCH(QString, url);
    QFETCH(QString, says);
    // Allowing the host changes nothing here.
    const Status status = OutboundPolicy({u"example.org"_s, u"127.0.0.1"_s}).checkUrl(QUrl(url), Field);
    QVERIFY2(!status.ok(), qPrintable(url));
    QCOMPARE(status.error().field, Field);
    QVERIFY2(status.error().message.contains(says), qPrintable(status.error().message));
    QVERIFY(!status.error().message.contains(u"secret"_s));
}

void TestOutboundGuard::checksResolvedAddresses_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QStringList>("resolved");
    QTest::addColumn<QStringList>("allowed");
    QTest::addColumn<QString>("refusedAs");   // empty: passes

    const QStringList none;
    QTest::newRow("public") << u"example.org"_s << QStringList{u"93.184.216.34"_s, u"2606:2800:220:1::248"_s} << none << QString();
    QTest::newRow("one loopback among public") << u"example.org"_s << QStringList{u"93.184.216.34"_s, u"127.0.0.1"_s} << none
                                               << u"“example.org” resolves to a loopback address (127.0.0.1)"_s;
    QTest::newRow("private") << u"intranet.example"_s << QStringList{u"192.168.1.20"_s} << none << u"a private network address"_s;
    QTest::newRow("mapped metadata") << u"evil.example"_s << QStringList{u"::ffff:169.254.169.254"_s} << none
                                     << u"a cloud metadata service (169.254.169.254)"_s;
    QTest::newRow("IPv6 link-local") << u"evil.example"_s << QStringList{u"fe80::1"_s} << none << u"a link-local address"_s;
    QTest::newRow("host allowed") << u"intranet.example"_s << QStringList{u"192.168.1.20"_s} << QStringList{u"intranet.example"_s}
                                  << QString();
    QTest::newRow("host allowed, other spelling") << u"Intranet.Example."_s << QStringList{u"192.168.1.20"_s}
                                                  << QStringList{u"intranet.example"_s} << QString();
    QTest::newRow("address allowed") << u"intranet.example"_s << QStringList{u"192.168.1.20"_s} << QStringList{u"192.168.1.20"_s}
                                     << QString();
    QTest::newRow("one address allowed, not the other") << u"intranet.example"_s << QStringList{u"192.168.1.20"_s, u"10.0.0.1"_s}
                                                        << QStringList{u"192.168.1.20"_s} << u"(10.0.0.1)"_s;
}

void TestOutboundGuard::checksResolvedAddresses()
{
    QFETCH(QString, host);
    QFETCH(QStringList, resolved);
    QFETCH(QStringList, allowed);
    QFETCH(QString, refusedAs);
    const Status status = OutboundPolicy(allowed).checkAddresses(host, addresses(resolved), Field);
    if (refusedAs.isEmpty()) {
        QVERIFY2(status.ok(), qPrintable(status ? QString() : status.error().toString()));
        return;
    }
    QVERIFY(!status.ok());
    QCOMPARE(status.error().kind, Error::Kind::Refused);
    QCOMPARE(status.error().field, Field);
    QVERIFY2(status.error().message.contains(refusedAs), qPrintable(status.error().message));
    const QString allow = u"“arborctl outbound allow "_s + host.toLower().chopped(host.endsWith(u'.') ? 1 : 0) + u"”"_s;
    QVERIFY2(status.error().message.contains(allow), qPrintable(status.error().message));
}

void TestOutboundGuard::hostWithoutAddressIsUnavailable()
{
    const Status status = OutboundPolicy().checkAddresses(u"example.org"_s, {}, Field);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().kind, Error::Kind::Unavailable);
    QCOMPARE(status.error().field, Field);
}

} // namespace tst_outboundguard

ARBOR_GUILESS_TEST_MAIN(outboundguard, tst_outboundguard::TestOutboundGuard)
#include "tst_outboundguard.moc"
