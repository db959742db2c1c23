#include "ScreenshotTour.h"

#include "CardFace.h"
#include "Clock.h"
#include "Language.h"
#include "MainWindow.h"
#include "ManualPage.h"
#include "PinInput.h"
#include "RegistrationFlow.h"
#include "RegistrationService.h"
#include "Scenario.h"
#include "SoftwareKeyboard.h"
#include "Store.h"
#include "Style.h"
#include "VirtualToken.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QRadioButton>
#include <QSaveFile>
#include <QTableView>
#include <QTemporaryDir>

#include <ctime>
#include <memory>

namespace hardtoken {

namespace {

using Screen = RegistrationFlow::Screen;

bool waitFor(const std::function<bool()>& done, int ms = 5000)
{
    QDeadlineTimer deadline(ms);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    }
    QCoreApplication::processEvents();
    return true;
}

struct Callout {
    QString widget; // objectName on the page
    QString number; // ①, ②
};

// One language's run: a private store, the real window, and the shots it takes.
class Tour {
public:
    Tour(const TourOptions& options, const QString& language, QList<TourShot>* shots)
        : m_options(options)
        , m_language(language)
        , m_shots(shots)
    {
    }

    bool run(QString* error);

private:
    bool open(const QString& scenario, QString* error);
    void close();
    bool go(Screen screen);
    ManualPage* page() const { return m_window->page(m_flow->screen()); }
    template <typename T> T* find(const QString& name) const { return page()->findChild<T*>(name); }
    void type(const QString& name, const QString& text) { find<QLineEdit>(name)->setText(text); }
    bool shoot(const QString& id, const QString& section, const QString& step, const QString& title,
        const QStringList& highlights = {}, const QList<Callout>& callouts = {});
    bool save(
        const QImage& image, const QString& id, const QString& section, const QString& step, const QString& title);
    QString otp(const QString& serial) const
    {
        return VirtualTokens::otp(*m_store, serial, m_clock.nowSecs(), 0, nullptr).value_or(QString());
    }

    const TourOptions& m_options;
    QString m_language;
    QList<TourShot>* m_shots;
    FixedClock m_clock { ScreenshotTour::TourEpochSecs * 1000 };
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<RegistrationService> m_service;
    std::unique_ptr<RegistrationFlow> m_flow;
    std::unique_ptr<Language> m_lang;
    std::unique_ptr<MainWindow> m_window;
};

bool Tour::open(const QString& scenario, QString* error)
{
    close();
    m_clock.setSecs(ScreenshotTour::TourEpochSecs);
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<Store>(m_clock);
    if (!m_dir->isValid() || !m_store->openSqlite(m_dir->filePath(QStringLiteral("tour.sqlite")))) {
        *error = m_store->errorMessage();
        return false;
    }
    auto loaded = ScenarioLoader::load(scenario, error);
    if (!loaded)
        return false;
    loaded->kdf.log2N = 12; // a throwaway store: no need for production-strength hashing
    if (!ScenarioLoader::apply(*m_store, *loaded, scenario, error))
        return false;
    m_service = std::make_unique<RegistrationService>(*m_store);
    m_service->selectCorporation();
    m_flow = std::make_unique<RegistrationFlow>(*m_service);
    m_lang = std::make_unique<Language>();
    m_lang->set(m_language);
    m_window = std::make_unique<MainWindow>(*m_flow, *m_lang);
    m_window->resize(1024, 768);
    m_flow->start();
    m_window->show();
    SoftwareKeyboard::setShuffleSeed(20230901);
    return waitFor([this] { return m_flow->isRunning(); });
}

void Tour::close()
{
    m_window.reset();
    m_flow.reset();
    m_service.reset();
    m_store.reset();
    m_lang.reset();
    m_dir.reset();
}

bool Tour::go(Screen screen)
{
    return waitFor([&] { return m_flow->screen() == screen; });
}

bool Tour::save(
    const QImage& image, const QString& id, const QString& section, const QString& step, const QString& title)
{
    const int scale = qRound(image.devicePixelRatio());
    const QString file
        = QStringLiteral("%1-%2%3.png").arg(m_language, id, scale > 1 ? QStringLiteral("@%1x").arg(scale) : QString());
    QSaveFile out(QDir(m_options.outDir).filePath(file));
    if (!out.open(QIODevice::WriteOnly))
        return false;
    QImage clean = image;
    for (const QString& key : clean.textKeys())
        clean.setText(key, QString());
    QImageWriter writer(&out, "png");
    // Qt 6.4's PNG writer takes the zlib level from the quality: 0 is the smallest file. (Measured:
    // setCompression(9), used before, wrote the pixels uncompressed, 2.2 MB a 1× shot; now ~40 KB.)
    writer.setQuality(0);
    if (!writer.write(clean) || !out.commit())
        return false;
    QFile written(QDir(m_options.outDir).filePath(file));
    written.open(QIODevice::ReadOnly);
    TourShot shot;
    shot.file = file;
    shot.section = section;
    shot.step = step;
    shot.title = title;
    shot.language = m_language;
    shot.scale = scale;
    shot.width = image.width();
    shot.height = image.height();
    shot.sha256 = QString::fromLatin1(QCryptographicHash::hash(written.readAll(), QCryptographicHash::Sha256).toHex());
    m_shots->append(shot);
    return true;
}

bool Tour::shoot(const QString& id, const QString& section, const QString& step, const QString& title,
    const QStringList& highlights, const QList<Callout>& callouts)
{
    ManualPage* p = page();
    if (!p)
        return false;
    // No caret, no focus frame: what is drawn must not depend on timing.
    if (QWidget* focused = QApplication::focusWidget())
        focused->clearFocus();
    // --no-callouts: the screen's own ① ② marks go too, for a clean picture.
    QList<QWidget*> hidden;
    if (!m_options.callouts) {
        for (QLabel* l : p->findChildren<QLabel*>()) {
            if (l->objectName().endsWith(QLatin1String("Callout")) && l->isVisible()) {
                l->hide();
                hidden.append(l);
            }
        }
    }
    // Lay out now what Qt would lay out on a timer, so the picture never depends on timing.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    for (QAbstractItemView* view : p->findChildren<QAbstractItemView*>())
        view->doItemsLayout();
    QCoreApplication::processEvents();
    // Cropped to the content: down to the lowest visible part of the page, plus a fixed margin
    // (ScreenshotTour::CropMarginPx), not the empty rest of a 768-pixel window.
    int bottom = 0;
    for (QWidget* child : p->findChildren<QWidget*>(Qt::FindDirectChildrenOnly)) {
        if (child->isVisible())
            bottom = std::max(bottom, child->geometry().bottom() + 1);
    }
    const QRect content(0, 0, p->width(), std::min(p->height(), bottom + ScreenshotTour::CropMarginPx));
    QImage image = p->grab(content).toImage();
    for (QWidget* w : std::as_const(hidden))
        w->show();
    const qreal dpr = image.devicePixelRatio();
    if (m_options.callouts) {
        QPainter painter(&image);
        painter.scale(dpr, dpr);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor red(0xd0, 0x1f, 0x1f);
        for (const QString& name : highlights) {
            auto* w = p->findChild<QWidget*>(name);
            if (!w || !w->isVisible())
                continue;
            const QRect r(w->mapTo(p, QPoint(0, 0)), w->size());
            painter.setPen(QPen(red, 3));
            painter.setBrush(Qt::NoBrush);
            painter.drawRoundedRect(QRectF(r).adjusted(-4, -4, 4, 4), 6, 6);
        }
        QFont font = QApplication::font();
        font.setPixelSize(16);
        font.setBold(true);
        painter.setFont(font);
        for (const Callout& c : callouts) {
            auto* w = p->findChild<QWidget*>(c.widget);
            if (!w || !w->isVisible())
                continue;
            const QRect r(w->mapTo(p, QPoint(0, 0)), w->size());
            const QRectF badge(r.right() - 6, r.top() - 12, 26, 26);
            painter.setPen(QPen(Qt::white, 2));
            painter.setBrush(red);
            painter.drawEllipse(badge);
            painter.setPen(Qt::white);
            painter.drawText(badge, Qt::AlignCenter, c.number);
        }
    }
    return save(image, id, section, step, title);
}

bool Tour::run(QString* error)
{
    const auto fail = [&](const QString& what) {
        if (error->isEmpty())
            *error = ScreenshotTour::tr("スクリーンショットを作成できませんでした: %1").arg(what);
        return false;
    };
    const QString pin = QStringLiteral("train1234");
    // 9.1 カード型ハードトークンの利用形態を設定する
    if (!open(QStringLiteral(":/scenarios/manual-ch9.json"), error) || !go(Screen::CorporateStatus))
        return fail(QStringLiteral("9.1"));
    // (after open(): the titles are in the tour's language)
    const QString status = ScreenshotTour::tr("契約法人ステータス");
    const QString users = ScreenshotTour::tr("利用者情報選択");
    const QString modeConfirm = ScreenshotTour::tr("カード型ハードトークン利用形態設定確認");
    const QString input = ScreenshotTour::tr("カード型ハードトークン利用登録入力");
    const QString confirm = ScreenshotTour::tr("カード型ハードトークン利用登録確認");
    if (!shoot(QStringLiteral("9.1-1"), QStringLiteral("9.1"), QStringLiteral("1"), status,
            { QStringLiteral("menuLink") }))
        return fail(QStringLiteral("9.1-1"));
    m_flow->openUserRegistration();
    if (!go(Screen::UserInfoSelection)
        || !shoot(QStringLiteral("9.1-2"), QStringLiteral("9.1"), QStringLiteral("2"), users,
            { QStringLiteral("changeModeButton") }))
        return fail(QStringLiteral("9.1-2"));
    m_flow->changeMode();
    if (!go(Screen::UsageModeConfirm))
        return fail(QStringLiteral("9.1-3"));
    type(QStringLiteral("pinEdit"), pin);
    if (!shoot(QStringLiteral("9.1-3"), QStringLiteral("9.1"), QStringLiteral("3"), modeConfirm,
            { QStringLiteral("individualRadio"), QStringLiteral("pinEdit"), QStringLiteral("okButton") }))
        return fail(QStringLiteral("9.1-3"));

    // 9.2.1 全ての利用者が同じトークンを利用する場合
    if (!open(QStringLiteral(":/scenarios/shared-mode.json"), error) || !go(Screen::CorporateStatus))
        return fail(QStringLiteral("9.2.1"));
    if (!shoot(QStringLiteral("9.2.1-1"), QStringLiteral("9.2.1"), QStringLiteral("1"), status,
            { QStringLiteral("menuLink") }))
        return fail(QStringLiteral("9.2.1-1"));
    m_flow->openUserRegistration();
    if (!go(Screen::UserInfoSelection)
        || !shoot(QStringLiteral("9.2.1-2"), QStringLiteral("9.2.1"), QStringLiteral("2"), users,
            { QStringLiteral("registerButton") }))
        return fail(QStringLiteral("9.2.1-2"));
    m_flow->startRegistration();
    if (!go(Screen::SharedRegistrationInput))
        return fail(QStringLiteral("9.2.1-3"));
    type(QStringLiteral("serialEdit"), QStringLiteral("0000000011"));
    type(QStringLiteral("otpEdit"), otp(QStringLiteral("0000000011")));
    if (!shoot(QStringLiteral("9.2.1-3"), QStringLiteral("9.2.1"), QStringLiteral("3"), input,
            { QStringLiteral("serialEdit"), QStringLiteral("otpEdit"), QStringLiteral("nextButton") }))
        return fail(QStringLiteral("9.2.1-3"));
    // Error states of the input screen.
    type(QStringLiteral("serialEdit"), QStringLiteral("00-0000001-1"));
    find<QAbstractButton>(QStringLiteral("nextButton"))->click();
    if (!shoot(QStringLiteral("error-serial-hyphen"), QStringLiteral("9.2.1"), QStringLiteral("3"), input))
        return fail(QStringLiteral("error-serial-hyphen"));
    type(QStringLiteral("serialEdit"), QStringLiteral("0000000011"));
    type(QStringLiteral("otpEdit"),
        QStringLiteral("000000") == otp(QStringLiteral("0000000011")) ? QStringLiteral("111111")
                                                                      : QStringLiteral("000000"));
    find<QAbstractButton>(QStringLiteral("nextButton"))->click();
    if (!shoot(QStringLiteral("error-wrong-otp"), QStringLiteral("9.2.1"), QStringLiteral("3"), input))
        return fail(QStringLiteral("error-wrong-otp"));
    type(QStringLiteral("serialEdit"), QStringLiteral("0000000011"));
    type(QStringLiteral("otpEdit"), otp(QStringLiteral("0000000011")));
    find<QAbstractButton>(QStringLiteral("nextButton"))->click();
    if (!go(Screen::SharedRegistrationConfirm))
        return fail(QStringLiteral("9.2.1-4"));
    type(QStringLiteral("pinEdit"), pin);
    if (!shoot(QStringLiteral("9.2.1-4"), QStringLiteral("9.2.1"), QStringLiteral("4"), confirm,
            { QStringLiteral("pinEdit"), QStringLiteral("okButton") }))
        return fail(QStringLiteral("9.2.1-4"));

    // 9.2.2 全ての利用者が異なるトークンを利用する場合 (the manual's own example)
    if (!open(QStringLiteral(":/scenarios/manual-ch9.json"), error) || !go(Screen::CorporateStatus))
        return fail(QStringLiteral("9.2.2"));
    if (!shoot(QStringLiteral("9.2.2-1"), QStringLiteral("9.2.2"), QStringLiteral("1"), status,
            { QStringLiteral("menuLink") }))
        return fail(QStringLiteral("9.2.2-1"));
    m_flow->openUserRegistration();
    if (!go(Screen::UserInfoSelection)
        || !shoot(QStringLiteral("9.2.2-2"), QStringLiteral("9.2.2"), QStringLiteral("2"), users,
            { QStringLiteral("registerButton") }))
        return fail(QStringLiteral("9.2.2-2"));
    m_flow->startRegistration();
    if (!go(Screen::IndividualRegistrationInput))
        return fail(QStringLiteral("9.2.2-3"));
    const auto userId = [this](const QString& name) {
        for (const UserInfo& u : m_service->users()) {
            if (u.name == name)
                return u.id;
        }
        return qint64(0);
    };
    const qint64 suzuki = userId(QStringLiteral("鈴木 花子"));
    const qint64 tanaka = userId(QStringLiteral("田中 次郎"));
    const qint64 yamada = userId(QStringLiteral("山田 太郎"));
    // As the manual's picture: 鈴木 → 00-0000001-2 and 山田 → 00-0000001-1 in the list already, back
    // through 追加, 鈴木 chosen and 0000000011 typed.
    if (!m_flow->next(suzuki, QStringLiteral("0000000012"), otp(QStringLiteral("0000000012"))).ok()
        || !go(Screen::IndividualRegistrationConfirm))
        return fail(QStringLiteral("9.2.2-3 suzuki"));
    m_flow->add();
    if (!go(Screen::IndividualRegistrationInput)
        || !m_flow->next(yamada, QStringLiteral("0000000011"), otp(QStringLiteral("0000000011"))).ok()
        || !go(Screen::IndividualRegistrationConfirm))
        return fail(QStringLiteral("9.2.2-3 yamada"));
    m_flow->add();
    if (!go(Screen::IndividualRegistrationInput))
        return fail(QStringLiteral("9.2.2-3"));
    auto* table = find<QTableView>(QStringLiteral("userTable"));
    table->model()->setData(table->model()->index(0, 0), Qt::Checked, Qt::CheckStateRole);
    type(QStringLiteral("serialEdit"), QStringLiteral("0000000011"));
    type(QStringLiteral("otpEdit"), QStringLiteral("123456"));
    if (!shoot(QStringLiteral("9.2.2-3"), QStringLiteral("9.2.2"), QStringLiteral("3"), input,
            { QStringLiteral("userTable"), QStringLiteral("serialEdit"), QStringLiteral("otpEdit"),
                QStringLiteral("nextButton") }))
        return fail(QStringLiteral("9.2.2-3"));
    if (!m_flow->next(tanaka, QStringLiteral("0000000013"), otp(QStringLiteral("0000000013"))).ok()
        || !go(Screen::IndividualRegistrationConfirm))
        return fail(QStringLiteral("9.2.2-4"));
    type(QStringLiteral("pinEdit"), pin);
    if (!shoot(QStringLiteral("9.2.2-4"), QStringLiteral("9.2.2"), QStringLiteral("4"), confirm,
            { QStringLiteral("pinEdit"), QStringLiteral("okButton") },
            // ① and ② beside 追加 and the upper 削除 are on the screen itself; the lower 削除 is the same ②.
            { { QStringLiteral("removeButtonBottom"), QStringLiteral("②") } }))
        return fail(QStringLiteral("9.2.2-4"));
    // The software keyboard, open over the confirm screen.
    auto* pinInput = page()->findChild<PinInput*>();
    pinInput->clear();
    pinInput->openKeyboard();
    if (!waitFor([&] { return pinInput->keyboard()->isVisible(); }))
        return fail(QStringLiteral("keyboard"));
    QImage keyboard = pinInput->keyboard()->grab().toImage();
    pinInput->keyboard()->close();
    if (!save(keyboard, QStringLiteral("software-keyboard"), QStringLiteral("9.2.2"), QStringLiteral("4"),
            ScreenshotTour::tr("ソフトウェアキーボード")))
        return fail(QStringLiteral("keyboard"));
    type(QStringLiteral("pinEdit"), QStringLiteral("wrong123"));
    find<QAbstractButton>(QStringLiteral("okButton"))->click();
    if (!shoot(QStringLiteral("error-wrong-pin"), QStringLiteral("9.2.2"), QStringLiteral("4"), confirm))
        return fail(QStringLiteral("error-wrong-pin"));
    m_flow->remove({ suzuki, tanaka, yamada });
    type(QStringLiteral("pinEdit"), pin);
    find<QAbstractButton>(QStringLiteral("okButton"))->click();
    if (!shoot(QStringLiteral("error-empty-list"), QStringLiteral("9.2.2"), QStringLiteral("4"), confirm))
        return fail(QStringLiteral("error-empty-list"));

    // The card pictures the manual leaves as placeholders.
    for (const auto side : { CardFace::Side::Back, CardFace::Side::Front }) {
        CardFace face;
        face.setSide(side);
        face.setSerial(QStringLiteral("0000000012"));
        face.setDisplayText(side == CardFace::Side::Front ? otp(QStringLiteral("0000000012")) : QString());
        face.setMarkPositions(m_options.callouts);
        face.resize(428, 270);
        const bool back = side == CardFace::Side::Back;
        if (!save(face.grab().toImage(), back ? QStringLiteral("card-back") : QStringLiteral("card-front"),
                QStringLiteral("9.2"), QStringLiteral("3"),
                back ? ScreenshotTour::tr("カード型ハードトークン（裏）：シリアル番号の位置")
                     : ScreenshotTour::tr(
                         "カード型ハードトークン（表）：利用登録用ワンタイムパスワードを発行するボタンの位置")))
            return fail(QStringLiteral("card"));
    }

    // 利用中止
    if (!open(QStringLiteral(":/scenarios/suspended.json"), error) || !go(Screen::Suspended)
        || !shoot(QStringLiteral("suspended"), QStringLiteral("9.2"), QStringLiteral("3"),
            ScreenshotTour::tr("利用中止のお知らせ")))
        return fail(QStringLiteral("suspended"));
    close();
    return true;
}

} // namespace

namespace {

// The tour's time zone, whatever the machine's: Japan (a POSIX rule, so that no tz database is
// needed), restored afterwards. The 利用中止 notice shows its date in local time.
class TourTimeZone final {
public:
    TourTimeZone()
        : m_had(qEnvironmentVariableIsSet("TZ"))
        , m_old(qgetenv("TZ"))
    {
        qputenv("TZ", QByteArrayLiteral("JST-9"));
        apply();
    }
    ~TourTimeZone()
    {
        if (m_had)
            qputenv("TZ", m_old);
        else
            qunsetenv("TZ");
        apply();
    }
    Q_DISABLE_COPY_MOVE(TourTimeZone)

private:
    static void apply()
    {
#ifdef Q_OS_WIN
        _tzset();
#else
        tzset();
#endif
    }
    bool m_had;
    QByteArray m_old;
};

} // namespace

bool ScreenshotTour::useTourFont(QString* error)
{
    static const QString family = QStringLiteral("IPAexGothic");
    if (!QFontDatabase::families().contains(family)) {
        for (const char* path : { "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
                 "/usr/share/fonts/truetype/ipaexfont-gothic/ipaexg.ttf", "C:/Windows/Fonts/ipaexg.ttf" })
            QFontDatabase::addApplicationFont(QLatin1String(path));
    }
    if (!QFontDatabase::families().contains(family)) {
        *error = tr("スクリーンショットには IPAexGothic フォントが必要です（Debian: apt-get install "
                    "fonts-ipaexfont-gothic）。");
        return false;
    }
    // The software keyboard's keys ask for "monospace", which fontconfig resolves by the user's
    // language (IPAexGothic under LANG=ja_JP): the tour names the font itself.
    static const QString mono = QStringLiteral("DejaVu Sans Mono");
    if (!QFontDatabase::families().contains(mono)) {
        for (const char* path :
            { "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf", "C:/Windows/Fonts/DejaVuSansMono.ttf" })
            QFontDatabase::addApplicationFont(QLatin1String(path));
    }
    if (!QFontDatabase::families().contains(mono)) {
        *error = tr("スクリーンショットには DejaVu Sans Mono フォントが必要です（Debian: apt-get install "
                    "fonts-dejavu-core）。");
        return false;
    }
    QFont::insertSubstitution(QStringLiteral("monospace"), mono);
    QFont font(family);
    font.setFamilies({ family });
    font.setPointSize(10);
    font.setHintingPreference(QFont::PreferNoHinting);
    QApplication::setFont(font);
    return true;
}

bool ScreenshotTour::run(const TourOptions& options, QList<TourShot>* shots, QString* error)
{
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    if (!app) {
        *error = tr("スクリーンショットには QApplication が必要です。");
        return false;
    }
    if (!QDir().mkpath(options.outDir)) {
        *error = tr("フォルダー %1 を作成できません。").arg(options.outDir);
        return false;
    }
    applyConsoleStyle(*app);
    if (!useTourFont(error))
        return false;
    const TourTimeZone japan;
    for (const QString& language : options.languages) {
        if (!Language::available().contains(language)) {
            *error = tr("言語 %1 はありません（ja, en）。").arg(language);
            return false;
        }
        Tour tour(options, language, shots);
        if (!tour.run(error))
            return false;
    }
    Language restore;
    restore.set(QStringLiteral("ja"));
    return writeManifest(options.outDir, *shots, error);
}

bool ScreenshotTour::writeManifest(const QString& outDir, const QList<TourShot>& shots, QString* error)
{
    QJsonArray files;
    for (const TourShot& s : shots) {
        files.append(QJsonObject { { QStringLiteral("file"), s.file }, { QStringLiteral("section"), s.section },
            { QStringLiteral("step"), s.step }, { QStringLiteral("title"), s.title },
            { QStringLiteral("language"), s.language }, { QStringLiteral("scale"), s.scale },
            { QStringLiteral("width"), s.width }, { QStringLiteral("height"), s.height },
            { QStringLiteral("sha256"), s.sha256 } });
    }
    QSaveFile out(QDir(outDir).filePath(QStringLiteral("manifest.json")));
    if (!out.open(QIODevice::WriteOnly)) {
        *error = tr("manifest.json を書き込めません。");
        return false;
    }
    out.write(QJsonDocument(
        QJsonObject { { QStringLiteral("chapter"), QStringLiteral("9") }, { QStringLiteral("files"), files } })
                  .toJson(QJsonDocument::Indented));
    return out.commit();
}

} // namespace hardtoken
