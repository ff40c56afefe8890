#pragma once

#include <QWizardPage>

class QLabel;
class QProgressBar;

namespace arbor::ui {

class AddChainWizard;
class MessageLabel;

/**
 * Last page of the add-chain wizard: a summary of everything entered and the Create button.
 * Create runs Engine::addChain, which checks and probes everything again; a refusal is shown
 * here and the operator can go back and fix it. On success the wizard emits chainAdded and
 * closes.
 */
class ReviewPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReviewPage(AddChainWizard *wizard);

    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;

    bool isCreating() const { return m_creating; }

private:
    void create();
    void setCreating(bool creating);

    AddChainWizard *m_wizard;
    QLabel *m_summary = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_busyLabel = nullptr;
    MessageLabel *m_error = nullptr;
    bool m_creating = false;
    bool m_created = false;
};

} // namespace arbor::ui
