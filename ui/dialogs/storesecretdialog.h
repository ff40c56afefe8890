#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace arbor::ui {

class MessageLabel;

/**
 * Asks for a secret (a bot token, a signing secret, an MCP token) and a name, and writes it to
 * the OS keychain with NamedSecrets::set, asynchronously. On success it emits stored(name) and
 * closes; a failure (no keychain, a bad name) is shown in the dialog, which stays open. The
 * value is typed with password echo and never leaves the dialog except to the keychain.
 *
 * Meant to be opened with open(), deleted on close.
 */
class StoreSecretDialog final : public QDialog
{
    Q_OBJECT

public:
    /// `name`: the name proposed (the field's current reference, or one made from the trigger's name).
    explicit StoreSecretDialog(const QString &name, const QString &what, QWidget *parent = nullptr);

    /// Replaces the sentence that says what keeps the reference (a trigger, by default).
    void setIntro(const QString &text);
    /// Adds "Generate": a Standard Webhooks signing secret ("whsec_" and 32 random bytes in
    /// base64), shown so it can be copied to the receiver before it is stored.
    void offerGeneratedSigningSecret();
    /// A fresh "whsec_…" secret from the system's random source.
    static QString generateSigningSecret();

Q_SIGNALS:
    /// The secret is in the keychain under `name`.
    void stored(const QString &name);

private:
    void store();
    void updateButton();

    QLabel *m_intro = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_value = nullptr;
    QPushButton *m_storeButton = nullptr;
    QPushButton *m_generateButton = nullptr;
    MessageLabel *m_message = nullptr;
    bool m_storing = false;
};

} // namespace arbor::ui
