#pragma once

#include <QStringList>
#include <QWidget>

#include <functional>

class QAction;
class QLineEdit;
class QPushButton;
class QStringListModel;

namespace arbor::ui {

/**
 * A secret field of a trigger action: it holds a reference ("keychain:NAME", "env:VAR",
 * "file:PATH"), never the secret. "Store secret…" asks for the value (StoreSecretDialog),
 * writes it to the keychain and fills in the reference. Whatever is typed here is checked as a
 * reference when the trigger is saved, so a pasted secret is refused, not stored.
 *
 * The names already stored (NamedSecrets::names(), read from the settings, never the keychain)
 * are offered as "keychain:NAME" while typing, and a keychain reference that names nothing
 * stored on this computer carries a warning that says so.
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
    /// The store dialog offers to generate a Standard Webhooks signing secret ("whsec_…").
    void setOffersSigningSecret(bool offers) { m_offersSigningSecret = offers; }
    /// Whether the reference is keychain:NAME with no NAME stored on this computer.
    bool namesUnstoredSecret() const;

Q_SIGNALS:
    void changed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void askAndStore();
    /// The completer's names and the warning, from the names stored now.
    void refreshStoredNames();
    void updateWarning();

    QString m_what;
    QLineEdit *m_edit = nullptr;
    QPushButton *m_storeButton = nullptr;
    std::function<QString()> m_suggestion;
    QStringListModel *m_names = nullptr;
    QAction *m_warning = nullptr;
    QStringList m_stored;
    bool m_offersSigningSecret = false;
};

} // namespace arbor::ui
