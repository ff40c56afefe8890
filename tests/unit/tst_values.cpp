// Value types an operator pastes or reads: Keccak-256, 0x-hex, addresses, hashes, 256-bit amounts.

#include "model/address.h"
#include "model/hash.h"
#include "model/hex.h"
#include "model/keccak.h"
#include "model/u256.h"

#include <QtTest>

#include <algorithm>
#include <cstring>

using namespace arbor;
using namespace Qt::StringLiterals;

namespace {

// Independent of u256::fromDecimal: Boost parses the digits itself.
U256 big(const QString &decimal)
{
    return U256(decimal.toStdString());
}

QByteArray counting(int size)
{
    QByteArray out(size, Qt::Uninitialized);
    for (int i = 0; i < size; ++i)
        out[i] = char(i & 0xff);
    return out;
}

const QString MaxU256 = u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s;
const QString TwoTo256 = u"115792089237316195423570985008687907853269984665640564039457584007913129639936"_s;

} // namespace

class TestValues final : public QObject
{
    Q_OBJECT

private slots:
    void keccak_data();
    void keccak();

    void hexDecode_data();
    void hexDecode();

    void addressAccepted_data();
    void addressAccepted();
    void addressRejected_data();
    void addressRejected();
    void addressChecksumRoundTrip_data();
    void addressChecksumRoundTrip();
    void addressFromBytes();

    void hashParse_data();
    void hashParse();

    void decimalRoundTrip_data();
    void decimalRoundTrip();
    void decimalRejected_data();
    void decimalRejected();
    void bigEndianRoundTrip_data();
    void bigEndianRoundTrip();
    void bigEndianOrderIsNumericOrder();
    void bigEndianWrongSize();
    void hexQuantity_data();
    void hexQuantity();
    void formatUnits_data();
    void formatUnits();
};

// Expected digests from an independent Keccak-256 implementation (js-sha3), not from this code.
void TestValues::keccak_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("digest");

    QTest::newRow("empty") << QByteArray()
                           << "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"_ba;
    QTest::newRow("abc") << "abc"_ba << "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"_ba;
    QTest::newRow("erc20 Transfer topic") << "Transfer(address,address,uint256)"_ba
                                          << "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"_ba;
    // Around the 136-byte rate: padding in the same byte (135), a block of padding alone (136), two blocks.
    QTest::newRow("135 bytes") << counting(135) << "cbdfd9dee5faad3818d6b06f95a219fd290b0e1706f6a82e5a595b9ce9faca62"_ba;
    QTest::newRow("136 bytes") << counting(136) << "7ce759f1ab7f9ce437719970c26b0a66ff11fe3e38e17df89cf5d29c7d7f807e"_ba;
    QTest::newRow("137 bytes") << counting(137) << "ac73d4fae68b8453f764007c1a20ce95994187861f0c3227a3a8e99a73a3b1db"_ba;
    QTest::newRow("200 bytes counting") << counting(200)
                                        << "bfb0aa97863e797943cf7c33bb7e880bb4543f3d2703c0923c6901c2af57b890"_ba;
    QTest::newRow("200 bytes of 0xa3") << QByteArray(200, char(0xa3))
                                       << "3a57666b048777f2c953dc4456f45a2588e1cb6f2da760122d530ac2ce607d4a"_ba;
}

void TestValues::keccak()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, digest);
    const QByteArray out = keccak256(input);
    QCOMPARE(out.size(), 32);
    QCOMPARE(out.toHex(), digest);
}

void TestValues::hexDecode_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qsizetype>("expectedBytes");
    QTest::addColumn<QByteArray>("bytes");   // when decoding succeeds
    QTest::addColumn<QString>("needle");     // in the error otherwise

    QTest::newRow("good") << u"0x00ff10Ab"_s << qsizetype(-1) << "\x00\xff\x10\xab"_ba << QString();
    QTest::newRow("good, exact length") << u"0xdeadbeef"_s << qsizetype(4) << "\xde\xad\xbe\xef"_ba << QString();
    QTest::newRow("0x alone is no bytes") << u"0x"_s << qsizetype(-1) << QByteArray() << QString();
    QTest::newRow("no prefix") << u"deadbeef"_s << qsizetype(-1) << QByteArray() << u"must start with 0x"_s;
    QTest::newRow("no prefix, exact length") << u"deadbeef"_s << qsizetype(4) << QByteArray() << u"followed by 8 hex digits"_s;
    QTest::newRow("uppercase prefix") << u"0Xdeadbeef"_s << qsizetype(-1) << QByteArray() << u"must start with 0x"_s;
    QTest::newRow("empty") << QString() << qsizetype(-1) << QByteArray() << u"must start with 0x"_s;
    QTest::newRow("odd length") << u"0xabc"_s << qsizetype(-1) << QByteArray() << u"odd number of hex digits (3)"_s;
    QTest::newRow("bad digit") << u"0xabcg"_s << qsizetype(-1) << QByteArray() << u"“g” at position 5 is not a hex digit"_s;
    QTest::newRow("space inside") << u"0xab cd"_s << qsizetype(-1) << QByteArray() << u"odd number"_s;
    QTest::newRow("space between bytes") << u"0xab  cd"_s << qsizetype(-1) << QByteArray() << u"“ ” at position 4"_s;
    QTest::newRow("too short") << u"0xdead"_s << qsizetype(4) << QByteArray() << u"expected 8 hex digits after 0x, found 4"_s;
    QTest::newRow("too long") << u"0xdeadbeef00"_s << qsizetype(4) << QByteArray() << u"expected 8 hex digits after 0x, found 10"_s;
}

void TestValues::hexDecode()
{
    QFETCH(QString, text);
    QFETCH(qsizetype, expectedBytes);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, needle);
    const auto decoded = hex::decode(text, u"--data"_s, expectedBytes);
    if (needle.isEmpty()) {
        QVERIFY2(decoded.ok(), qPrintable(decoded.ok() ? QString() : decoded.error().toString()));
        QCOMPARE(*decoded, bytes);
    } else {
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().kind, Error::Kind::Invalid);
        QCOMPARE(decoded.error().field, u"--data"_s);
        QVERIFY2(decoded.error().message.contains(needle), qPrintable(decoded.error().message));
    }
}

void TestValues::addressAccepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("lowercase");

    // EIP-55 test vectors: all caps, all lower, and mixed case with a valid checksum.
    QTest::newRow("all caps 1") << u"0x52908400098527886E0F7030069857D2E4169EE7"_s
                                << u"0x52908400098527886e0f7030069857d2e4169ee7"_s;
    QTest::newRow("all caps 2") << u"0x8617E340B3D01FA5F11F306F4090FD50E238070D"_s
                                << u"0x8617e340b3d01fa5f11f306f4090fd50e238070d"_s;
    QTest::newRow("all lower 1") << u"0xde709f2102306220921060314715629080e2fb77"_s
                                 << u"0xde709f2102306220921060314715629080e2fb77"_s;
    QTest::newRow("all lower 2") << u"0x27b1fdb04752bbc536007a920d24acb045561c26"_s
                                 << u"0x27b1fdb04752bbc536007a920d24acb045561c26"_s;
    QTest::newRow("eip55 1") << u"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"_s
                             << u"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"_s;
    QTest::newRow("eip55 2") << u"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"_s
                             << u"0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"_s;
    QTest::newRow("eip55 3") << u"0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB"_s
                             << u"0xdbf03b407c01e7cd3cbea99509d93f8dddc8c6fb"_s;
    QTest::newRow("eip55 4") << u"0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"_s
                             << u"0xd1220a0cf47c7b9be7a2e6ba89f429762e7b9adb"_s;
    QTest::newRow("uppercase all of the hex digits") << u"0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"_s
                                                     << u"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"_s;
    QTest::newRow("zero") << u"0x0000000000000000000000000000000000000000"_s
                          << u"0x0000000000000000000000000000000000000000"_s;
}

void TestValues::addressAccepted()
{
    QFETCH(QString, text);
    QFETCH(QString, lowercase);
    const auto address = Address::fromHex(text, u"token"_s);
    QVERIFY2(address.ok(), qPrintable(address.ok() ? QString() : address.error().toString()));
    QCOMPARE(address->toHex(), lowercase);
    QCOMPARE(address->toBytes(), QByteArray::fromHex(lowercase.mid(2).toLatin1()));
}

void TestValues::addressRejected_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("needle");

    // One letter's case flipped in an EIP-55 vector: a typo the checksum exists to catch.
    QTest::newRow("wrong checksum") << u"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"_s << u"checksum"_s;
    QTest::newRow("wrong checksum first letter") << u"0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"_s << u"checksum"_s;
    QTest::newRow("39 digits") << u"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae"_s << u"found 39"_s;
    QTest::newRow("41 digits") << u"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed0"_s << u"found 41"_s;
    QTest::newRow("empty") << QString() << u"0x"_s;
    QTest::newRow("0x only") << u"0x"_s << u"found 0"_s;
    QTest::newRow("non-hex") << u"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg"_s << u"hex digit"_s;
    QTest::newRow("missing 0x") << u"5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"_s << u"start with 0x"_s;
    QTest::newRow("a hash, not an address")
        << u"0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"_s << u"found 64"_s;
}

void TestValues::addressRejected()
{
    QFETCH(QString, text);
    QFETCH(QString, needle);
    const auto address = Address::fromHex(text, u"--token"_s);
    QVERIFY(!address.ok());
    QCOMPARE(address.error().kind, Error::Kind::Invalid);
    QCOMPARE(address.error().field, u"--token"_s);
    QVERIFY2(address.error().message.contains(needle), qPrintable(address.error().message));
}

void TestValues::addressChecksumRoundTrip_data()
{
    QTest::addColumn<QString>("checksummed");
    QTest::newRow("eip55 1") << u"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"_s;
    QTest::newRow("eip55 2") << u"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"_s;
    QTest::newRow("eip55 3") << u"0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB"_s;
    QTest::newRow("eip55 4") << u"0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"_s;
    QTest::newRow("all caps") << u"0x52908400098527886E0F7030069857D2E4169EE7"_s;
    QTest::newRow("all lower") << u"0xde709f2102306220921060314715629080e2fb77"_s;
}

void TestValues::addressChecksumRoundTrip()
{
    QFETCH(QString, checksummed);
    // From lowercase input, toChecksumHex restores the vector's exact casing.
    const auto address = Address::fromHex(checksummed.toLower());
    QVERIFY(address.ok());
    QCOMPARE(address->toChecksumHex(), checksummed);
    const auto again = Address::fromHex(address->toChecksumHex());
    QVERIFY(again.ok());
    QCOMPARE(*again, *address);
}

void TestValues::addressFromBytes()
{
    const QByteArray bytes = QByteArray::fromHex("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
    const auto address = Address::fromBytes(bytes);
    QVERIFY(address.ok());
    QCOMPARE(address->toChecksumHex(), u"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"_s);
    QVERIFY(!address->isZero());
    QVERIFY(Address().isZero());

    const auto shorter = Address::fromBytes(bytes.left(19), u"registry"_s);
    QVERIFY(!shorter.ok());
    QCOMPARE(shorter.error().field, u"registry"_s);
    QVERIFY2(shorter.error().message.contains(u"19"_s), qPrintable(shorter.error().message));
}

void TestValues::hashParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");

    const QString topic = u"0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"_s;
    QTest::newRow("transfer topic") << topic << true;
    QTest::newRow("uppercase digits") << u"0xDDF252AD1BE2C89B69C2B068FC378DAA952BA7F163C4A11628F55A4DF523B3EF"_s << true;
    QTest::newRow("surrounding spaces") << QString(u"  "_s + topic + u" "_s) << true;
    QTest::newRow("63 digits") << topic.chopped(1) << false;
    QTest::newRow("65 digits") << QString(topic + u"0"_s) << false;
    QTest::newRow("missing 0x") << topic.mid(2) << false;
    QTest::newRow("non-hex") << QString(topic.chopped(1) + u"g"_s) << false;
    QTest::newRow("address") << u"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestValues::hashParse()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto hash = Hash::fromHex(text, u"block hash"_s);
    QCOMPARE(hash.ok(), valid);
    if (valid) {
        QCOMPARE(hash->toHex(), text.trimmed().toLower());
        QCOMPARE(hash->toBytes(), QByteArray::fromHex(text.trimmed().mid(2).toLatin1()));
    } else {
        QCOMPARE(hash.error().kind, Error::Kind::Invalid);
        QCOMPARE(hash.error().field, u"block hash"_s);
        QVERIFY2(hash.error().message.contains(u"32-byte hash"_s), qPrintable(hash.error().message));
    }
}

void TestValues::decimalRoundTrip_data()
{
    QTest::addColumn<QString>("decimal");
    QTest::newRow("0") << u"0"_s;
    QTest::newRow("1") << u"1"_s;
    QTest::newRow("10^18") << u"1000000000000000000"_s;
    QTest::newRow("2^64") << u"18446744073709551616"_s;
    QTest::newRow("2^256-1") << MaxU256;
}

void TestValues::decimalRoundTrip()
{
    QFETCH(QString, decimal);
    const auto value = u256::fromDecimal(decimal);
    QVERIFY2(value.ok(), qPrintable(value.ok() ? QString() : value.error().toString()));
    QCOMPARE(*value, big(decimal));
    QCOMPARE(u256::toDecimal(*value), decimal);
}

void TestValues::decimalRejected_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("needle");
    QTest::newRow("2^256") << TwoTo256 << u"256 bits"_s;
    QTest::newRow("2^256-1 times ten") << QString(MaxU256 + u"0"_s) << u"256 bits"_s;
    QTest::newRow("empty") << QString() << u"required"_s;
    QTest::newRow("minus") << u"-1"_s << u"non-negative decimal"_s;
    QTest::newRow("plus") << u"+1"_s << u"non-negative decimal"_s;
    QTest::newRow("leading space") << u" 1"_s << u"non-negative decimal"_s;
    QTest::newRow("trailing space") << u"1 "_s << u"non-negative decimal"_s;
    QTest::newRow("inner space") << u"1 000"_s << u"non-negative decimal"_s;
    QTest::newRow("hex") << u"0x10"_s << u"non-negative decimal"_s;
    QTest::newRow("fraction") << u"1.5"_s << u"non-negative decimal"_s;
    QTest::newRow("arabic-indic digit") << u"\u0661"_s << u"non-negative decimal"_s;
}

void TestValues::decimalRejected()
{
    QFETCH(QString, text);
    QFETCH(QString, needle);
    const auto value = u256::fromDecimal(text, u"amount"_s);
    QVERIFY(!value.ok());
    QCOMPARE(value.error().kind, Error::Kind::Invalid);
    QCOMPARE(value.error().field, u"amount"_s);
    QVERIFY2(value.error().message.contains(needle), qPrintable(value.error().message));
}

void TestValues::bigEndianRoundTrip_data()
{
    QTest::addColumn<QString>("decimal");
    QTest::addColumn<QByteArray>("bytesHex");
    QTest::newRow("0") << u"0"_s << QByteArray(64, '0');
    QTest::newRow("1") << u"1"_s << QByteArray(QByteArray(62, '0') + "01");
    QTest::newRow("256") << u"256"_s << QByteArray(QByteArray(60, '0') + "0100");
    QTest::newRow("2^255") << u"57896044618658097711785492504343953926634992332820282019728792003956564819968"_s
                           << QByteArray("80"_ba + QByteArray(62, '0'));
    QTest::newRow("2^256-1") << MaxU256 << QByteArray(64, 'f');
}

void TestValues::bigEndianRoundTrip()
{
    QFETCH(QString, decimal);
    QFETCH(QByteArray, bytesHex);
    const U256 value = big(decimal);
    const QByteArray bytes = u256::toBigEndian(value);
    QCOMPARE(bytes.size(), 32);
    QCOMPARE(bytes.toHex(), bytesHex);
    const auto back = u256::fromBigEndian(bytes);
    QVERIFY(back.ok());
    QCOMPARE(*back, value);
}

// SQLite compares BLOBs with memcmp; ORDER BY on a U256 column is only right if this holds.
void TestValues::bigEndianOrderIsNumericOrder()
{
    const QList<QString> ascending = {
        u"0"_s, u"1"_s, u"255"_s, u"256"_s, u"65535"_s, u"65536"_s, u"4294967296"_s,
        u"18446744073709551615"_s, u"18446744073709551616"_s, u"1000000000000000000000000"_s,
        u"57896044618658097711785492504343953926634992332820282019728792003956564819967"_s,
        u"57896044618658097711785492504343953926634992332820282019728792003956564819968"_s, MaxU256,
    };
    for (qsizetype i = 0; i < ascending.size(); ++i) {
        for (qsizetype j = 0; j < ascending.size(); ++j) {
            const QByteArray a = u256::toBigEndian(big(ascending[i]));
            const QByteArray b = u256::toBigEndian(big(ascending[j]));
            const int cmp = std::memcmp(a.constData(), b.constData(), 32);
            const int expected = i < j ? -1 : (i > j ? 1 : 0);
            QVERIFY2((cmp > 0) - (cmp < 0) == expected,
                     qPrintable(QString(ascending[i] + u" vs "_s + ascending[j])));
        }
    }
}

void TestValues::bigEndianWrongSize()
{
    for (int size : {0, 20, 31, 33}) {
        const auto value = u256::fromBigEndian(QByteArray(size, '\x01'), u"balance"_s);
        QVERIFY(!value.ok());
        QCOMPARE(value.error().field, u"balance"_s);
        QVERIFY2(value.error().message.contains(QString::number(size)), qPrintable(value.error().message));
    }
}

void TestValues::hexQuantity_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("decimal");

    QTest::newRow("0x0") << u"0x0"_s << true << u"0"_s;
    QTest::newRow("0x1a") << u"0x1a"_s << true << u"26"_s;
    QTest::newRow("uppercase digits") << u"0xFF"_s << true << u"255"_s;
    QTest::newRow("64 digits") << QString(u"0x"_s + QString(64, u'f')) << true << MaxU256;
    QTest::newRow("0x") << u"0x"_s << false << QString();
    QTest::newRow("empty") << QString() << false << QString();
    QTest::newRow("no prefix") << u"1a"_s << false << QString();
    QTest::newRow("65 digits") << QString(u"0x1"_s + QString(64, u'0')) << false << QString();
    QTest::newRow("65 digits with leading zero") << QString(u"0x0"_s + QString(64, u'f')) << false << QString();
    QTest::newRow("non-hex") << u"0x1g"_s << false << QString();
    QTest::newRow("negative") << u"-0x1"_s << false << QString();
    QTest::newRow("space inside") << u"0x 1"_s << false << QString();
}

void TestValues::hexQuantity()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, decimal);
    const auto value = u256::fromHexQuantity(text, u"eth_blockNumber"_s);
    QCOMPARE(value.ok(), valid);
    if (valid) {
        QCOMPARE(*value, big(decimal));
    } else {
        QCOMPARE(value.error().kind, Error::Kind::Invalid);
        QCOMPARE(value.error().field, u"eth_blockNumber"_s);
    }
}

void TestValues::formatUnits_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("expected");

    QTest::newRow("1.5 USDC") << u"1500000"_s << 6 << u"1.5"_s;
    QTest::newRow("1 wei") << u"1"_s << 18 << u"0.000000000000000001"_s;
    QTest::newRow("zero") << u"0"_s << 6 << u"0"_s;
    QTest::newRow("1 ether") << u"1000000000000000000"_s << 18 << u"1"_s;
    QTest::newRow("whole and fraction") << u"123456789"_s << 4 << u"12345.6789"_s;
    QTest::newRow("exactly the decimals") << u"999999"_s << 6 << u"0.999999"_s;
    QTest::newRow("no decimals") << u"42"_s << 0 << u"42"_s;
    QTest::newRow("max with 18") << MaxU256 << 18
                                 << u"115792089237316195423570985008687907853269984665640564039457.584007913129639935"_s;
}

void TestValues::formatUnits()
{
    QFETCH(QString, value);
    QFETCH(int, decimals);
    QFETCH(QString, expected);
    QCOMPARE(u256::formatUnits(big(value), decimals), expected);
}

QTEST_GUILESS_MAIN(TestValues)
#include "tst_values.moc"
