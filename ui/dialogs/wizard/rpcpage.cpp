#include "dialogs/wizard/rpcpage.h"

#include "widgets/messagelabel.h"
#include "model/chainconfig.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSet>
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
                               "in a URL: Arbor stores URLs in its database."),
                            this);
    hint->setWordWrap(true);
    hint->setEnabled(false);

    m_error = new MessageLabel(QStringLiteral("rpcUrlsError"), this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_edit, 1);
    layout->addWidget(hint);
    layout->addWidget(m_error);

    connect(m_edit, &QPlainTextEdit::textChanged, this, &RpcPage::check);
}

void RpcPage::check()
{
    QList<QUrl> urls;
    QString problem;
    QSet<QString> seen;
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
            problem = tr("Line %1: %2 is already on an earlier line; remove one of them.").arg(i + 1).arg(url->toDisplayString());
            break;
        }
        seen.insert(key);
        urls.append(*url);
    }
    const bool typedSomething = !m_edit->toPlainText().trimmed().isEmpty();
    if (problem.isEmpty() && urls.isEmpty() && typedSomething)
        problem = tr("Enter at least one RPC URL.");
    if (!problem.isEmpty())
        urls.clear();

    m_error->showMessage(problem);
    m_urls = urls;
    Q_EMIT completeChanged();
}

bool RpcPage::isComplete() const
{
    return !m_urls.isEmpty();
}

} // namespace arbor::ui
