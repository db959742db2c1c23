#include "ScreenshotTour.h"

#include "CardFace.h"
#include "Highlight.h"
#include "Language.h"
#include "MainWindow.h"
#include "ManualPage.h"
#include "PageHeader.h"
#include "PinInput.h"
#include "SoftwareKeyboard.h"
#include "StepDriver.h"
#include "Style.h"
#include "core/Clock.h"
#include "desk/ManualSteps.h"
#include "desk/RegistrationFlow.h"
#include "desk/RegistrationService.h"
#include "inventory/Scenario.h"
#include "inventory/VirtualTokens.h"
#include "store/Store.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QBuffer>
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
#include <QMetaEnum>
#include <QMutex>
#include <QPainter>
#include <QPainterPath>
#include <QRadioButton>
#include <QSaveFile>
#include <QSemaphore>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>

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

// What the tour gives a step: the cards, users and codes of the manual's pictures. How the step is
// performed comes from the steps table (its acts), through the driver 見本 and the tests use too.
struct TourEntry {
    QString user {}; // a user's name (individual mode)
    QString serial {};
    QString otp {}; // empty: the code the card shows now
};
struct TourScene {
    QString step;
    TourEntry shown {}; // what the picture shows typed and chosen
    std::optional<TourEntry> onward {}; // what the step is done with to go on (default: shown)
    // Entries in the 利用登録情報の一覧 before the picture: the step done with each, then 追加.
    QList<TourEntry> queuedBefore {};
};

const QList<TourScene>& tourScenes()
{
    static const QList<TourScene> scenes {
        { QStringLiteral("9.2.1-3"), { {}, QStringLiteral("0000000011") } },
        // As the manual's picture: 鈴木 → 00-0000001-2 and 山田 → 00-0000001-1 in the list already,
        // back through 追加, 鈴木 chosen and 0000000011 typed with a code not yet read off the card.
        { QStringLiteral("9.2.2-3"),
            { QStringLiteral("鈴木 花子"), QStringLiteral("0000000011"), QStringLiteral("123456") },
            TourEntry { QStringLiteral("田中 次郎"), QStringLiteral("0000000013") },
            { { QStringLiteral("鈴木 花子"), QStringLiteral("0000000012") },
                { QStringLiteral("山田 太郎"), QStringLiteral("0000000011") } } },
    };
    return scenes;
}

TourScene sceneOf(const QString& step)
{
    for (const TourScene& scene : tourScenes()) {
        if (scene.step == step)
            return scene;
    }
    return { step };
}

// One language's run: a private store, the real window, and the shots it takes.
// The pictures are encoded and written on the other cores while the tour drives the next screen
// (deflate was most of a tour's time). Each file is written whole by one worker (QSaveFile); the
// bytes are the same whichever thread deflates them.
class PngWriter final {
public:
    PngWriter()
        : m_slots(qMax(1, QThread::idealThreadCount()))
    {
        m_pool.setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
    }
    ~PngWriter() { m_pool.waitForDone(); }
    Q_DISABLE_COPY_MOVE(PngWriter)

    // Queues `image` for `path`; `shot` is its index in the tour's list (for its SHA-256).
    // At most one picture a core waits or is deflated at once (the tour waits for a slot): a
    // print-scale picture is 10 MB decoded, and the chapter's export stays under its memory goal.
    void write(QImage image, const QString& path, qsizetype shot)
    {
        m_slots.acquire();
        m_pool.start([this, image = std::move(image), path, shot] {
            QBuffer png;
            png.open(QIODevice::WriteOnly);
            QImageWriter writer(&png, "png");
            // Qt 6.4's PNG writer takes the zlib level from the quality (0: the smallest file, the
            // slowest). Measured on the 38 shots (the same pixels every time): quality 0 took 4.3 s
            // and 2.8 MB, 67 takes 1.7 s and 2.9 MB. (setCompression(9), used before that, wrote the
            // pixels uncompressed: 2.2 MB a 1× shot.)
            writer.setQuality(67);
            QSaveFile out(path);
            const bool ok = writer.write(image) && out.open(QIODevice::WriteOnly)
                && out.write(png.data()) == png.data().size() && out.commit();
            const QString sha256
                = QString::fromLatin1(QCryptographicHash::hash(png.data(), QCryptographicHash::Sha256).toHex());
            {
                const QMutexLocker lock(&m_mutex);
                if (ok)
                    m_sha256.insert(shot, sha256);
                else if (m_failed.isEmpty())
                    m_failed = path;
            }
            m_slots.release();
        });
    }
    // Every queued picture written, its SHA-256 in `shots`; false with the first file that was not.
    bool finish(QList<TourShot>* shots, QString* failedFile)
    {
        m_pool.waitForDone();
        const QMutexLocker lock(&m_mutex);
        for (auto it = m_sha256.cbegin(); it != m_sha256.cend(); ++it)
            (*shots)[it.key()].sha256 = it.value();
        m_sha256.clear();
        *failedFile = m_failed;
        return m_failed.isEmpty();
    }

private:
    QSemaphore m_slots;
    QThreadPool m_pool;
    QMutex m_mutex;
    QHash<qsizetype, QString> m_sha256;
    QString m_failed;
};

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
    // Brings the screen into the state the manual's picture of `step` shows, from the picture of
    // `previous` (null: the section's first); `next`: the step after it (null: the last).
    bool prepare(const ManualStep* previous, const ManualStep& step, const ManualStep* next);
    StepInputs inputs(const TourEntry& entry) const;
    bool drive(const QList<ManualAct>& acts, const StepInputs& inputs);
    // The extra pictures taken after `step` (error states, the software keyboard), or after the
    // chapter (`step` null: the cards, 利用中止).
    bool after(const ManualStep* step);
    bool take(const ScreenshotTour::ExtraShot& shot, const QString& section, const QString& number);
    bool shootCard(const QString& id);
    ManualPage* page() const { return m_window->page(m_flow->screen()); }
    // The widget named `name` on the current screen; a missing one (an objectName renamed in a
    // .ui) is said, naming the widget and the screen, instead of crashing the tour.
    template <typename T> T* find(const QString& name)
    {
        T* w = page() ? page()->findChild<T*>(name) : nullptr;
        if (!w && m_error->isEmpty()) {
            *m_error
                = ScreenshotTour::tr("画面 %1 に %2 がありません（.ui の objectName を確かめてください）。")
                      .arg(QString::fromLatin1(QMetaEnum::fromType<Screen>().valueToKey(int(m_flow->screen()))), name);
        }
        return w;
    }
    bool type(const QString& name, const QString& text)
    {
        auto* edit = find<QLineEdit>(name);
        if (edit)
            edit->setText(text);
        return edit;
    }
    bool press(const QString& name)
    {
        auto* button = find<QAbstractButton>(name);
        if (button)
            button->click();
        return button;
    }
    bool shoot(const QString& id, const QString& section, const QString& step, const QStringList& highlights = {},
        const QList<ManualCallout>& callouts = {});
    bool save(
        const QImage& image, const QString& id, const QString& section, const QString& step, const QString& title);
    QString otp(const QString& serial) const
    {
        return VirtualTokens::otp(*m_store, serial, m_clock.nowSecs(), 0, nullptr).value_or(QString());
    }

    // `region` of `widget` at the tour's scale: grabbed at the application's, rendered at another.
    QImage picture(QWidget* widget, const QRect& region) const
    {
        if (m_options.scale <= 0 || qFuzzyCompare(widget->devicePixelRatioF(), qreal(m_options.scale)))
            return widget->grab(region).toImage();
        QImage image(region.size() * m_options.scale, QImage::Format_RGB32);
        image.setDevicePixelRatio(m_options.scale);
        image.fill(widget->palette().color(QPalette::Window));
        widget->render(&image, QPoint(), QRegion(region));
        return image;
    }

    const TourOptions& m_options;
    QString m_language;
    QString* m_error = nullptr;
    QList<TourShot>* m_shots;
    // Every picture of every language, for the progress: the table's steps and the extras.
    const int m_total
        = int(m_options.languages.size()) * int(ManualSteps::steps().size() + ScreenshotTour::extraShots().size());
    FixedClock m_clock { ScreenshotTour::TourEpochSecs * 1000 };
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<RegistrationService> m_service;
    std::unique_ptr<RegistrationFlow> m_flow;
    std::unique_ptr<Language> m_lang;
    std::unique_ptr<MainWindow> m_window;
    PngWriter m_writer;
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
    QImage clean = image;
    for (const QString& key : clean.textKeys())
        clean.setText(key, QString());
    m_writer.write(std::move(clean), QDir(m_options.outDir).filePath(file), m_shots->size());
    TourShot shot;
    shot.id = id;
    shot.file = file;
    shot.section = section;
    shot.step = step;
    shot.title = title;
    shot.language = m_language;
    shot.scale = scale;
    shot.width = image.width();
    shot.height = image.height();
    m_shots->append(shot);
    if (m_options.progress)
        m_options.progress(int(m_shots->size()), m_total, file);
    return true;
}

bool Tour::shoot(const QString& id, const QString& section, const QString& step, const QStringList& highlights,
    const QList<ManualCallout>& callouts)
{
    ManualPage* p = page();
    if (!p)
        return false;
    // Every widget the picture marks must be there: a renamed one is said, not skipped.
    for (const QString& name : highlights) {
        if (!find<QWidget>(name))
            return false;
    }
    for (const ManualCallout& c : callouts) {
        if (!find<QWidget>(c.widget))
            return false;
    }
    // The title the screen shows in its band (the manual's name of the screen).
    auto* header = p->findChild<PageHeader*>();
    const QString title = header ? header->title() : p->windowTitle();
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
    QImage image = picture(p, content);
    for (QWidget* w : std::as_const(hidden))
        w->show();
    if (m_options.callouts) {
        // (A painter on an image of pixel ratio 2 already works in the screen's coordinates.)
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        const QColor red = highlight::color();
        for (const QString& name : highlights) {
            auto* w = p->findChild<QWidget*>(name);
            if (w && w->isVisible())
                highlight::paint(painter, QRect(w->mapTo(p, QPoint(0, 0)), w->size()));
        }
        for (const ManualCallout& c : callouts) {
            auto* w = p->findChild<QWidget*>(c.widget);
            if (!w || !w->isVisible())
                continue;
            // In the style of the screen's own ① ② (its callout label's font and colour), right of
            // the widget with a gap: it covers nothing.
            QLabel* model = nullptr;
            for (QLabel* l : p->findChildren<QLabel*>()) {
                if (l->property("role").toString() == QLatin1String("callout") && l->text() == c.mark)
                    model = l;
            }
            QFont font = model ? model->font() : QApplication::font();
            if (!model)
                font.setBold(true);
            painter.setFont(font);
            painter.setPen(model ? model->palette().color(model->foregroundRole()) : red);
            const QRect r(w->mapTo(p, QPoint(0, 0)), w->size());
            const QFontMetrics metrics(font);
            const QRect mark(r.right() + 8, r.center().y() - metrics.height() / 2,
                metrics.horizontalAdvance(c.mark) + 2, metrics.height());
            painter.drawText(mark, Qt::AlignCenter, c.mark);
        }
    }
    return save(image, id, section, step, title);
}

StepInputs Tour::inputs(const TourEntry& entry) const
{
    StepInputs in { QStringLiteral("train1234"), entry.serial };
    in.otp = entry.otp.isEmpty() && !entry.serial.isEmpty() ? otp(entry.serial) : entry.otp;
    for (const UserInfo& u : m_service->users().value_or(QList<UserInfo> {})) {
        if (u.name == entry.user)
            in.userId = u.id;
    }
    return in;
}

bool Tour::drive(const QList<ManualAct>& acts, const StepInputs& inputs)
{
    StepDriver driver([this]() -> QWidget* { return page(); });
    if (driver.perform(acts, inputs))
        return true;
    if (m_error->isEmpty())
        *m_error = driver.error();
    return false;
}

bool Tour::prepare(const ManualStep* previous, const ManualStep& step, const ManualStep* next)
{
    // On from the previous step: its acts done to the end.
    if (previous) {
        const TourScene before = sceneOf(previous->id);
        if (!drive(previous->acts, inputs(before.onward.value_or(before.shown))) || !go(step.screen))
            return false;
    }
    const TourScene scene = sceneOf(step.id);
    for (const TourEntry& entry : scene.queuedBefore) {
        if (!next || !drive(step.acts, inputs(entry)) || !go(next->screen) || !drive(next->another, {})
            || !go(step.screen))
            return false;
    }
    // The screen as its picture shows it: filled in, before the act that leaves it.
    return drive(step.filling(), inputs(scene.shown));
}

bool Tour::after(const ManualStep* step)
{
    for (const ScreenshotTour::ExtraShot& shot : ScreenshotTour::extraShots()) {
        if (shot.afterStep != (step ? step->id : QString()))
            continue;
        if (!(step ? take(shot, step->section, QString::number(step->number)) : take(shot, {}, {})))
            return false;
    }
    return true;
}

bool Tour::take(const ScreenshotTour::ExtraShot& shot, const QString& section, const QString& number)
{
    using Kind = ScreenshotTour::ExtraShot::Kind;
    switch (shot.kind) {
    case Kind::SerialWithHyphens:
        return type(QStringLiteral("serialEdit"), QStringLiteral("00-0000001-1")) && press(QStringLiteral("nextButton"))
            && shoot(shot.id, section, number);
    case Kind::WrongOtp: {
        const QString right = otp(QStringLiteral("0000000011"));
        return type(QStringLiteral("serialEdit"), QStringLiteral("0000000011"))
            && type(QStringLiteral("otpEdit"),
                right == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000"))
            && press(QStringLiteral("nextButton")) && shoot(shot.id, section, number);
    }
    case Kind::SoftwareKeyboard: {
        // The software keyboard, open over the confirm screen.
        auto* pinInput = page()->findChild<PinInput*>();
        if (!pinInput)
            return find<PinInput>(QStringLiteral("pinInput"));
        pinInput->clear();
        pinInput->openKeyboard();
        if (!waitFor([&] { return pinInput->keyboard()->isVisible(); }))
            return false;
        const QImage keyboard = picture(pinInput->keyboard(), pinInput->keyboard()->rect());
        const QString title = pinInput->keyboard()->windowTitle();
        pinInput->keyboard()->close();
        return save(keyboard, shot.id, section, number, title);
    }
    case Kind::WrongPin:
        return type(QStringLiteral("pinEdit"), QStringLiteral("wrong123")) && press(QStringLiteral("okButton"))
            && shoot(shot.id, section, number);
    case Kind::EmptyList: {
        QList<qint64> everyone;
        for (const UserInfo& u : m_service->users().value_or(QList<UserInfo> {}))
            everyone.append(u.id);
        m_flow->remove(everyone);
        return type(QStringLiteral("pinEdit"), QStringLiteral("train1234")) && press(QStringLiteral("okButton"))
            && shoot(shot.id, section, number);
    }
    case Kind::Card:
        return shootCard(shot.id);
    case Kind::Suspended:
        return open(QStringLiteral(":/scenarios/suspended.json"), m_error) && go(Screen::Suspended)
            && shoot(shot.id, QStringLiteral("9.2"), QStringLiteral("3"));
    }
    return false;
}

// The card pictures the manual leaves as placeholders (9.2.1 step 3, 9.2.2 step 3): the figure of
// the steps table that `id` names, drawn with a spare card's serial and code.
bool Tour::shootCard(const QString& id)
{
    for (const ManualStep& step : ManualSteps::steps()) {
        for (const ManualFigure& figure : step.figuresBefore + step.figuresAfter) {
            if (figure.id != id)
                continue;
            const bool back = figure.id == QLatin1String("card-back");
            CardFace face;
            face.setSide(back ? CardFace::Side::Back : CardFace::Side::Front);
            face.setSerial(QStringLiteral("0000000012"));
            face.setDisplayText(back ? QString() : otp(QStringLiteral("0000000012")));
            face.setMarkPositions(m_options.callouts);
            face.resize(428, 270);
            return save(picture(&face, face.rect()), figure.id, step.section, QStringLiteral("3"), figure.caption);
        }
    }
    *m_error = ScreenshotTour::tr("スクリーンショットを作成できませんでした: %1").arg(id);
    return false;
}

bool Tour::run(QString* error)
{
    m_error = error;
    const auto fail = [&](const QString& what) {
        if (error->isEmpty())
            *error = ScreenshotTour::tr("スクリーンショットを作成できませんでした: %1").arg(what);
        return false;
    };
    // Chapter 9, step by step, from the one table of the manual's steps.
    for (const ManualSection& section : ManualSteps::sections()) {
        if (section.steps.isEmpty())
            continue;
        if (!open(section.scenario, error) || !go(Screen::CorporateStatus))
            return fail(section.id);
        for (qsizetype i = 0; i < section.steps.size(); ++i) {
            const ManualStep& step = section.steps[i];
            if (!prepare(i > 0 ? &section.steps[i - 1] : nullptr, step,
                    i + 1 < section.steps.size() ? &section.steps[i + 1] : nullptr)
                || !go(step.screen)
                || !shoot(step.id, step.section, QString::number(step.number), step.highlights(), step.callouts)
                || !after(&step))
                return fail(step.id);
        }
    }

    // The pictures after the chapter's steps: the cards, 利用中止.
    if (!after(nullptr))
        return fail(QStringLiteral("extra"));
    close();
    QString unwritten;
    if (!m_writer.finish(m_shots, &unwritten))
        return fail(unwritten);
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

const QList<ScreenshotTour::ExtraShot>& ScreenshotTour::extraShots()
{
    using Kind = ExtraShot::Kind;
    static const QList<ExtraShot> shots {
        { Kind::SerialWithHyphens, QStringLiteral("error-serial-hyphen"), QStringLiteral("9.2.1-3") },
        { Kind::WrongOtp, QStringLiteral("error-wrong-otp"), QStringLiteral("9.2.1-3") },
        { Kind::SoftwareKeyboard, QStringLiteral("software-keyboard"), QStringLiteral("9.2.2-4") },
        { Kind::WrongPin, QStringLiteral("error-wrong-pin"), QStringLiteral("9.2.2-4") },
        { Kind::EmptyList, QStringLiteral("error-empty-list"), QStringLiteral("9.2.2-4") },
        { Kind::Card, QStringLiteral("card-back"), {} },
        { Kind::Card, QStringLiteral("card-front"), {} },
        { Kind::Suspended, QStringLiteral("suspended"), {} },
    };
    return shots;
}

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
