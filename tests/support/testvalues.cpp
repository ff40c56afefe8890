#include "testvalues.h"

#include <QHostAddress>
#include <QTcpServer>

namespace arbor::test {

Hash hashOf(qint64 number, int variant)
{
    QByteArray bytes(32, '\0');
    bytes[0] = char(variant + 1);
    for (int i = 0; i < 8; ++i)
        bytes[31 - i] = char((number >> (8 * i)) & 0xff);
    return *Hash::fromBytes(bytes);
}

Address addressOf(quint32 n, quint8 tag, quint8 middle)
{
    QByteArray bytes(20, '\0');
    bytes[0] = char(tag);
    bytes[7] = char(middle);
    for (int i = 0; i < 4; ++i)
        bytes[19 - i] = char((n >> (8 * i)) & 0xff);
    return *Address::fromBytes(bytes);
}

QString quantity(qint64 value)
{
    return QStringLiteral("0x") + QString::number(value, 16);
}

QUrl closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return {};
    const quint16 port = server.serverPort();
    server.close();
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port));
}

} // namespace arbor::test
