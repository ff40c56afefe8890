#include "engine/agentcall.h"

#include "engine/storethread.h"
#include "model/hash.h"
#include "model/keccak.h"
#include "model/u256.h"
#include "net/chaindatafetcher.h"
#include "net/outboundguard.h"
#include "secrets/secretresolver.h"
#include "store/agentstore.h"
#include "util/continuation.h"

#include <QHostInfo>
#include <QUrl>

namespace arbor {

struct AgentCallPreparer::Call
{
    ClaimedDelivery delivery;
    ActionSecrets secrets;
    std::function<void(Prepared)> done;
    OutboundPolicy policy;
    AgentMcpLookup lookup;
    QString gateway;
    QString target;
    QHostAddress address;
};

namespace {

AttemptOutcome notSent(AttemptOutcome::Kind kind, const QString &why)
{
    AttemptOutcome outcome;
    outcome.kind = kind;
    outcome.error = why;
    return outcome;
}

struct Lookup
{
    AgentMcpLookup lookup;
    QString gateway;
};

} // namespace

AgentCallPreparer::AgentCallPreparer(StoreThread *store, QNetworkAccessManager *network, SecretResolver *secrets, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_secrets(secrets)
    , m_fetcher(new ChainDataFetcher(network, this))
{
}

AgentCallPreparer::~AgentCallPreparer() = default;

bool AgentCallPreparer::needed(const Action &action)
{
    return action.type == ActionType::Mcp && (action.resolveEndpoint || action.verifyFileHash);
}

void AgentCallPreparer::prepare(const ClaimedDelivery &delivery, ActionSecrets secrets, std::function<void(Prepared)> done)
{
    auto call = std::make_shared<Call>();
    call->delivery = delivery;
    call->secrets = std::move(secrets);
    call->done = std::move(done);
    if (delivery.action.resolveEndpoint)
        call->secrets.mcpToken.clear();   // only the agent's own token goes to its server

    const QString agentText = delivery.event.value(QLatin1String("agentId")).toString();
    auto agentId = u256::fromDecimal(agentText, QStringLiteral("event.agentId"));
    if (!agentId) {
        QMetaObject::invokeMethod(this, [call, error = agentId.error()] {
                call->done(notSent(AttemptOutcome::Kind::Fail, tr("Not sent: the event names no agent (%1).").arg(error.toString())));
            }, Qt::QueuedConnection);
        return;
    }
    then(m_store->run([chainId = delivery.chainId, id = *agentId](Store &store) {
             AgentStore agents(store);
             auto lookup = agents.mcpTarget(chainId, id);
             if (!lookup)
                 return Result<Lookup>(lookup.error());
             auto gateway = agents.ipfsGateway();
             if (!gateway)
                 return Result<Lookup>(gateway.error());
             return Result<Lookup>(Lookup{*lookup, *gateway});
         }),
         this, [this, call](const Result<Lookup> &found) {
             if (!found) {
                 call->done(notSent(AttemptOutcome::Kind::Retry, tr("Could not read the agent's registration: %1").arg(found.error().toString())));
                 return;
             }
             call->lookup = found->lookup;
             call->gateway = found->gateway;
             call->policy = OutboundPolicy(call->lookup.allowedHosts);
             if (call->delivery.action.resolveEndpoint)
                 checkEndpoint(call);
             else
                 verifyFile(call);
         });
}

void AgentCallPreparer::checkEndpoint(const std::shared_ptr<Call> &call)
{
    const AgentMcpLookup &lookup = call->lookup;
    switch (lookup.state) {
    case AgentMcpLookup::State::Found:
        break;
    case AgentMcpLookup::State::NotResolved:
        call->done(notSent(AttemptOutcome::Kind::Retry, tr("Not sent yet: %1").arg(lookup.detail)));
        return;
    case AgentMcpLookup::State::NoAgent:
    case AgentMcpLookup::State::ResolveFailed:
    case AgentMcpLookup::State::NoMcpService:
        call->done(notSent(AttemptOutcome::Kind::Fail, tr("Not sent: %1").arg(lookup.detail)));
        return;
    }
    const QString field = QStringLiteral("registration.services[MCP].endpoint");
    const QUrl url(lookup.endpoint, QUrl::StrictMode);
    if (Status allowed = call->policy.checkUrl(url, field); !allowed) {
        call->done(notSent(AttemptOutcome::Kind::Fail, tr("Not sent: %1").arg(allowed.error().toString())));
        return;
    }
    const QString host = url.host();
    QHostInfo::lookupHost(host, this, [this, call, host, field](const QHostInfo &info) {
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            call->done(notSent(AttemptOutcome::Kind::Retry, tr("Not sent yet: the agent's MCP endpoint host “%1” does not resolve (%2).")
                                                                .arg(host, info.errorString())));
            return;
        }
        if (Status allowed = call->policy.checkAddresses(host, info.addresses(), field); !allowed) {
            call->done(notSent(AttemptOutcome::Kind::Fail, tr("Not sent: %1").arg(allowed.error().toString())));
            return;
        }
        call->target = call->lookup.endpoint;
        call->address = connectionOrder(info.addresses()).constFirst();
        verifyFile(call);
    });
}

void AgentCallPreparer::verifyFile(const std::shared_ptr<Call> &call)
{
    if (!call->delivery.action.verifyFileHash) {
        readAgentToken(call);
        return;
    }
    const QJsonObject &event = call->delivery.event;
    const QString uri = event.value(QLatin1String("feedbackURI")).toString();
    auto expected = Hash::fromHex(event.value(QLatin1String("feedbackHash")).toString(), QStringLiteral("event.feedbackHash"));
    if (uri.isEmpty()) {
        call->done(notSent(AttemptOutcome::Kind::Fail, tr("Not sent: the event names no feedback file, so its hash cannot be checked.")));
        return;
    }
    if (!expected || *expected == Hash()) {
        call->done(notSent(AttemptOutcome::Kind::Fail, tr("Not sent: the feedback carries no file hash to check “%1” against.").arg(uri.left(200))));
        return;
    }
    m_fetcher->setPolicy(call->policy);
    m_fetcher->setIpfsGateway(call->gateway);
    m_fetcher->fetch(uri, QStringLiteral("feedbackURI"), [this, call, uri, expected = *expected](Result<FetchedDocument> file) {
        if (!file) {
            // A server that is down may answer later; a refused or malformed URI will not.
            const auto kind = file.error().kind == Error::Kind::Unavailable ? AttemptOutcome::Kind::Retry : AttemptOutcome::Kind::Fail;
            call->done(notSent(kind, tr("Not sent: the feedback file could not be fetched: %1").arg(file.error().toString())));
            return;
        }
        const QByteArray digest = keccak256(file->body);
        if (digest != expected.toBytes()) {
            call->done(notSent(AttemptOutcome::Kind::Fail,
                               tr("Not sent: the feedback file's keccak-256 is 0x%1, the event's feedbackHash is %2: the file at “%3” "
                                  "is not the one the feedback was given with.")
                                   .arg(QString::fromLatin1(digest.toHex()), expected.toHex(), uri.left(200))));
            return;
        }
        readAgentToken(call);
    });
}

void AgentCallPreparer::readAgentToken(const std::shared_ptr<Call> &call)
{
    if (!call->delivery.action.resolveEndpoint || !call->lookup.token) {
        call->done(Ready{call->target, call->address, std::move(call->secrets)});
        return;
    }
    m_secrets->resolve(*call->lookup.token, [call](Result<QString> token) {
        if (!token) {
            call->done(notSent(AttemptOutcome::Kind::Retry, tr("Not sent yet: the agent's token %1 cannot be read: %2")
                                                                .arg(call->lookup.token->toString(), token.error().toString())));
            return;
        }
        call->secrets.mcpToken = *token;
        call->done(Ready{call->target, call->address, std::move(call->secrets)});
    });
}

} // namespace arbor
