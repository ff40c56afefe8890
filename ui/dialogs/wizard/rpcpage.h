#pragma once

#include <QList>
#include <QUrl>
#include <QWizardPage>

class QPlainTextEdit;

namespace arbor::ui {

class MessageLabel;

/**
 * First page of the add-chain wizard: the chain's RPC URLs, one per line, in priority order.
 * Each line is checked with arbor::parseRpcUrl as it is typed; the first problem is shown with
 * its line number and Next stays disabled until every line is a usable http(s) URL.
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

    QPlainTextEdit *m_edit = nullptr;
    MessageLabel *m_error = nullptr;
    QList<QUrl> m_urls;
};

} // namespace arbor::ui
