#include "dialogs/wizard/rpcpage.h"

#include "widgets/messagelabel.h"
#include "model/chainconfig.h"
#include "secrets/namedsecrets.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QTextBlock>
#include <QTextCursor>
#include <QVBoxLayout>

namespace arbor::ui {

RpcPage::RpcPage(QWidget *parent)
    : QWizardPage(parent)
{
    setObjectName(QStringLiteral("rpcPage"));
    setTitle(tr("RPC Endpoints"));
    setSubTitle(tr("Enter the JSON-RPC URLs of the chain's nodes, one per line. Arbor prefers the first and fails "
                   "over to the others, so put your most reliable endpoint first."));

    auto *label = new QLabel(tr("&RPC URLs:"), this);
    m_edit = new QPlainTextEdit(this);
    m_edit->setObjectName(QStringLiteral("rpcUrlsEdit"));
    m_edit->setPlaceholderText(tr("https://rpc.example.org\nhttp://127.0.0.1:8545"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setTabChangesFocus(true);
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    label->setBuddy(m_edit);

    auto *hint = new QLabel(tr("Only http:// and https:// endpoints are supported. Do not put user names or passwords "
                               "in a URL: Arbor stores URLs in its database. Write an API key as ${keychain:NAME} (a "
                               "secret in the system keychain) or ${env:VAR} (an environment variable)."),
                            this);
    hint->setWordWrap(true);
    hint->setEnabled(false);

    m_error = new MessageLabel(QStringLiteral("rpcUrlsError"), this);

    m_keyOffer = new QWidget(this);
    m_keyOffer->setObjectName(QStringLiteral("moveKeyOffer"));
    m_keyText = new QLabel(m_keyOffer);
    m_keyText->setWordWrap(true);
    m_keyName = new QLineEdit(m_keyOffer);
    m_keyName->setObjectName(QStringLiteral("keyNameEdit"));
    m_keyName->setToolTip(tr("The name the key gets in the keychain: letters, digits, '.', '_' and '-'"));
    auto *nameLabel = new QLabel(tr("&Keychain name:"), m_keyOffer);
    nameLabel->setBuddy(m_keyName);
    m_moveKeyButton = new QPushButton(tr("&Move Key to Keychain"), m_keyOffer);
    m_moveKeyButton->setObjectName(QStringLiteral("moveKeyButton"));
    auto *offerRow = new QHBoxLayout;
    offerRow->addWidget(nameLabel);
    offerRow->addWidget(m_keyName, 1);
    offerRow->addWidget(m_moveKeyButton);
    auto *offerLayout = new QVBoxLayout(m_keyOffer);
    offerLayout->setContentsMargins(0, 0, 0, 0);
    offerLayout->addWidget(m_keyText);
    offerLayout->addLayout(offerRow);
    m_keyOffer->hide();
    m_keyResult = new MessageLabel(QStringLiteral("moveKeyResult"), this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_edit, 1);
    layout->addWidget(hint);
    layout->addWidget(m_error);
    layout->addWidget(m_keyOffer);
    layout->addWidget(m_keyResult);

    connect(m_edit, &QPlainTextEdit::textChanged, this, &RpcPage::check);
    connect(m_moveKeyButton, &QPushButton::clicked, this, &RpcPage::moveKey);
    connect(m_keyName, &QLineEdit::returnPressed, this, &RpcPage::moveKey);
}

void RpcPage::check()
{
    QList<QUrl> urls;
    QString problem;
    QSet<QString> seen;
    std::optional<urlsecrets::LikelyKey> found;
    int foundLine = -1;
    const QStringList lines = m_edit->toPlainText().split(u'\n');
    for (qsizetype i = 0; i < lines.size() && problem.isEmpty(); ++i) {
        if (lines.at(i).trimmed().isEmpty())
            continue;
        auto url = parseRpcUrl(lines.at(i), QString());
        if (!url) {
            problem = tr("Line %1: %2").arg(i + 1).arg(url.error().message);
            break;
        }
        // "http://host" and "http://host/" are one endpoint.
        QUrl same = url->adjusted(QUrl::NormalizePathSegments | QUrl::StripTrailingSlash);
        if (same.path() == u"/")
            same.setPath(QString());
        const QString key = same.toString();
        if (seen.contains(key)) {
            problem = tr("Line %1: %2 is already on an earlier line; remove one of them.").arg(i + 1).arg(urlsecrets::displayText(*url));
            break;
        }
        seen.insert(key);
        urls.append(*url);
        if (!found) {
            found = urlsecrets::findLikelyKey(*url);
            foundLine = int(i);
        }
    }
    const bool typedSomething = !m_edit->toPlainText().trimmed().isEmpty();
    if (problem.isEmpty() && urls.isEmpty() && typedSomething)
        problem = tr("Enter at least one RPC URL.");
    if (!problem.isEmpty())
        urls.clear();

    m_error->showMessage(problem);
    m_urls = urls;

    const bool sameKey = found && m_key && found->value == m_key->value && foundLine == m_keyLine;
    m_key = problem.isEmpty() ? found : std::nullopt;
    m_keyLine = m_key ? foundLine : -1;
    m_keyOffer->setVisible(m_key.has_value());
    if (m_key) {
        m_keyText->setText(tr("Line %1 holds what looks like an API key (%2). Arbor stores URLs in its database and shows "
                              "them in tables and logs; the key can go to the system keychain instead, and the URL refer "
                              "to it as ${keychain:NAME}.")
                               .arg(m_keyLine + 1)
                               .arg(m_key->provider));
        if (!sameKey)
            m_keyName->setText(m_key->suggestedName);
    }
    m_moveKeyButton->setEnabled(!m_storing);
    Q_EMIT completeChanged();
}

void RpcPage::moveKey()
{
    if (!m_key || m_storing)
        return;
    const QString name = m_keyName->text().trimmed();
    if (const Status valid = NamedSecrets::checkName(name, tr("Keychain name")); !valid) {
        m_keyResult->showMessage(valid.error().message);
        m_keyName->setFocus();
        return;
    }
    const urlsecrets::LikelyKey key = *m_key;
    const int line = m_keyLine;
    m_storing = true;
    m_moveKeyButton->setEnabled(false);
    m_keyResult->showMessage(tr("Storing the key in the keychain…"), MessageLabel::Kind::Note);
    NamedSecrets::set(name, key.value, this, [this, key, line, name](Status stored) {
        m_storing = false;
        m_moveKeyButton->setEnabled(true);
        if (!stored) {
            QString text = tr("The key was not moved: %1").arg(stored.error().message);
            if (stored.error().kind == Error::Kind::Unavailable)
                text += u' ' + tr("Without a keychain, put the key in an environment variable and write ${env:VAR} in the URL.");
            m_keyResult->showMessage(text);
            return;
        }
        SecretRef ref;
        ref.name = name;
        const QString rewritten = urlsecrets::displayText(key.withReference(ref));
        // The line may have been edited meanwhile: only the line still holding the key is rewritten.
        QTextBlock block = m_edit->document()->findBlockByNumber(line);
        const auto current = block.isValid() ? parseRpcUrl(block.text(), QString()) : Result<QUrl>(Error::invalid(QString(), QString()));
        if (!current || *current != key.url) {
            m_keyResult->showMessage(tr("The key is in the keychain as %1; write ${keychain:%1} in its place in the URL.").arg(name),
                                     MessageLabel::Kind::Note);
            return;
        }
        QTextCursor cursor(block);
        cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        cursor.insertText(rewritten);
        m_keyResult->showMessage(tr("The key is in the keychain as %1; line %2 now refers to it.").arg(name).arg(line + 1),
                                 MessageLabel::Kind::Note);
    });
}

bool RpcPage::isComplete() const
{
    return !m_urls.isEmpty();
}

} // namespace arbor::ui
