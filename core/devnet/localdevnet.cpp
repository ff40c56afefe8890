#include "devnet/localdevnet.h"

#include "rpc/jsonrpcclient.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

Q_LOGGING_CATEGORY(lcDevnet, "arbor.devnet")

using namespace Qt::StringLiterals;

namespace arbor {

namespace {

constexpr int StartTimeoutMs = 20000;
constexpr int LaunchAttempts = 3;
constexpr int PollIntervalMs = 200;
constexpr int ReceiptAttempts = 300;          // 100 ms apart: 30 s
constexpr qint64 OutputTailBytes = 4096;
constexpr qint64 GasDeploy = 3000000;
constexpr int SetupAgents = 3;
constexpr qint64 MintedUnits = 1000000;
constexpr int StateIntervalSeconds = 600;   // the state file is rewritten whole: about 4 KB a block
constexpr int StopTimeoutMs = 3000;

quint16 freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

} // namespace

LocalDevnet::LocalDevnet(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
    , m_traffic(new DemoTraffic(this))
{
    // A system proxy must never see loopback JSON-RPC.
    m_network->setProxy(QNetworkProxy::NoProxy);
}

LocalDevnet::~LocalDevnet()
{
    stop();
    // Before the members go: a reply finishing while the network manager is torn down must
    // not reach a callback that captured this half-destroyed object.
    delete m_client;
    m_client = nullptr;
    delete m_network;
    m_network = nullptr;
}

QString LocalDevnet::anvilProgram()
{
    return QStandardPaths::findExecutable(u"anvil"_s);
}

QString LocalDevnet::unavailableReason()
{
    if (!anvilProgram().isEmpty())
        return {};
    return tr("anvil was not found on PATH; install Foundry's anvil "
              "(e.g. npm install -g @foundry-rs/anvil-linux-amd64) to try a local devnet");
}

qint64 LocalDevnet::nodeProcessId() const
{
    return m_process ? m_process->processId() : 0;
}

void LocalDevnet::setTrafficInterval(int ms)
{
    m_traffic->setInterval(ms);
}

bool LocalDevnet::beginRun()
{
    if (m_state == State::Starting || m_state == State::Running)
        return false;
    stop();
    m_program = anvilProgram();
    if (m_program.isEmpty()) {
        fail(Error::unavailable(u"anvil"_s, unavailableReason()));
        return false;
    }
    return true;
}

void LocalDevnet::start()
{
    if (!beginRun())
        return;
    auto artifacts = devnet::loadArtifacts();
    if (!artifacts) {
        fail(artifacts.error());
        return;
    }
    m_artifacts = *artifacts;
    m_state = State::Starting;
    m_resuming = false;
    m_launchAttempts = 0;
    launch(0);
}

void LocalDevnet::launch(quint16 port)
{
    ++m_launchAttempts;
    if (port == 0)
        port = freeLoopbackPort();
    if (port == 0) {
        fail(Error::unavailable(u"anvil"_s, tr("no free loopback port for the local devnet")));
        return;
    }
    m_rpcUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(port));
    m_output.clear();
    if (m_process) {
        m_process->disconnect(this);
        m_process.release()->deleteLater();   // a retry runs inside the old process's finished()
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(m_program);
    // Automine while deploying (every transaction its own block, receipts at once); finishSetup()
    // switches to a block a second. No historical states spilled to disk: a console runs for days.
    QStringList arguments{u"--host"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(port), u"--chain-id"_s,
                          QString::number(ChainId), u"--accounts"_s, u"10"_s, u"--max-persisted-states"_s, u"0"_s,
                          u"--silent"_s};
    if (!m_stateDirectory.isEmpty()) {
        const QString stateFile = stateFileFor(m_stateDirectory, m_rpcUrl);
        QDir().mkpath(m_stateDirectory);
        if (!m_resuming)
            QFile::remove(stateFile);
        arguments << u"--state"_s << stateFile << u"--state-interval"_s << QString::number(StateIntervalSeconds);
    }
    m_process->setArguments(arguments);
    m_process->setProcessChannelMode(QProcess::MergedChannels);
#ifdef Q_OS_LINUX
    // The node must not outlive the console, even one that crashed or was killed.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#endif
    QProcess *process = m_process.get();
    connect(process, &QProcess::readyReadStandardOutput, this, [this, process] {
        m_output += process->readAllStandardOutput();
        if (m_output.size() > OutputTailBytes)
            m_output = m_output.right(OutputTailBytes);
    });
    connect(process, &QProcess::finished, this, &LocalDevnet::onProcessFinished);
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(Error::unavailable(u"anvil"_s, tr("cannot start %1: %2").arg(m_program, process->errorString())));
    });

    delete m_client;
    m_client = new JsonRpcClient(m_network, m_rpcUrl, this);
    m_client->setTimeout(5000);
    Q_EMIT progress(tr("Starting anvil on %1…").arg(m_rpcUrl.toString()));
    m_process->start();
    m_startClock.start();
    const quint64 generation = m_generation;
    QTimer::singleShot(PollIntervalMs, this, [this, generation] {
        if (alive(generation))
            pollChainId();
    });
}

void LocalDevnet::onProcessFinished()
{
    const QString tail = outputTail();
    const int exitCode = m_process ? m_process->exitCode() : -1;
    if (m_state == State::Starting && !m_resuming && tail.contains(u"in use"_s) && m_launchAttempts < LaunchAttempts) {
        // Another process took the port between our probe and anvil's bind.
        ++m_generation;
        launch(0);
        return;
    }
    if (m_state == State::Starting && m_resuming && tail.contains(u"in use"_s)) {
        fail(Error::conflict(u"anvil"_s, tr("another program took %1, the address of the local devnet").arg(m_rpcUrl.toString())));
        return;
    }
    // On Unix a crashed process's exit code is the signal that ended it.
    const bool crashed = m_process && m_process->exitStatus() == QProcess::CrashExit;
    const QString how = crashed ? tr("killed by signal %1").arg(exitCode) : tr("exit code %1").arg(exitCode);
    if (m_state == State::Starting)
        fail(Error::unavailable(u"anvil"_s, tr("anvil exited while starting (%1): %2").arg(how, tail)));
    else if (m_state == State::Running)
        fail(Error::unavailable(u"anvil"_s, tr("anvil exited while the devnet was running (%1): %2").arg(how, tail)));
}

QString LocalDevnet::outputTail() const
{
    const QString text = QString::fromUtf8(m_output).trimmed();
    return text.isEmpty() ? tr("(no output)") : text;
}

void LocalDevnet::pollChainId()
{
    if (m_startClock.elapsed() > StartTimeoutMs) {
        fail(Error::unavailable(u"anvil"_s, tr("anvil did not answer on %1 within %2 s: %3")
                                                 .arg(m_rpcUrl.toString()).arg(StartTimeoutMs / 1000).arg(outputTail())));
        return;
    }
    const quint64 generation = m_generation;
    m_client->call(u"eth_chainId"_s, {}, [this, generation](Result<QJsonValue> result) {
        if (!alive(generation))
            return;
        if (!result) {
            QTimer::singleShot(PollIntervalMs, this, [this, generation] {
                if (alive(generation))
                    pollChainId();
            });
            return;
        }
        const auto id = quantityToInt64(*result, u"eth_chainId"_s);
        if (!id || *id != ChainId) {
            fail(Error::invalid(u"eth_chainId"_s, tr("the node on %1 answered chain id %2, expected %3")
                                                      .arg(m_rpcUrl.toString(), result->toString())
                                                      .arg(ChainId)));
            return;
        }
        if (m_resuming)
            checkSavedHead();
        else
            deployDemo();
    });
}

void LocalDevnet::readAccounts(std::function<void()> next)
{
    const quint64 generation = m_generation;
    m_client->call(u"eth_accounts"_s, {}, [this, generation, next = std::move(next)](Result<QJsonValue> result) {
        if (!alive(generation))
            return;
        if (!result) {
            fail(result.error());
            return;
        }
        m_demo = DemoChain();
        for (const QJsonValue &v : result->toArray()) {
            if (auto a = Address::fromHex(v.toString().toLower(), u"eth_accounts"_s))
                m_demo.holders.append(*a);
        }
        if (m_demo.holders.size() < 2) {
            fail(Error::refused(tr("anvil offers %1 unlocked accounts; the demo needs at least 2")
                                    .arg(m_demo.holders.size())));
            return;
        }
        m_deployer = m_demo.holders.first();
        next();
    });
}

void LocalDevnet::deployDemo()
{
    readAccounts([this] { deployTokens(); });
}

void LocalDevnet::deployTokens()
{
    Q_EMIT progress(tr("Deploying the demo tokens…"));
    const auto token = [](const QString &name, const QString &symbol, int decimals) {
        return devnet::AbiEncoder().string(name).string(symbol).uint256(decimals).encode();
    };
    deploy(u"TestToken"_s, token(u"Demo Dollar"_s, u"DUSD"_s, 6), tr("Demo Dollar (DUSD)"),
           [this, token](const Address &dusd) {
        m_demo.tokens.append({dusd, 6});
        deploy(u"TestToken"_s, token(u"Demo Token"_s, u"DEMO"_s, 18), tr("Demo Token (DEMO)"),
               [this](const Address &demo) {
            m_demo.tokens.append({demo, 18});
            deployRegistries();
        });
    });
}

void LocalDevnet::deployRegistries()
{
    Q_EMIT progress(tr("Deploying the ERC-8004 registries…"));
    // Identity first: the other two take its address in their constructor.
    deploy(u"IdentityRegistry"_s, {}, tr("the identity registry"), [this](const Address &identity) {
        m_demo.identity = identity;
        const QByteArray bound = devnet::AbiEncoder().address(identity).encode();
        deploy(u"ReputationRegistry"_s, bound, tr("the reputation registry"), [this, bound](const Address &reputation) {
            m_demo.reputation = reputation;
            deploy(u"ValidationRegistry"_s, bound, tr("the validation registry"), [this](const Address &validation) {
                m_demo.validation = validation;
                mintDemoTokens();
            });
        });
    });
}

void LocalDevnet::mintDemoTokens()
{
    Q_EMIT progress(tr("Minting demo tokens to %n holder(s)…", nullptr, int(m_demo.holders.size())));
    QList<QJsonObject> mints;
    for (const DemoChain::Token &t : std::as_const(m_demo.tokens)) {
        for (const Address &holder : std::as_const(m_demo.holders)) {
            const QByteArray data = devnet::callData(
                "mint(address,uint256)", devnet::AbiEncoder().address(holder).uint256(devnet::units(MintedUnits, t.decimals)));
            mints.append({{u"from"_s, m_deployer.toHex()}, {u"to"_s, t.address.toHex()},
                          {u"data"_s, devnet::hexData(data)}, {u"gas"_s, int64ToQuantity(devnet::GasTokenCall)}});
        }
    }
    transactAll(mints, tr("minting"), [this] { registerDemoAgents(); });
}

void LocalDevnet::registerDemoAgents()
{
    Q_EMIT progress(tr("Registering demo agents…"));
    QList<QJsonObject> registrations;
    for (int i = 0; i < SetupAgents; ++i) {
        const Address &owner = m_demo.holders.at((i + 1) % m_demo.holders.size());
        const QString uri = u"https://agents.example/agent-%1.json"_s.arg(i + 1);
        const QByteArray data = devnet::callData("register(string)", devnet::AbiEncoder().string(uri));
        registrations.append({{u"from"_s, owner.toHex()}, {u"to"_s, m_demo.identity.toHex()},
                              {u"data"_s, devnet::hexData(data)}, {u"gas"_s, int64ToQuantity(devnet::GasRegistryCall)}});
        m_demo.agents.append({quint64(i + 1), owner});
    }
    transactAll(registrations, tr("registering agents"), [this] { finishSetup(); });
}

void LocalDevnet::deploy(const QString &contract, const QByteArray &constructorArguments, const QString &what,
                         std::function<void(const Address &)> next)
{
    const auto artifact = m_artifacts.constFind(contract);
    if (artifact == m_artifacts.cend()) {
        fail(Error::internal(tr("the embedded demo contracts lack %1").arg(contract)));
        return;
    }
    transact(m_deployer, Address(), artifact->bytecode + constructorArguments, GasDeploy, tr("deploying %1").arg(what),
             [this, what, next = std::move(next)](const QJsonObject &receipt) {
        const auto address = Address::fromHex(receipt.value(u"contractAddress"_s).toString().toLower());
        if (!address) {
            fail(Error::invalid(u"contractAddress"_s, tr("the receipt of %1 names no contract").arg(what)));
            return;
        }
        next(*address);
    });
}

void LocalDevnet::transact(const Address &from, const Address &to, const QByteArray &data, qint64 gas,
                           const QString &what, ReceiptCallback next)
{
    QJsonObject tx{{u"from"_s, from.toHex()}, {u"data"_s, devnet::hexData(data)}, {u"gas"_s, int64ToQuantity(gas)}};
    if (!to.isZero())
        tx.insert(u"to"_s, to.toHex());
    const quint64 generation = m_generation;
    m_client->call(u"eth_sendTransaction"_s, {tx}, [this, generation, what, next = std::move(next)](Result<QJsonValue> hash) {
        if (!alive(generation))
            return;
        if (!hash) {
            fail(Error::unavailable(hash.error().field, tr("%1 failed: %2").arg(what, hash.error().message)));
            return;
        }
        waitForReceipt(hash->toString(), what, 0, next);
    });
}

void LocalDevnet::transactAll(const QList<QJsonObject> &transactions, const QString &what, std::function<void()> next)
{
    // One after the other: anvil numbers a sender's transactions in the order they arrive.
    if (transactions.isEmpty()) {
        next();
        return;
    }
    const quint64 generation = m_generation;
    m_client->call(u"eth_sendTransaction"_s, {transactions.first()},
                   [this, generation, transactions, what, next = std::move(next)](Result<QJsonValue> hash) {
        if (!alive(generation))
            return;
        if (!hash) {
            fail(Error::unavailable(hash.error().field, tr("%1 failed: %2").arg(what, hash.error().message)));
            return;
        }
        waitForReceipt(hash->toString(), what, 0, [this, transactions, what, next](const QJsonObject &) {
            transactAll(transactions.mid(1), what, next);
        });
    });
}

void LocalDevnet::waitForReceipt(const QString &hash, const QString &what, int attempt, ReceiptCallback next)
{
    const quint64 generation = m_generation;
    m_client->call(u"eth_getTransactionReceipt"_s, {hash},
                   [this, generation, hash, what, attempt, next = std::move(next)](Result<QJsonValue> receipt) {
        if (!alive(generation))
            return;
        if (!receipt) {
            fail(Error::unavailable(receipt.error().field, tr("%1 failed: %2").arg(what, receipt.error().message)));
            return;
        }
        if (receipt->isNull()) {
            if (attempt + 1 >= ReceiptAttempts) {
                fail(Error::unavailable(u"anvil"_s, tr("%1: no receipt for transaction %2 after %3 s")
                                                        .arg(what, hash).arg(ReceiptAttempts / 10)));
                return;
            }
            QTimer::singleShot(100, this, [this, generation, hash, what, attempt, next] {
                if (alive(generation))
                    waitForReceipt(hash, what, attempt + 1, next);
            });
            return;
        }
        const QJsonObject object = receipt->toObject();
        if (object.value(u"status"_s).toString() != u"0x1"_s) {
            fail(Error::refused(tr("%1 reverted (transaction %2)").arg(what, hash)));
            return;
        }
        next(object);
    });
}

void LocalDevnet::finishSetup()
{
    Q_EMIT progress(tr("Switching to a block a second…"));
    run([this] {
        ChainConfig config;
        config.chainId = ChainId;
        config.name = tr("Local devnet");
        config.rpcUrls = {m_rpcUrl};
        config.startBlock = 0;
        config.pollIntervalMs = 1000;
        for (const DemoChain::Token &t : std::as_const(m_demo.tokens))
            config.tokens.append(t.address);
        config.registries = {{RegistryKind::Identity, m_demo.identity},
                             {RegistryKind::Reputation, m_demo.reputation},
                             {RegistryKind::Validation, m_demo.validation}};
        m_config = config;
        Q_EMIT progress(tr("The local devnet is running on %1").arg(m_rpcUrl.toString()));
        Q_EMIT ready(m_config);
    });
}

void LocalDevnet::run(std::function<void()> then)
{
    const quint64 generation = m_generation;
    m_client->call(u"evm_setIntervalMining"_s, {1}, [this, generation, then = std::move(then)](Result<QJsonValue> result) {
        if (!alive(generation))
            return;
        // Without interval mining every generated transaction still gets its own block.
        if (!result)
            qCWarning(lcDevnet) << "evm_setIntervalMining failed:" << result.error().toString();
        m_state = State::Running;
        m_traffic->start(m_client, m_demo);
        then();
    });
}

void LocalDevnet::fail(const Error &error)
{
    if (m_state == State::Failed)   // one report per start()
        return;
    qCWarning(lcDevnet) << "local devnet failed:" << error.toString();
    stop();
    m_state = State::Failed;
    Q_EMIT failed(error);
}

void LocalDevnet::stop()
{
    ++m_generation;
    m_traffic->stop();
    if (m_process) {
        m_process->disconnect(this);
        if (m_process->state() != QProcess::NotRunning) {
            // SIGTERM: anvil writes its state file before it exits.
            m_process->terminate();
            if (!m_process->waitForFinished(StopTimeoutMs)) {
                m_process->kill();
                m_process->waitForFinished(1000);
            }
        }
        // stop() may run inside one of the process's own signals (finished, errorOccurred).
        m_process.release()->deleteLater();
    }
    m_state = State::Stopped;
}

} // namespace arbor
