#include "secrets/secretstore.h"

#include "secrets/keychainthread.h"

#include <QCoreApplication>

#include <qt6keychain/keychain.h>

#include <memory>
#include <optional>

namespace arbor {
namespace {

Error keychainError(const QKeychain::Job *job, const QString &key)
{
    if (job->error() == QKeychain::EntryNotFound)
        return Error::notFound(QStringLiteral("keychain"), SecretStore::tr("The keychain holds no secret for %1.").arg(key));
    return Error::unavailable(QStringLiteral("keychain"),
                              SecretStore::tr("No usable OS keychain (%1). Arbor does not store secrets in plain text; "
                                              "use the environment variable instead (PGPASSWORD for databases).")
                                  .arg(job->errorString()));
}

/**
 * Runs one keychain job on the keychain thread: `makeJob` creates it there, `answer` reads its
 * outcome there, and `done` gets that outcome on `context`'s thread — or never, when `context`
 * was destroyed first. No QtKeychain object is touched on the calling thread.
 */
template<typename T>
void runOnKeychainThread(QObject *context, std::function<QKeychain::Job *()> makeJob,
                         std::function<T(const QKeychain::Job *)> answer, std::function<void(T)> done)
{
    auto outcome = std::make_shared<std::optional<T>>();
    // The request lives on the context's thread and is deleted there, so `done` (and everything
    // it holds) is only ever touched by that thread. The keychain thread never emits on it: it
    // posts it one call, and the request cannot be gone before that call has run.
    auto *request = new KeychainRequest;
    request->moveToThread(context->thread());
    QObject::connect(request, &KeychainRequest::finished, context,
                     [outcome, done = std::move(done)] { done(std::move(**outcome)); });
    KeychainThread::instance().post([request, outcome, makeJob = std::move(makeJob), answer = std::move(answer)] {
        QKeychain::Job *job = makeJob();
        job->setAutoDelete(true);
        job->setInsecureFallback(false);
        QObject::connect(job, &QKeychain::Job::finished, job, [request, outcome, answer](QKeychain::Job *finished) {
            *outcome = answer(finished);
            QMetaObject::invokeMethod(request, [request] {
                Q_EMIT request->finished();
                request->deleteLater();
            }, Qt::QueuedConnection);
        });
        job->start();
    });
}

} // namespace

QString SecretStore::service()
{
    return QStringLiteral("arbor");
}

void SecretStore::read(const QString &key, QObject *context, std::function<void(Result<QString>)> done)
{
    runOnKeychainThread<Result<QString>>(
        context,
        [key] {
            auto *job = new QKeychain::ReadPasswordJob(service());
            job->setKey(key);
            return job;
        },
        [key](const QKeychain::Job *job) -> Result<QString> {
            if (job->error() != QKeychain::NoError)
                return keychainError(job, key);
            return static_cast<const QKeychain::ReadPasswordJob *>(job)->textData();
        },
        std::move(done));
}

void SecretStore::write(const QString &key, const QString &secret, QObject *context, std::function<void(Status)> done)
{
    runOnKeychainThread<Status>(
        context,
        [key, secret] {
            auto *job = new QKeychain::WritePasswordJob(service());
            job->setKey(key);
            job->setTextData(secret);
            return job;
        },
        [key](const QKeychain::Job *job) {
            return job->error() == QKeychain::NoError ? Status() : Status(keychainError(job, key));
        },
        std::move(done));
}

void SecretStore::remove(const QString &key, QObject *context, std::function<void(Status)> done)
{
    runOnKeychainThread<Status>(
        context,
        [key] {
            auto *job = new QKeychain::DeletePasswordJob(service());
            job->setKey(key);
            return job;
        },
        [key](const QKeychain::Job *job) {
            return job->error() == QKeychain::NoError ? Status() : Status(keychainError(job, key));
        },
        std::move(done));
}

void resolveDatabasePassword(const QString &keychainKey, QObject *context, std::function<void(QString, QString)> done)
{
    if (qEnvironmentVariableIsSet("PGPASSWORD")) {
        done(QString(), QString());
        return;
    }
    SecretStore::read(keychainKey, context, [done = std::move(done)](Result<QString> secret) {
        if (secret) {
            done(*secret, QString());
        } else if (secret.error().kind == Error::Kind::NotFound) {
            done(QString(), QString());
        } else {
            done(QString(), secret.error().message);
        }
    });
}

} // namespace arbor
