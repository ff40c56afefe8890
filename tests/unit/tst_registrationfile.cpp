// ERC-8004 agent registration files as agents publish them: the v1 shape and the older
// "endpoints", what is tolerated, what is refused (named by its JSON path), the MCP endpoint an
// action reaches, and the way back to JSON.

#include "agents/registrationfile.h"

#include "testmain.h"

#include <QJsonDocument>
#include <QtTest>

using namespace arbor;
using namespace Qt::StringLiterals;

namespace tst_registrationfile {

namespace {

// Single-line pieces: moc loses its way in a raw string that breaks the line after "{".
const QByteArray RegistrationV1 =
    R"({"type": "https://eips.ethereum.org/EIPS/eip-8004#registration-v1",)"
    R"("name": "DataAnalyst Pro", "description": "Charts and reports on demand.",)"
    R"("image": "https://cdn.example.com/analyst.png",)"
    R"("services": [)"
    R"(  {"name": "web", "endpoint": "https://analyst.example.com/"},)"
    R"(  {"name": "A2A", "endpoint": "https://analyst.example.com/.well-known/agent-card.json", "version": "0.3.0"},)"
    R"(  {"name": "MCP", "endpoint": "https://mcp.analyst.example.com/", "version": "2025-06-18"},)"
    R"(  {"name": "OASF", "endpoint": "ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi", "version": "v0.8.0",)"
    R"(   "skills": ["data_engineering/data_transformation_pipeline"]}],)"
    R"("x402Support": true, "active": true,)"
    R"("registrations": [{"agentId": 22, "agentRegistry": "eip155:1:0x8004A169FB4a3325136EB29fA0ceB6D2e539a432"}],)"
    R"("supportedTrust": ["reputation", "crypto-economic"]})";

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

class TestRegistrationFile final : public QObject
{
    Q_OBJECT

private slots:
    void readsRegistrationV1();
    void readsLegacyEndpoints();
    void servicesWinOverEndpoints();
    void toleratesMissingFields();
    void refusesWrongTypes_data();
    void refusesWrongTypes();
    void refusesWhatIsNoObject_data();
    void refusesWhatIsNoObject();
    void cutsLongTexts();
    void picksTheMcpService();
    void roundTripsThroughJson();
};

void TestRegistrationFile::readsRegistrationV1()
{
    const Result<AgentRegistration> parsed = parseRegistrationFile(RegistrationV1);
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().toString()));
    const AgentRegistration &r = *parsed;
    QCOMPARE(r.type, u"https://eips.ethereum.org/EIPS/eip-8004#registration-v1"_s);
    QCOMPARE(r.name, u"DataAnalyst Pro"_s);
    QCOMPARE(r.description, u"Charts and reports on demand."_s);
    QCOMPARE(r.image, u"https://cdn.example.com/analyst.png"_s);
    QCOMPARE(r.services.size(), 4);
    QCOMPARE(r.services[0], (AgentServiceEntry{u"web"_s, u"https://analyst.example.com/"_s, QString()}));
    QCOMPARE(r.services[2], (AgentServiceEntry{u"MCP"_s, u"https://mcp.analyst.example.com/"_s, u"2025-06-18"_s}));
    QCOMPARE(r.services[3].version, u"v0.8.0"_s);
    QCOMPARE(r.active, std::optional<bool>(true));
    QCOMPARE(r.registrations.size(), 1);
    QCOMPARE(r.registrations[0].toObject().value(u"agentId"_s).toInt(), 22);
    QCOMPARE(r.supportedTrust, (QStringList{u"reputation"_s, u"crypto-economic"_s}));
}

void TestRegistrationFile::readsLegacyEndpoints()
{
    const Result<AgentRegistration> parsed = parseRegistrationFile(R"({"name": "Old agent", "endpoints": [
        {"name": "MCP", "endpoint": "https://old.example/mcp", "version": "2025-03-26"}], "active": false})");
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->services, (QList<AgentServiceEntry>{{u"MCP"_s, u"https://old.example/mcp"_s, u"2025-03-26"_s}}));
    QCOMPARE(parsed->active, std::optional<bool>(false));

    // Its errors name the list by its own name.
    const Result<AgentRegistration> wrong = parseRegistrationFile(R"({"endpoints": [{"name": "MCP", "endpoint": 7}]})");
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().field, u"endpoints[0].endpoint"_s);
}

void TestRegistrationFile::servicesWinOverEndpoints()
{
    const Result<AgentRegistration> parsed = parseRegistrationFile(R"({
        "services": [{"name": "MCP", "endpoint": "https://new.example/mcp"}],
        "endpoints": [{"name": "MCP", "endpoint": "https://old.example/mcp"}]})");
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->services.size(), 1);
    QCOMPARE(parsed->services[0].endpoint, u"https://new.example/mcp"_s);
}

void TestRegistrationFile::toleratesMissingFields()
{
    const Result<AgentRegistration> parsed = parseRegistrationFile(R"({"name": "Minimal", "description": null, "x-extra": {"a": 1}})");
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->name, u"Minimal"_s);
    QVERIFY(parsed->type.isEmpty());
    QVERIFY(parsed->description.isEmpty());
    QVERIFY(parsed->services.isEmpty());
    QVERIFY(!parsed->active.has_value());
    QVERIFY(parsed->registrations.isEmpty());
    QVERIFY(parsed->supportedTrust.isEmpty());
    QVERIFY(!parsed->mcpService().has_value());

    // A service without an endpoint or a version is kept as it is.
    const Result<AgentRegistration> bare = parseRegistrationFile(R"({"services": [{"name": "email"}, {}]})");
    QVERIFY(bare.ok());
    QCOMPARE(bare->services, (QList<AgentServiceEntry>{{u"email"_s, QString(), QString()}, {}}));
}

void TestRegistrationFile::refusesWrongTypes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");

    QTest::newRow("name") << QByteArray(R"({"name": 42})") << u"name"_s;
    QTest::newRow("type") << QByteArray(R"({"type": ["registration-v1"]})") << u"type"_s;
    QTest::newRow("image") << QByteArray(R"({"image": {"url": "https://x"}})") << u"image"_s;
    QTest::newRow("services not a list") << QByteArray(R"({"services": {"name": "MCP"}})") << u"services"_s;
    QTest::newRow("service not an object") << QByteArray(R"({"services": [{"name": "web"}, "https://x"]})") << u"services[1]"_s;
    QTest::newRow("service endpoint") << QByteArray(R"({"services": [{"name": "web", "endpoint": "https://x"}, {"name": "MCP", "endpoint": 5}]})")
                                      << u"services[1].endpoint"_s;
    QTest::newRow("service name") << QByteArray(R"({"services": [{"name": true}]})") << u"services[0].name"_s;
    QTest::newRow("service version") << QByteArray(R"({"services": [{"name": "MCP", "version": 2025}]})") << u"services[0].version"_s;
    QTest::newRow("active") << QByteArray(R"({"active": "yes"})") << u"active"_s;
    QTest::newRow("registrations") << QByteArray(R"({"registrations": "eip155:1:0x8004"})") << u"registrations"_s;
    QTest::newRow("supportedTrust not a list") << QByteArray(R"({"supportedTrust": "reputation"})") << u"supportedTrust"_s;
    QTest::newRow("supportedTrust element") << QByteArray(R"({"supportedTrust": ["reputation", 3]})") << u"supportedTrust[1]"_s;
}

void TestRegistrationFile::refusesWrongTypes()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const Result<AgentRegistration> parsed = parseRegistrationFile(json);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, Error::Kind::Invalid);
    QCOMPARE(parsed.error().field, field);
    QVERIFY(!parsed.error().message.isEmpty());
}

void TestRegistrationFile::refusesWhatIsNoObject_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("says");

    QTest::newRow("empty") << QByteArray() << u"not valid JSON"_s;
    QTest::newRow("truncated") << QByteArray(R"({"name": "Cut)") << u"not valid JSON"_s;
    QTest::newRow("HTML") << QByteArray("<html>Not found</html>") << u"not valid JSON"_s;
    QTest::newRow("array") << QByteArray(R"([{"name": "A"}])") << u"not a JSON object"_s;
}

void TestRegistrationFile::refusesWhatIsNoObject()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, says);
    const Result<AgentRegistration> parsed = parseRegistrationFile(json);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().kind, Error::Kind::Invalid);
    QVERIFY2(parsed.error().message.contains(says), qPrintable(parsed.error().message));
}

void TestRegistrationFile::cutsLongTexts()
{
    using namespace registrationlimits;
    QJsonArray services;
    for (int i = 0; i < Services + 10; ++i)
        services.append(QJsonObject{{u"name"_s, u"web"_s}, {u"endpoint"_s, u"https://a.example/%1"_s.arg(i)}});
    services[0] = QJsonObject{{u"name"_s, u"MCP"_s}, {u"endpoint"_s, QString(u"https://a.example/"_s + QString(EndpointChars, u'x'))}};
    const QJsonObject file{{u"name"_s, QString(1000, u'n')},
                           {u"description"_s, QString(QString(DescriptionChars - 2, u'd') + u"😀😀"_s)},
                           {u"services"_s, services}};
    const Result<AgentRegistration> parsed = parseRegistrationFile(compact(file));
    QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->name.size(), NameChars);
    QVERIFY(parsed->name.endsWith(QChar(0x2026)));
    QVERIFY(parsed->description.size() <= DescriptionChars);
    QVERIFY(parsed->description.endsWith(QChar(0x2026)));
    QVERIFY(!parsed->description.at(parsed->description.size() - 2).isHighSurrogate());   // never half an emoji
    QCOMPARE(parsed->services.size(), Services);
    QVERIFY(parsed->services[0].endpoint.isEmpty());   // dropped, not cut into another URL
    QVERIFY(!parsed->mcpService().has_value());
}

void TestRegistrationFile::picksTheMcpService()
{
    const Result<AgentRegistration> parsed = parseRegistrationFile(R"({"services": [
        {"name": "web", "endpoint": "https://a.example/"},
        {"name": "MCP", "endpoint": "  "},
        {"name": "mcp", "endpoint": "https://a.example/mcp", "version": "2025-06-18"},
        {"name": "MCP", "endpoint": "https://b.example/mcp"}]})");
    QVERIFY(parsed.ok());
    const std::optional<AgentServiceEntry> mcp = parsed->mcpService();
    QVERIFY(mcp.has_value());
    QCOMPARE(*mcp, (AgentServiceEntry{u"mcp"_s, u"https://a.example/mcp"_s, u"2025-06-18"_s}));
}

void TestRegistrationFile::roundTripsThroughJson()
{
    const Result<AgentRegistration> parsed = parseRegistrationFile(RegistrationV1);
    QVERIFY(parsed.ok());
    const QJsonObject json = registrationToJson(*parsed);
    QCOMPARE(json.value(u"type"_s).toString(), parsed->type);
    QCOMPARE(json.value(u"services"_s).toArray().size(), 4);
    QCOMPARE(json.value(u"services"_s).toArray()[2].toObject(),
             (QJsonObject{{u"name"_s, u"MCP"_s}, {u"endpoint"_s, u"https://mcp.analyst.example.com/"_s}, {u"version"_s, u"2025-06-18"_s}}));
    QCOMPARE(json.value(u"active"_s), QJsonValue(true));
    QVERIFY(!json.contains(u"x402Support"_s));   // unknown fields are not kept
    const Result<AgentRegistration> again = parseRegistrationFile(compact(json));
    QVERIFY(again.ok());
    QCOMPARE(*again, *parsed);

    // "active" is left out when the file did not say.
    AgentRegistration unknown = *parsed;
    unknown.active.reset();
    const QJsonObject withoutActive = registrationToJson(unknown);
    QVERIFY(!withoutActive.contains(u"active"_s));
    QCOMPARE(*parseRegistrationFile(compact(withoutActive)), unknown);
    const QStringList keys = withoutActive.keys();
    QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
             (QSet<QString>{u"type"_s, u"name"_s, u"description"_s, u"image"_s, u"services"_s, u"registrations"_s, u"supportedTrust"_s}));
}

} // namespace tst_registrationfile

ARBOR_GUILESS_TEST_MAIN(registrationfile, tst_registrationfile::TestRegistrationFile)
#include "tst_registrationfile.moc"
