#include "triggers/actionsecrets.h"

#include <memory>
#include <optional>

namespace arbor {

QStringList ActionSecrets::values() const
{
    QStringList all;
    for (const QString &value : {signingSecret, previousSigningSecret, botToken, mcpToken}) {
        if (!value.isEmpty())
            all.append(value);
    }
    for (const auto &header : headers) {
        if (!header.second.isEmpty())
            all.append(header.second);
    }
    return all;
}

void resolveActionSecrets(SecretResolver &resolver, const Action &action, qint64 nowMs, std::function<void(Result<ActionSecrets>)> done)
{
    struct Wanted
    {
        QString field;
        SecretRef ref;
        std::function<void(ActionSecrets &, const QString &)> store;
    };
    QList<Wanted> wanted;
    if (action.type == ActionType::Rest && action.signingSecret)
        wanted.append({QStringLiteral("signingSecret"), *action.signingSecret,
                       [](ActionSecrets &s, const QString &v) { s.signingSecret = v; }});
    if (action.type == ActionType::Rest && action.signingSecret && action.previousSigningSecret && nowMs < action.previousSecretUntilMs)
        wanted.append({QStringLiteral("previousSigningSecret"), *action.previousSigningSecret,
                       [](ActionSecrets &s, const QString &v) { s.previousSigningSecret = v; }});
    if (action.type == ActionType::Telegram && action.botToken)
        wanted.append({QStringLiteral("botToken"), *action.botToken, [](ActionSecrets &s, const QString &v) { s.botToken = v; }});
    if (action.type == ActionType::Mcp && action.token)
        wanted.append({QStringLiteral("token"), *action.token, [](ActionSecrets &s, const QString &v) { s.mcpToken = v; }});
    if (action.type == ActionType::Rest) {
        for (const HeaderSpec &header : action.headers) {
            if (header.secret) {
                wanted.append({QStringLiteral("headers.") + header.name, *header.secret,
                               [name = header.name](ActionSecrets &s, const QString &v) { s.headers.append({name, v}); }});
            }
        }
    }
    if (wanted.isEmpty()) {
        QMetaObject::invokeMethod(&resolver, [done = std::move(done)] { done(ActionSecrets()); }, Qt::QueuedConnection);
        return;
    }

    // Answers may come back in any order; they are applied in the order wanted, so the
    // first failure reported is the first field, and header order is kept.
    struct Gather
    {
        QList<Wanted> wanted;
        QList<std::optional<Result<QString>>> answers;
        qsizetype missing = 0;
        std::function<void(Result<ActionSecrets>)> done;
    };
    auto gather = std::make_shared<Gather>();
    gather->wanted = wanted;
    gather->answers.resize(wanted.size());
    gather->missing = wanted.size();
    gather->done = std::move(done);
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        resolver.resolve(wanted.at(i).ref, [gather, i](Result<QString> answer) {
            gather->answers[i] = std::move(answer);
            if (--gather->missing > 0)
                return;
            ActionSecrets secrets;
            for (qsizetype j = 0; j < gather->wanted.size(); ++j) {
                const Result<QString> &result = *gather->answers.at(j);
                if (!result) {
                    Error error = result.error();
                    error.field = gather->wanted.at(j).field;
                    gather->done(error);
                    return;
                }
                gather->wanted.at(j).store(secrets, *result);
            }
            gather->done(std::move(secrets));
        });
    }
}

QList<KeychainReference> keychainReferences(const QList<Action> &actions)
{
    QList<KeychainReference> found;
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const Action &a = actions[i];
        const QString at = QStringLiteral("actions[%1].").arg(i);
        const auto add = [&](const QString &key, const std::optional<SecretRef> &ref) {
            if (ref && ref->source == SecretRef::Source::Keychain)
                found.append({at + key, ref->name});
        };
        add(QStringLiteral("signingSecret"), a.signingSecret);
        add(QStringLiteral("previousSigningSecret"), a.previousSigningSecret);
        add(QStringLiteral("botToken"), a.botToken);
        add(QStringLiteral("token"), a.token);
        for (const HeaderSpec &h : a.headers)
            add(QStringLiteral("headers.") + h.name, h.secret);
    }
    return found;
}

} // namespace arbor
