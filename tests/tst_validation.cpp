#include "core/Validation.h"

#include <QTest>

using namespace hardtoken;

Q_DECLARE_METATYPE(hardtoken::InputError)

class TestValidation final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void serial_data();
    void serial();
    void serialNormalisationIsASetting();
    void otp_data();
    void otp();
    void pin_data();
    void pin();
    void everyRejectionHasAMessage();
    void hyphenMessageIsTheManualsSentence();
    void formatSerial_data();
    void formatSerial();
};

void TestValidation::serial_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<InputError>("error");
    QTest::newRow("ten digits") << QStringLiteral("0000000011") << InputError::None;
    QTest::newRow("empty") << QString() << InputError::Empty;
    QTest::newRow("as printed on the card") << QStringLiteral("00-0000001-2") << InputError::Hyphen;
    QTest::newRow("full-width hyphen") << QStringLiteral("00－0000001－2") << InputError::Hyphen;
    QTest::newRow("katakana long mark for hyphen") << QStringLiteral("00ー0000001ー2") << InputError::Hyphen;
    QTest::newRow("full-width digits") << QStringLiteral("００００００００１１") << InputError::FullWidthDigits;
    QTest::newRow("mixed widths") << QStringLiteral("00000000１１") << InputError::FullWidthDigits;
    QTest::newRow("inner space") << QStringLiteral("00000 00011") << InputError::Whitespace;
    QTest::newRow("trailing space") << QStringLiteral("0000000011 ") << InputError::Whitespace;
    QTest::newRow("ideographic space") << QStringLiteral("0000000011\u3000") << InputError::Whitespace;
    QTest::newRow("tab") << QStringLiteral("00000\t00011") << InputError::ControlCharacter;
    QTest::newRow("newline") << QStringLiteral("0000000011\n") << InputError::ControlCharacter;
    QTest::newRow("NUL") << QString(QStringLiteral("00000")) + QChar(0) + QStringLiteral("0001")
                         << InputError::ControlCharacter;
    QTest::newRow("zero-width space") << QStringLiteral("00000\u200B00011") << InputError::ControlCharacter;
    QTest::newRow("letters") << QStringLiteral("00000000AB") << InputError::NotDigits;
    QTest::newRow("arabic-indic digits") << QStringLiteral(
        "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")
                                         << InputError::NotDigits;
    QTest::newRow("nine digits") << QStringLiteral("000000001") << InputError::TooShort;
    QTest::newRow("eleven digits") << QStringLiteral("00000000011") << InputError::TooLong;
    QTest::newRow("10,000 digits") << QString(10000, QLatin1Char('1')) << InputError::TooLong;
    QTest::newRow("10,000 letters") << QString(10000, QLatin1Char('x')) << InputError::NotDigits;
}

void TestValidation::serial()
{
    QFETCH(QString, input);
    QFETCH(InputError, error);
    const InputCheck check = Validation::checkSerial(input);
    QCOMPARE(check.error, error);
    QCOMPARE(check.ok(), error == InputError::None);
    QCOMPARE(check.value, check.ok() ? input : QString());
}

void TestValidation::serialNormalisationIsASetting()
{
    QCOMPARE(Validation::checkSerial(QStringLiteral("００００００００１１")).error, InputError::FullWidthDigits);
    const InputCheck normalised = Validation::checkSerial(QStringLiteral("００００００００１１"), true);
    QVERIFY(normalised.ok());
    QCOMPARE(normalised.value, QStringLiteral("0000000011"));
    // Normalising widths never lets a hyphen through.
    QCOMPARE(Validation::checkSerial(QStringLiteral("００－００００００１－２"), true).error, InputError::Hyphen);
    QCOMPARE(Validation::checkOtp(QStringLiteral("１２３４５６"), true).value, QStringLiteral("123456"));
}

void TestValidation::otp_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<InputError>("error");
    QTest::newRow("six digits") << QStringLiteral("123456") << InputError::None;
    QTest::newRow("leading zeros") << QStringLiteral("000001") << InputError::None;
    QTest::newRow("empty") << QString() << InputError::Empty;
    QTest::newRow("five") << QStringLiteral("12345") << InputError::TooShort;
    QTest::newRow("seven") << QStringLiteral("1234567") << InputError::TooLong;
    QTest::newRow("full-width") << QStringLiteral("１２３４５６") << InputError::FullWidthDigits;
    QTest::newRow("space") << QStringLiteral("123 456") << InputError::Whitespace;
    QTest::newRow("hyphen") << QStringLiteral("123-456") << InputError::Hyphen;
    QTest::newRow("control") << QStringLiteral("12345\u0007") << InputError::ControlCharacter;
    QTest::newRow("masked dots pasted") << QStringLiteral("●●●●●●") << InputError::NotDigits;
    QTest::newRow("10,000 digits") << QString(10000, QLatin1Char('9')) << InputError::TooLong;
}

void TestValidation::otp()
{
    QFETCH(QString, input);
    QFETCH(InputError, error);
    QCOMPARE(Validation::checkOtp(input).error, error);
}

void TestValidation::pin_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<InputError>("error");
    QTest::newRow("four") << QStringLiteral("ab12") << InputError::None;
    QTest::newRow("twelve") << QStringLiteral("Abcdef123456") << InputError::None;
    QTest::newRow("digits only") << QStringLiteral("1234") << InputError::None;
    QTest::newRow("letters only") << QStringLiteral("abcd") << InputError::None;
    QTest::newRow("empty") << QString() << InputError::Empty;
    QTest::newRow("three") << QStringLiteral("ab1") << InputError::TooShort;
    QTest::newRow("thirteen") << QStringLiteral("Abcdef1234567") << InputError::TooLong;
    QTest::newRow("symbol") << QStringLiteral("abc!123") << InputError::NotAlphanumeric;
    QTest::newRow("full-width letters") << QStringLiteral("ａｂｃ１２３") << InputError::NotAlphanumeric;
    QTest::newRow("kana") << QStringLiteral("あいうえお") << InputError::NotAlphanumeric;
    QTest::newRow("space") << QStringLiteral("abc 123") << InputError::Whitespace;
    QTest::newRow("control") << QStringLiteral("abc\r123") << InputError::ControlCharacter;
    QTest::newRow("quote injection") << QStringLiteral("' OR '1'='1") << InputError::Whitespace;
    QTest::newRow("10,000 characters") << QString(10000, QLatin1Char('a')) << InputError::TooLong;
}

void TestValidation::pin()
{
    QFETCH(QString, input);
    QFETCH(InputError, error);
    QCOMPARE(Validation::checkPin(input).error, error);
}

void TestValidation::everyRejectionHasAMessage()
{
    const QList<InputError> errors { InputError::Empty, InputError::FullWidthDigits, InputError::Hyphen,
        InputError::Whitespace, InputError::ControlCharacter, InputError::NotDigits, InputError::NotAlphanumeric,
        InputError::TooShort, InputError::TooLong };
    for (InputField field : { InputField::Serial, InputField::Otp, InputField::Pin }) {
        QVERIFY(Validation::message(field, InputError::None).isEmpty());
        for (InputError e : errors) {
            const QString m = Validation::message(field, e);
            QVERIFY2(m.size() > 10, qPrintable(m));
            // The message names the field, so a person knows which box to fix.
            const QString name = field == InputField::Serial ? QStringLiteral("シリアル番号")
                : field == InputField::Otp                   ? QStringLiteral("ワンタイムパスワード")
                                                             : QStringLiteral("契約法人確認暗証番号");
            QVERIFY2(m.contains(name), qPrintable(m));
        }
    }
    // Messages never echo the input (a 10,000-character paste must not flood the screen).
    QVERIFY(!Validation::message(InputField::Serial, InputError::TooLong).contains(QStringLiteral("1111")));
}

void TestValidation::hyphenMessageIsTheManualsSentence()
{
    QCOMPARE(Validation::message(InputField::Serial, InputError::Hyphen),
        QStringLiteral("シリアル番号は、ハイフンを除いた数字のみで入力してください。"));
    QCOMPARE(Validation::hint(InputField::Serial), QStringLiteral("半角数字10桁"));
    QCOMPARE(Validation::hint(InputField::Otp), QStringLiteral("半角数字6桁"));
    QCOMPARE(Validation::hint(InputField::Pin), QStringLiteral("半角英数字4～12桁"));
}

void TestValidation::formatSerial_data()
{
    QTest::addColumn<QString>("serial");
    QTest::addColumn<QString>("shown");
    QTest::newRow("manual 00-0000001-2") << QStringLiteral("0000000012") << QStringLiteral("00-0000001-2");
    QTest::newRow("manual 00-0000000-1") << QStringLiteral("0000000001") << QStringLiteral("00-0000000-1");
    QTest::newRow("all digits used") << QStringLiteral("1234567890") << QStringLiteral("12-3456789-0");
    QTest::newRow("not ten digits: unchanged") << QStringLiteral("123") << QStringLiteral("123");
    QTest::newRow("not digits: unchanged") << QStringLiteral("abcdefghij") << QStringLiteral("abcdefghij");
}

void TestValidation::formatSerial()
{
    QFETCH(QString, serial);
    QFETCH(QString, shown);
    QCOMPARE(Validation::formatSerial(serial), shown);
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
