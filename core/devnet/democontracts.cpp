#include "devnet/democontracts.h"

#include "model/hex.h"
#include "model/keccak.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace arbor::devnet {

namespace {

constexpr qsizetype Word = 32;

QByteArray padded(QByteArrayView bytes)
{
    QByteArray out = bytes.toByteArray();
    const qsizetype rest = out.size() % Word;
    if (rest != 0)
        out.append(Word - rest, '\0');
    return out;
}

QByteArray word(const U256 &value)
{
    return u256::toBigEndian(value);
}

} // namespace

QString artifactsResourcePath()
{
    return u":/arbor/devnet/contracts.json"_s;
}

Result<QMap<QString, ContractArtifact>> loadArtifacts()
{
    QFile file(artifactsResourcePath());
    if (!file.open(QIODevice::ReadOnly))
        return Error::internal(u"the demo contracts are not embedded (%1): %2"_s.arg(file.fileName(), file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return Error::internal(u"the embedded demo contracts are not a JSON object: %1"_s.arg(parseError.errorString()));
    const QJsonObject contracts = document.object().value(u"contracts"_s).toObject();
    QMap<QString, ContractArtifact> out;
    for (auto it = contracts.begin(); it != contracts.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        ContractArtifact artifact;
        artifact.name = it.key();
        artifact.constructorSignature = entry.value(u"constructor"_s).toString();
        auto bytecode = hex::decode(entry.value(u"bytecode"_s).toString(), u"bytecode"_s);
        if (!bytecode || bytecode->isEmpty())
            return Error::internal(u"the embedded bytecode of %1 is not 0x-hex: %2"_s.arg(it.key(), bytecode ? u"empty"_s : bytecode.error().message));
        artifact.bytecode = *bytecode;
        out.insert(artifact.name, artifact);
    }
    return out;
}

AbiEncoder &AbiEncoder::uint256(const U256 &value)
{
    m_items.append({false, word(value)});
    return *this;
}

AbiEncoder &AbiEncoder::int256(qint64 value)
{
    QByteArray w(Word, value < 0 ? '\xff' : '\0');
    const quint64 bits = quint64(value);
    for (int i = 0; i < 8; ++i)
        w[Word - 1 - i] = char((bits >> (8 * i)) & 0xff);
    m_items.append({false, w});
    return *this;
}

AbiEncoder &AbiEncoder::address(const Address &value)
{
    m_items.append({false, QByteArray(Word - Address::Size, '\0') + value.toBytes()});
    return *this;
}

AbiEncoder &AbiEncoder::bytes32(QByteArrayView value)
{
    Q_ASSERT(value.size() <= Word);
    m_items.append({false, padded(value)});
    if (m_items.last().data.isEmpty())
        m_items.last().data = QByteArray(Word, '\0');
    return *this;
}

AbiEncoder &AbiEncoder::string(const QString &value)
{
    m_items.append({true, value.toUtf8()});
    return *this;
}

AbiEncoder &AbiEncoder::bytes(QByteArrayView value)
{
    m_items.append({true, value.toByteArray()});
    return *this;
}

QByteArray AbiEncoder::encode() const
{
    QByteArray head;
    QByteArray tail;
    const qsizetype headSize = Word * m_items.size();
    for (const Item &item : m_items) {
        if (!item.dynamic) {
            head += item.data;
            continue;
        }
        head += word(U256(headSize + tail.size()));
        tail += word(U256(item.data.size()));
        tail += padded(item.data);
    }
    return head + tail;
}

QByteArray selector(QByteArrayView signature)
{
    return keccak256(signature).left(4);
}

QByteArray callData(QByteArrayView signature, const AbiEncoder &arguments)
{
    return selector(signature) + arguments.encode();
}

QString hexData(const QByteArray &bytes)
{
    return u"0x"_s + QString::fromLatin1(bytes.toHex());
}

U256 units(qint64 whole, int decimals)
{
    U256 v = U256(whole);
    for (int i = 0; i < decimals; ++i)
        v *= 10;
    return v;
}

} // namespace arbor::devnet
