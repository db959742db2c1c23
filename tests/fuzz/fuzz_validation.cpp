// libFuzzer target for the manual's input rules (シリアル番号, ワンタイムパスワード,
// 契約法人確認暗証番号): any bytes, read as UTF-8 the way a pasted or IME-typed entry arrives. Every
// accepted value must be exactly what the screens promise; every refusal must have a message.
#include "core/Validation.h"

#include <QString>

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

bool asciiDigits(const QString& s, qsizetype length)
{
    if (s.size() != length)
        return false;
    for (const QChar c : s) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    for (const bool normalise : { false, true }) {
        const InputCheck serial = Validation::checkSerial(input, normalise);
        if (serial.ok()) {
            require(asciiDigits(serial.value, Validation::SerialLength));
            require(Validation::formatSerial(serial.value).size() == Validation::SerialLength + 2);
            if (!normalise)
                require(serial.value == input); // nothing is changed silently
        } else {
            require(serial.value.isEmpty());
            require(!Validation::message(InputField::Serial, serial.error).isEmpty());
        }
        const InputCheck otp = Validation::checkOtp(input, normalise);
        if (otp.ok()) {
            require(asciiDigits(otp.value, Validation::OtpLength));
            if (!normalise)
                require(otp.value == input);
        } else {
            require(otp.value.isEmpty());
            require(!Validation::message(InputField::Otp, otp.error).isEmpty());
        }
    }
    const InputCheck pin = Validation::checkPin(input);
    if (pin.ok()) {
        require(pin.value.size() >= Validation::PinMinLength && pin.value.size() <= Validation::PinMaxLength);
        for (const QChar c : pin.value)
            require(c.unicode() > 0x20 && c.unicode() < 0x7f);
    } else {
        require(!Validation::message(InputField::Pin, pin.error).isEmpty());
    }
    return 0;
}
