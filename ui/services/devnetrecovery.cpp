#include "services/devnetrecovery.h"

#include "alerts/alertmonitor.h"
#include "engine/chainservice.h"
#include "engine/indexingservice.h"
#include "services/devnetservice.h"
#include "util/continuation.h"

#include <QCheckBox>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QWidget>

namespace arbor::ui {
namespace {

const QString ChoiceKey = QStringLiteral("localDevnet/onStart");

} // namespace

DevnetRecovery::DevnetRecovery(ChainService *chains, IndexingService *indexing, AlertMonitor *alerts, QWidget *window)
    : QObject(window)
    , m_chains(chains), m_indexing(indexing), m_alerts(alerts)
    , m_window(window)
{
    connect(m_chains, &ChainService::chainsChanged, this, [this](const QList<ChainRecord> &chains) { m_knownChains = chains; });
    connect(m_indexing, &IndexingService::chainStatusChanged, this, &DevnetRecovery::onStatuses);
}

DevnetRecovery::~DevnetRecovery() = default;

std::optional<DevnetRecovery::Choice> DevnetRecovery::rememberedChoice()
{
    const QString value = QSettings().value(ChoiceKey).toString();
    if (value == u"start-new")
        return Choice::StartNew;
    if (value == u"forget")
        return Choice::Forget;
    return std::nullopt;
}

void DevnetRecovery::setRememberedChoice(std::optional<Choice> choice)
{
    QSettings settings;
    if (!choice || *choice == Choice::Keep)
        settings.remove(ChoiceKey);
    else
        settings.setValue(ChoiceKey, *choice == Choice::StartNew ? QStringLiteral("start-new") : QStringLiteral("forget"));
}

void DevnetRecovery::onStatuses(const QList<ChainStatus> &statuses)
{
    if (m_handled || m_chains->state().readOnly || !m_chains->state().started)
        return;
    for (const ChainStatus &status : statuses) {
        for (const ChainRecord &chain : std::as_const(m_knownChains)) {
            if (chain.config.chainId != status.chainId || chain.state != ChainState::Active
                || !DevnetService::isLocalDevnetChain(chain.config) || DevnetService::isRunningHere(chain.config))
                continue;
            const bool canResume = DevnetService::hasSavedState(chain.config) && LocalDevnet::unavailableReason().isEmpty();
            if (!canResume && status.phase != IndexPhase::RpcDown)
                continue;
            m_handled = true;
            m_heldChain = chain.config.chainId;
            m_alerts->holdChain(m_heldChain);
            if (canResume)
                resume(chain, status.indexed);
            else
                decide(chain, QString());
            return;
        }
    }
}

void DevnetRecovery::resume(const ChainRecord &chain, std::optional<qint64> indexedBlock)
{
    Q_EMIT notice(tr("Starting the local devnet “%1” again from where it stopped…").arg(chain.config.name));
    m_resuming = chain;
    devnetService()->resume(chain.config, indexedBlock);
}

void DevnetRecovery::onResumeFailed(const Error &error)
{
    const ChainRecord chain = *std::exchange(m_resuming, std::nullopt);
    // Another program holds its address (another console's node, perhaps): not ours to replace.
    if (error.kind == Error::Kind::Conflict) {
        Q_EMIT notice(tr("The local devnet “%1” could not be started again: %2").arg(chain.config.name, error.message));
        release();
        return;
    }
    decide(chain, error.message);
}

void DevnetRecovery::decide(const ChainRecord &chain, const QString &failure)
{
    if (const auto remembered = rememberedChoice()) {
        if (!failure.isEmpty())
            Q_EMIT notice(tr("The local devnet “%1” could not be started again: %2").arg(chain.config.name, failure));
        apply(*remembered, chain);
    } else {
        ask(chain, failure);
    }
}

void DevnetRecovery::release()
{
    if (m_heldChain != 0)
        m_alerts->releaseChain(std::exchange(m_heldChain, 0));
}

void DevnetRecovery::ask(const ChainRecord &chain, const QString &failure)
{
    const QString text = failure.isEmpty()
        ? tr("The local devnet “%1” stopped when Arbor last closed: its node ran inside Arbor and kept no saved state. "
             "Its chain can no longer be indexed, and a new node would be a different chain.").arg(chain.config.name)
        : tr("The local devnet “%1” stopped when Arbor last closed, and starting it again from its saved state failed: %2 "
             "Its chain cannot be indexed until its node runs.").arg(chain.config.name, failure);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Local Devnet Not Running"), text, QMessageBox::NoButton, m_window);
    box->setObjectName(QStringLiteral("devnetRecoveryBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(tr("Start a new local devnet in its place (the old chain's indexed data is deleted), "
                               "or forget the chain?"));
    QPushButton *startNew = box->addButton(tr("&Start a New Devnet"), QMessageBox::AcceptRole);
    startNew->setObjectName(QStringLiteral("devnetStartNewButton"));
    startNew->setEnabled(LocalDevnet::unavailableReason().isEmpty());
    startNew->setToolTip(LocalDevnet::unavailableReason());
    QPushButton *forget = box->addButton(tr("&Forget the Chain"), QMessageBox::DestructiveRole);
    forget->setObjectName(QStringLiteral("devnetForgetButton"));
    QPushButton *keep = box->addButton(tr("&Not Now"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("devnetKeepButton"));
    box->setDefaultButton(startNew->isEnabled() ? startNew : keep);
    box->setEscapeButton(keep);
    auto *remember = new QCheckBox(tr("&Do the same on every start"), box);
    remember->setObjectName(QStringLiteral("devnetRememberBox"));
    box->setCheckBox(remember);
    connect(box, &QMessageBox::buttonClicked, this, [this, chain, startNew, forget, remember](QAbstractButton *clicked) {
        const Choice choice = clicked == startNew ? Choice::StartNew : clicked == forget ? Choice::Forget : Choice::Keep;
        if (remember->isChecked())
            setRememberedChoice(choice);
        apply(choice, chain);
    });
    m_question = box;
    box->open();
}

void DevnetRecovery::apply(Choice choice, const ChainRecord &chain)
{
    if (choice == Choice::Keep) {
        release();
        return;
    }
    const QString name = chain.config.name;
    if (choice == Choice::StartNew && !LocalDevnet::unavailableReason().isEmpty()) {
        Q_EMIT notice(tr("The local devnet “%1” is not running and cannot be started again: %2").arg(name, LocalDevnet::unavailableReason()));
        release();
        return;
    }
    Q_EMIT notice(choice == Choice::StartNew ? tr("Replacing the stopped local devnet “%1” with a new one…").arg(name)
                                             : tr("Forgetting the stopped local devnet “%1”…").arg(name));
    then(m_chains->deleteChain(ChainRef{chain.config.chainId, QString()}), this, [this, choice, chain, name](Status deleted) {
        release();
        if (!deleted) {
            Q_EMIT notice(tr("The stopped local devnet “%1” could not be deleted: %2").arg(name, deleted.error().toString()));
            return;
        }
        DevnetService::forgetSavedState(chain.config);
        if (choice == Choice::StartNew)
            startNewDevnet();
        else
            Q_EMIT notice(tr("Forgot the stopped local devnet “%1”.").arg(name));
    });
}

DevnetService *DevnetRecovery::devnetService()
{
    if (m_devnet)
        return m_devnet;
    m_devnet = new DevnetService(this);
    connect(m_devnet, &DevnetService::progress, this, &DevnetRecovery::notice);
    connect(m_devnet, &DevnetService::failed, this, [this](const Error &error) {
        if (m_resuming)
            onResumeFailed(error);
        else
            Q_EMIT notice(tr("The local devnet could not start: %1").arg(error.message));
    });
    connect(m_devnet, &DevnetService::resumed, this, [this](const ChainConfig &config) {
        const ChainRecord chain = *std::exchange(m_resuming, std::nullopt);
        release();
        // The indexer backs off from an endpoint that failed; it need not wait for its next try.
        m_chains->probeNow(ChainRef{config.chainId, QString()});
        Q_EMIT notice(tr("The local devnet “%1” runs again; its chain is indexed on from where it stopped.").arg(chain.config.name));
    });
    connect(m_devnet, &DevnetService::ready, this, [this](const ChainConfig &config) {
        then(m_chains->addChain(config), this, [this](const Result<ChainRecord> &added) {
            if (!added) {
                m_devnet->stop();
                Q_EMIT notice(tr("The local devnet could not be added: %1").arg(added.error().toString()));
                return;
            }
            Q_EMIT notice(tr("The new local devnet “%1” is being indexed.").arg(added->config.name));
            Q_EMIT chainAdded(*added);
        });
    });
    return m_devnet;
}

void DevnetRecovery::startNewDevnet()
{
    devnetService()->start();
}

} // namespace arbor::ui
