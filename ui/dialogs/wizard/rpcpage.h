#pragma once

#include "model/urlsecrets.h"

#include <QList>
#include <QUrl>
#include <QWizardPage>

#include <optional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QWidget;

namespace arbor::ui {

class MessageLabel;

/**
 * First page of the add-chain wizard: the chain's RPC URLs, one per line, in priority order.
 * Each line is checked with arbor::parseRpcUrl as it is typed; the first problem is shown with
 * its line number and Next stays disabled until every line is a usable http(s) URL.
 *
 * A URL may carry an API key as `${keychain:NAME}` or `${env:VAR}`. When a line holds what
 * looks like a literal key (urlsecrets::findLikelyKey), the page offers to move it: the key is
 * stored in the system keychain under a name the operator may change (NamedSecrets, without
 * blocking), and the line is rewritten to refer to it. Keeping the key in the URL stays allowed.
 */
class RpcPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit RpcPage(QWidget *parent = nullptr);

    /// The parsed URLs, in the order typed; empty while any line is invalid.
    QList<QUrl> urls() const { return m_urls; }

    bool isComplete() const override;

private:
    void check();
    void moveKey();

    QPlainTextEdit *m_edit = nullptr;
    MessageLabel *m_error = nullptr;
    QWidget *m_keyOffer = nullptr;
    QLabel *m_keyText = nullptr;
    QLineEdit *m_keyName = nullptr;
    QPushButton *m_moveKeyButton = nullptr;
    MessageLabel *m_keyResult = nullptr;
    QList<QUrl> m_urls;
    std::optional<urlsecrets::LikelyKey> m_key;   ///< the first literal key found
    int m_keyLine = -1;                            ///< its line, from 0
    bool m_storing = false;
};

} // namespace arbor::ui
