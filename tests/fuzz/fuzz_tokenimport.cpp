// libFuzzer target for the vendor's token inventory: any bytes as a PSKC or CSV file, with a
// pre-shared key and a passphrase at hand so that the encrypted paths are reached. The reader
// must refuse with a message, or return only tokens that keep the screens' promises.
#include "inventory/TokenImport.h"
#include "store/TokenTable.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace hardtoken;

namespace {
void require(bool condition)
{
    if (!condition)
        std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    TokenImportOptions options;
    options.preSharedKey = QByteArray::fromHex("00112233445566778899aabbccddeeff");
    options.passphrase = "correct horse";
    options.serialPrefix = QStringLiteral("FT");
    TokenImportReport report;
    const QList<TokenLine> lines = TokenImport::parse(
        QByteArray(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size)), options, &report);
    if (!report.fileProblem.isEmpty())
        require(lines.isEmpty() && report.outcomes.isEmpty());
    for (const TokenLine& l : lines) {
        require(l.serial.size() == 10);
        for (const QChar c : l.serial)
            require(c >= u'0' && c <= u'9');
        require(l.params.digits == TokenTable::Digits);
        require(l.params.period == 30 || l.params.period == 60);
        require(!l.secret.isEmpty() && l.secret.size() <= 128);
        require(l.params.kind != OtpKind::Totp || std::abs(l.state.driftSteps) <= OtpWindow {}.totpMaxDriftSteps);
    }
    for (const TokenOutcome& o : report.outcomes)
        require(o.kind == TokenOutcome::Kind::Refused && !o.reason.isEmpty());
    return 0;
}
