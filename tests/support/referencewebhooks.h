#pragma once

#include "webhookreceiver.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace arbor::test {

/**
 * The reference Standard Webhooks library (`standardwebhooks` on npm, installed by tests/run.sh
 * in tests/support/standard-webhooks), run by node: what a receiver written with it would say of
 * requests Arbor sent. Software no one here wrote, so Arbor's signatures are checked by more than
 * the test receiver's own reading of the specification.
 */
class ReferenceWebhooks final
{
public:
    /// Whether node and the library are there; `why` says what is missing.
    static bool available(QString *why = nullptr);
    /// tests/run.sh sets CI: then a missing library fails the test instead of skipping it.
    static bool requiredByEnvironment();

    /// One verdict per request, in order: "ok", or "fail: " and the library's reason. With
    /// `secret` ("whsec_…") as the receiver holds it. An empty list, and `error` set, when the
    /// verifier could not run.
    static QStringList verify(const QString &secret, const QList<WebhookReceiver::Received> &requests, QString *error = nullptr);
};

} // namespace arbor::test
