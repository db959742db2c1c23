#include "ManualExport.h"

#include "Language.h"
#include "desk/ManualSteps.h"

#include <QAbstractTextDocumentLayout>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextDocument>

#include <functional>
#include <memory>
#include <vector>

namespace hardtoken {

namespace {

// One piece of the chapter: HTML text, or a picture (with a caption under it, at a share of the
// text's width).
struct Item {
    QString html {};
    QString image {}; // the picture's id (9.1-1, card-back …)
    QString caption {};
    int widthPercent = 100;
    bool aside = false; // a ⚠️/メモ box or a note: it belongs to the step (or heading) above it
};
// What must stay on one page: a step with its text, its pictures, its notes and its boxes; a
// heading and what follows it.
using Group = QList<Item>;

QString esc(const QString& s)
{
    return s.toHtmlEscaped();
}

QString boxHtml(const ManualBox& box)
{
    const bool caution = box.kind == ManualBox::Kind::Caution;
    QString html = QStringLiteral("<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"8\" "
                                  "bgcolor=\"%1\" style=\"border-color: %2; border-style: solid;\"><tr><td>"
                                  "<p><b>%3</b></p>")
                       .arg(caution ? QStringLiteral("#fff8e6") : QStringLiteral("#f3f6fb"),
                           caution ? QStringLiteral("#d49a00") : QStringLiteral("#7f94b0"), esc(box.title()));
    if (box.lines.size() == 1) {
        html += QStringLiteral("<p>%1</p>").arg(ManualSteps::toHtml(box.lines.first()));
    } else {
        html += QStringLiteral("<ul>");
        for (const QString& line : box.lines)
            html += QStringLiteral("<li>%1</li>").arg(ManualSteps::toHtml(line));
        html += QStringLiteral("</ul>");
    }
    return html + QStringLiteral("</td></tr></table>");
}

// Chapter 9 in reading order, grouped for the page layout; the HTML export is the same items.
QList<Group> chapter()
{
    QList<Group> groups;
    const QList<ManualSection> sections = ManualSteps::sections();
    QString contents = QStringLiteral("<ul>");
    for (const ManualSection& s : sections) {
        if (s.level == 2)
            contents += QStringLiteral("<li>%1</li>").arg(esc(s.title));
    }
    contents += QStringLiteral("</ul>");
    groups.append({ { QStringLiteral("<h1>%1</h1>%2<p class=\"edition\">%3</p>")
                          .arg(esc(ManualSteps::chapterTitle()), contents, esc(ManualSteps::edition())) } });
    // What is carried to the next group (a heading with nothing of its own under it yet).
    Group carried;
    const auto push = [&](const Group& g) {
        groups.append(carried + g);
        carried.clear();
    };
    const auto figures = [](const QList<ManualFigure>& list) {
        Group g;
        for (const ManualFigure& f : list)
            g.append({ {}, f.id, f.caption, 48 });
        return g;
    };
    for (const ManualSection& s : sections) {
        QString head = QStringLiteral("<h%1>%2</h%1>").arg(s.level).arg(esc(s.title));
        for (const QString& p : s.intro)
            head += QStringLiteral("<p>%1</p>").arg(ManualSteps::toHtml(p));
        if (!s.choices.isEmpty()) {
            head += QStringLiteral("<ul>");
            for (const QString& c : s.choices)
                head += QStringLiteral("<li>%1</li>").arg(ManualSteps::toHtml(c));
            head += QStringLiteral("</ul>");
        }
        // A heading never ends a page: it goes with what follows (its box, its first step, or
        // the next section's heading when it has neither, as 9.2 before 9.2.1).
        Group first { { head } };
        for (const ManualBox& box : s.boxes)
            first.append({ boxHtml(box), {}, {}, 100, true });
        if (s.boxes.isEmpty())
            carried += first;
        else
            push(first);
        for (const ManualStep& step : s.steps) {
            if (!step.figuresBefore.isEmpty())
                push(figures(step.figuresBefore));
            // The step, its picture, and what the manual says under it: never apart.
            Group g { { QStringLiteral("<p class=\"step\"><b>%1.</b> %2</p>")
                              .arg(step.number)
                              .arg(ManualSteps::toHtml(step.text)) },
                { {}, step.id, {}, 100 } };
            g += figures(step.figuresAfter);
            for (const ManualNote& note : step.notes) {
                g.append(
                    { QStringLiteral("<p><b>%1</b><br/>%2</p>").arg(esc(note.lead), ManualSteps::toHtml(note.text)), {},
                        {}, 100, true });
            }
            for (const ManualBox& box : step.boxes)
                g.append({ boxHtml(box), {}, {}, 100, true });
            push(g);
        }
    }
    return groups;
}

const char* const kStyle = "h1 { color: #1f3a5f; font-size: 18pt; }"
                           "h2 { color: #1f3a5f; font-size: 14pt; }"
                           "h3 { color: #1f3a5f; font-size: 12pt; }"
                           "p.edition { color: #555555; }"
                           "p.step { margin-top: 4px; }";

// Millimetres to the PDF's device pixels.
qreal mm(const QPdfWriter& pdf, qreal millimetres)
{
    return millimetres * pdf.resolution() / 25.4;
}

} // namespace

QString ManualExport::chapterHtml(const std::function<QString(const QString&)>& imageOf)
{
    QString h = QStringLiteral("<html><head><meta charset=\"utf-8\"/><title>%1</title><style>"
                               "body { font-family: 'IPAexGothic', 'Yu Gothic UI', 'Meiryo', sans-serif; max-width: "
                               "60em; } %2 figure { margin: 0 0 1em 0; } img { border: 1px solid #a9b6c6; } "
                               "figcaption { font-size: 90%; color: #333; }</style></head><body>\n")
                    .arg(esc(ManualSteps::chapterTitle()), QLatin1String(kStyle));
    for (const Group& group : chapter()) {
        for (const Item& item : group) {
            if (item.image.isEmpty()) {
                h += item.html + QLatin1Char('\n');
                continue;
            }
            h += QStringLiteral("<figure><img src=\"%1\" style=\"width: %2%\" alt=\"%3\"/>%4</figure>\n")
                     .arg(imageOf(item.image))
                     .arg(item.widthPercent)
                     .arg(esc(item.caption),
                         item.caption.isEmpty() ? QString()
                                                : QStringLiteral("<figcaption>%1</figcaption>").arg(esc(item.caption)));
        }
    }
    return h + QStringLiteral("</body></html>\n");
}

namespace {

// One item of the chapter, measured once at the text's width. A figure is read from its file when
// it is painted (its size from the header alone): one decoded screenshot in memory at a time, not
// the chapter's nineteen.
struct Placed {
    std::unique_ptr<QTextDocument> text;
    QString imagePath;
    QSizeF imageSize;
    std::unique_ptr<QTextDocument> caption;
    qreal height = 0;
    bool halfWidth = false; // a figure narrower than the text: two stand side by side
    bool aside = false;

    bool shrinkable() const { return !imagePath.isEmpty() && !halfWidth; }
    // Its height with a full-width picture at `scale` of its width.
    qreal heightAt(qreal scale) const { return shrinkable() ? height - imageSize.height() * (1 - scale) : height; }
};
using PlacedGroup = std::vector<Placed>;

// What the PDF's passes share: the writer, the text area, the font and the gaps.
struct PdfPage {
    QPdfWriter& pdf;
    QRectF body;
    QFont font;
    qreal itemGap;
    qreal groupGap;

    std::unique_ptr<QTextDocument> document(const QString& html, qreal width) const
    {
        auto doc = std::make_unique<QTextDocument>();
        doc->documentLayout()->setPaintDevice(&pdf);
        doc->setDefaultFont(font);
        doc->setDefaultStyleSheet(QLatin1String(kStyle));
        doc->setDocumentMargin(0);
        doc->setHtml(html);
        doc->setTextWidth(width);
        return doc;
    }
};

// A row of a group: one item, or two narrow figures side by side (the two cards).
struct Row {
    size_t first;
    size_t count;
};

std::vector<Row> rowsOf(const PlacedGroup& g)
{
    std::vector<Row> rows;
    for (size_t i = 0; i < g.size();) {
        const bool pair = i + 1 < g.size() && g[i].halfWidth && g[i + 1].halfWidth;
        rows.push_back({ i, pair ? size_t(2) : size_t(1) });
        i += rows.back().count;
    }
    return rows;
}

qreal groupHeight(const PdfPage& page, const PlacedGroup& g, qreal scale = 1)
{
    qreal h = 0;
    for (const Row& r : rowsOf(g)) {
        qreal row = 0;
        for (size_t k = r.first; k < r.first + r.count; ++k)
            row = std::max(row, g[k].heightAt(scale));
        h += row + (h > 0 ? page.itemGap : 0);
    }
    return h;
}

// The scale of the group's full-width pictures at which it fits `room` (1 when it fits as it is;
// 0 when no scale does).
qreal scaleToFit(const PdfPage& page, const PlacedGroup& g, qreal room)
{
    const qreal natural = groupHeight(page, g);
    if (natural <= room)
        return 1;
    const qreal pictures = natural - groupHeight(page, g, 0);
    return pictures > 0 ? std::max(qreal(0), 1 - (natural - room) / pictures) : 0;
}

// A figure at its share of the text's width (at most 80 % of the page's height), with its caption.
// False when the picture cannot be read.
bool placeFigure(const PdfPage& page, const Item& item, const QString& path, Placed* p)
{
    const QSize pixels = QImageReader(path).size();
    if (pixels.isEmpty())
        return false;
    p->imagePath = path;
    p->halfWidth = item.widthPercent < 100;
    qreal width = page.body.width() * item.widthPercent / 100.0;
    qreal height = width * pixels.height() / pixels.width();
    const qreal tallest = page.body.height() * 0.8;
    if (height > tallest) {
        width *= tallest / height;
        height = tallest;
    }
    p->imageSize = QSizeF(width, height);
    p->height = height;
    if (!item.caption.isEmpty()) {
        p->caption = page.document(QStringLiteral("<p style=\"font-size: 9pt;\">%1</p>").arg(esc(item.caption)), width);
        p->height += mm(page.pdf, 1.5) + p->caption->size().height();
    }
    return true;
}

// The running header and the page number.
void paintFrame(QPainter& painter, const PdfPage& page, int n, int pages)
{
    QFont small = page.font;
    small.setPointSizeF(8);
    painter.save();
    painter.setFont(small);
    painter.setPen(QColor(0x55, 0x55, 0x55));
    const qreal width = page.body.width();
    const QRectF header(0, -mm(page.pdf, 12), width, mm(page.pdf, 6));
    painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter, ManualSteps::chapterTitle());
    painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter, ManualSteps::edition());
    painter.drawLine(QPointF(0, -mm(page.pdf, 5)), QPointF(width, -mm(page.pdf, 5)));
    painter.drawText(QRectF(0, page.body.height() + mm(page.pdf, 6), width, mm(page.pdf, 6)), Qt::AlignCenter,
        QStringLiteral("%1 / %2").arg(n + 1).arg(pages));
    painter.restore();
}

// False when a figure's file could not be read (any more). Full-width pictures at `scale`, centred.
bool paintGroup(QPainter& painter, const PdfPage& page, const PlacedGroup& g, qreal top, qreal scale)
{
    qreal at = top;
    for (const Row& r : rowsOf(g)) {
        qreal rowHeight = 0;
        for (size_t k = r.first; k < r.first + r.count; ++k) {
            const Placed& p = g[k];
            const QSizeF size = p.shrinkable() ? p.imageSize * scale : p.imageSize;
            const qreal x = r.count == 2 ? (k == r.first ? 0 : page.body.width() - size.width())
                : p.shrinkable()         ? (page.body.width() - size.width()) / 2
                                         : 0;
            painter.save();
            painter.translate(x, at);
            if (p.text) {
                p.text->drawContents(&painter);
            } else {
                const QRectF target(QPointF(0, 0), size);
                const QImage image(p.imagePath);
                if (image.isNull()) {
                    painter.restore();
                    return false;
                }
                painter.drawImage(target, image);
                painter.setPen(QPen(QColor(0xa9, 0xb6, 0xc6), mm(page.pdf, 0.2)));
                painter.drawRect(target);
                if (p.caption) {
                    painter.translate(0, size.height() + mm(page.pdf, 1.5));
                    p.caption->drawContents(&painter);
                }
            }
            painter.restore();
            rowHeight = std::max(rowHeight, p.heightAt(scale));
        }
        at += rowHeight + page.itemGap;
    }
    return true;
}

// Where each group goes: its page, its top, the scale of its full-width pictures. A group that does
// not fit what is left of a page fits it when its full-width pictures may be a little narrower (down
// to kSmallest: screen text stays about 5 pt on paper), else it starts the next page: no half-empty
// page for want of a few millimetres, and no step torn from its box.
struct Placement {
    int page = 0;
    qreal top = 0;
    qreal scale = 1;
};

ManualExport::PdfLayout paginate(const PdfPage& page, const std::vector<PlacedGroup>& groups, QList<Placement>* out)
{
    constexpr qreal kSmallest = 0.8;
    // A step taller than a whole page (9.2.2 step 3: its screen, the two cards and two boxes) is
    // fitted to one: its screenshot narrower than kSmallest, but with everything the manual says
    // about it. One that would need more than kTallest is left to run over (none does).
    constexpr qreal kTallest = 0.5;
    const qreal body = page.body.height();
    ManualExport::PdfLayout laid;
    int last = 0;
    qreal y = 0;
    for (const PlacedGroup& g : groups) {
        qreal scale = scaleToFit(page, g, body - y);
        if (y > 0 && scale < kSmallest) {
            ++last;
            y = 0;
            scale = scaleToFit(page, g, body);
        }
        if (scale < kTallest)
            scale = 1;
        if (y == 0)
            laid.startsWithAside.append(!g.empty() && g.front().aside);
        out->append({ last, y, scale });
        laid.smallestScale = std::min(laid.smallestScale, scale);
        y += groupHeight(page, g, scale);
        if (laid.fill.size() <= last)
            laid.fill.append(0);
        laid.fill[last] = y / body;
        y += page.groupGap;
    }
    laid.pages = last + 1;
    return laid;
}

} // namespace

bool ManualExport::writePdf(
    const QString& file, const std::function<QString(const QString&)>& imageOf, PdfLayout* layout, QString* error)
{
    // Painted and closed first (the writer owns the file until it is gone), then named.
    return paintPdf(file, imageOf, layout, error) && nameGlyphsAsWritten(file, error);
}

bool ManualExport::nameGlyphsAsWritten(const QString& file, QString* error)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        *error = tr("%1 を読めません。").arg(file);
        return false;
    }
    QByteArray pdf = in.readAll();
    in.close();
    // The ToUnicode streams Qt writes: uncompressed CMaps of <glyph> → <UTF-16 code> entries.
    static const QRegularExpression toUnicode(QStringLiteral("/ToUnicode (\\d+) 0 R"));
    static const QRegularExpression code(QStringLiteral("<(2[EF][0-9A-F]{2})>"));
    bool changed = false;
    const QString text = QString::fromLatin1(pdf);
    for (auto refs = toUnicode.globalMatch(text); refs.hasNext();) {
        const QByteArray header = "\n" + refs.next().captured(1).toLatin1() + " 0 obj";
        const qsizetype object = pdf.indexOf(header);
        const qsizetype begin = object < 0 ? -1 : pdf.indexOf("stream\n", object);
        const qsizetype end = begin < 0 ? -1 : pdf.indexOf("endstream", begin);
        if (end < 0)
            continue;
        const QString cmap = QString::fromLatin1(pdf.mid(begin, end - begin));
        for (auto codes = code.globalMatch(cmap); codes.hasNext();) {
            const QRegularExpressionMatch m = codes.next();
            const QString radical(QChar(char16_t(m.captured(1).toUShort(nullptr, 16))));
            const QString ideograph = radical.normalized(QString::NormalizationForm_KC);
            if (ideograph.size() != 1 || ideograph == radical)
                continue;
            const QByteArray hex = QByteArray::number(ideograph.at(0).unicode(), 16).toUpper().rightJustified(4, '0');
            pdf.replace(begin + m.capturedStart(1), 4, hex);
            changed = true;
        }
    }
    if (!changed)
        return true;
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(pdf) != pdf.size() || !out.commit()) {
        *error = tr("%1 を書き込めません。").arg(file);
        return false;
    }
    return true;
}

bool ManualExport::paintPdf(
    const QString& file, const std::function<QString(const QString&)>& imageOf, PdfLayout* layout, QString* error)
{
    QPdfWriter pdf(file);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(18, 22, 18, 20), QPageLayout::Millimeter);
    pdf.setResolution(300);
    pdf.setTitle(ManualSteps::chapterTitle());
    pdf.setCreator(QStringLiteral("hardtoken-console"));
    QFont font(QStringLiteral("IPAexGothic"));
    font.setPointSizeF(10);
    const PdfPage page { pdf, QRectF(QPointF(0, 0), QSizeF(pdf.pageLayout().paintRectPixels(pdf.resolution()).size())),
        font, mm(pdf, 2.5), mm(pdf, 5) };

    std::vector<PlacedGroup> groups;
    for (const Group& group : chapter()) {
        PlacedGroup placed;
        for (const Item& item : group) {
            Placed p;
            if (item.image.isEmpty()) {
                p.text = page.document(item.html, page.body.width());
                p.height = p.text->size().height();
            } else if (!placeFigure(page, item, imageOf(item.image), &p)) {
                *error = tr("画像 %1 を読めません。").arg(imageOf(item.image));
                return false;
            }
            p.aside = item.aside;
            placed.push_back(std::move(p));
        }
        groups.push_back(std::move(placed));
    }

    QList<Placement> placements;
    const PdfLayout laid = paginate(page, groups, &placements);
    *layout = laid;

    // Pass 2: paint, with the running header and the page number.
    QPainter painter;
    if (!painter.begin(&pdf)) {
        *error = tr("%1 を書き込めません。").arg(file);
        return false;
    }
    // Screenshots deflated, not JPEG: text in a picture stays sharp on paper.
    painter.setRenderHint(QPainter::LosslessImageRendering);
    int current = -1;
    for (size_t i = 0; i < groups.size(); ++i) {
        if (placements[i].page != current) {
            if (current >= 0)
                pdf.newPage();
            current = placements[i].page;
            paintFrame(painter, page, current, laid.pages);
        }
        if (!paintGroup(painter, page, groups[i], placements[i].top, placements[i].scale)) {
            painter.end();
            *error = tr("%1 に画像を書き込めません。").arg(file);
            return false;
        }
    }
    if (!painter.end()) {
        *error = tr("%1 を書き込めません。").arg(file);
        return false;
    }
    return true;
}

bool ManualExport::run(const QString& outDir, const QStringList& languages, QString* error,
    const std::function<void(const QString&)>& progress)
{
    TourOptions tour;
    tour.outDir = QDir(outDir).filePath(QStringLiteral("images"));
    tour.languages = languages;
    tour.scale = 2; // for print: screen text about 6 pt on paper, sharp
    if (progress) {
        tour.progress = [&progress](int done, int total, const QString& file) {
            progress(QStringLiteral("[%1/%2] %3").arg(done).arg(total).arg(file));
        };
    }
    QList<TourShot> shots;
    if (!ScreenshotTour::run(tour, &shots, error))
        return false;
    Language language;
    for (const QString& lang : languages) {
        language.set(lang);
        // The files the tour wrote for this language (at whatever scale it ran: 2× for the PDF).
        QHash<QString, QString> fileOf;
        for (const TourShot& s : std::as_const(shots)) {
            if (s.language == lang)
                fileOf.insert(s.id, s.file);
        }
        const QString base = QDir(outDir).filePath(QStringLiteral("chapter9-%1").arg(lang));
        if (progress)
            progress(tr("%1: HTML").arg(lang));
        QSaveFile out(base + QStringLiteral(".html"));
        if (!out.open(QIODevice::WriteOnly)
            || out.write(chapterHtml([&](const QString& id) -> QString {
                   return QStringLiteral("images/") + fileOf.value(id);
               }).toUtf8())
                < 0
            || !out.commit()) {
            *error = tr("%1 を書き込めません。").arg(out.fileName());
            return false;
        }
        if (progress)
            progress(tr("%1: PDF").arg(lang));
        PdfLayout layout;
        if (!writePdf(
                base + QStringLiteral(".pdf"),
                [&](const QString& id) -> QString { return QDir(tour.outDir).filePath(fileOf.value(id)); }, &layout,
                error))
            return false;
    }
    language.set(QStringLiteral("ja"));
    return true;
}

} // namespace hardtoken
