#include "secrets/secretresolver.h"

#include "secrets/secretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <QThreadStorage>

namespace arbor {
namespace {

// A secret file holds one token or key; anything larger is not what the operator meant.
constexpr qint64 MaxSecretFileBytes = 64 * 1024;

QString refText(const SecretRef &ref)
{
    return ref.toString();
}

} // namespace

SecretResolver::SecretResolver(QObject *parent, int cacheTtlMs)
    : QObject(parent), m_cacheTtlMs(cacheTtlMs)
{
    m_clock.start();
}

SecretResolver::~SecretResolver() = default;

SecretResolver *SecretResolver::forCurrentThread()
{
    static QThreadStorage<SecretResolver *> resolvers;
    if (!resolvers.hasLocalData())
        resolvers.setLocalData(new SecretResolver);
    return resolvers.localData();
}

std::optional<QString> SecretResolver::cachedValue(const SecretRef &ref) const
{
    const auto cached = m_cache.constFind(refText(ref));
    if (cached == m_cache.cend() || cached->expiresAtMs <= m_clock.elapsed())
        return std::nullopt;
    return cached->value;
}

void SecretResolver::resolve(const SecretRef &ref, std::function<void(Result<QString>)> done)
{
    const QString key = refText(ref);
    if (const auto cached = m_cache.constFind(key); cached != m_cache.cend()) {
        if (cached->expiresAtMs > m_clock.elapsed()) {
            QMetaObject::invokeMethod(this, [done = std::move(done), value = cached->value] { done(value); },
                                      Qt::QueuedConnection);
            return;
        }
        m_cache.erase(cached);
    }
    auto &waiting = m_waiting[key];
    waiting.append(std::move(done));
    if (waiting.size() > 1)
        return;   // a read of this reference is under way; its answer serves this call too

    switch (ref.source) {
    case SecretRef::Source::Env:
        QMetaObject::invokeMethod(this, [this, key, result = readEnv(ref)] { finish(key, result); }, Qt::QueuedConnection);
        return;
    case SecretRef::Source::File:
        QMetaObject::invokeMethod(this, [this, key, result = readFile(ref)] { finish(key, result); }, Qt::QueuedConnection);
        return;
    case SecretRef::Source::Keychain:
        readKeychain(ref, key);
        return;
    }
}

void SecretResolver::finish(const QString &key, const Result<QString> &result)
{
    if (result && m_cacheTtlMs > 0)
        m_cache.insert(key, Cached{*result, m_clock.elapsed() + m_cacheTtlMs});
    const QList<std::function<void(Result<QString>)>> waiting = m_waiting.take(key);
    for (const auto &done : waiting)
        done(result);
}

Result<QString> SecretResolver::readEnv(const SecretRef &ref) const
{
    const QString reference = refText(ref);
    if (!qEnvironmentVariableIsSet(ref.name.toLocal8Bit().constData())) {
        return Error::notFound(reference, tr("The environment variable %1 (%2) is not set in Arbor's environment. "
                                             "Set it before starting Arbor, or store the secret with "
                                             "`arborctl secret set NAME` and refer to keychain:NAME.")
                                              .arg(ref.name, reference));
    }
    const QString value = qEnvironmentVariable(ref.name.toLocal8Bit().constData()).trimmed();
    if (value.isEmpty()) {
        return Error::invalid(reference, tr("The environment variable %1 (%2) is empty. Put the secret in it.")
                                             .arg(ref.name, reference));
    }
    return value;
}

Result<QString> SecretResolver::readFile(const SecretRef &ref) const
{
    const QString reference = refText(ref);
    QString path = ref.name;
    if (path.startsWith(QLatin1String("~/")))
        path = QDir::homePath() + path.mid(1);
    QFile file(path);
    if (!QFileInfo(path).isFile()) {
        return Error::notFound(reference, tr("The secret file %1 (%2) does not exist or is not a file. "
                                             "Check the path; Arbor reads it as the user it runs as.")
                                              .arg(QDir::toNativeSeparators(path), reference));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::unavailable(reference, tr("Cannot read the secret file %1 (%2): %3. "
                                                "Check that the user Arbor runs as may read it.")
                                                 .arg(QDir::toNativeSeparators(path), reference, file.errorString()));
    }
    const QByteArray contents = file.read(MaxSecretFileBytes + 1);
    if (contents.size() > MaxSecretFileBytes) {
        return Error::invalid(reference, tr("The secret file %1 (%2) is larger than 64 KiB; it should hold only the secret.")
                                             .arg(QDir::toNativeSeparators(path), reference));
    }
    const QString value = QString::fromUtf8(contents).trimmed();
    if (value.isEmpty()) {
        return Error::invalid(reference, tr("The secret file %1 (%2) is empty. Write the secret into it.")
                                             .arg(QDir::toNativeSeparators(path), reference));
    }
    return value;
}

void SecretResolver::readKeychain(const SecretRef &ref, const QString &key)
{
    SecretStore::read(ref.name, this, [this, key, name = ref.name](Result<QString> secret) {
        if (secret && secret->isEmpty()) {
            secret = Error::invalid(key, tr("The keychain entry %1 (%2) is empty. Store the secret with "
                                            "`arborctl secret set %1`.").arg(name, key));
        } else if (!secret && secret.error().kind == Error::Kind::NotFound) {
            secret = Error::notFound(key, tr("The keychain holds no secret named %1 (%2). Store it with "
                                             "`arborctl secret set %1`, or refer to env:VAR or file:PATH instead.")
                                              .arg(name, key));
        } else if (!secret) {
            secret = Error::unavailable(key, key + QLatin1String(": ") + secret.error().message);
        }
        finish(key, secret);
    });
}

void SecretResolver::clearCache()
{
    m_cache.clear();
}

void SecretResolver::forget(const SecretRef &ref)
{
    m_cache.remove(refText(ref));
}

} // namespace arbor
