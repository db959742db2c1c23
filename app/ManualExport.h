#pragma once

#include "ScreenshotTour.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace hardtoken {

// Chapter 9 of the manual as HTML and a print-ready PDF, from the one table of the manual's steps
// (ManualSteps) with freshly rendered screenshots in place (the screenshot tour runs first, at 2×),
// so that a manual never shows a stale screen.
//
// The PDF is laid out page by page with QPainter (A4, 18 mm margins): a running header with the
// chapter title and the edition, "n / N" at the foot, the manual's text with button names in bold,
// ⚠️ ご注意 and ✎ メモ boxes, captions under the card pictures, and every step kept on one page with
// its picture, its notes and its boxes (a step that does not fit what is left of a page fits it
// with its picture a little narrower, down to 80 %, or starts the next; a step taller than a page
// is fitted to one).
// Pictures are embedded losslessly at 2× and as wide as the text, so that screen text is about
// 6 pt on paper.
class ManualExport final {
    Q_DECLARE_TR_FUNCTIONS(ManualExport)
public:
    // Writes DIR/images/*@2x.png, DIR/images/manifest.json, DIR/chapter9-<lang>.html and .pdf.
    // `progress` (may be null) hears "step n of N" lines.
    static bool run(const QString& outDir, const QStringList& languages, QString* error,
        const std::function<void(const QString&)>& progress = {});
    // The chapter as HTML; `imageOf(id)` gives the picture's path relative to the HTML.
    static QString chapterHtml(const std::function<QString(const QString&)>& imageOf);
    // How the PDF was laid out.
    struct PdfLayout {
        int pages = 0;
        QList<qreal> fill; // each page's share of the text area in use (0–1)
        QList<bool> startsWithAside; // a page that begins with a box or a note (torn from its step)
        qreal smallestScale = 1; // the narrowest a step's picture was made to fit a page
    };
    // The PDF of the current language; the pictures are read from `imageOf(id)` (absolute paths).
    static bool writePdf(
        const QString& file, const std::function<QString(const QString&)>& imageOf, PdfLayout* layout, QString* error);
    // The text a PDF reader extracts, searches and reads aloud made the text written: Qt names a
    // glyph by the first code point the font maps to it, and IPAexGothic maps 用 and the Kangxi
    // radical ⽤ (U+2F64) to one glyph, so 「利用」 came out as 「利⽤」. Each radical in the PDF's
    // ToUnicode maps is replaced by the ideograph it stands for (NFKC), in place: the same length,
    // so no offset moves. False with `error` when the file cannot be rewritten.
    static bool nameGlyphsAsWritten(const QString& file, QString* error);

private:
    static bool paintPdf(
        const QString& file, const std::function<QString(const QString&)>& imageOf, PdfLayout* layout, QString* error);
};

} // namespace hardtoken
