#include "dialogs/storesecretdialog.h"

#include "secrets/namedsecrets.h"
#include "widgets/messagelabel.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QVBoxLayout>

namespace arbor::ui {

StoreSecretDialog::StoreSecretDialog(const QString &name, const QString &what, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("storeSecretDialog"));
    setWindowTitle(tr("Store Secret"));

    auto *intro = new QLabel(tr("The %1 goes to the system keychain under the name below; the trigger keeps only "
                                "the reference “keychain:NAME”.").arg(what));
    intro->setWordWrap(true);
    m_intro = intro;

    m_name = new QLineEdit(name);
    m_name->setObjectName(QStringLiteral("secretNameEdit"));
    m_name->setPlaceholderText(QStringLiteral("ops-hook"));
    m_name->setToolTip(tr("Letters, digits, '.', '_' and '-'"));
    m_value = new QLineEdit;
    m_value->setObjectName(QStringLiteral("secretValueEdit"));
    m_value->setEchoMode(QLineEdit::Password);
    m_value->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    m_generateButton = new QPushButton(tr("&Generate"));
    m_generateButton->setObjectName(QStringLiteral("generateSecretButton"));
    m_generateButton->setToolTip(tr("A new signing secret (whsec_ and 32 random bytes): give it to the receiver, then store it"));
    m_generateButton->hide();
    connect(m_generateButton, &QPushButton::clicked, this, [this] {
        m_value->setEchoMode(QLineEdit::Normal);   // to be copied to the receiver
        m_value->setText(generateSigningSecret());
        m_value->selectAll();
        m_value->setFocus();
        m_message->showMessage(tr("Copy this secret to the receiver now: once stored, Arbor never shows it again."), MessageLabel::Kind::Note);
    });
    auto *valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_generateButton);
    form->addRow(tr("&Value:"), valueRow);

    m_message = new MessageLabel(QStringLiteral("storeSecretMessage"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_storeButton = buttons->addButton(tr("&Store"), QDialogButtonBox::AcceptRole);
    m_storeButton->setObjectName(QStringLiteral("storeSecretButton"));
    m_storeButton->setDefault(true);
    connect(m_storeButton, &QPushButton::clicked, this, &StoreSecretDialog::store);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &StoreSecretDialog::updateButton);
    connect(m_value, &QLineEdit::textChanged, this, &StoreSecretDialog::updateButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();
    layout->addWidget(buttons);
    setMinimumWidth(420);
    (name.isEmpty() ? m_name : m_value)->setFocus();
    updateButton();
}

void StoreSecretDialog::setIntro(const QString &text)
{
    m_intro->setText(text);
}

void StoreSecretDialog::offerGeneratedSigningSecret()
{
    m_generateButton->show();
}

QString StoreSecretDialog::generateSigningSecret()
{
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / int(sizeof(quint32)));
    return QLatin1String("whsec_") + QString::fromLatin1(key.toBase64());
}

void StoreSecretDialog::updateButton()
{
    m_storeButton->setEnabled(!m_storing && !m_name->text().trimmed().isEmpty() && !m_value->text().isEmpty());
}

void StoreSecretDialog::store()
{
    const QString name = m_name->text().trimmed();
    if (const Status valid = NamedSecrets::checkName(name, tr("Name")); !valid) {
        m_message->showMessage(valid.error().message);
        m_name->setFocus();
        return;
    }
    m_storing = true;
    updateButton();
    m_message->showMessage(tr("Storing in the keychain…"), MessageLabel::Kind::Note);
    NamedSecrets::set(name, m_value->text(), this, [this, name](Status stored) {
        m_storing = false;
        updateButton();
        if (!stored) {
            QString text = tr("Not stored: %1").arg(stored.error().message);
            if (stored.error().kind == Error::Kind::Unavailable)
                text += u' ' + tr("Without a keychain, refer to an environment variable (env:VAR) or a file (file:PATH) instead.");
            m_message->showMessage(text);
            return;
        }
        m_value->clear();
        Q_EMIT this->stored(name);
        accept();
    });
}

} // namespace arbor::ui
