#include "model/urlsecrets.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrlQuery>

namespace arbor::urlsecrets {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("arbor::UrlSecrets", text);
}

/// Length of the opening at `i` ("${" or "$%7B"), 0 when there is none.
qsizetype openingAt(const QString &text, qsizetype i)
{
    if (text.at(i) != u'$' || i + 1 >= text.size())
        return 0;
    if (text.at(i + 1) == u'{')
        return 2;
    if (QStringView(text).mid(i + 1, 3).compare(QLatin1String("%7B"), Qt::CaseInsensitive) == 0)
        return 4;
    return 0;
}

/// The closing brace at or after `from`: its position and length ("}" or "%7D"), or -1.
std::pair<qsizetype, qsizetype> closingFrom(const QString &text, qsizetype from)
{
    const qsizetype brace = text.indexOf(u'}', from);
    const qsizetype encoded = text.indexOf(QLatin1String("%7D"), from, Qt::CaseInsensitive);
    if (brace < 0 && encoded < 0)
        return {-1, 0};
    if (encoded < 0 || (brace >= 0 && brace < encoded))
        return {brace, 1};
    return {encoded, 3};
}

bool isPlaceholder(const QString &text)
{
    return text.contains(QLatin1String("${")) || text.contains(QLatin1String("$%7B"), Qt::CaseInsensitive);
}

QString keychainName(QString text)
{
    text = text.toLower();
    static const QRegularExpression invalid(QStringLiteral("[^a-z0-9._-]+"));
    text.replace(invalid, QStringLiteral("-"));
    while (text.startsWith(u'-') || text.startsWith(u'.') || text.startsWith(u'_'))
        text.remove(0, 1);
    return text.left(60).isEmpty() ? QStringLiteral("rpc-key") : text.left(60);
}

/// "rpc.ankr.com" → "ankr": the label before the top-level domain.
QString hostLabel(const QString &host)
{
    const QStringList labels = host.split(u'.', Qt::SkipEmptyParts);
    bool numeric = false;
    if (!labels.isEmpty())
        labels.last().toInt(&numeric);
    if (host.contains(u':') || labels.isEmpty() || numeric)
        return QStringLiteral("rpc-key");   // an IP address names no provider
    if (labels.size() >= 2)
        return labels.at(labels.size() - 2);
    return host;
}

bool looksRandom(const QString &segment, int minLength)
{
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (segment.size() < minLength || !token.match(segment).hasMatch())
        return false;
    bool digit = false;
    bool letter = false;
    for (QChar c : segment) {
        digit |= c.isDigit();
        letter |= c.isLetter();
    }
    return digit && letter;
}

} // namespace

QString placeholderText(const SecretRef &ref)
{
    return QLatin1String("${") + ref.toString() + QLatin1Char('}');
}

Result<QList<Placeholder>> find(const QString &text, const QString &field)
{
    QList<Placeholder> found;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const qsizetype opening = openingAt(text, i);
        if (opening == 0)
            continue;
        const auto [close, closeLength] = closingFrom(text, i + opening);
        if (close < 0) {
            return Error::invalid(field, tr("A placeholder is not closed: write ${keychain:NAME} or ${env:VAR}, with the "
                                            "closing brace."));
        }
        const QString inner = text.mid(i + opening, close - i - opening);
        if (isPlaceholder(inner)) {
            return Error::invalid(field, tr("A placeholder is not closed: write ${keychain:NAME} or ${env:VAR}, with the "
                                            "closing brace."));
        }
        if (!inner.startsWith(QLatin1String("keychain:")) && !inner.startsWith(QLatin1String("env:"))) {
            return Error::invalid(field, tr("“${%1}” is not a placeholder Arbor knows. Write ${keychain:NAME} for a secret "
                                            "stored with “arborctl secret set NAME”, or ${env:VAR} for an environment "
                                            "variable.").arg(inner.left(60)));
        }
        auto ref = SecretRef::parse(inner, field);
        if (!ref)
            return ref.error();
        found.append({*ref, i, close + closeLength - i});
        i = close + closeLength - 1;
    }
    return found;
}

bool hasPlaceholders(const QUrl &url)
{
    return isPlaceholder(url.toString(QUrl::FullyEncoded));
}

QList<SecretRef> references(const QUrl &url)
{
    QList<SecretRef> refs;
    const auto found = find(url.toString(QUrl::FullyEncoded), QString());
    if (!found)
        return refs;
    for (const Placeholder &p : *found) {
        if (!refs.contains(p.ref))
            refs.append(p.ref);
    }
    return refs;
}

QString displayText(const QUrl &url)
{
    QString text = url.toDisplayString(QUrl::RemoveUserInfo);
    if (!isPlaceholder(text))
        return text;
    const auto found = find(text, QString());
    if (!found)
        return text;
    for (auto it = found->crbegin(); it != found->crend(); ++it)
        text.replace(it->position, it->length, placeholderText(it->ref));
    return text;
}

Result<QUrl> substitute(const QUrl &url, const QHash<QString, QString> &values)
{
    QString text = url.toString(QUrl::FullyEncoded);
    const auto found = find(text, QStringLiteral("rpc"));
    if (!found)
        return found.error();
    for (auto it = found->crbegin(); it != found->crend(); ++it) {
        const auto value = values.constFind(it->ref.toString());
        if (value == values.cend())
            return Error::invalid(QStringLiteral("rpc"), tr("No value for %1.").arg(placeholderText(it->ref)));
        text.replace(it->position, it->length, QString::fromLatin1(QUrl::toPercentEncoding(*value)));
    }
    const QUrl resolved(text, QUrl::StrictMode);
    if (!resolved.isValid() || resolved.host().isEmpty())
        return Error::invalid(QStringLiteral("rpc"), tr("%1 is not a valid URL once its placeholders are filled in.").arg(displayText(url)));
    return resolved;
}

QUrl LikelyKey::withReference(const SecretRef &ref) const
{
    QUrl out = url;
    if (inQuery) {
        QUrlQuery query(url);
        QList<std::pair<QString, QString>> items = query.queryItems(QUrl::FullyEncoded);
        if (index >= 0 && index < items.size())
            items[index].second = placeholderText(ref);
        query.setQueryItems(items);
        out.setQuery(query);
    } else {
        QStringList segments = url.path(QUrl::FullyEncoded).split(u'/');
        if (index >= 0 && index < segments.size())
            segments[index] = placeholderText(ref);
        out.setPath(segments.join(u'/'), QUrl::TolerantMode);
    }
    return out;
}

std::optional<LikelyKey> findLikelyKey(const QUrl &url)
{
    const QString host = url.host().toLower();
    const QStringList segments = url.path(QUrl::FullyDecoded).split(u'/');
    LikelyKey key;
    key.url = url;
    auto found = [&](int index, bool inQuery, const QString &value, const QString &provider, const QString &name) {
        key.index = index;
        key.inQuery = inQuery;
        key.value = value;
        key.provider = provider;
        key.suggestedName = keychainName(name);
        return key;
    };

    static const QRegularExpression alchemyKey(QStringLiteral("^[A-Za-z0-9_-]{16,}$"));
    static const QRegularExpression infuraKey(QStringLiteral("^[0-9a-fA-F]{32}$"));
    for (int i = 1; i + 1 < segments.size(); ++i) {
        const QString &next = segments.at(i + 1);
        if (host.endsWith(QLatin1String("alchemy.com")) && segments.at(i) == u"v2" && alchemyKey.match(next).hasMatch())
            return found(i + 1, false, next, QStringLiteral("Alchemy"), QStringLiteral("alchemy"));
        if (host.endsWith(QLatin1String("infura.io")) && segments.at(i) == u"v3" && infuraKey.match(next).hasMatch())
            return found(i + 1, false, next, QStringLiteral("Infura"), QStringLiteral("infura"));
    }
    if (host.endsWith(QLatin1String("quiknode.pro")) || host.endsWith(QLatin1String("quicknode.pro"))) {
        for (int i = 1; i < segments.size(); ++i) {
            if (looksRandom(segments.at(i), 20) || infuraKey.match(segments.at(i)).hasMatch())
                return found(i, false, segments.at(i), QStringLiteral("QuickNode"), QStringLiteral("quicknode"));
        }
    }

    static const QStringList keyParameters = {QStringLiteral("key"),   QStringLiteral("apikey"),
                                              QStringLiteral("api_key"), QStringLiteral("api-key"),
                                              QStringLiteral("token"), QStringLiteral("access_token")};
    const QList<std::pair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (int i = 0; i < items.size(); ++i) {
        const auto &[name, value] = items.at(i);
        if (keyParameters.contains(name.toLower()) && !value.isEmpty() && !isPlaceholder(value))
            return found(i, true, value, url.host(), hostLabel(host));
    }

    for (int i = 1; i < segments.size(); ++i) {
        if (looksRandom(segments.at(i), 24))
            return found(i, false, segments.at(i), url.host(), hostLabel(host));
    }
    return std::nullopt;
}

} // namespace arbor::urlsecrets
