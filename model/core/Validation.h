#pragma once

#include <QCoreApplication>
#include <QString>

namespace hardtoken {

// The manual's input rules (シリアル番号, ワンタイムパスワード, 契約法人確認暗証番号). Every rejection
// carries a code for programs and a message for people, in the manual's words where it has them.
// Messages are translated at the moment they are read, so a language switch applies to them too.
enum class InputError {
    None,
    Empty,
    FullWidthDigits, // ０-９ typed with a Japanese IME
    Hyphen, // 00-0000001-2 copied from the card as printed
    Whitespace,
    ControlCharacter,
    NotDigits,
    NotAlphanumeric,
    TooShort,
    TooLong,
};

enum class InputField { Serial, Otp, Pin };

struct InputCheck {
    InputError error = InputError::None;
    QString value; // the accepted (possibly normalised) value; empty when rejected
    bool ok() const { return error == InputError::None; }
};

class Validation final {
    Q_DECLARE_TR_FUNCTIONS(Validation)
public:
    static constexpr int SerialLength = 10;
    static constexpr int OtpLength = 6;
    static constexpr int PinMinLength = 4;
    static constexpr int PinMaxLength = 12;

    // normaliseFullWidth: accept ０-９ as 0-9 (a setting, off by default: trainees must learn what
    // the real system accepts).
    static InputCheck checkSerial(const QString& input, bool normaliseFullWidth = false);
    static InputCheck checkOtp(const QString& input, bool normaliseFullWidth = false);
    static InputCheck checkPin(const QString& input);
    // The password rule for staff accounts: 8–64 printable ASCII characters.
    static bool acceptableStaffCredential(const QString& credential);

    static QString message(InputField field, InputError error);
    static QString hint(InputField field);

    // Characters no name or code may hold: controls, format characters (bidi overrides, zero-width
    // joiners) and line/paragraph separators. firstControl is the index of the first, or -1.
    static bool isControl(QChar c);
    static qsizetype firstControl(const QString& text);

    // "0000000012" -> "00-0000001-2" (2-7-1, as printed on the card); other input unchanged.
    static QString formatSerial(const QString& serial);
};

} // namespace hardtoken
