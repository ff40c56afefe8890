// Value types an operator pastes or reads: Keccak-256, 0x-hex, addresses, hashes, 256-bit amounts.

#include "model/address.h"
#include "model/feedbacksum.h"
#include "model/hash.h"
#include "model/hex.h"
#include "model/keccak.h"
#include "model/u256.h"
#include "testmain.h"

#include <QtTest>

#include <algorithm>
#include <bit>
#include <cstring>
#include <stdexcept>

using namespace arbor;
using namespace Qt::StringLiterals;

namespace arbor {

// QCOMPARE prints U256 values in decimal when they differ.
char *toString(const U256 &value)
{
    return qstrdup(qPrintable(u256::toDecimal(value)));
}

} // namespace arbor

namespace tst_values {

namespace {

// Decimal test data as U256. u256::fromDecimal is itself checked against hex quantities
// (decimalRoundTrip) and byte strings (bigEndianRoundTrip) written out independently.
U256 big(const QString &decimal)
{
    const auto value = u256::fromDecimal(decimal);
    if (!value)
        qFatal("test data: %s", qPrintable(value.error().toString()));
    return *value;
}

U256 fromHex(const QString &quantity)
{
    const auto value = u256::fromHexQuantity(quantity);
    if (!value)
        qFatal("test data: %s", qPrintable(value.error().toString()));
    return *value;
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

    void u256Construct();
    void u256Add_data();
    void u256Add();
    void u256Subtract_data();
    void u256Subtract();
    void u256Multiply_data();
    void u256Multiply();
    void u256Divide_data();
    void u256Divide();
    void u256DivideByZeroThrows();
    void u256Shift_data();
    void u256Shift();
    void u256BitOperations_data();
    void u256BitOperations();
    void u256Compare_data();
    void u256Compare();
    void u256Limits();
    void u256ToDouble_data();
    void u256ToDouble();
    void u256ToInt64_data();
    void u256ToInt64();
    void u256Hash();

    void feedbackSumText_data();
    void feedbackSumText();
    void feedbackSumRejected_data();
    void feedbackSumRejected();
    void feedbackSumAddsExactly();
    void feedbackAverage_data();
    void feedbackAverage();
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
    QTest::addColumn<QString>("quantity");   // the same number in hex (Python's hex())
    QTest::newRow("0") << u"0"_s << u"0x0"_s;
    QTest::newRow("1") << u"1"_s << u"0x1"_s;
    QTest::newRow("10^4, one base-10000 digit and a zero") << u"10000"_s << u"0x2710"_s;
    QTest::newRow("10^16, one division's worth") << u"10000000000000000"_s << u"0x2386f26fc10000"_s;
    QTest::newRow("10^18") << u"1000000000000000000"_s << u"0xde0b6b3a7640000"_s;
    QTest::newRow("2^64") << u"18446744073709551616"_s << u"0x10000000000000000"_s;
    QTest::newRow("10^19, one whole group of digits") << u"10000000000000000000"_s << u"0x8ac7230489e80000"_s;
    QTest::newRow("groups of digits with inner zeros") << u"1000000000000000000000000000000000000007"_s
                                                      << u"0x2f050fe938943acc45f65568000000007"_s;
    QTest::newRow("2^255") << u"57896044618658097711785492504343953926634992332820282019728792003956564819968"_s
                           << QString(u"0x8"_s + QString(63, u'0'));
    QTest::newRow("2^256-1") << MaxU256 << QString(u"0x"_s + QString(64, u'f'));
}

void TestValues::decimalRoundTrip()
{
    QFETCH(QString, decimal);
    QFETCH(QString, quantity);
    const auto value = u256::fromDecimal(decimal);
    QVERIFY2(value.ok(), qPrintable(value.ok() ? QString() : value.error().toString()));
    QCOMPARE(*value, fromHex(quantity));
    QCOMPARE(u256::toDecimal(*value), decimal);
    // The forms written without an allocation: the digits into a buffer, and PostgreSQL's
    // base-10000 digits (least significant first, none for zero, the most significant not zero).
    char digits[u256::MaxDecimalDigits];
    QCOMPARE(QString::fromLatin1(digits, u256::toDecimal(*value, digits)), decimal);
    quint16 groups[u256::MaxBase10000Digits];
    const int count = u256::toBase10000(*value, groups);
    QString joined = count == 0 ? u"0"_s : QString::number(groups[count - 1]);
    for (int i = count - 2; i >= 0; --i)
        joined += QString::number(groups[i]).rightJustified(4, u'0');
    QCOMPARE(joined, decimal);
    QVERIFY(count == 0 || groups[count - 1] != 0);
    QCOMPARE(count == 0, decimal == u"0");
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

// Expected values below were computed with Python's arbitrary-precision integers, not with this code.

void TestValues::u256Construct()
{
    QVERIFY(U256().isZero());
    QCOMPARE(U256(), U256(0));
    QVERIFY(!U256(1).isZero());
    QVERIFY(!(U256(1) << 255).isZero());
    QCOMPARE(U256::fromLimbs({1, 2, 3, 4}), big(u"25108406941546723056364004793593481054836439088298861789185"_s));
    QCOMPARE(U256(std::numeric_limits<quint64>::max()), big(u"18446744073709551615"_s));
    QCOMPARE(U256(std::numeric_limits<qint64>::max()), big(u"9223372036854775807"_s));
    // A negative built-in integer converts modulo 2^256, as to any unsigned type.
    QCOMPARE(U256(-1), big(MaxU256));
    QCOMPARE(U256(qint64(-2)), big(u"115792089237316195423570985008687907853269984665640564039457584007913129639934"_s));
    static_assert(U256(5) * 3 + 7 == 22, "constant expressions");
    static_assert((U256(1) << 64) - 1 == std::numeric_limits<quint64>::max(), "constant expressions");
}

void TestValues::u256Add_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("sum");   // modulo 2^256
    QTest::newRow("carry out of limb 0") << u"18446744073709551615"_s << u"1"_s << u"18446744073709551616"_s;
    QTest::newRow("carry out of limb 1") << u"340282366920938463463374607431768211455"_s << u"1"_s << u"340282366920938463463374607431768211456"_s;
    QTest::newRow("carry out of limb 2") << u"6277101735386680763835789423207666416102355444464034512895"_s << u"1"_s << u"6277101735386680763835789423207666416102355444464034512896"_s;
    QTest::newRow("carry through every limb") << u"37662610412320084583014736539245998496614132666784207077375"_s << u"18446744073709551617"_s << u"37662610412320084583014736539245998496632579410857916628992"_s;
    QTest::newRow("no carry, every limb") << u"18831305206160042293208780104227691565753066579066911457291"_s << u"6277101735386680764176071790128604879584176795969512275969"_s << u"25108406941546723057384851894356296445337243375036423733260"_s;
    QTest::newRow("wraps at 2^256") << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << u"1"_s << u"0"_s;
    QTest::newRow("max plus max") << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << u"115792089237316195423570985008687907853269984665640564039457584007913129639934"_s;
    QTest::newRow("2^255 twice") << u"57896044618658097711785492504343953926634992332820282019728792003956564819968"_s << u"57896044618658097711785492504343953926634992332820282019728792003956564819968"_s << u"0"_s;
}

void TestValues::u256Add()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, sum);
    QCOMPARE(big(a) + big(b), big(sum));
    QCOMPARE(big(b) + big(a), big(sum));
    U256 v = big(a);
    v += big(b);
    QCOMPARE(v, big(sum));
}

void TestValues::u256Subtract_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("difference");   // modulo 2^256
    QTest::newRow("borrow into limb 0") << u"18446744073709551616"_s << u"1"_s << u"18446744073709551615"_s;
    QTest::newRow("borrow across limb 1") << u"340282366920938463463374607431768211456"_s << u"1"_s << u"340282366920938463463374607431768211455"_s;
    QTest::newRow("borrow across limb 2") << u"6277101735386680763835789423207666416102355444464034512896"_s << u"1"_s << u"6277101735386680763835789423207666416102355444464034512895"_s;
    QTest::newRow("borrow across every limb") << u"6277101735386680763835789423207666416102355444464034512896"_s << u"18446744073709551617"_s << u"6277101735386680763835789423207666416083908700390324961279"_s;
    QTest::newRow("2^128 minus a low half") << u"340282366920938463463374607431768211456"_s << u"170141183460469231731687303715884105728"_s << u"170141183460469231731687303715884105728"_s;
    QTest::newRow("0 minus 1 wraps") << u"0"_s << u"1"_s << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s;
    QTest::newRow("0 minus max") << u"0"_s << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << u"1"_s;
    QTest::newRow("1 minus 2^255") << u"1"_s << u"57896044618658097711785492504343953926634992332820282019728792003956564819968"_s << u"57896044618658097711785492504343953926634992332820282019728792003956564819969"_s;
    QTest::newRow("max minus 1") << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << u"1"_s << u"115792089237316195423570985008687907853269984665640564039457584007913129639934"_s;
}

void TestValues::u256Subtract()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, difference);
    QCOMPARE(big(a) - big(b), big(difference));
    U256 v = big(a);
    v -= big(b);
    QCOMPARE(v, big(difference));
    QCOMPARE(big(difference) + big(b), big(a));
}

void TestValues::u256Multiply_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("product");   // modulo 2^256
    QTest::newRow("2^64 squared") << u"18446744073709551616"_s << u"18446744073709551616"_s << u"340282366920938463463374607431768211456"_s;
    QTest::newRow("(2^64-1) squared") << u"18446744073709551615"_s << u"18446744073709551615"_s << u"340282366920938463426481119284349108225"_s;
    QTest::newRow("(2^128-1) squared") << u"340282366920938463463374607431768211455"_s << u"340282366920938463463374607431768211455"_s << u"115792089237316195423570985008687907852589419931798687112530834793049593217025"_s;
    QTest::newRow("10^38 times 10^38") << u"100000000000000000000000000000000000000"_s << u"100000000000000000000000000000000000000"_s << u"10000000000000000000000000000000000000000000000000000000000000000000000000000"_s;
    QTest::newRow("max times max") << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << u"1"_s;
    QTest::newRow("2^255 times 2 wraps to 0") << u"57896044618658097711785492504343953926634992332820282019728792003956564819968"_s << u"2"_s << u"0"_s;
    QTest::newRow("max times 10") << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << u"10"_s << u"115792089237316195423570985008687907853269984665640564039457584007913129639926"_s;
    QTest::newRow("every limb times every limb") << u"514631507721405312519378913364952599457899916736173488040697764812573303280"_s << u"23450803640979561574988956884997333736304058803174494691476734214143"_s << u"49591601566923402056229842862754787904788031509221087613347727034935596097040"_s;
    QTest::newRow("zero") << u"0"_s << u"1606938044258990275541962092341162602522202993782792835313721"_s << u"0"_s;
}

void TestValues::u256Multiply()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, product);
    QCOMPARE(big(a) * big(b), big(product));
    QCOMPARE(big(b) * big(a), big(product));
    U256 v = big(a);
    v *= big(b);
    QCOMPARE(v, big(product));
}

void TestValues::u256Divide_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("quotient");
    QTest::addColumn<QString>("remainder");
    // One-limb divisors take a short division, wider ones a long division.
    QTest::newRow("max by 10") << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << u"10"_s << u"11579208923731619542357098500868790785326998466564056403945758400791312963993"_s << u"5"_s;
    QTest::newRow("max by 1") << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << u"1"_s << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << u"0"_s;
    QTest::newRow("10^77 by 10^19") << u"100000000000000000000000000000000000000000000000000000000000000000000000000000"_s << u"10000000000000000000"_s << u"10000000000000000000000000000000000000000000000000000000000"_s << u"0"_s;
    QTest::newRow("max by 2^64-1") << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << u"18446744073709551615"_s << u"6277101735386680764176071790128604879584176795969512275969"_s << u"0"_s;
    QTest::newRow("max by 2^64") << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << u"18446744073709551616"_s << u"6277101735386680763835789423207666416102355444464034512895"_s << u"18446744073709551615"_s;
    QTest::newRow("max by 2^128+1") << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << u"340282366920938463463374607431768211457"_s << u"340282366920938463463374607431768211455"_s << u"0"_s;
    QTest::newRow("every limb by three limbs") << u"514631507721405312519378913364952599457899916736173488040697764812573303280"_s << u"1271270612704050900797223167426897512503027455608"_s << u"404816647674062481251429342"_s << u"1218698845965377744984181700256378955193119653344"_s;
    QTest::newRow("max by 2^255+1") << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << u"57896044618658097711785492504343953926634992332820282019728792003956564819969"_s << u"1"_s << u"57896044618658097711785492504343953926634992332820282019728792003956564819966"_s;
    QTest::newRow("2^256-2 by 2^255+7") << u"115792089237316195423570985008687907853269984665640564039457584007913129639934"_s << u"57896044618658097711785492504343953926634992332820282019728792003956564819975"_s << u"1"_s << u"57896044618658097711785492504343953926634992332820282019728792003956564819959"_s;
    QTest::newRow("divisor above 2^255") << u"115792089237316193816632940749697632311307892324477961517254590225120294338560"_s << u"86844066927987146567678238756515930889952488499230423029593188005934847229955"_s << u"1"_s << u"28948022309329047248954701993181701421355403825247538487661402219185447108605"_s;
    QTest::newRow("smaller by larger") << u"340282366920938463463374607431768211456"_s << u"340282366920938463463374607431768211457"_s << u"0"_s << u"340282366920938463463374607431768211456"_s;
    QTest::newRow("equal") << u"1606938044258990275541962092341162602522202993782792835301381"_s << u"1606938044258990275541962092341162602522202993782792835301381"_s << u"1"_s << u"0"_s;
    QTest::newRow("zero by large") << u"0"_s << u"1361129467683753853853498429727072845824"_s << u"0"_s << u"0"_s;
}

void TestValues::u256Divide()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, quotient);
    QFETCH(QString, remainder);
    QCOMPARE(big(a) / big(b), big(quotient));
    QCOMPARE(big(a) % big(b), big(remainder));
    U256 q = big(a);
    q /= big(b);
    QCOMPARE(q, big(quotient));
    U256 r = big(a);
    r %= big(b);
    QCOMPARE(r, big(remainder));
}

// As Boost's uint256_t did: nothing silently yields a value.
void TestValues::u256DivideByZeroThrows()
{
    QVERIFY_THROWS_EXCEPTION(std::overflow_error, big(MaxU256) / U256(0));
    QVERIFY_THROWS_EXCEPTION(std::overflow_error, U256(5) % U256(0));
    U256 v = 1;
    QVERIFY_THROWS_EXCEPTION(std::overflow_error, v /= 0);
}

void TestValues::u256Shift_data()
{
    QTest::addColumn<unsigned>("shift");
    QTest::addColumn<QString>("left");    // of ShiftedValue, modulo 2^256
    QTest::addColumn<QString>("right");
    QTest::newRow("by 0") << 0u << u"58410676126379503024304871417708906526092892249556455507769489768769138123249"_s << u"58410676126379503024304871417708906526092892249556455507769489768769138123249"_s;
    QTest::newRow("by 1") << 1u << u"1029263015442810625038757826729905198915799833472346976081395529625146606562"_s << u"29205338063189751512152435708854453263046446124778227753884744884384569061624"_s;
    QTest::newRow("by 63") << 63u << u"115534773483455492767482691078820949457387717046337677192387125092130704326656"_s << u"6332898195256784592796242660412570527549157582687108911857"_s;
    QTest::newRow("by 64") << 64u << u"115277457729594790111394397148953991061505449427034790345316666176348279013376"_s << u"3166449097628392296398121330206285263774578791343554455928"_s;
    QTest::newRow("by 65") << 65u << u"114762826221873384799217809289220074269740914188429016651175748344783428386816"_s << u"1583224548814196148199060665103142631887289395671777227964"_s;
    QTest::newRow("by 127") << 127u << u"3419005172405184086324587331283057025425233655367596707686006704892540878848"_s << u"343307099071346805358039318171134485536"_s;
    QTest::newRow("by 128") << 128u << u"6838010344810368172649174662566114050850467310735193415372013409785081757696"_s << u"171653549535673402679019659085567242768"_s;
    QTest::newRow("by 129") << 129u << u"13676020689620736345298349325132228101700934621470386830744026819570163515392"_s << u"85826774767836701339509829542783621384"_s;
    QTest::newRow("by 191") << 191u << u"30664202640008994774222918624937952681700582353274224609939851271825153589248"_s << u"18610715132142525407"_s;
    QTest::newRow("by 192") << 192u << u"61328405280017989548445837249875905363401164706548449219879702543650307178496"_s << u"9305357566071262703"_s;
    QTest::newRow("by 193") << 193u << u"6864721322719783673320689491063902873532344747456334400301821079387484717056"_s << u"4652678783035631351"_s;
    QTest::newRow("by 255") << 255u << u"57896044618658097711785492504343953926634992332820282019728792003956564819968"_s << u"1"_s;
    QTest::newRow("by 256") << 256u << u"0"_s << u"0"_s;
    QTest::newRow("by 257") << 257u << u"0"_s << u"0"_s;
    QTest::newRow("by 300") << 300u << u"0"_s << u"0"_s;
    QTest::newRow("by 1000") << 1000u << u"0"_s << u"0"_s;
}

void TestValues::u256Shift()
{
    // Bits set at both ends and in every limb.
    const U256 value = fromHex(u"0x8123456789abcdeffedcba98765432100f1e2d3c4b5a69788796a5b4c3d2e1f1"_s);
    QFETCH(unsigned, shift);
    QFETCH(QString, left);
    QFETCH(QString, right);
    QCOMPARE(value << shift, big(left));
    QCOMPARE(value >> shift, big(right));
    U256 l = value;
    l <<= shift;
    QCOMPARE(l, big(left));
    U256 r = value;
    r >>= shift;
    QCOMPARE(r, big(right));
}

void TestValues::u256BitOperations_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<QString>("orValue");
    QTest::addColumn<QString>("andValue");
    QTest::addColumn<QString>("xorValue");
    QTest::addColumn<QString>("notA");
    QTest::newRow("every limb") << u"0xf0f0f0f0f0f0f0f000000000ffffffff123456789abcdef08000000000000001"_s << u"0xff00ff00ff00ff0ffffffff00000000fedcba98765432100000000000000003"_s << u"0xfff0fff0fff0fff0fffffffffffffffffefcfef8fefcfef08000000000000003"_s << u"0xf000f000f000f0000000000000000012141218121412100000000000000001"_s << u"0xff00ff00ff00ff00ffffffffffffffffece8ece0ece8ece08000000000000002"_s << u"0xf0f0f0f0f0f0f0fffffffff00000000edcba9876543210f7ffffffffffffffe"_s;
    QTest::newRow("max and zero") << u"0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"_s << u"0x0"_s << u"0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"_s << u"0x0"_s << u"0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"_s << u"0x0"_s;
}

void TestValues::u256BitOperations()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(QString, orValue);
    QFETCH(QString, andValue);
    QFETCH(QString, xorValue);
    QFETCH(QString, notA);
    QCOMPARE(fromHex(a) | fromHex(b), fromHex(orValue));
    QCOMPARE(fromHex(a) & fromHex(b), fromHex(andValue));
    QCOMPARE(fromHex(a) ^ fromHex(b), fromHex(xorValue));
    QCOMPARE(~fromHex(a), fromHex(notA));
    U256 v = fromHex(a);
    v |= fromHex(b);
    QCOMPARE(v, fromHex(orValue));
    v = fromHex(a);
    v &= fromHex(b);
    QCOMPARE(v, fromHex(andValue));
    v = fromHex(a);
    v ^= fromHex(b);
    QCOMPARE(v, fromHex(xorValue));
}

void TestValues::u256Compare_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("order");   // the sign of a - b
    QTest::newRow("equal, every limb") << u"18831305206160042292187933003464876175252262292329349513223"_s << u"18831305206160042292187933003464876175252262292329349513223"_s << 0;
    QTest::newRow("limb 0 decides") << u"18831305206160042292187933003464876175252262292329349513223"_s << u"18831305206160042292187933003464876175252262292329349513224"_s << -1;
    QTest::newRow("limb 1 decides over limb 0") << u"36893488147419103232"_s << u"36893488147419103231"_s << 1;
    QTest::newRow("limb 2 decides over limbs 0 and 1") << u"340282366920938463463374607431768211456"_s << u"340282366920938463463374607431768211455"_s << 1;
    QTest::newRow("limb 3 decides over the rest") << u"6277101735386680763835789423207666416102355444464034512896"_s << u"6277101735386680763835789423207666416102355444464034512895"_s << 1;
    QTest::newRow("top bit") << u"57896044618658097711785492504343953926634992332820282019728792003956564819968"_s << u"57896044618658097711785492504343953926634992332820282019728792003956564819967"_s << 1;
    QTest::newRow("zero and max") << u"0"_s << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << -1;
}

void TestValues::u256Compare()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, order);
    const U256 x = big(a);
    const U256 y = big(b);
    const std::strong_ordering expected = order < 0 ? std::strong_ordering::less : order > 0 ? std::strong_ordering::greater : std::strong_ordering::equal;
    QVERIFY((x <=> y) == expected);
    QCOMPARE(x == y, order == 0);
    QCOMPARE(x != y, order != 0);
    QCOMPARE(x < y, order < 0);
    QCOMPARE(x > y, order > 0);
    QCOMPARE(x <= y, order <= 0);
    QCOMPARE(x >= y, order >= 0);
    QCOMPARE(y < x, order > 0);
}

void TestValues::u256Limits()
{
    using Limits = std::numeric_limits<U256>;
    static_assert(Limits::is_specialized && Limits::is_integer && !Limits::is_signed);
    QCOMPARE(Limits::digits, 256);
    QCOMPARE(Limits::max(), big(MaxU256));
    QCOMPARE(u256::toDecimal(Limits::max()), MaxU256);
    QCOMPARE(Limits::min(), U256(0));
    QCOMPARE(Limits::max() + 1, Limits::min());
    QCOMPARE(Limits::min() - 1, Limits::max());
}

void TestValues::u256ToDouble_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<double>("expected");   // Python's float(int): the nearest double, ties to even
    QTest::newRow("0") << u"0"_s << 0.0;  // 0x0.0p+0
    QTest::newRow("1") << u"1"_s << 1.0;  // 0x1.0000000000000p+0
    QTest::newRow("2^53+1 rounds to even") << u"9007199254740993"_s << 9007199254740992.0;  // 0x1.0000000000000p+53
    QTest::newRow("2^53+3 rounds up") << u"9007199254740995"_s << 9007199254740996.0;  // 0x1.0000000000002p+53
    QTest::newRow("2^64-1") << u"18446744073709551615"_s << 1.8446744073709552e+19;  // 0x1.0000000000000p+64
    QTest::newRow("2^64+2^11 ties to even") << u"18446744073709553664"_s << 1.8446744073709552e+19;  // 0x1.0000000000000p+64
    QTest::newRow("2^64+2^11+1 rounds up") << u"18446744073709553665"_s << 1.8446744073709556e+19;  // 0x1.0000000000001p+64
    QTest::newRow("2^64+3*2^11 ties up") << u"18446744073709557760"_s << 1.844674407370956e+19;  // 0x1.0000000000002p+64
    QTest::newRow("sticky bit below the top 64") << u"11417981541647680316116887983825362587765178369"_s << 1.1417981541647682e+46;  // 0x1.0000000000001p+153
    QTest::newRow("10^18") << u"1000000000000000000"_s << 1e+18;  // 0x1.bc16d674ec800p+59
    QTest::newRow("max") << u"115792089237316195423570985008687907853269984665640564039457584007913129639935"_s << 1.157920892373162e+77;  // 0x1.0000000000000p+256
    QTest::newRow("2^255") << u"57896044618658097711785492504343953926634992332820282019728792003956564819968"_s << 5.78960446186581e+76;  // 0x1.0000000000000p+255
}

void TestValues::u256ToDouble()
{
    QFETCH(QString, value);
    QFETCH(double, expected);
    const double got = big(value).toDouble();
    // Exactly: QCOMPARE would accept a neighbouring double.
    QVERIFY2(std::bit_cast<quint64>(got) == std::bit_cast<quint64>(expected),
             qPrintable(u"%1 is not %2"_s.arg(got, 0, 'g', 17).arg(expected, 0, 'g', 17)));
}

void TestValues::u256ToInt64_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("fits");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("0") << u"0"_s << true << qint64(0);
    QTest::newRow("1") << u"1"_s << true << qint64(1);
    QTest::newRow("2^63-1") << u"9223372036854775807"_s << true << std::numeric_limits<qint64>::max();
    QTest::newRow("2^63") << u"9223372036854775808"_s << false << qint64(0);
    QTest::newRow("2^64-1") << u"18446744073709551615"_s << false << qint64(0);
    QTest::newRow("2^128+1: small low limb") << u"340282366920938463463374607431768211457"_s << false << qint64(0);
    QTest::newRow("2^255") << u"57896044618658097711785492504343953926634992332820282019728792003956564819968"_s << false << qint64(0);
    QTest::newRow("2^256-1") << MaxU256 << false << qint64(0);
}

void TestValues::u256ToInt64()
{
    QFETCH(QString, value);
    QFETCH(bool, fits);
    QFETCH(qint64, expected);
    const std::optional<qint64> got = big(value).toInt64();
    QCOMPARE(got.has_value(), fits);
    if (fits)
        QCOMPARE(*got, expected);
}

void TestValues::u256Hash()
{
    const U256 base = U256::fromLimbs({1, 2, 3, 4});
    QCOMPARE(qHash(base, 7), qHash(big(u"25108406941546723056364004793593481054836439088298861789185"_s), 7));
    for (int limb = 0; limb < 4; ++limb) {
        U256::Limbs changed = base.limbs();
        changed[limb] ^= 0x100;
        QVERIFY2(qHash(U256::fromLimbs(changed), 7) != qHash(base, 7), qPrintable(u"limb %1"_s.arg(limb)));
    }
    const QSet<U256> set{base, U256(0), U256(1) << 200};
    QVERIFY(set.contains(U256(1) << 200));
    QVERIFY(!set.contains(U256(1) << 201));
}

void TestValues::feedbackSumText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalised");
    QTest::newRow("zero") << u"0"_s << u"0"_s;
    QTest::newRow("minus zero") << u"-0"_s << u"0"_s;
    QTest::newRow("plus") << u"+5"_s << u"5"_s;
    QTest::newRow("leading zeros, not octal") << u"-0089"_s << u"-89"_s;
    QTest::newRow("int128 min") << u"-170141183460469231731687303715884105728"_s << u"-170141183460469231731687303715884105728"_s;
    QTest::newRow("int128 max") << u"170141183460469231731687303715884105727"_s << u"170141183460469231731687303715884105727"_s;
    QTest::newRow("2^255 - 1") << u"57896044618658097711785492504343953926634992332820282019728792003956564819967"_s
                               << u"57896044618658097711785492504343953926634992332820282019728792003956564819967"_s;
}

void TestValues::feedbackSumText()
{
    QFETCH(QString, text);
    QFETCH(QString, normalised);
    const auto sum = FeedbackSum::fromText(text);
    QVERIFY(sum);
    QCOMPARE(sum->toText(), normalised);
    QCOMPARE(sum->isZero(), normalised == u"0");
}

void TestValues::feedbackSumRejected_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("sign only") << u"-"_s;
    QTest::newRow("fraction") << u"1.5"_s;
    QTest::newRow("hex") << u"0x10"_s;
    QTest::newRow("space") << u" 1"_s;
    QTest::newRow("2^255") << u"57896044618658097711785492504343953926634992332820282019728792003956564819968"_s;
}

void TestValues::feedbackSumRejected()
{
    QFETCH(QString, text);
    QVERIFY(!FeedbackSum::fromText(text));
}

void TestValues::feedbackSumAddsExactly()
{
    // Both int128 extremes many times over: beyond any 128-bit accumulator, exact here.
    const auto min = *FeedbackSum::fromText(u"-170141183460469231731687303715884105728"_s);
    const auto max = *FeedbackSum::fromText(u"170141183460469231731687303715884105727"_s);
    FeedbackSum sum;
    for (int i = 0; i < 1000; ++i)
        sum += min;
    QCOMPARE(sum.toText(), u"-170141183460469231731687303715884105728000"_s);
    for (int i = 0; i < 1000; ++i)
        sum += max;
    QCOMPARE(sum.toText(), u"-1000"_s);
    sum -= min;
    QCOMPARE(sum.toText(), u"170141183460469231731687303715884104728"_s);
    sum -= max;
    QCOMPARE(sum, *FeedbackSum::fromText(u"-999"_s));
}

void TestValues::feedbackAverage_data()
{
    QTest::addColumn<QStringList>("sums");      // "sum/decimals"
    QTest::addColumn<qint64>("count");
    QTest::addColumn<QString>("total");
    QTest::addColumn<QString>("average");
    QTest::newRow("quarter") << QStringList{u"1275/2"_s} << qint64(3) << u"12.75"_s << u"4.25"_s;
    QTest::newRow("mixed decimals") << QStringList{u"425/2"_s, u"45/1"_s, u"4/0"_s} << qint64(3) << u"12.75"_s << u"4.25"_s;
    QTest::newRow("thirds, six decimals more") << QStringList{u"5/0"_s} << qint64(3) << u"5"_s << u"1.666667"_s;
    QTest::newRow("negative thirds") << QStringList{u"-5/0"_s} << qint64(3) << u"-5"_s << u"-1.666667"_s;
    QTest::newRow("exact within six decimals") << QStringList{u"1/0"_s} << qint64(16) << u"1"_s << u"0.0625"_s;
    QTest::newRow("rounds up at half") << QStringList{u"1/0"_s} << qint64(2'000'000) << u"1"_s << u"0.000001"_s;
    QTest::newRow("negative half") << QStringList{u"-1/0"_s} << qint64(2'000'000) << u"-1"_s << u"-0.000001"_s;
    QTest::newRow("below half a unit is zero") << QStringList{u"-1/0"_s} << qint64(3'000'000) << u"-1"_s << u"0"_s;
    QTest::newRow("integer") << QStringList{u"270/0"_s} << qint64(3) << u"270"_s << u"90"_s;
    QTest::newRow("18 decimals") << QStringList{u"1000000000000000001/18"_s} << qint64(1) << u"1.000000000000000001"_s << u"1.000000000000000001"_s;
    QTest::newRow("255 decimals") << QStringList{u"1/255"_s, u"2/0"_s} << qint64(2)
                                  << u"2."_s + QString(254, u'0') + u'1' << u"1."_s + QString(255, u'0') + u'5';
    QTest::newRow("none") << QStringList{} << qint64(0) << u"0"_s << u"0"_s;
}

void TestValues::feedbackAverage()
{
    QFETCH(QStringList, sums);
    QFETCH(qint64, count);
    QFETCH(QString, total);
    QFETCH(QString, average);
    QList<FeedbackSum::Part> parts;
    for (const QString &s : sums)
        parts.append({*FeedbackSum::fromText(s.section(u'/', 0, 0)), s.section(u'/', 1).toInt()});
    QCOMPARE(FeedbackSum::scaledTotal(parts), total);
    QCOMPARE(FeedbackSum::average(parts, count), average);
}

} // namespace tst_values

ARBOR_GUILESS_TEST_MAIN(values, tst_values::TestValues)
#include "tst_values.moc"
