#include "secrets/secretstore.h"

#include <QCoreApplication>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcSecrets, "arbor.secrets")

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

} // namespace

QString SecretStore::service()
{
    return QStringLiteral("arbor");
}

void SecretStore::read(const QString &key, QObject *context, std::function<void(Result<QString>)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [key, done = std::move(done)](QKeychain::Job *j) {
        auto *read = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (read->error() != QKeychain::NoError)
            done(keychainError(read, key));
        else
            done(read->textData());
    });
    job->start();
}

void SecretStore::write(const QString &key, const QString &secret, QObject *context, std::function<void(Status)> done)
{
    auto *job = new QKeychain::WritePasswordJob(service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    QObject::connect(job, &QKeychain::Job::finished, context, [key, done = std::move(done)](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError ? Status() : Status(keychainError(j, key)));
    });
    job->start();
}

void SecretStore::remove(const QString &key, QObject *context, std::function<void(Status)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(service());
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [key, done = std::move(done)](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError ? Status() : Status(keychainError(j, key)));
    });
    job->start();
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
            qCWarning(lcSecrets) << secret.error().message;
            done(QString(), secret.error().message);
        }
    });
}

} // namespace arbor
