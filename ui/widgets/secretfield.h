#pragma once

#include <QWidget>

#include <functional>

class QLineEdit;
class QPushButton;

namespace arbor::ui {

/**
 * A secret field of a trigger action: it holds a reference ("keychain:NAME", "env:VAR",
 * "file:PATH"), never the secret. "Store secret…" asks for the value (StoreSecretDialog),
 * writes it to the keychain and fills in the reference. Whatever is typed here is checked as a
 * reference when the trigger is saved, so a pasted secret is refused, not stored.
 */
class SecretField final : public QWidget
{
    Q_OBJECT

public:
    /// `what`: the secret in words ("signing secret"), for the store dialog.
    SecretField(const QString &objectName, const QString &what, QWidget *parent = nullptr);

    QString reference() const;
    void setReference(const QString &reference);
    QLineEdit *lineEdit() const { return m_edit; }
    /// Proposes a keychain name when the field is empty (called when the dialog opens).
    void setNameSuggestion(std::function<QString()> suggestion) { m_suggestion = std::move(suggestion); }

Q_SIGNALS:
    void changed();

private:
    void askAndStore();

    QString m_what;
    QLineEdit *m_edit = nullptr;
    QPushButton *m_storeButton = nullptr;
    std::function<QString()> m_suggestion;
};

} // namespace arbor::ui
