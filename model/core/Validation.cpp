#include "core/Validation.h"

#include <algorithm>

namespace hardtoken {

namespace {

bool isHalfWidthDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isFullWidthDigit(QChar c)
{
    return c.unicode() >= 0xFF10 && c.unicode() <= 0xFF19;
}

bool isHyphenLike(QChar c)
{
    switch (c.unicode()) {
    case 0x002D: // -
    case 0x2010: // ‐
    case 0x2011:
    case 0x2012:
    case 0x2013: // –
    case 0x2014: // —
    case 0x2212: // −
    case 0x30FC: // ー (katakana prolonged sound mark, typed for a hyphen with an IME)
    case 0xFF0D: // －
    case 0xFF70: // ｰ
        return true;
    default:
        return false;
    }
}

bool isHalfWidthAlnum(QChar c)
{
    return isHalfWidthDigit(c) || (c >= QLatin1Char('a') && c <= QLatin1Char('z'))
        || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'));
}

// The first thing wrong with a string that must be `length` half-width digits. Character classes
// are checked before the length, so that "00-0000001-2" is told about the hyphen, not its length.
InputCheck checkDigits(const QString& input, int length, bool normaliseFullWidth)
{
    if (input.isEmpty())
        return { InputError::Empty, {} };
    bool fullWidth = false;
    for (QChar c : input) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return { InputError::ControlCharacter, {} };
    }
    for (QChar c : input) {
        if (isHyphenLike(c))
            return { InputError::Hyphen, {} };
    }
    for (QChar c : input) {
        if (c.isSpace())
            return { InputError::Whitespace, {} };
    }
    QString value;
    value.reserve(qMin<qsizetype>(input.size(), length + 1));
    for (QChar c : input) {
        if (isHalfWidthDigit(c)) {
            value.append(c);
        } else if (isFullWidthDigit(c)) {
            fullWidth = true;
            value.append(QChar(u'0' + (c.unicode() - 0xFF10)));
        } else {
            return { InputError::NotDigits, {} };
        }
    }
    if (fullWidth && !normaliseFullWidth)
        return { InputError::FullWidthDigits, {} };
    if (value.size() < length)
        return { InputError::TooShort, {} };
    if (value.size() > length)
        return { InputError::TooLong, {} };
    return { InputError::None, value };
}

} // namespace

InputCheck Validation::checkSerial(const QString& input, bool normaliseFullWidth)
{
    return checkDigits(input, SerialLength, normaliseFullWidth);
}

InputCheck Validation::checkOtp(const QString& input, bool normaliseFullWidth)
{
    return checkDigits(input, OtpLength, normaliseFullWidth);
}

bool Validation::acceptableStaffCredential(const QString& credential)
{
    return credential.size() >= 8 && credential.size() <= 64
        && std::all_of(
            credential.cbegin(), credential.cend(), [](QChar c) { return c.unicode() > 0x20 && c.unicode() < 0x7f; });
}

InputCheck Validation::checkPin(const QString& input)
{
    if (input.isEmpty())
        return { InputError::Empty, {} };
    for (QChar c : input) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return { InputError::ControlCharacter, {} };
    }
    for (QChar c : input) {
        if (c.isSpace())
            return { InputError::Whitespace, {} };
    }
    for (QChar c : input) {
        if (!isHalfWidthAlnum(c))
            return { InputError::NotAlphanumeric, {} };
    }
    if (input.size() < PinMinLength)
        return { InputError::TooShort, {} };
    if (input.size() > PinMaxLength)
        return { InputError::TooLong, {} };
    return { InputError::None, input };
}

QString Validation::hint(InputField field)
{
    switch (field) {
    case InputField::Serial:
        return tr("半角数字10桁");
    case InputField::Otp:
        return tr("半角数字6桁");
    case InputField::Pin:
        return tr("半角英数字4～12桁");
    }
    return {};
}

QString Validation::message(InputField field, InputError error)
{
    if (error == InputError::None)
        return {};
    switch (field) {
    case InputField::Serial:
        switch (error) {
        case InputError::Empty:
            return tr("シリアル番号を入力してください。（半角数字10桁）");
        case InputError::Hyphen:
            return tr("シリアル番号は、ハイフンを除いた数字のみで入力してください。");
        case InputError::FullWidthDigits:
            return tr("シリアル番号は半角数字で入力してください。全角数字は使用できません。");
        case InputError::Whitespace:
            return tr(
                "シリアル番号に空白が含まれています。シリアル番号は、ハイフンを除いた数字のみで入力してください。");
        case InputError::ControlCharacter:
            return tr("シリアル番号に使用できない文字が含まれています。半角数字10桁で入力してください。");
        case InputError::TooShort:
        case InputError::TooLong:
            return tr("シリアル番号は半角数字10桁で入力してください。");
        default:
            return tr("シリアル番号は、ハイフンを除いた数字のみで入力してください。");
        }
    case InputField::Otp:
        switch (error) {
        case InputError::Empty:
            return tr("ワンタイムパスワードを入力してください。（半角数字6桁）");
        case InputError::FullWidthDigits:
            return tr("ワンタイムパスワードは半角数字で入力してください。全角数字は使用できません。");
        case InputError::ControlCharacter:
            return tr("ワンタイムパスワードに使用できない文字が含まれています。半角数字6桁で入力してください。");
        default:
            return tr("ワンタイムパスワードは半角数字6桁で入力してください。");
        }
    case InputField::Pin:
        switch (error) {
        case InputError::Empty:
            return tr("契約法人確認暗証番号を入力してください。（半角英数字4～12桁）");
        case InputError::ControlCharacter:
            return tr("契約法人確認暗証番号に使用できない文字が含まれています。半角英数字4～12桁で入力してください。");
        default:
            return tr("契約法人確認暗証番号は半角英数字4～12桁で入力してください。");
        }
    }
    return {};
}

bool Validation::isControl(QChar c)
{
    const auto category = c.category();
    return category == QChar::Other_Control || category == QChar::Other_Format || category == QChar::Separator_Line
        || category == QChar::Separator_Paragraph;
}

qsizetype Validation::firstControl(const QString& text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isControl(text[i]))
            return i;
    }
    return -1;
}

QString Validation::formatSerial(const QString& serial)
{
    if (serial.size() != SerialLength)
        return serial;
    for (QChar c : serial) {
        if (!isHalfWidthDigit(c))
            return serial;
    }
    return serial.left(2) + QLatin1Char('-') + serial.mid(2, 7) + QLatin1Char('-') + serial.right(1);
}

} // namespace hardtoken
