#include "referencewebhooks.h"

#include "buildpaths.h"
#include "childprocess.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace arbor::test {
namespace {

QString directory()
{
    const QString fromEnvironment = qEnvironmentVariable("ARBOR_STANDARD_WEBHOOKS_DIR");
    return QDir::cleanPath(fromEnvironment.isEmpty() ? BuildPaths::sourceDir() + u"/tests/support/standard-webhooks"_s : fromEnvironment);
}

} // namespace

bool ReferenceWebhooks::available(QString *why)
{
    QStringList missing;
    if (nodeProgram().isEmpty())
        missing << u"node is not in PATH"_s;
    if (!QFileInfo::exists(directory() + u"/node_modules/standardwebhooks/package.json"_s))
        missing << u"standardwebhooks is not installed in %1/node_modules"_s.arg(directory());
    if (missing.isEmpty())
        return true;
    setError(why, u"the reference Standard Webhooks library is unavailable: %1. Run tests/run.sh, which installs it with npm ci in %2."_s
                      .arg(missing.join(u"; "_s), directory()));
    return false;
}

bool ReferenceWebhooks::requiredByEnvironment()
{
    return qEnvironmentVariableIsSet("CI");
}

QStringList ReferenceWebhooks::verify(const QString &secret, const QList<WebhookReceiver::Received> &requests, QString *error)
{
    QByteArray input;
    for (const WebhookReceiver::Received &r : requests) {
        const QJsonObject line{{u"secret"_s, secret},
                               {u"id"_s, QString::fromLatin1(r.id)},
                               {u"timestamp"_s, QString::fromLatin1(r.timestamp)},
                               {u"signature"_s, QString::fromLatin1(r.signature)},
                               {u"body"_s, QString::fromLatin1(r.body.toBase64())}};
        input += QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n';
    }
    QProcess node;
    dieWithParent(node);
    node.setProgram(nodeProgram());
    node.setArguments({directory() + u"/verify.mjs"_s});
    node.start();
    node.write(input);
    node.closeWriteChannel();
    if (!node.waitForFinished(30000) || node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0) {
        setError(error, u"verify.mjs failed: %1"_s.arg(QString::fromUtf8(node.readAllStandardError())));
        node.kill();
        return {};
    }
    QStringList verdicts = QString::fromUtf8(node.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    if (verdicts.size() != requests.size()) {
        setError(error, u"verify.mjs answered %1 lines for %2 requests"_s.arg(verdicts.size()).arg(requests.size()));
        return {};
    }
    return verdicts;
}

} // namespace arbor::test
