// Every screen, in the states the manual shows, rendered offscreen in both languages.
// Set HARDTOKEN_SCREENS_DIR to keep the PNGs for looking at them.
#include "GuiSupport.h"

#include "IndividualRegistrationConfirmPage.h"
#include "PinInput.h"
#include "SoftwareKeyboard.h"
#include "VirtualCardPanel.h"
#include "VirtualCardToken.h"

#include <QTableView>

using namespace hardtoken;
using namespace hardtoken::test;

class TestScreens final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyScreenRenders_data();
    void everyScreenRenders();

private:
    QString m_dir;
    QTemporaryDir m_temp;
};

void TestScreens::initTestCase()
{
    m_dir = qEnvironmentVariable("HARDTOKEN_SCREENS_DIR", m_temp.path());
    QVERIFY(QDir().mkpath(m_dir));
    SoftwareKeyboard::setShuffleSeed(9);
}

void TestScreens::everyScreenRenders_data()
{
    QTest::addColumn<QString>("lang");
    QTest::newRow("ja") << QStringLiteral("ja");
    QTest::newRow("en") << QStringLiteral("en");
}

void TestScreens::everyScreenRenders()
{
    QFETCH(QString, lang);
    Console c;
    QVERIFY(c.language.set(lang));
    QStringList written;
    const auto save = [&](const QString& name) {
        const QImage image = grabPage(c.page());
        QVERIFY2(!isBlank(image), qPrintable(name));
        const QString path = QDir(m_dir).filePath(QStringLiteral("%1-%2.png").arg(lang, name));
        QVERIFY(image.save(path));
        written << path;
    };
    EXPECT_SCREEN(c, "CorporateStatus");
    save(QStringLiteral("01-corporate-status"));
    const QImage window = c.window->grab().toImage(); // with the menu bar and the status bar
    QVERIFY(!isBlank(window));
    QVERIFY(window.save(QDir(m_dir).filePath(QStringLiteral("%1-00-main-window.png").arg(lang))));
    VirtualCardPanel* cards = c.window->training()->showVirtualCards();
    QVERIFY(cards);
    cards->card(sample::spareCard2)->press();
    const QImage cardImage = cards->grab().toImage();
    QVERIFY(!isBlank(cardImage));
    QVERIFY(cardImage.save(QDir(m_dir).filePath(QStringLiteral("%1-00-virtual-cards.png").arg(lang))));
    cards->close();
    c.flow->openUserRegistration();
    EXPECT_SCREEN(c, "UserInfoSelection");
    save(QStringLiteral("02-user-info-selection"));
    c.flow->changeMode();
    EXPECT_SCREEN(c, "UsageModeConfirm");
    save(QStringLiteral("03-usage-mode-confirm"));
    QVERIFY(c.click("okButton"));
    save(QStringLiteral("03b-usage-mode-confirm-pin-error"));
    c.flow->cancel();
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(c.click("registerButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    auto* table = c.find<QTableView>("userTable");
    QVERIFY(table);
    QVERIFY(c.type("serialEdit", QStringLiteral("00-0000001-1")));
    QVERIFY(c.click("nextButton"));
    save(QStringLiteral("04-individual-input-errors"));
    table->model()->setData(table->model()->index(0, 0), Qt::Checked, Qt::CheckStateRole);
    QVERIFY(c.type("serialEdit", sample::spareCard2));
    QVERIFY(c.type("otpEdit", c.f.otpFor(sample::spareCard2)));
    QVERIFY(c.click("nextButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    QVERIFY(c.click("addButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    table = c.find<QTableView>("userTable");
    table->model()->setData(table->model()->index(2, 0), Qt::Checked, Qt::CheckStateRole);
    QVERIFY(c.type("serialEdit", sample::spareCard1));
    QVERIFY(c.type("otpEdit", c.f.otpFor(sample::spareCard1)));
    QVERIFY(c.click("nextButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    QVERIFY(c.click("addButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationInput");
    table = c.find<QTableView>("userTable");
    table->model()->setData(table->model()->index(0, 0), Qt::Checked, Qt::CheckStateRole);
    QVERIFY(c.type("serialEdit", sample::spareCard1));
    save(QStringLiteral("05-individual-input-after-add"));
    QVERIFY(c.type("serialEdit", sample::spareCard3));
    table->model()->setData(table->model()->index(1, 0), Qt::Checked, Qt::CheckStateRole);
    QVERIFY(c.type("otpEdit", c.f.otpFor(sample::spareCard3)));
    QVERIFY(c.click("nextButton"));
    EXPECT_SCREEN(c, "IndividualRegistrationConfirm");
    save(QStringLiteral("06-individual-confirm"));
    auto* pin = c.page()->findChild<PinInput*>();
    QVERIFY(pin);
    pin->openKeyboard();
    QTRY_VERIFY(pin->keyboard()->isVisible());
    const QImage keyboard = pin->keyboard()->grab().toImage();
    QVERIFY(!isBlank(keyboard));
    QVERIFY(keyboard.save(QDir(m_dir).filePath(QStringLiteral("%1-07-software-keyboard.png").arg(lang))));
    pin->keyboard()->close();
    c.flow->cancel();
    EXPECT_SCREEN(c, "UserInfoSelection");

    QVERIFY(c.f.service->changeUsageMode(UsageMode::Shared, sample::pin).ok());
    QVERIFY(c.click("registerButton"));
    EXPECT_SCREEN(c, "SharedRegistrationInput");
    save(QStringLiteral("08-shared-input"));
    QVERIFY(c.type("serialEdit", sample::spareCard4));
    QVERIFY(c.type("otpEdit", c.f.otpFor(sample::spareCard4)));
    QVERIFY(c.click("nextButton"));
    EXPECT_SCREEN(c, "SharedRegistrationConfirm");
    save(QStringLiteral("09-shared-confirm"));
    c.flow->cancel();
    EXPECT_SCREEN(c, "UserInfoSelection");
    QVERIFY(c.click("registerButton"));
    EXPECT_SCREEN(c, "SharedRegistrationInput");
    for (int i = 0; i < 5; ++i) {
        QVERIFY(c.type("serialEdit", sample::spareCard4));
        QVERIFY(c.type("otpEdit", c.f.wrongOtpFor(sample::spareCard4)));
        QVERIFY(c.click("nextButton"));
        if (i == 3)
            save(QStringLiteral("10-shared-input-wrong-otp"));
    }
    EXPECT_SCREEN(c, "Suspended");
    save(QStringLiteral("11-suspended"));
    qInfo().noquote() << "wrote" << written.size() + 1 << "PNGs to" << m_dir;
}

QTEST_MAIN(TestScreens)
#include "tst_screens.moc"
