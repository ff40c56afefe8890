#include "services/devnetrecovery.h"

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

DevnetRecovery::DevnetRecovery(ChainService *chains, IndexingService *indexing, QWidget *window)
    : QObject(window)
    , m_chains(chains), m_indexing(indexing)
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
        if (status.phase != IndexPhase::RpcDown)
            continue;
        for (const ChainRecord &chain : std::as_const(m_knownChains)) {
            if (chain.config.chainId != status.chainId || chain.state != ChainState::Active
                || !DevnetService::isLocalDevnetChain(chain.config))
                continue;
            // This session's own devnet is alive while its service runs: not ours to replace.
            if (m_devnet && m_devnet->state() != LocalDevnet::State::Failed)
                return;
            m_handled = true;
            if (const auto remembered = rememberedChoice())
                apply(*remembered, chain);
            else
                ask(chain);
            return;
        }
    }
}

void DevnetRecovery::ask(const ChainRecord &chain)
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Local Devnet Not Running"),
                                tr("The local devnet “%1” stopped when Arbor last closed: its node ran inside Arbor. "
                                   "Its chain can no longer be indexed, and a new node would be a different chain.")
                                    .arg(chain.config.name),
                                QMessageBox::NoButton, m_window);
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
    if (choice == Choice::Keep)
        return;
    const QString name = chain.config.name;
    if (choice == Choice::StartNew && !LocalDevnet::unavailableReason().isEmpty()) {
        Q_EMIT notice(tr("The local devnet “%1” is not running and cannot be started again: %2").arg(name, LocalDevnet::unavailableReason()));
        return;
    }
    Q_EMIT notice(choice == Choice::StartNew ? tr("Replacing the stopped local devnet “%1” with a new one…").arg(name)
                                             : tr("Forgetting the stopped local devnet “%1”…").arg(name));
    then(m_chains->deleteChain(ChainRef{chain.config.chainId, QString()}), this, [this, choice, name](Status deleted) {
        if (!deleted) {
            Q_EMIT notice(tr("The stopped local devnet “%1” could not be deleted: %2").arg(name, deleted.error().toString()));
            return;
        }
        if (choice == Choice::StartNew)
            startNewDevnet();
        else
            Q_EMIT notice(tr("Forgot the stopped local devnet “%1”.").arg(name));
    });
}

void DevnetRecovery::startNewDevnet()
{
    if (!m_devnet) {
        m_devnet = new DevnetService(this);
        connect(m_devnet, &DevnetService::progress, this, &DevnetRecovery::notice);
        connect(m_devnet, &DevnetService::failed, this, [this](const Error &error) {
            Q_EMIT notice(tr("The local devnet could not start: %1").arg(error.message));
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
    }
    m_devnet->start();
}

} // namespace arbor::ui
